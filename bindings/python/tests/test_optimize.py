"""Study.optimize: stopping rules, pruning, failures, catch, callbacks and threads."""
import logging
import threading
import time

import pytest

import hone
from hone import TrialState


def quadratic(trial):
    x = trial.suggest_float("x", -10.0, 10.0)
    return (x - 2.0) ** 2


def test_optimize_runs_n_trials_and_finds_the_minimum(study):
    study.optimize(quadratic, n_trials=100)
    assert len(study.trials) == 100
    assert all(t.state == TrialState.COMPLETE for t in study.trials)
    assert study.best_value == min(t.value for t in study.trials)
    assert abs(study.best_params["x"] - 2.0) < 1.0
    study.optimize(quadratic, n_trials=5)  # optimize continues the same study
    assert [t.number for t in study.trials] == list(range(105))


def test_optimize_with_zero_trials_does_nothing(study):
    study.optimize(quadratic, n_trials=0)
    assert study.trials == []
    with pytest.raises(ValueError):
        study.optimize(quadratic, n_trials=-1)


def test_trial_pruned_marks_the_trial_pruned(study):
    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        for step in range(3):
            trial.report(x + step, step)
        if trial.number % 2:
            raise hone.TrialPruned("odd trial")
        return x

    study.optimize(objective, n_trials=6)
    states = [t.state for t in study.trials]
    assert states == [TrialState.COMPLETE, TrialState.PRUNED] * 3
    pruned = study.trials[1]
    assert pruned.value == pruned.params["x"] + 2  # the last intermediate value
    assert pruned.intermediate_values == {s: pruned.params["x"] + s for s in range(3)}


def test_exception_fails_the_trial_and_is_raised(study):
    def objective(trial):
        trial.suggest_float("x", 0.0, 1.0)
        if trial.number == 2:
            raise KeyError("boom")
        return 1.0

    with pytest.raises(KeyError, match="boom"):
        study.optimize(objective, n_trials=10)
    assert [t.state for t in study.trials] == [TrialState.COMPLETE] * 2 + [TrialState.FAIL]
    assert "x" in study.trials[2].params


@pytest.mark.parametrize("catch", [ValueError, (ValueError,), [ArithmeticError, ValueError]])
def test_caught_exceptions_fail_the_trial_and_continue(study, catch):
    def objective(trial):
        if trial.number % 3 == 0:
            raise ValueError("caught")
        return 1.0

    study.optimize(objective, n_trials=6, catch=catch)
    assert [t.state for t in study.trials] == [TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE] * 2


def test_exceptions_outside_catch_still_raise(study):
    def objective(trial):
        raise ZeroDivisionError("not caught")

    with pytest.raises(ZeroDivisionError):
        study.optimize(objective, n_trials=3, catch=(ValueError,))
    assert [t.state for t in study.trials] == [TrialState.FAIL]


def test_keyboard_interrupt_leaves_no_running_trial(study):
    def objective(trial):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        study.optimize(objective, n_trials=3)
    assert [t.state for t in study.trials] == [TrialState.FAIL]


def test_bad_return_values_fail_the_trial_and_are_logged(study, caplog):
    returns = iter([float("nan"), None, "text", 1.5])
    with caplog.at_level(logging.WARNING, logger="hone"):
        study.optimize(lambda t: next(returns), n_trials=4)
    assert [t.state for t in study.trials] == [TrialState.FAIL] * 3 + [TrialState.COMPLETE]
    messages = [r.getMessage() for r in caplog.records]
    assert any("Trial 0 failed, because the objective function returned nan" in m for m in messages)
    assert any("Trial 1 failed, because the value None could not be cast to float" in m for m in messages)


def test_callbacks_see_every_finished_trial(study):
    seen = []

    def objective(trial):
        if trial.number == 1:
            raise hone.TrialPruned()
        if trial.number == 2:
            raise ValueError("caught")
        return float(trial.number)

    def callback(s, frozen):
        assert s is study
        seen.append((frozen.number, frozen.state, frozen.value))

    study.optimize(objective, n_trials=4, catch=ValueError, callbacks=[callback, lambda s, t: seen.append("second")])
    assert seen == [
        (0, TrialState.COMPLETE, 0.0),
        "second",
        (1, TrialState.PRUNED, None),
        "second",
        (2, TrialState.FAIL, None),
        "second",
        (3, TrialState.COMPLETE, 3.0),
        "second",
    ]


def test_stop_from_a_callback(study):
    def callback(s, frozen):
        if frozen.number == 4:
            s.stop()

    study.optimize(quadratic, n_trials=100, callbacks=[callback])
    assert len(study.trials) == 5
    with pytest.raises(RuntimeError, match="inside an objective function or a callback"):
        study.stop()


def test_nested_optimize_is_refused(study):
    def objective(trial):
        study.optimize(quadratic, n_trials=1)

    with pytest.raises(RuntimeError, match="Nested optimization"):
        study.optimize(objective, n_trials=1)


def test_timeout_stops_before_the_next_trial(study, within):
    # Optuna's rule: a trial starts only while the timeout has not run out, and the
    # loop stops after the first trial that ends past it. Asserted as bounds that
    # hold however fast or slow this machine runs the trials.
    timeout, nap = 0.3, 0.05

    def slow(trial):
        time.sleep(nap)
        return quadratic(trial)

    started = time.monotonic()
    within(30, lambda: study.optimize(slow, timeout=timeout))
    # The loop only stops once a check finds the deadline passed.
    assert time.monotonic() - started >= timeout
    trials = study.trials
    assert all(t.state == TrialState.COMPLETE for t in trials)
    # Each trial sleeps at least `nap`, so at most timeout / nap + 1 can start in time.
    assert 1 <= len(trials) <= int(timeout / nap) + 1
    assert all(b.datetime_start >= a.datetime_complete for a, b in zip(trials, trials[1:]))


def test_timeout_and_n_trials_whichever_comes_first(study):
    study.optimize(quadratic, n_trials=3, timeout=60)
    assert len(study.trials) == 3


def test_multi_objective_optimize():
    with hone.create_study(directions=["minimize", "maximize"], sampler=hone.samplers.RandomSampler(seed=0)) as study:
        study.optimize(lambda t: (t.suggest_float("x", 0, 1), t.suggest_float("y", 0, 1)), n_trials=30)
        assert all(len(t.values) == 2 for t in study.trials)
        front = study.best_trials
        assert front
        for a in front:
            for b in study.get_trials(states=[TrialState.COMPLETE]):
                dominates = b.values[0] <= a.values[0] and b.values[1] >= a.values[1] and b.values != a.values
                assert not dominates


def test_n_jobs_runs_trials_in_threads(study):
    threads = set()
    lock = threading.Lock()

    def objective(trial):
        with lock:
            threads.add(threading.get_ident())
        time.sleep(0.002)
        return quadratic(trial)

    study.optimize(objective, n_trials=64, n_jobs=4)
    assert len(study.trials) == 64
    assert [t.number for t in study.trials] == list(range(64))
    assert all(t.state == TrialState.COMPLETE for t in study.trials)
    assert len(threads) > 1


def test_n_jobs_error_stops_all_workers(study, within):
    def objective(trial):
        if trial.number == 10:
            raise OSError("worker failed")
        time.sleep(0.001)
        return 0.0

    with pytest.raises(OSError, match="worker failed"):
        within(30, lambda: study.optimize(objective, n_trials=1000, n_jobs=4))
    assert len(study.trials) < 100
    assert all(t.state != TrialState.RUNNING for t in study.trials)


def test_show_progress_bar_warns(study):
    with pytest.warns(UserWarning, match="progress bar"):
        study.optimize(quadratic, n_trials=1, show_progress_bar=True)
