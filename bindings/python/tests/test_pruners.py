"""hone.pruners: every pruner end to end through the library, and argument checks."""
import json
import math

import pytest

import hone
from hone import TrialState
from hone.pruners import (
    HyperbandPruner,
    MedianPruner,
    NopPruner,
    PatientPruner,
    PercentilePruner,
    SuccessiveHalvingPruner,
    ThresholdPruner,
    WilcoxonPruner,
)


def report(trial, step, value):
    trial.report(value, step)
    return trial.should_prune()


def complete(study, curve):
    """A COMPLETE trial that reported ``curve`` ({step: value})."""
    t = study.ask()
    for step, value in curve.items():
        t.report(value, step)
    study.tell(t, list(curve.values())[-1])


def test_default_pruner_is_the_median_pruner_as_in_optuna():
    with hone.create_study() as study:
        assert isinstance(study.pruner, MedianPruner)
        assert json.loads(study._text(hone._lib.LIB.hone_study_info_json))["pruner"] == "median"


def test_median_pruner_end_to_end():
    with hone.create_study(pruner=MedianPruner(n_startup_trials=2)) as study:
        complete(study, {0: 1.0, 1: 0.5})
        t = study.ask()
        assert report(t, 0, 9.0) is False  # one COMPLETE trial < n_startup_trials 2
        complete(study, {0: 3.0, 1: 0.7})
        # Completed values at step 1: 0.5, 0.7 → median 0.6; best of (9, 0.8) is 0.8 > 0.6.
        assert report(t, 1, 0.8) is True
        frozen = study.tell(t, state=TrialState.PRUNED)
        assert frozen.state == TrialState.PRUNED
        assert frozen.value == 0.8
        u = study.ask()
        assert report(u, 1, 0.55) is False  # 0.55 <= 0.6


def test_median_pruner_maximizes_and_prunes_all_nan():
    with hone.create_study(direction="maximize", pruner=MedianPruner(n_startup_trials=1)) as study:
        complete(study, {0: 1.0})
        assert report(study.ask(), 0, 0.5) is True  # 0.5 < median 1
        assert report(study.ask(), 0, 1.5) is False
        assert report(study.ask(), 0, math.nan) is True


def test_percentile_pruner_end_to_end():
    with hone.create_study(pruner=PercentilePruner(25.0, n_startup_trials=1, n_warmup_steps=1)) as study:
        for v in (0.1, 0.3, 0.5, 0.7, 0.9):
            complete(study, {1: v})
        t = study.ask()
        assert report(t, 0, 5.0) is False  # step 0 < n_warmup_steps 1
        assert report(t, 1, 0.4) is True  # 25th percentile of .1 .3 .5 .7 .9 is 0.3; 0.4 > 0.3


def test_successive_halving_end_to_end():
    with hone.create_study(pruner=SuccessiveHalvingPruner(min_resource=1, reduction_factor=2)) as study:
        a, b = study.ask(), study.ask()
        assert report(a, 1, 1.0) is False  # rung 0 (step 1): [1.0] alone
        assert report(b, 1, 2.0) is True  # rung 0: [1, 2], only the best 1 goes on
        study.tell(b, state=TrialState.PRUNED)
        assert study.trials[1].system_attrs["completed_rung_0"] == 2.0
        assert report(a, 2, 0.5) is False  # rung 1 (step 2): [0.5] alone
        assert study.trials[0].system_attrs == {"completed_rung_0": 1.0, "completed_rung_1": 0.5}


def test_hyperband_end_to_end():
    # Study "hb", max 9, η 3: trials 0 and 1 fall in bracket 0 (rungs at steps 1, 3, 9),
    # trial 4 in bracket 1 (rungs at 3, 9), by Optuna's CRC-32 assignment.
    with hone.create_study(study_name="hb", pruner=HyperbandPruner(max_resource=9)) as study:
        trials = [study.ask() for _ in range(5)]
        assert report(trials[4], 3, 0.0) is False
        assert report(trials[0], 1, 1.0) is False  # trial 4's value is another bracket's
        assert report(trials[1], 1, 2.0) is True
        study.tell(trials[1], state=TrialState.PRUNED)
        assert study.trials[1].state == TrialState.PRUNED


def test_hyperband_works_in_optimize():
    def objective(trial):
        x = trial.suggest_float("x", -1.0, 1.0)
        for step in range(1, 10):
            trial.report(x * x + 1.0 / step, step)
            if trial.should_prune():
                raise hone.TrialPruned()
        return x * x

    # A fixed name fixes the brackets, which hash it.
    sampler = hone.samplers.RandomSampler(seed=1)
    with hone.create_study(study_name="hb-optimize", sampler=sampler, pruner=HyperbandPruner()) as study:
        study.optimize(objective, n_trials=40)
        states = [t.state for t in study.trials]
        assert len(states) == 40
        assert set(states) == {TrialState.COMPLETE, TrialState.PRUNED}


def test_threshold_pruner_end_to_end():
    with hone.create_study(pruner=ThresholdPruner(upper=1.0, interval_steps=2)) as study:
        t = study.ask()
        assert report(t, 0, 0.5) is False
        assert report(t, 1, 5.0) is False  # step 1 is inside the interval judged at step 0
        assert report(t, 2, 5.0) is True
    with hone.create_study(pruner=ThresholdPruner(lower=0.0)) as study:
        assert report(study.ask(), 0, -1.0) is True
        assert report(study.ask(), 0, math.nan) is True
        assert report(study.ask(), 0, 1e300) is False


def test_patient_pruner_end_to_end():
    with hone.create_study(pruner=PatientPruner(None, patience=1)) as study:
        t = study.ask()
        assert report(t, 0, 1.0) is False
        assert report(t, 1, 2.0) is False  # 2 steps <= patience + 1
        assert report(t, 2, 3.0) is True  # best before 1 < best of the last two, 2
    wrapped = PatientPruner(ThresholdPruner(upper=2.5), patience=1, min_delta=0.0)
    with hone.create_study(pruner=wrapped) as study:
        t = study.ask()
        report(t, 0, 1.0)
        assert report(t, 1, 2.0) is False
        assert report(t, 2, 2.2) is False  # stalled, but the threshold keeps 2.2
        assert report(t, 3, 2.6) is True  # stalled, and 2.6 > 2.5


def test_nop_pruner_never_prunes():
    with hone.create_study(pruner=NopPruner()) as study:
        complete(study, {0: 0.0})
        assert report(study.ask(), 0, math.nan) is False


def test_should_prune_in_a_multi_objective_study_is_a_state_error():
    with hone.create_study(directions=["minimize", "minimize"], pruner=NopPruner()) as study:
        with pytest.raises(hone.StateError):
            study.ask().should_prune()


def test_specs_carry_optunas_option_names():
    assert MedianPruner()._to_spec() == {
        "type": "median",
        "options": {"n_startup_trials": 5, "n_warmup_steps": 0, "interval_steps": 1, "n_min_trials": 1},
    }
    assert SuccessiveHalvingPruner()._to_spec()["options"]["min_resource"] == "auto"
    assert HyperbandPruner()._to_spec()["options"] == {
        "min_resource": 1, "max_resource": "auto", "reduction_factor": 3, "bootstrap_count": 0
    }
    assert ThresholdPruner(lower=1)._to_spec()["options"]["upper"] is None
    assert PatientPruner(MedianPruner(), 2)._to_spec()["options"]["wrapped_pruner"]["type"] == "median"
    assert NopPruner()._to_spec() == {"type": "nop"}
    # Printed as Optuna's pruners are: Python's default object repr.
    assert repr(PatientPruner(None, 3)).startswith("<hone.pruners.PatientPruner object at 0x")


@pytest.mark.parametrize(
    "make, error",
    [
        (lambda: MedianPruner(n_startup_trials=-1), ValueError),
        (lambda: MedianPruner(n_warmup_steps=-1), ValueError),
        (lambda: MedianPruner(interval_steps=0), ValueError),
        (lambda: MedianPruner(n_min_trials=0), ValueError),
        (lambda: MedianPruner(n_warmup_steps=1.5), TypeError),
        (lambda: PercentilePruner(-0.1), ValueError),
        (lambda: PercentilePruner(100.1), ValueError),
        (lambda: PercentilePruner("high"), TypeError),
        (lambda: SuccessiveHalvingPruner(min_resource="some"), ValueError),
        (lambda: SuccessiveHalvingPruner(min_resource=0), ValueError),
        (lambda: SuccessiveHalvingPruner(reduction_factor=1), ValueError),
        (lambda: SuccessiveHalvingPruner(min_early_stopping_rate=-1), ValueError),
        (lambda: SuccessiveHalvingPruner(bootstrap_count=-1), ValueError),
        (lambda: SuccessiveHalvingPruner(bootstrap_count=1), ValueError),
        (lambda: HyperbandPruner(min_resource=0), ValueError),
        (lambda: HyperbandPruner(max_resource="big"), ValueError),
        (lambda: HyperbandPruner(max_resource=9.0), TypeError),
        (lambda: HyperbandPruner(min_resource=10, max_resource=9), ValueError),
        (lambda: HyperbandPruner(reduction_factor=1), ValueError),
        (lambda: HyperbandPruner(bootstrap_count=1), ValueError),
        (lambda: ThresholdPruner(), TypeError),
        (lambda: ThresholdPruner(lower="low"), TypeError),
        (lambda: ThresholdPruner(lower=2.0, upper=1.0), ValueError),
        (lambda: ThresholdPruner(lower=math.nan), ValueError),
        (lambda: ThresholdPruner(lower=0.0, n_warmup_steps=-1), ValueError),
        (lambda: ThresholdPruner(lower=0.0, interval_steps=0), ValueError),
        (lambda: PatientPruner(None, patience=-1), ValueError),
        (lambda: PatientPruner(None, patience=1, min_delta=-1.0), ValueError),
        (lambda: PatientPruner("median", patience=1), TypeError),
    ],
)
def test_arguments_are_checked_with_optunas_error_types(make, error):
    with pytest.raises(error):
        make()


def test_the_library_checks_specs_too():
    class Rogue(MedianPruner):
        def _options(self):
            return {"n_warmup_steps": -1}

    with pytest.raises(hone.InvalidArgumentError, match="n_warmup_steps"):
        hone.create_study(pruner=Rogue())


def _wilcoxon_study(p_threshold, best, current, direction="minimize", n_startup_steps=2):
    """A study whose best COMPLETE trial reported ``best``; returns should_prune of a trial that reported ``current``."""
    with hone.create_study(direction=direction, pruner=WilcoxonPruner(p_threshold=p_threshold, n_startup_steps=n_startup_steps)) as study:
        complete(study, best)
        t = study.ask()
        for step, value in current.items():
            t.report(value, step)
        return t.should_prune()


def test_wilcoxon_pruner_prunes_the_clearly_worse_and_keeps_the_equal():
    best = {s: 1.0 + 0.1 * s for s in range(10)}
    worse = {s: v + 1.0 for s, v in best.items()}
    assert _wilcoxon_study(0.1, best, worse)
    assert not _wilcoxon_study(0.1, best, dict(best))
    assert not _wilcoxon_study(0.1, best, {s: v - 1.0 for s, v in best.items()})
    # Maximizing, the worse trial is the lower one.
    assert _wilcoxon_study(0.1, best, {s: v - 1.0 for s, v in best.items()}, direction="maximize")
    # Four shared instances give p = 1/16; five startup steps wait for a fifth.
    assert _wilcoxon_study(0.1, best, {s: worse[s] for s in range(4)})
    assert not _wilcoxon_study(0.1, best, {s: worse[s] for s in range(4)}, n_startup_steps=5)


def test_wilcoxon_pruner_in_optimize_stops_bad_trials_early():
    instances = [i / 20 for i in range(20)]

    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        losses = []
        for i in range(len(instances)):
            losses.append((x - instances[i]) ** 2)
            trial.report(losses[-1], i)
            if trial.should_prune():
                return sum(losses) / len(losses)
        return sum(losses) / len(losses)

    with hone.create_study(pruner=WilcoxonPruner(), sampler=hone.samplers.RandomSampler(seed=3)) as study:
        study.enqueue_trial({"x": 0.5})
        study.optimize(objective, n_trials=20)
        # Pruned trials return early (as in Optuna's example), so they are COMPLETE with fewer steps.
        assert any(len(t.intermediate_values) < len(instances) for t in study.trials)


def test_wilcoxon_pruner_p_values_match_scipy():
    scipy_stats = pytest.importorskip("scipy.stats")
    import random

    rng = random.Random(5)
    checked = 0
    for n in [2, 3, 5, 8, 13, 14, 20, 50, 51, 70]:
        for tied in (False, True):
            best = {s: rng.uniform(0, 5) for s in range(n)}
            if tied:
                diffs = [rng.choice([-1.0, 0.0, 0.5, 1.0, 2.0]) for _ in range(n)]
            else:
                diffs = [rng.uniform(-1.0, 3.0) for _ in range(n)]
            if sum(diffs) <= 0:
                continue  # the average guard would keep the trial whatever p is
            current = {s: best[s] + d for s, d in zip(best, diffs)}
            # The differences exactly as the pruner forms them.
            exact_diffs = [current[s] - best[s] for s in best]
            p = float(scipy_stats.wilcoxon(exact_diffs, alternative="greater", zero_method="zsplit").pvalue)
            if p >= 0.999:
                continue
            assert _wilcoxon_study(min(1.0, p * (1 + 1e-9) + 1e-15), best, current), (n, tied, p)
            assert not _wilcoxon_study(p * (1 - 1e-9), best, current), (n, tied, p)
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("kwargs", [{"p_threshold": 1.5}, {"p_threshold": -0.1}, {"n_startup_steps": -1}])
def test_wilcoxon_pruner_options_out_of_range(kwargs):
    with pytest.raises(ValueError):
        WilcoxonPruner(**kwargs)


def test_wilcoxon_pruner_options_are_keyword_only_as_in_optuna():
    with pytest.raises(TypeError):
        WilcoxonPruner(0.1)  # type: ignore[misc]
    assert WilcoxonPruner()._to_spec() == {"type": "wilcoxon", "options": {"p_threshold": 0.1, "n_startup_steps": 2}}
