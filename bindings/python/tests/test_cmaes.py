"""CmaEsSampler: seeded determinism, generations kept in the study, Optuna's options."""
import re
from types import SimpleNamespace

import pytest

import hone
from hone import TrialState
from hone.distributions import _normalize
from hone.samplers import CmaEsSampler, QMCSampler


def objective(trial):
    x = trial.suggest_float("x", -5.0, 5.0)
    lr = trial.suggest_float("lr", 1e-4, 1.0, log=True)
    n = trial.suggest_int("n", 0, 10)
    opt = trial.suggest_categorical("opt", ["adam", "sgd"])
    return (x - 1) ** 2 + (n - 3) ** 2 + lr + (opt == "sgd")


def params(study):
    return [t.params for t in study.trials]


def test_same_seed_same_trials():
    def run(seed):
        with hone.create_study(sampler=CmaEsSampler(seed=seed, popsize=5)) as study:
            study.optimize(objective, n_trials=31)
            return params(study)

    first = run(3)
    assert first == run(3)
    assert first != run(4)


def test_trials_carry_their_generation():
    with hone.create_study(sampler=CmaEsSampler(seed=0, popsize=4)) as study:
        study.optimize(objective, n_trials=21)
        generations = [t.system_attrs.get("cma:generation") for t in study.trials]
    # The first trial is the independent start-up trial; then four trials per generation.
    assert generations == [None] + [g for g in range(5) for _ in range(4)]


def test_a_reloaded_study_continues_the_same_search(tmp_path):
    url = f"sqlite:///{tmp_path}/cma.db"
    with hone.create_study(study_name="whole", storage=url, sampler=CmaEsSampler(seed=9, popsize=4)) as study:
        study.optimize(objective, n_trials=30)
        whole = params(study)
    with hone.create_study(study_name="split", storage=url, sampler=CmaEsSampler(seed=9, popsize=4)) as study:
        study.optimize(objective, n_trials=17)
    # A new handle with a new sampler knows only the stored trials, and continues from them.
    with hone.load_study(study_name="split", storage=url, sampler=CmaEsSampler(seed=9, popsize=4)) as study:
        study.optimize(objective, n_trials=13)
        assert params(study) == whole


def test_failed_trials_leave_their_generation_open():
    with hone.create_study(sampler=CmaEsSampler(seed=1, popsize=4)) as study:
        study.optimize(objective, n_trials=1)
        for _ in range(3):
            trial = study.ask()
            objective(trial)
            study.tell(trial, state=TrialState.FAIL)
        study.optimize(objective, n_trials=5)
        generations = [t.system_attrs.get("cma:generation") for t in study.trials]
    # Three failed trials of generation 0, then the four completed ones that fill it.
    assert generations == [None] + [0] * 7 + [1]


def test_options_defaults_and_refusals():
    spec = CmaEsSampler(seed=2, x0={"x": 1.0}, sigma0=0.2, independent_sampler=QMCSampler(seed=1))._to_spec()
    assert spec["options"]["x0"] == {"x": 1.0}
    assert spec["options"]["independent_sampler"]["type"] == "qmc"
    for kwargs, message in [
        ({"lr_adapt": True, "use_separable_cma": True}, "lr_adapt cannot be used with use_separable_cma or with_margin"),
        ({"lr_adapt": True, "with_margin": True}, "lr_adapt cannot be used with use_separable_cma or with_margin"),
        ({"with_margin": True, "use_separable_cma": True}, "with_margin cannot be used with use_separable_cma"),
        ({"source_trials": []}, "source_trials has 0 usable trials"),
        ({"restart_strategy": "cold"}, "unknown restart_strategy 'cold'"),
        ({"popsize": 1}, "popsize must be between 2 and 2^20"),
        ({"sigma0": -1.0}, "sigma0 must be positive"),
    ]:
        with pytest.raises(ValueError, match=re.escape(message)):
            CmaEsSampler(**kwargs)
    assert CmaEsSampler(use_separable_cma=True)._to_spec()["options"]["use_separable_cma"] is True
    with pytest.raises(TypeError):
        CmaEsSampler(independent_sampler="random")
    with pytest.raises(TypeError):
        CmaEsSampler(x0={"x": "one"})


def test_ipop_grows_the_population_on_a_stalled_search():
    with hone.create_study(sampler=CmaEsSampler(seed=0, popsize=4, restart_strategy="ipop")) as study:
        for _ in range(160):
            trial = study.ask()
            for name in "abc":
                trial.suggest_float(name, 0.0, 1.0)
            study.tell(trial, 1.0)
        tags = [t.system_attrs.get("cma:generation") for t in study.trials][1:]
    # 34 generations of four (a flat objective stalls after 10 + ceil(90 / 4) = 33), then generations of eight.
    assert tags[: 34 * 4] == [g for g in range(34) for _ in range(4)]
    assert tags[34 * 4 :] == [34 + i // 8 for i in range(len(tags) - 34 * 4)]


def test_bipop_and_lr_adapt_reach_the_library():
    sampler = CmaEsSampler(seed=4, popsize=4, restart_strategy="bipop", lr_adapt=True)
    options = _normalize("sampler", sampler._to_spec())["options"]
    assert options["restart_strategy"] == "bipop" and options["lr_adapt"] is True

    def run():
        with hone.create_study(sampler=CmaEsSampler(seed=4, popsize=4, restart_strategy="bipop", lr_adapt=True)) as study:
            for _ in range(400):
                trial = study.ask()
                for name in "ab":
                    trial.suggest_float(name, 0.0, 1.0)
                study.tell(trial, 1.0)
            return [t.system_attrs.get("cma:generation") for t in study.trials][1:], params(study)

    tags, first = run()
    # A flat objective stalls λ = 4 after 10 + ceil(60 / 4) = 25 generations; BIPOP's first
    # restart is large (the first run's 104 evaluations count as small, against none), λ = 8.
    assert tags[: 26 * 4] == [g for g in range(26) for _ in range(4)]
    assert tags[26 * 4 : 26 * 4 + 8] == [26] * 8
    assert run()[1] == first
def sphere(trial):
    return sum((trial.suggest_int(name, -10, 10) - target) ** 2 for name, target in zip("abcd", (3, -7, 6, 9)))


def source_study():
    study = hone.create_study(sampler=CmaEsSampler(seed=5, popsize=6))
    study.optimize(sphere, n_trials=25)
    return study


def test_source_trials_travel_in_the_spec():
    with source_study() as source:
        trials = source.trials
        sampler = CmaEsSampler(seed=1, source_trials=trials)
    options = sampler._to_spec()["options"]
    assert len(options["source_trials"]) == 25
    first = options["source_trials"][0]
    assert first == {"params": trials[0].params, "value": trials[0].value, "state": "COMPLETE"}
    # Anything with params, value and state will do; the state may be its name.
    plain = [SimpleNamespace(params={"x": i}, value=float(i), state="COMPLETE") for i in range(10)]
    assert CmaEsSampler(source_trials=plain)._to_spec()["options"]["source_trials"][3]["params"] == {"x": 3}
    for kwargs, message in [
        ({"x0": {"a": 1.0}}, "source_trials cannot be used with x0 or sigma0"),
        ({"sigma0": 0.1}, "source_trials cannot be used with x0 or sigma0"),
        ({"use_separable_cma": True}, "source_trials cannot be used with use_separable_cma"),
    ]:
        with pytest.raises(ValueError, match=re.escape(message)):
            CmaEsSampler(source_trials=plain, **kwargs)
    with pytest.raises(ValueError, match="multi-objective"):
        CmaEsSampler(source_trials=[SimpleNamespace(params={"x": 1}, values=[1.0, 2.0], value=None, state="COMPLETE")])
    with pytest.raises(TypeError, match="has no 'state'"):
        CmaEsSampler(source_trials=[SimpleNamespace(params={"x": 1}, value=1.0)])
    with pytest.raises(TypeError):
        CmaEsSampler(source_trials=[SimpleNamespace(params={"x": [1]}, value=1.0, state="COMPLETE")])


def test_a_warm_started_study_with_margin_continues_the_same_search(tmp_path):
    with source_study() as source:
        trials = source.trials

    def sampler():
        return CmaEsSampler(seed=4, popsize=5, with_margin=True, source_trials=trials)

    url = f"sqlite:///{tmp_path}/warm.db"
    with hone.create_study(study_name="whole", storage=url, sampler=sampler()) as study:
        study.optimize(sphere, n_trials=26)
        whole = params(study)
    with hone.create_study(study_name="split", storage=url, sampler=sampler()) as study:
        study.optimize(sphere, n_trials=13)
    with hone.load_study(study_name="split", storage=url, sampler=sampler()) as study:
        study.optimize(sphere, n_trials=13)
        assert params(study) == whole
        generations = [t.system_attrs.get("cma:generation") for t in study.trials]
    assert generations == [None] + [g for g in range(5) for _ in range(5)]
    # Every value is an integer of the grid.
    assert all(isinstance(v, int) and -10 <= v <= 10 for p in whole for v in p.values())


def test_bipop_keeps_the_margin_and_the_warm_start_in_every_run():
    with source_study() as source:
        trials = source.trials

    def flat(trial):
        for name in "abcd":
            trial.suggest_int(name, -10, 10)
        return 1.0

    def run(**options):
        sampler = CmaEsSampler(seed=3, popsize=4, restart_strategy="bipop", **options)
        with hone.create_study(sampler=sampler) as study:
            study.optimize(flat, n_trials=500)
            tags = [t.system_attrs.get("cma:generation") for t in study.trials][1:]
            return tags, params(study), _normalize("sampler", sampler._to_spec())["options"]

    for options in [{"with_margin": True}, {"lr_adapt": True, "source_trials": trials}]:
        tags, first, spec = run(**options)
        assert spec["restart_strategy"] == "bipop"
        assert spec["with_margin"] is options.get("with_margin", False)
        assert spec["lr_adapt"] is options.get("lr_adapt", False)
        assert (spec["source_trials"] is None) == ("source_trials" not in options)
        # A flat objective stalls every run: the first has λ = 4, a later large one λ = 8.
        sizes = {tags.count(g) for g in set(tags) if g != tags[-1]}
        assert {4, 8} <= sizes, (options.keys(), sorted(sizes))
        assert all(isinstance(v, int) and -10 <= v <= 10 for p in first for v in p.values())
        assert run(**options)[1] == first
