"""CmaEsSampler: seeded determinism, generations kept in the study, Optuna's options."""
import re

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
        ({"with_margin": True}, "'with_margin' is not supported yet"),
        ({"source_trials": []}, "'source_trials' (warm starting) is not supported yet"),
        ({"lr_adapt": True, "use_separable_cma": True}, "lr_adapt cannot be used with use_separable_cma or with_margin"),
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
