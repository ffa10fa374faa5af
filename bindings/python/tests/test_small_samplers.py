"""BruteForceSampler and PartialFixedSampler, as Optuna has them."""
import math

import pytest

import hone
from hone import TrialState
from hone.distributions import _normalize
from hone.samplers import BruteForceSampler, GridSampler, PartialFixedSampler, QMCSampler, RandomSampler


def conditional(trial, prune=False):
    """Optuna's conditional objective: 5 points below a = 0, 3 below a = 1, one at a = 2."""
    a = trial.suggest_int("a", 0, 2)
    if a == 0:
        b = trial.suggest_float("b", -1.0, 1.0, step=0.5)
        if prune:
            raise hone.TrialPruned()
        return a + b
    if a == 1:
        return 1.0 if trial.suggest_categorical("c", ["x", "y", None]) == "x" else -1.0
    return 2.0 * a


POINTS = sorted(
    [{"a": 0, "b": b} for b in (-1.0, -0.5, 0.0, 0.5, 1.0)] + [{"a": 1, "c": c} for c in ("x", "y", None)] + [{"a": 2}],
    key=repr,
)


def points(study):
    return sorted((t.params for t in study.trials), key=repr)


@pytest.mark.parametrize("prune", [False, True])
def test_brute_force_tries_every_point_once_then_stops(within, prune):
    with hone.create_study(sampler=BruteForceSampler(seed=0)) as study:
        within(30, lambda: study.optimize(lambda t: conditional(t, prune)))
        assert points(study) == POINTS
        assert sum(t.state == TrialState.PRUNED for t in study.trials) == (5 if prune else 0)
        with pytest.raises(hone.ExhaustedError, match="brute-force"):
            study.ask()
        within(30, lambda: study.optimize(conditional))  # already exhausted: returns at once
        assert len(study.trials) == len(POINTS)


def test_brute_force_does_not_retry_failed_points(within):
    with hone.create_study(sampler=BruteForceSampler(seed=1)) as study:
        within(30, lambda: study.optimize(lambda t: math.nan + t.suggest_int("x", 0, 19), n_trials=40))
        assert sorted(t.params["x"] for t in study.trials) == list(range(20))
        assert all(t.state == TrialState.FAIL for t in study.trials)


def test_brute_force_in_threads_strict_covers_the_space_and_stops(within):
    with hone.create_study(sampler=BruteForceSampler(seed=2, avoid_premature_stop=True)) as study:
        within(60, lambda: study.optimize(conditional, n_jobs=4))
        assert {repr(p) for p in points(study)} == {repr(p) for p in POINTS}


def test_brute_force_in_threads_may_stop_early_but_misses_nothing(within):
    # By default a running trial that has only suggested `a` counts as covering
    # its whole subtree, so parallel workers can stop before every point is done
    # (Optuna's documented looser criterion); a later run finishes the rest.
    with hone.create_study(sampler=BruteForceSampler(seed=2)) as study:
        within(60, lambda: study.optimize(conditional, n_jobs=4))
        assert {repr(p) for p in points(study)} <= {repr(p) for p in POINTS}
        within(30, lambda: study.optimize(conditional))
        assert {repr(p) for p in points(study)} == {repr(p) for p in POINTS}


def test_brute_force_same_seed_same_order():
    def order(seed):
        with hone.create_study(sampler=BruteForceSampler(seed=seed)) as study:
            study.optimize(conditional)
            return [t.params for t in study.trials]

    assert order(5) == order(5)
    assert sorted(order(5), key=repr) == POINTS


def test_brute_force_refuses_a_continuous_float_by_name(study):
    with hone.create_study(sampler=BruteForceSampler(seed=0)) as s:
        with pytest.raises(hone.InvalidArgumentError, match=r"'lr'.*continuous"):
            s.optimize(lambda t: t.suggest_float("lr", 1e-3, 1.0, log=True))


def test_brute_force_options():
    assert _normalize("sampler", BruteForceSampler(3, True)._to_spec()) == {
        "type": "brute_force",
        "seed": 3,
        "options": {"avoid_premature_stop": True},
    }
    # Printed as Optuna's samplers are: str() is the class name, repr() the default object repr.
    assert str(BruteForceSampler()) == "BruteForceSampler"
    assert repr(BruteForceSampler()).startswith("<hone.samplers.BruteForceSampler object at 0x")
    with pytest.raises(hone.InvalidArgumentError, match="unknown key 'avoid'"):
        _normalize("sampler", {"type": "brute_force", "options": {"avoid": True}})


@pytest.mark.parametrize("base", [RandomSampler(seed=3), QMCSampler(seed=3)])
def test_partial_fixed_fixes_its_parameters_and_leaves_the_rest_to_the_base(base):
    sampler = PartialFixedSampler({"y": 2, "opt": "sgd"}, base)

    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        return x + trial.suggest_int("y", 0, 4) + len(trial.suggest_categorical("opt", ["adam", "sgd"]))

    with hone.create_study(sampler=sampler) as study:
        study.optimize(objective, n_trials=10)
        assert {(t.params["y"], t.params["opt"]) for t in study.trials} == {(2, "sgd")}
        assert len({t.params["x"] for t in study.trials}) == 10


def test_partial_fixed_on_a_grid_and_in_optunas_workflow():
    # Optuna's example: optimize, then fix the best y and optimize the rest again.
    def objective(trial):
        x = trial.suggest_float("x", -1, 1)
        y = trial.suggest_int("y", -1, 1)
        return x * x + y

    with hone.create_study(sampler=RandomSampler(seed=0)) as study:
        study.optimize(objective, n_trials=10)
        fixed = {"y": study.best_params["y"]}
    with hone.create_study(sampler=PartialFixedSampler(fixed, GridSampler({"x": [-0.5, 0.0, 0.5]}, seed=0))) as study:
        study.optimize(objective)
        assert sorted(t.params["x"] for t in study.trials) == [-0.5, 0.0, 0.5]
        assert {t.params["y"] for t in study.trials} == {fixed["y"]}


def test_partial_fixed_refuses_a_value_outside_the_distribution():
    with hone.create_study(sampler=PartialFixedSampler({"n": 10}, RandomSampler(seed=0))) as study:
        with pytest.raises(hone.InvalidArgumentError, match=r"fixed value 10 of 'n' does not lie in int\[1, 9\]"):
            study.optimize(lambda t: t.suggest_int("n", 1, 9), n_trials=1)


def test_partial_fixed_spec_and_checks():
    sampler = PartialFixedSampler({"c": None, "x": 0.5}, QMCSampler(seed=4, scramble=False))
    assert sampler.fixed_params == {"c": None, "x": 0.5}
    assert isinstance(sampler.base_sampler, QMCSampler)
    assert sampler.seed is None
    assert _normalize("sampler", sampler._to_spec()) == {
        "type": "partial_fixed",
        "seed": None,
        "options": {
            "fixed_params": {"c": None, "x": 0.5},
            "base_sampler": {"type": "qmc", "seed": 4, "options": {"scramble": False, "qmc_type": "sobol"}},
        },
    }
    with pytest.raises(TypeError):
        PartialFixedSampler({"x": 1}, "random")
    with pytest.raises(TypeError):
        PartialFixedSampler({"x": [1]}, RandomSampler())
    # A non-finite value can be a categorical choice, as in Optuna; a float parameter refuses it.
    with hone.create_study(sampler=PartialFixedSampler({"c": math.nan, "x": math.inf}, RandomSampler())) as study:
        t = study.ask()
        assert math.isnan(t.suggest_categorical("c", [1, math.nan]))
        with pytest.raises(hone.InvalidArgumentError, match="fixed value Infinity of 'x' does not lie in"):
            t.suggest_float("x", 0.0, 1.0)
    with pytest.raises(hone.InvalidArgumentError, match="'seed' belongs to its base_sampler"):
        _normalize(
            "sampler",
            {"type": "partial_fixed", "seed": 1, "options": {"fixed_params": {}, "base_sampler": {"type": "random"}}},
        )
