"""One study shared by threads: no trial is lost, duplicated or mixed up."""
import threading

import hone
from hone import TrialState

THREADS = 8
PER_THREAD = 200


def test_threads_share_one_study():
    with hone.create_study(sampler=hone.samplers.RandomSampler(seed=11)) as study:
        start = threading.Barrier(THREADS)
        told = [[] for _ in range(THREADS)]
        errors = []

        def work(k):
            try:
                start.wait()
                for _ in range(PER_THREAD):
                    trial = study.ask()
                    x = trial.suggest_float("x", 0.0, 1.0)
                    n = trial.suggest_int("n", 0, 1000)
                    trial.set_user_attr("worker", k)
                    frozen = study.tell(trial, x + n)
                    told[k].append((frozen.number, x, n))
            except BaseException as e:  # surfaced below: a thread's exception is otherwise lost
                errors.append(e)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []

        trials = study.trials
        assert len(trials) == THREADS * PER_THREAD
        assert [t.number for t in trials] == list(range(THREADS * PER_THREAD))
        assert all(t.state == TrialState.COMPLETE for t in trials)
        numbers = [number for per in told for number, _, _ in per]
        assert sorted(numbers) == list(range(THREADS * PER_THREAD))
        for k, per in enumerate(told):
            assert len(per) == PER_THREAD
            for number, x, n in per:
                t = trials[number]
                assert t.params == {"x": x, "n": n}
                assert t.value == x + n
                assert t.user_attrs == {"worker": k}


def test_optimize_with_eight_jobs():
    with hone.create_study(sampler=hone.samplers.RandomSampler(seed=12)) as study:
        study.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=THREADS * PER_THREAD, n_jobs=THREADS)
        trials = study.trials
        assert len(trials) == THREADS * PER_THREAD
        assert all(t.state == TrialState.COMPLETE and t.value == t.params["x"] for t in trials)
