"""User-defined samplers and pruners: Python subclasses of BaseSampler and BasePruner."""

import threading

import pytest

import hone
from hone.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from hone.pruners import BasePruner
from hone.samplers import BaseSampler
from hone.trial import FrozenTrial, TrialState


class LowSampler(BaseSampler):
    """Always the lower bound (the first choice), recording what it was given."""

    def __init__(self):
        self.calls = []

    def sample_independent(self, study, trial, param_name, param_distribution):
        self.calls.append((type(study).__name__, type(trial).__name__, param_name, param_distribution))
        if isinstance(param_distribution, CategoricalDistribution):
            return param_distribution.choices[0]
        return param_distribution.low


def test_independent_sampler_is_called_with_optuna_arguments():
    sampler = LowSampler()
    study = hone.create_study(sampler=sampler)
    trial = study.ask()
    assert trial.suggest_float("x", -2.5, 3.0) == -2.5
    assert trial.suggest_int("n", 3, 9) == 3
    assert trial.suggest_categorical("c", ["b", "a"]) == "b"
    study.tell(trial, 1.0)
    assert [c[2] for c in sampler.calls] == ["x", "n", "c"]
    assert sampler.calls[0][:2] == ("Study", "FrozenTrial")
    assert sampler.calls[0][3] == FloatDistribution(-2.5, 3.0)
    assert sampler.calls[1][3] == IntDistribution(3, 9)
    assert study.trials[0].params == {"x": -2.5, "n": 3, "c": "b"}


def test_int_values_stay_exact():
    class Big(BaseSampler):
        def sample_independent(self, study, trial, name, dist):
            return dist.high

    study = hone.create_study(sampler=Big())
    trial = study.ask()
    big = 2**62 + 1
    assert trial.suggest_int("n", 0, big) == big


class RelativeSampler(BaseSampler):
    """Relative sampling over a fixed space; the independent part is left to the default."""

    def __init__(self):
        self.seen_trials = []
        self.finished = []
        self.reads = []

    def infer_relative_search_space(self, study, trial):
        # Reading the study from inside a callback must not deadlock.
        self.seen_trials.append(len(study.trials))
        return {"x": FloatDistribution(0.0, 1.0), "k": IntDistribution(1, 5)}

    def sample_relative(self, study, trial, search_space):
        assert set(search_space) == {"x", "k"}
        return {"x": 0.25, "k": 4}

    def after_trial(self, study, trial, state, values):
        # The study as Optuna's samplers read it, from inside tell (checked by the test:
        # an exception here would only be a warning).
        self.reads.append(
            (study.directions, study.get_trials(deepcopy=False)[-1].number, study.best_trial.value)
        )
        self.finished.append((trial.number, state, values))


def test_relative_sampler_and_after_trial():
    sampler = RelativeSampler()
    study = hone.create_study(sampler=sampler)
    for _ in range(3):
        trial = study.ask()
        assert trial.suggest_float("x", 0.0, 1.0) == 0.25
        assert trial.suggest_int("k", 1, 5) == 4
        y = trial.suggest_float("y", 10.0, 20.0)  # outside the relative space: the default, random
        assert 10.0 <= y <= 20.0
        study.tell(trial, 2.0)
    failed = study.ask()
    study.tell(failed, state=TrialState.FAIL)
    assert sampler.seen_trials == [0, 1, 2, 3]
    assert sampler.finished == [
        (0, TrialState.COMPLETE, [2.0]),
        (1, TrialState.COMPLETE, [2.0]),
        (2, TrialState.COMPLETE, [2.0]),
        (3, TrialState.FAIL, None),
    ]
    minimize = [hone.study.StudyDirection.MINIMIZE]
    assert sampler.reads == [(minimize, n, 2.0) for n in range(4)]


def test_optimize_with_a_user_sampler():
    study = hone.create_study(sampler=LowSampler())
    study.optimize(lambda t: t.suggest_float("x", 1.0, 2.0) ** 2, n_trials=3)
    assert [t.value for t in study.trials] == [1.0, 1.0, 1.0]
    assert study.best_trial.params == {"x": 1.0}


class Boom(Exception):
    pass


def test_exception_in_sample_independent_reaches_the_caller():
    class Failing(BaseSampler):
        def sample_independent(self, study, trial, name, dist):
            raise Boom("no value for " + name)

    study = hone.create_study(sampler=Failing())
    trial = study.ask()
    with pytest.raises(Boom, match="no value for x"):
        trial.suggest_float("x", 0.0, 1.0)
    # The failed suggest recorded nothing; the trial still runs.
    frozen = study.trials[0]
    assert frozen.params == {} and frozen.state == TrialState.RUNNING


def test_exception_in_infer_fails_ask_and_creates_nothing():
    class Failing(BaseSampler):
        def infer_relative_search_space(self, study, trial):
            raise KeyError("space")

    study = hone.create_study(sampler=Failing())
    with pytest.raises(KeyError):
        study.ask()
    assert study.trials == []


def test_value_outside_the_distribution_is_refused():
    class Wrong(BaseSampler):
        def sample_independent(self, study, trial, name, dist):
            return 7.0

    study = hone.create_study(sampler=Wrong())
    trial = study.ask()
    with pytest.raises(hone.InvalidArgumentError, match="outside"):
        trial.suggest_float("x", 0.0, 1.0)


def test_changing_the_study_from_a_callback_is_a_state_error():
    class Meddling(BaseSampler):
        def sample_independent(self, study, trial, name, dist):
            study.enqueue_trial({"x": 0.5})
            return dist.low

    study = hone.create_study(sampler=Meddling())
    trial = study.ask()
    with pytest.raises(hone.StateError, match="callback"):
        trial.suggest_float("x", 0.0, 1.0)


def test_other_threads_wait_for_a_callback():
    entered = threading.Event()
    release = threading.Event()

    class Slow(BaseSampler):
        def sample_independent(self, study, trial, name, dist):
            entered.set()
            release.wait(10)
            return dist.low

    study = hone.create_study(sampler=Slow())
    trial = study.ask()
    results = []
    worker = threading.Thread(target=lambda: results.append(trial.suggest_float("x", 0.0, 1.0)))
    worker.start()
    assert entered.wait(10)
    # Another thread's read waits for the callback's call, then sees its result.
    reader = threading.Thread(target=lambda: results.append(study.trials[0].params))
    reader.start()
    release.set()
    worker.join(10)
    reader.join(10)
    assert results[0] == 0.0
    assert results[1] == {"x": 0.0}


def test_user_pruner():
    class AtStep3(BasePruner):
        def __init__(self):
            self.seen = []

        def prune(self, study, trial):
            self.seen.append((type(trial).__name__, max(trial.intermediate_values)))
            return trial.last_step == 3

    pruner = AtStep3()
    study = hone.create_study(pruner=pruner)
    trial = study.ask()
    decisions = []
    for step in range(5):
        trial.report(float(step), step)
        decisions.append(trial.should_prune())
    assert decisions == [False, False, False, True, False]
    assert pruner.seen[0] == ("FrozenTrial", 0)


def test_user_sampler_with_a_persistent_storage(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    study = hone.create_study(storage=url, study_name="u", sampler=LowSampler())
    study.optimize(lambda t: t.suggest_float("x", 3.0, 4.0), n_trials=2)
    again = hone.load_study(study_name="u", storage=url, sampler=LowSampler())
    trial = again.ask()
    assert trial.suggest_float("x", 3.0, 4.0) == 3.0


def test_builtin_samplers_are_unchanged():
    study = hone.create_study(sampler=hone.samplers.RandomSampler(seed=1))
    study.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=2)
    assert len(study.trials) == 2


def test_exception_in_sample_independent_fails_the_trial_in_optimize():
    class Failing(BaseSampler):
        def sample_independent(self, study, trial, name, dist):
            raise Boom("sampler broke")

    study = hone.create_study(sampler=Failing())
    with pytest.raises(Boom, match="sampler broke"):
        study.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=3)
    # As in Optuna: the trial that raised is FAIL and the run stops there.
    assert [t.state for t in study.trials] == [TrialState.FAIL]


def test_reseed_rng_is_called_by_a_threaded_optimize():
    class Counting(LowSampler):
        def __init__(self):
            super().__init__()
            self.reseeds = 0
            self.lock = threading.Lock()

        def reseed_rng(self):
            with self.lock:
                self.reseeds += 1

    sampler = Counting()
    study = hone.create_study(sampler=sampler)
    study.optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=6, n_jobs=2)
    assert sampler.reseeds == 6
    assert [t.params for t in study.trials] == [{"x": 0.0}] * 6
    serial = Counting()
    hone.create_study(sampler=serial).optimize(lambda t: t.suggest_float("x", 0.0, 1.0), n_trials=2)
    assert serial.reseeds == 0


def test_user_sampler_with_a_builtin_pruner_and_the_reverse():
    study = hone.create_study(sampler=LowSampler(), pruner=hone.pruners.ThresholdPruner(upper=1.0))
    trial = study.ask()
    assert trial.suggest_float("x", 0.5, 1.0) == 0.5
    trial.report(2.0, 0)
    assert trial.should_prune()

    class Never(BasePruner):
        def prune(self, study, trial):
            return False

    study = hone.create_study(sampler=hone.samplers.RandomSampler(seed=3), pruner=Never())
    trial = study.ask()
    assert 0.0 <= trial.suggest_float("x", 0.0, 1.0) <= 1.0
    trial.report(1e9, 0)
    assert not trial.should_prune()


def test_exception_in_after_trial_reaches_tell_after_the_trial_is_finished():
    class FailsOnce(LowSampler):
        def after_trial(self, study, trial, state, values):
            if trial.number == 0:
                raise Boom(f"after {trial.number}")

    study = hone.create_study(sampler=FailsOnce())
    trial = study.ask()
    with pytest.raises(Boom, match="after 0"):
        study.tell(trial, 1.0)
    assert study.trials[0].state == TrialState.COMPLETE and study.trials[0].value == 1.0
    # Nothing is left over for the next tell.
    study.tell(study.ask(), 2.0)
    assert [t.value for t in study.trials] == [1.0, 2.0]
