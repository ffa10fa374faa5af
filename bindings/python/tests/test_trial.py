"""Suggestions: every distribution, define-by-run, conflicts and bad input."""
import importlib
import math

import pytest

import hone
from hone.distributions import CategoricalDistribution, FloatDistribution, IntDistribution

N = 200


def test_suggest_float_uniform(study):
    values = []
    for _ in range(N):
        t = study.ask()
        values.append(t.suggest_float("x", -2.0, 3.0))
        study.tell(t, 0.0)
    assert all(-2.0 <= v <= 3.0 for v in values)
    assert len(set(values)) == N
    assert min(values) < -1.5 and max(values) > 2.5  # spread over the range, not stuck
    assert study.trials[0].distributions["x"] == FloatDistribution(-2.0, 3.0)


def test_suggest_float_log(study):
    values = []
    for _ in range(N):
        t = study.ask()
        values.append(t.suggest_float("lr", 1e-5, 1e-1, log=True))
        study.tell(t, 0.0)
    assert all(1e-5 <= v <= 1e-1 for v in values)
    # Log-uniform: about a quarter of the draws fall in each decade.
    assert sum(v < 1e-4 for v in values) > N // 8
    assert study.trials[0].distributions["lr"] == FloatDistribution(1e-5, 1e-1, log=True)


def test_suggest_float_step(study):
    values = set()
    for _ in range(N):
        t = study.ask()
        values.add(t.suggest_float("x", 0.0, 1.0, step=0.25))
        study.tell(t, 0.0)
    assert values == {0.0, 0.25, 0.5, 0.75, 1.0}
    t = study.ask()
    # high is lowered onto the grid, as Optuna does.
    y = t.suggest_float("y", 0.0, 1.0, step=0.3)
    assert any(y == pytest.approx(k * 0.3) for k in range(4))
    assert t.distributions["y"].high == pytest.approx(0.9) and t.distributions["y"].step == 0.3


def test_suggest_float_single_value(study):
    assert study.ask().suggest_float("x", 2.5, 2.5) == 2.5


def test_suggest_int(study):
    plain, stepped, logged = set(), set(), []
    for _ in range(N):
        t = study.ask()
        plain.add(t.suggest_int("a", -2, 2))
        stepped.add(t.suggest_int("b", 1, 9, step=2))
        logged.append(t.suggest_int("c", 1, 1000, log=True))
        study.tell(t, 0.0)
    assert plain == {-2, -1, 0, 1, 2}
    assert stepped == {1, 3, 5, 7, 9}
    assert all(isinstance(v, int) and 1 <= v <= 1000 for v in logged)
    assert sum(v < 32 for v in logged) > N // 4  # log-uniform favours the small end
    d = study.trials[0].distributions
    assert d == {
        "a": IntDistribution(-2, 2),
        "b": IntDistribution(1, 9, step=2),
        "c": IntDistribution(1, 1000, log=True),
    }
    assert all(isinstance(v, int) for v in study.trials[0].params.values())


def test_suggest_int_step_lowers_high(study):
    t = study.ask()
    assert t.suggest_int("n", 0, 10, step=4) in (0, 4, 8)
    assert t.distributions["n"] == IntDistribution(0, 8, step=4)


def test_suggest_categorical_returns_the_original_objects(study):
    choices = ["adam", 1, 2.5, True, None, 1.0]
    seen = set()
    for _ in range(N):
        t = study.ask()
        c = t.suggest_categorical("opt", choices)
        assert any(c is x for x in choices)
        seen.add(repr(c))
        study.tell(t, 0.0)
    # 1.0 and 1 travel as the same JSON number, so the first of them stands for both.
    assert seen >= {"'adam'", "1", "2.5", "True", "None"}
    for frozen in study.trials:
        assert frozen.distributions["opt"] == CategoricalDistribution(choices)
        assert any(frozen.params["opt"] is x for x in choices)
    floats = {repr(t.params["opt"]) for t in study.trials}
    assert "1.0" not in floats or "1" not in floats


def test_suggest_categorical_keeps_float_choices_float(study):
    t = study.ask()
    c = t.suggest_categorical("x", [0.0, 1.0])
    assert isinstance(c, float)
    assert isinstance(study.tell(t, 0.0).params["x"], float)


def test_suggest_categorical_numpy_scalars(study):
    np = pytest.importorskip("numpy")
    choices = [np.int64(3), np.float64(0.5), np.str_("adam")]
    seen = set()
    for _ in range(50):
        t = study.ask()
        c = t.suggest_categorical("c", choices)
        assert any(c is x for x in choices)  # the NumPy object itself, as passed
        seen.add(c.item())
        assert study.tell(t, 0.0).params["c"] is c
    assert seen == {3, 0.5, "adam"}


def test_suggest_categorical_strings(study):
    values = set()
    for _ in range(N):
        t = study.ask()
        values.add(t.suggest_categorical("s", ("a", "b", "ç")))
        study.tell(t, 0.0)
    assert values == {"a", "b", "ç"}


def test_define_by_run_repeats_return_the_same_value(study):
    t = study.ask()
    x = t.suggest_float("x", 0.0, 1.0)
    n = t.suggest_int("n", 0, 100)
    c = t.suggest_categorical("c", ["a", "b", "c", "d"])
    for _ in range(5):
        assert t.suggest_float("x", 0.0, 1.0) == x
        assert t.suggest_int("n", 0, 100) == n
        assert t.suggest_categorical("c", ["a", "b", "c", "d"]) == c
    assert study.tell(t, 0.0).params == {"x": x, "n": n, "c": c}


def test_each_trial_samples_anew(study):
    xs = []
    for _ in range(5):
        t = study.ask()
        xs.append(t.suggest_float("x", 0.0, 1.0))
        study.tell(t, 0.0)
    assert len(set(xs)) == 5


@pytest.mark.parametrize(
    "again",
    [
        lambda t: t.suggest_float("p", 0.0, 2.0),
        lambda t: t.suggest_float("p", 5.0, 6.0),
        lambda t: t.suggest_float("p", 0.0, 1.0, log=False, step=0.5),
    ],
)
def test_suggesting_again_with_other_bounds_returns_the_first_value_as_in_optuna(study, again):
    # Optuna's check_distribution_compatibility lets bounds and step change; the first value stands.
    t = study.ask()
    first = t.suggest_float("p", 0.0, 1.0)
    assert again(t) == first
    assert t.params == {"p": first}
    assert t.distributions == {"p": hone.distributions.FloatDistribution(0.0, 1.0)}


def test_suggesting_an_int_again_with_other_bounds_returns_the_first_value(study):
    t = study.ask()
    first = t.suggest_int("n", 0, 10)
    assert t.suggest_int("n", 20, 30, step=2) == first


@pytest.mark.parametrize(
    "again",
    [
        lambda t: t.suggest_int("p", 0, 1),
        lambda t: t.suggest_categorical("p", [0.0, 1.0]),
        lambda t: t.suggest_float("p", 0.5, 1.0, log=True),
    ],
)
def test_another_kind_or_log_flag_is_an_invalid_argument(study, again):
    t = study.ask()
    t.suggest_float("p", 0.0, 1.0)
    with pytest.raises(hone.InvalidArgumentError, match="cannot be suggested again") as info:
        again(t)
    assert isinstance(info.value, ValueError)
    assert info.value.status == hone.exceptions.Status.INVALID_ARGUMENT
    assert list(t.distributions) == ["p"]


def test_other_categorical_choices_are_an_invalid_argument_as_in_optuna(study):
    t = study.ask()
    t.suggest_categorical("c", ["a", "b"])
    with pytest.raises(hone.InvalidArgumentError, match="cannot be suggested again"):
        t.suggest_categorical("c", ["a", "b", "c"])


@pytest.mark.parametrize(
    "bad, message",
    [
        (lambda t: t.suggest_float("x", 2.0, 1.0), r"low \(2.0\) must not exceed high \(1.0\)"),
        (lambda t: t.suggest_float("x", math.nan, 1.0), "bounds must be finite"),
        (lambda t: t.suggest_float("x", 0.0, math.inf), "bounds must be finite"),
        (lambda t: t.suggest_float("x", 0.0, 1.0, log=True), "low > 0"),
        (lambda t: t.suggest_float("x", 0.0, 1.0, step=0.0), "step must be positive"),
        (lambda t: t.suggest_int("x", 5, 1), r"low \(5\) must not exceed high \(1\)"),
        (lambda t: t.suggest_int("x", 0, 9, log=True), "low >= 1"),
        (lambda t: t.suggest_int("x", 1, 9, step=2, log=True), "step and log"),
        (lambda t: t.suggest_int("x", 1, 9, step=0), "step must be positive"),
        (lambda t: t.suggest_categorical("x", []), "choices must not be empty"),
        (lambda t: t.suggest_categorical("x", ()), "must not be empty"),
        (lambda t: t.suggest_float("", 0.0, 1.0), "name must not be empty"),
        (lambda t: t.report(1.0, -1), "step must be non-negative"),
        (lambda t: t.set_user_attr("", 1), "key must not be empty"),
    ],
)
def test_bad_input_is_an_invalid_argument(study, bad, message):
    t = study.ask()
    with pytest.raises(hone.InvalidArgumentError, match=message):
        bad(t)
    assert study.trials[0].params == {}  # a failed call changes nothing


@pytest.mark.parametrize(
    "bad, error",
    [
        (lambda t: t.suggest_float("x", 0.1, 1.0, step=0.1, log=True), ValueError),
        (lambda t: t.suggest_int("x", 0, 2**63), ValueError),
        (lambda t: t.suggest_int("x", 0, 2.5), TypeError),
        (lambda t: t.suggest_int("x", "0", 1), TypeError),
        (lambda t: t.suggest_float(3, 0.0, 1.0), TypeError),
        (lambda t: t.suggest_float("a\0b", 0.0, 1.0), ValueError),
        (lambda t: t.suggest_categorical("x", "abc"), TypeError),
        (lambda t: t.suggest_categorical("x", [[1]]), TypeError),
        (lambda t: t.set_user_attr("k", object()), TypeError),
    ],
)
def test_bad_python_arguments(study, bad, error):
    with pytest.raises(error):
        bad(study.ask())


def test_finished_trial_refuses_suggestions(study):
    t = study.ask()
    study.tell(t, 1.0)
    with pytest.raises(hone.StateError, match="not RUNNING"):
        t.suggest_float("x", 0.0, 1.0)
    with pytest.raises(hone.StateError):
        t.report(1.0, 0)
    with pytest.raises(hone.StateError):
        t.set_user_attr("k", 1)


def test_should_prune_is_false_with_the_nop_pruner():
    with hone.create_study(pruner=hone.pruners.NopPruner()) as study:
        study.optimize(lambda t: t.report(0.0, 0) or 0.0, n_trials=6)
        t = study.ask()
        t.report(1.0, 0)
        assert t.should_prune() is False


def test_distribution_objects_validate_like_optuna():
    with pytest.raises(ValueError):
        FloatDistribution(1.0, 0.0)
    with pytest.raises(ValueError):
        FloatDistribution(0.0, 1.0, log=True)
    with pytest.raises(ValueError):
        FloatDistribution(0.1, 1.0, log=True, step=0.1)
    with pytest.raises(ValueError):
        IntDistribution(0, 10, log=True)
    with pytest.raises(ValueError):
        CategoricalDistribution([])
    assert FloatDistribution(0, 1) == FloatDistribution(0.0, 1.0)
    assert FloatDistribution(0, 1) != FloatDistribution(0, 1, log=False, step=0.5)
    assert len({IntDistribution(1, 3), IntDistribution(1, 3)}) == 1
    assert IntDistribution(1, 3, step=2).single() is False and IntDistribution(1, 2, step=2).single() is True
    c = CategoricalDistribution(["a", 1, None])
    assert c.to_internal_repr(None) == 2 and c.to_external_repr(1) == 1


@pytest.mark.parametrize(
    "low, high, step",
    [
        (2**62 - 3, 2**62 + 3, 1),
        (2**62 + 1, 2**62 + 9, 2),
        (-(2**63 - 1), 2**63 - 1, 1),
        (2**63 - 4, 2**63 - 1, 1),
        (-(2**63), -(2**63) + 2, 1),
        (-(2**63), 2**63 - 1, 2**62),
    ],
)
def test_suggest_int_is_exact_near_the_ends_of_int64(study, low, high, step):
    for _ in range(20):
        t = study.ask()
        v = t.suggest_int("n", low, high, step=step)
        assert type(v) is int
        assert low <= v <= high and (v - low) % step == 0
        assert t.suggest_int("n", low, high, step=step) == v
        frozen = study.tell(t, 0.0)
        # The export carries the integer itself, not its nearest double.
        assert frozen.params["n"] == v
        assert frozen.distributions["n"] == IntDistribution(low, high - (high - low) % step, step=step)


def test_enqueued_ints_beyond_2_to_53_come_back_exactly(study):
    for value in [2**62 + 1, 2**63 - 1, -(2**63), 2**53 + 1]:
        study.enqueue_trial({"n": value})
        t = study.ask()
        assert t.suggest_int("n", -(2**63), 2**63 - 1) == value
        assert study.tell(t, 0.0).params["n"] == value
    t = study.ask()
    assert t.suggest_categorical("c", [2**62, 2**62 + 1]) in (2**62, 2**62 + 1)
    study.tell(t, 0.0)
    study.enqueue_trial({"c": 2**62 + 1})
    t = study.ask()
    assert t.suggest_categorical("c", [2**62, 2**62 + 1]) == 2**62 + 1


@pytest.fixture
def trial_reads(monkeypatch):
    """The numbers of the trials read back from the library as JSON, in order."""
    module = importlib.import_module("hone.study.study")
    real = module.LIB
    reads = []

    class Spy:
        def __getattr__(self, name):
            return getattr(real, name)

        def hone_trial_json(self, out, handle, number):
            reads.append(number)
            return real.hone_trial_json(out, handle, number)

    monkeypatch.setattr(module, "LIB", Spy())
    return reads


def test_trial_properties_read_the_trial_once_per_change(study, trial_reads):
    trial = study.ask()
    x = trial.suggest_float("x", 0, 1)
    assert trial.params == {"x": x}
    assert trial.distributions == {"x": FloatDistribution(0, 1)}
    assert trial.user_attrs == {}
    start = trial.datetime_start
    assert start is not None
    assert trial_reads == [trial.number]  # four properties, one read

    # Each change is seen by the next read, and only that read costs a round trip.
    trial.set_user_attr("note", {"a": [1]})
    assert trial.user_attrs == {"note": {"a": [1]}}
    assert trial.params == {"x": x}
    assert len(trial_reads) == 2
    n = trial.suggest_int("n", 0, 9)
    assert trial.params == {"x": x, "n": n}
    assert len(trial_reads) == 3
    c = trial.suggest_categorical("c", ["a", "b"])
    assert trial.distributions["c"] == CategoricalDistribution(["a", "b"])
    assert trial.params["c"] == c
    assert len(trial_reads) == 4
    trial.report(0.5, 0)
    assert trial.datetime_start == start
    assert len(trial_reads) == 5
    study.tell(trial, 1.0)
    assert trial.params == {"x": x, "n": n, "c": c}
    assert len(trial_reads) == 6
    assert trial.user_attrs == {"note": {"a": [1]}}
    assert len(trial_reads) == 6


def test_a_failed_change_keeps_the_trial_read_and_callers_own_their_copies(study, trial_reads):
    trial = study.ask()
    x = trial.suggest_float("x", 0, 1)
    trial.set_user_attr("note", {"a": [1]})
    assert trial.params == {"x": x}
    with pytest.raises(hone.InvalidArgumentError):
        trial.suggest_int("x", 0, 2)  # another kind: refused, as in Optuna
    # Changing what a property returned changes neither the trial nor the next read.
    trial.params["x"] = -1.0
    trial.distributions.clear()
    trial.user_attrs["note"]["a"].append(2)
    assert trial.params == {"x": x}
    assert trial.distributions == {"x": FloatDistribution(0, 1)}
    assert trial.user_attrs == {"note": {"a": [1]}}
    assert trial_reads == [trial.number]
    assert study.trials[0].user_attrs == {"note": {"a": [1]}}


def test_trials_read_in_optimize_see_every_suggestion(study, trial_reads):
    seen, costs = [], []

    def objective(trial):
        before = len(trial_reads)
        x = trial.suggest_float("x", 0, 1)
        seen.append(trial.params)
        assert trial.params == seen[-1]
        y = trial.suggest_float("y", 0, 1)
        seen.append(trial.params)
        assert trial.distributions == {"x": FloatDistribution(0, 1), "y": FloatDistribution(0, 1)}
        costs.append(len(trial_reads) - before)
        return x + y

    study.optimize(objective, n_trials=3)
    assert [sorted(p) for p in seen] == [["x"], ["x", "y"]] * 3
    assert seen[1::2] == [t.params for t in study.trials]
    assert costs == [2, 2, 2]  # one read after each suggestion, none for the repeated reads
