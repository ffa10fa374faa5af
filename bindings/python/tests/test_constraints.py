"""Constrained optimization as Optuna has it: ``constraints_func`` on the samplers, the
values in the system attribute ``"constraints"``, and best trials among feasible ones."""
import math
import warnings

import pytest

import hone
from hone import TrialState

try:
    import optuna
except ImportError:  # pragma: no cover - make python installs it
    optuna = None


def recording(values_of):
    """A constraints_func that records the trial numbers it sees and gives ``values_of(trial)``."""
    seen = []

    def constraints(trial):
        seen.append(trial.number)
        return values_of(trial)

    return constraints, seen


def from_user_attr(trial):
    return trial.user_attrs["c"]


@pytest.mark.parametrize("make", [
    lambda f: hone.samplers.TPESampler(seed=1, constraints_func=f),
    lambda f: hone.samplers.GPSampler(seed=1, n_startup_trials=3, n_candidates=64, n_restarts=2, constraints_func=f),
])
def test_called_once_per_complete_or_pruned_trial_never_for_fail(make):
    constraints, seen = recording(lambda t: [t.params["x"] - 0.5])

    def objective(trial):
        x = trial.suggest_float("x", 0, 1)
        kind = trial.number % 4
        if kind == 1:
            raise hone.TrialPruned()
        if kind == 2:
            raise RuntimeError("fails")
        if kind == 3:
            return float("nan")  # a NaN value fails the trial
        return x

    with hone.create_study(sampler=make(constraints)) as study:
        study.optimize(objective, n_trials=12, catch=(RuntimeError,))
        trials = study.trials
    assert [t.state for t in trials[:4]] == [TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.FAIL]
    assert seen == [t.number for t in trials if t.state in (TrialState.COMPLETE, TrialState.PRUNED)]
    for t in trials:
        if t.state in (TrialState.COMPLETE, TrialState.PRUNED):
            assert t.system_attrs["constraints"] == [t.params["x"] - 0.5]
        else:
            assert "constraints" not in t.system_attrs


def test_ask_and_tell_call_it_before_the_state_is_written():
    states = []

    def constraints(trial):
        states.append((trial.state, trial.values))
        return (1.0, -math.inf, math.inf)

    with hone.create_study(sampler=hone.samplers.TPESampler(seed=2, constraints_func=constraints)) as study:
        trial = study.ask()
        trial.suggest_float("x", 0, 1)
        study.tell(trial, 0.25)
        failed = study.ask()
        study.tell(failed, state=TrialState.FAIL)
        assert states == [(TrialState.RUNNING, None)], "it sees the RUNNING trial, as in Optuna"
        assert study.trials[0].system_attrs["constraints"] == [1.0, -math.inf, math.inf]
        assert "constraints" not in study.trials[1].system_attrs


def test_nan_is_a_value_error_and_the_trial_is_still_told_as_in_optuna():
    sampler = hone.samplers.TPESampler(seed=3, constraints_func=lambda t: [0.0, float("nan")])
    with hone.create_study(sampler=sampler) as study:
        with pytest.raises(ValueError, match="NaN"):
            study.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=3)
        assert len(study.trials) == 1, "the error ends optimize"
        assert study.trials[0].state == TrialState.COMPLETE
        assert "constraints" not in study.trials[0].system_attrs


def test_values_that_are_not_floats_raise_and_other_sequences_warn():
    with hone.create_study(sampler=hone.samplers.TPESampler(seed=4, constraints_func=lambda t: ["low"])) as study:
        trial = study.ask()
        with pytest.raises(TypeError, match="sequence of floats"):
            study.tell(trial, 1.0)
        assert study.trials[0].state == TrialState.COMPLETE
    with hone.create_study(sampler=hone.samplers.TPESampler(seed=4, constraints_func=lambda t: iter([-1.0]))) as study:
        with pytest.warns(UserWarning, match="sequence of floats"):
            study.tell(study.ask(), 1.0)
        assert study.trials[0].system_attrs["constraints"] == [-1.0]


def test_best_trial_and_best_trials_are_among_feasible_trials():
    sampler = hone.samplers.TPESampler(seed=5, constraints_func=from_user_attr)
    with hone.create_study(sampler=sampler) as study:
        for value, c in [(-10.0, [0.5]), (3.0, [0.0]), (1.0, [1e-9]), (2.0, [-1.0])]:
            trial = study.ask()
            trial.set_user_attr("c", c)
            study.tell(trial, value)
            if trial.number == 0:
                with pytest.raises(ValueError, match="feasible"):
                    study.best_trial
                assert study.best_trials == []
        assert study.best_trial.number == 3
        assert study.best_value == 2.0
        assert [t.number for t in study.best_trials] == [3]
    with hone.create_study(directions=["minimize", "minimize"], sampler=hone.samplers.TPESampler(
            seed=5, constraints_func=from_user_attr)) as multi:
        for values, c in [([0, 0], [1]), ([1, 2], [-1]), ([2, 1], [0]), ([2, 2], [-1])]:
            trial = multi.ask()
            trial.set_user_attr("c", c)
            multi.tell(trial, values)
        assert [t.number for t in multi.best_trials] == [1, 2]


def test_the_function_stays_in_python_and_is_checked():
    f = lambda t: [0.0]  # noqa: E731
    for cls in (hone.samplers.TPESampler, hone.samplers.GPSampler, hone.samplers.NSGAIISampler):
        # The library's samplers read the values the study stores, whoever set them: the spec is the same.
        assert cls(seed=1, constraints_func=f)._to_spec() == cls(seed=1)._to_spec()
        assert cls(constraints_func=f).constraints_func is f
        with pytest.raises(TypeError, match="callable"):
            cls(constraints_func=[0.0])
    assert hone.samplers.RandomSampler().constraints_func is None


def test_a_partial_fixed_sampler_calls_its_base_samplers_function():
    constraints, seen = recording(lambda t: [-1.0])
    base = hone.samplers.TPESampler(seed=6, constraints_func=constraints)
    sampler = hone.samplers.PartialFixedSampler({"y": 1}, base)
    with hone.create_study(sampler=sampler) as study:
        study.optimize(lambda t: t.suggest_float("x", 0, 1) + t.suggest_int("y", 0, 3), n_trials=3)
        assert seen == [0, 1, 2]


def test_constraints_survive_sqlite_storage(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    sampler = hone.samplers.TPESampler(seed=7, constraints_func=lambda t: [t.params["x"] - 0.5, -math.inf])
    with hone.create_study(storage=url, study_name="s", sampler=sampler) as study:
        study.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=6)
        expected = [(t.number, t.system_attrs["constraints"]) for t in study.trials]
        best = study.best_trial.number
    with hone.load_study(study_name="s", storage=url) as again:
        assert [(t.number, t.system_attrs["constraints"]) for t in again.trials] == expected
        assert again.best_trial.number == best
        assert again.best_trial.system_attrs["constraints"][0] <= 0
    summary = hone.get_all_study_summaries(url)[0]
    assert summary.best_trial.number == best


@pytest.mark.skipif(optuna is None, reason="optuna is not installed")
@pytest.mark.filterwarnings("ignore::FutureWarning")  # Optuna 5 deprecates constraints_func for set_constraint
def test_the_same_trials_give_optunas_constraints_and_best_trials():
    """Both libraries are told the same values and constraints; they agree on what they keep and choose."""
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    cases = [(5.0, [0.2, -1.0]), (-3.0, [1.0, 0.0]), (4.0, [0.0, -math.inf]), (1.0, [-0.5, -0.5]),
             (0.5, [0.1, -2.0]), (2.0, (-1.0, 0.0)), (-9.0, [math.inf, -1.0])]
    hone_study = hone.create_study(sampler=hone.samplers.TPESampler(seed=1, constraints_func=from_user_attr))
    optuna_study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=1, constraints_func=from_user_attr))
    for i, (value, c) in enumerate(cases):
        for study in (hone_study, optuna_study):
            trial = study.ask()
            trial.suggest_float("x", 0, 1)
            trial.set_user_attr("c", c)
            if i == 4:
                trial.report(value, 1)
                study.tell(trial, state=TrialState.PRUNED if study is hone_study else optuna.trial.TrialState.PRUNED)
            else:
                study.tell(trial, value)
    theirs = {t.number: list(t.system_attrs["constraints"]) for t in optuna_study.trials}
    ours = {t.number: t.system_attrs["constraints"] for t in hone_study.trials}
    assert ours == theirs
    assert hone_study.best_trial.number == optuna_study.best_trial.number == 3
    assert hone_study.best_value == optuna_study.best_value
    with hone.create_study(directions=["minimize", "maximize"],
                           sampler=hone.samplers.TPESampler(seed=1, constraints_func=from_user_attr)) as hone_multi:
        optuna_multi = optuna.create_study(directions=["minimize", "maximize"],
                                           sampler=optuna.samplers.TPESampler(seed=1, constraints_func=from_user_attr))
        for value, c in cases:
            for study in (hone_multi, optuna_multi):
                trial = study.ask()
                trial.set_user_attr("c", c)
                study.tell(trial, [value, value * value])
        assert sorted(t.number for t in hone_multi.best_trials) == sorted(t.number for t in optuna_multi.best_trials)


@pytest.mark.skipif(optuna is None, reason="optuna is not installed")
def test_a_raising_constraints_func_ends_optimize_with_the_trial_told_as_in_optuna():
    def broken(trial):
        raise KeyError("no constraint")

    def run(study):
        with pytest.raises(KeyError):
            study.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=3)
        return [(t.number, t.state.name) for t in study.trials]

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = run(optuna.create_study(sampler=optuna.samplers.TPESampler(seed=1, constraints_func=broken)))
    with hone.create_study(sampler=hone.samplers.TPESampler(seed=1, constraints_func=broken)) as study:
        assert run(study) == theirs == [(0, "COMPLETE")]
