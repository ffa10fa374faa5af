"""TPESampler: the default sampler, its options, its start-up and the constant liar."""
import math

import pytest

import hone
from hone.distributions import _normalize
from hone.samplers import RandomSampler, TPESampler


def objective(trial):
    x = trial.suggest_float("x", -5.0, 10.0)
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    n = trial.suggest_int("n", 1, 9, step=2)
    opt = trial.suggest_categorical("opt", ["adam", "sgd", "rmsprop"])
    return (x - 2) ** 2 + math.log10(lr) ** 2 + n + len(opt)


def params(sampler, n_trials=30):
    with hone.create_study(sampler=sampler) as study:
        study.optimize(objective, n_trials=n_trials)
        return [t.params for t in study.trials]


def test_create_study_defaults_to_tpe():
    with hone.create_study() as study:
        assert isinstance(study.sampler, TPESampler)
        study.optimize(objective, n_trials=12)
        assert len(study.trials) == 12


def test_same_seed_same_trials_and_startup_is_random():
    first = params(TPESampler(seed=5))
    assert first == params(TPESampler(seed=5))
    assert first != params(TPESampler(seed=6))
    # The first n_startup_trials trials are RandomSampler's draws for the seed.
    assert first[:10] == params(RandomSampler(seed=5), n_trials=10)
    assert first[10:] != params(RandomSampler(seed=5))[10:]


@pytest.mark.parametrize("options", [{"multivariate": False}, {"multivariate": True, "group": True}, {"constant_liar": False}])
def test_each_mode_stays_in_the_domains(options):
    for p in params(TPESampler(seed=1, n_startup_trials=5, **options)):
        assert -5 <= p["x"] <= 10 and 1e-5 <= p["lr"] <= 1e-1
        assert p["n"] in (1, 3, 5, 7, 9) and p["opt"] in ("adam", "sgd", "rmsprop")


def test_options_are_the_librarys_and_bad_ones_are_named():
    spec = _normalize("sampler", TPESampler(seed=1)._to_spec())
    assert spec["type"] == "tpe" and spec["options"]["n_ei_candidates"] == 24
    assert _normalize("sampler", None)["type"] == "tpe"
    hyperopt = TPESampler(**TPESampler.hyperopt_parameters())._to_spec()["options"]
    assert hyperopt["gamma"] == {"fraction": 0.25, "power": 0.5, "max": 25} and hyperopt["n_startup_trials"] == 20
    assert hone.samplers.default_gamma(100) == 10 and hone.samplers.hyperopt_default_gamma(100) == 3
    assert len(hone.samplers.default_weights(30)) == 30
    with pytest.raises(hone.InvalidArgumentError, match="n_ei_candidates"):
        TPESampler(n_ei_candidates=0)
    with pytest.raises(hone.InvalidArgumentError, match="consider_prior"):
        TPESampler(consider_prior=False)
    with pytest.raises(hone.InvalidArgumentError, match="group"):
        TPESampler(multivariate=False, group=True)
    with pytest.raises(ValueError, match="Python function"):
        TPESampler(gamma=lambda n: 3)
    with pytest.raises(TypeError):
        TPESampler(categorical_distance_func=None)


def test_the_constant_liar_keeps_eight_concurrent_asks_distinct():
    def asks(liar):
        with hone.create_study(sampler=TPESampler(seed=1, constant_liar=liar)) as study:
            for _ in range(30):
                t = study.ask()
                study.tell(t, abs(t.suggest_int("x", 0, 11) - 6))
            return [study.ask().suggest_int("x", 0, 11) for _ in range(8)]

    assert len(set(asks(True))) == 8
    assert len(set(asks(False))) < 8


def test_pruned_and_failed_trials_in_the_history_leave_sampling_working():
    with hone.create_study(sampler=TPESampler(seed=3, n_startup_trials=4)) as study:
        for i in range(20):
            t = study.ask()
            x = t.suggest_float("x", 0, 1)
            if i % 3 == 0:
                t.report(x, 1)
                study.tell(t, state=hone.TrialState.PRUNED)
            elif i % 3 == 1:
                study.tell(t, state=hone.TrialState.FAIL)
            else:
                study.tell(t, x)
        t = study.ask()
        assert 0 <= t.suggest_float("x", 0, 1) <= 1
        assert [s.state for s in study.trials].count(hone.TrialState.PRUNED) == 7
