"""Hand-built trials as in Optuna: FrozenTrial, create_trial, FixedTrial, Study.add_trial(s)."""
import copy
import datetime
import math
import warnings

import pytest

import hone
from hone.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from hone.trial import FixedTrial, FrozenTrial, TrialState, create_trial


def _trial(**kwargs):
    fields = dict(
        number=0,
        trial_id=0,
        state=TrialState.COMPLETE,
        value=0.2,
        datetime_start=datetime.datetime(2026, 1, 2, 3, 4, 5, 678901),
        datetime_complete=datetime.datetime(2026, 1, 2, 3, 4, 6),
        params={"x": 10.0},
        distributions={"x": FloatDistribution(5, 12)},
        user_attrs={},
        system_attrs={},
        intermediate_values={},
    )
    fields.update(kwargs)
    return FrozenTrial(**fields)


# -- FrozenTrial: Optuna's tests/trial_tests/test_frozen.py ------------------------


def test_eq_ne_and_ordering():
    trial = _trial()
    other = copy.deepcopy(trial)
    assert trial == other and not trial != other
    other.value = 0.3
    assert trial != other
    later = _trial(number=1)
    assert trial < later and trial <= later and not later < trial and trial <= copy.deepcopy(trial)
    assert trial.__eq__(1) is NotImplemented and trial.__lt__(1) is NotImplemented


def test_hash_is_optunas():
    # Optuna hashes the fields; a trial holding a list or dict (every real one) is unhashable.
    with pytest.raises(TypeError):
        hash(_trial())


def test_repr_lists_the_fields_as_optuna_does():
    trial = _trial()
    text = repr(trial)
    assert text.startswith("FrozenTrial(number=0, state=")
    assert ", values=[0.2], datetime_start=datetime.datetime(2026, 1, 2, 3, 4, 5, 678901), " in text
    assert text.endswith(", trial_id=0, value=None)")
    order = ["number=", "state=", "values=", "datetime_start=", "datetime_complete=", "params=", "user_attrs=",
             "system_attrs=", "intermediate_values=", "distributions=", "trial_id="]
    positions = [text.index(k) for k in order]
    assert positions == sorted(positions)


def test_value_and_values():
    with pytest.raises(ValueError, match="Specify only one"):
        _trial(value=1.0, values=[1.0])
    trial = _trial(value=None, values=[1.0, 2.0])
    assert trial.values == [1.0, 2.0]
    with pytest.raises(RuntimeError):
        trial.value
    with pytest.raises(RuntimeError):
        trial.value = 3.0
    trial.values = (4.0,)
    assert trial.values == [4.0] and trial.value == 4.0
    trial.value = None
    assert trial.values is None and trial.value is None


def test_duration_last_step_and_setters():
    trial = _trial(intermediate_values={0: 1.0, 7: 2.0})
    assert trial.duration == datetime.timedelta(microseconds=321099)
    assert trial.last_step == 7
    trial.datetime_complete = None
    assert trial.duration is None
    assert _trial(intermediate_values={}).last_step is None
    trial.number = 5
    trial.params = {"y": 1}
    assert trial.number == 5 and trial.params == {"y": 1}


@pytest.mark.parametrize(
    "changes, message",
    [
        (dict(datetime_start=None), "datetime_start"),
        (dict(datetime_complete=None), "datetime_complete"),
        (dict(state=TrialState.RUNNING, value=None), "supposed to be None"),
        (dict(state=TrialState.FAIL), "failed trial"),
        (dict(value=None), "complete trial"),
        (dict(value=math.nan), "NaN"),
        (dict(params={}), "Inconsistent parameters"),
        (dict(params={"x": 13.0}), "isn't contained"),
    ],
)
def test_validate(changes, message):
    _trial()._validate()
    with pytest.raises(ValueError, match=message):
        _trial(**changes)._validate()
    with pytest.raises(ValueError, match=message):
        _trial(**changes).validate()


def test_suggestions_return_the_params():
    trial = _trial(
        params={"x": 1.0, "n": 4, "c": "b", "z": 1e-3},
        distributions={
            "x": FloatDistribution(0, 2),
            "n": IntDistribution(0, 8, step=2),
            "c": CategoricalDistribution(["a", "b"]),
            "z": FloatDistribution(1e-4, 1e-2, log=True),
        },
    )
    assert trial.suggest_float("x", 0, 2) == 1.0
    assert trial.suggest_int("n", 0, 8, step=2) == 4
    assert trial.suggest_categorical("c", ["a", "b"]) == "b"
    with pytest.warns(FutureWarning, match="suggest_uniform has been deprecated"):
        assert trial.suggest_uniform("x", 0, 2) == 1.0
    with pytest.warns(FutureWarning, match="suggest_loguniform"):
        assert trial.suggest_loguniform("z", 1e-4, 1e-2) == 1e-3
    with pytest.warns(FutureWarning, match="suggest_discrete_uniform"):
        assert trial.suggest_discrete_uniform("x", 0, 2, 0.5) == 1.0
    with pytest.raises(ValueError, match="'y' is not found"):
        trial.suggest_float("y", 0, 1)
    # Outside the asked distribution: a warning, and the value all the same, as in Optuna.
    with pytest.warns(UserWarning, match="out of the range"):
        assert trial.suggest_float("x", 2, 3) == 1.0
    assert trial.distributions["x"] == FloatDistribution(2, 3)
    with pytest.raises(ValueError):
        trial.suggest_categorical("c", ["p", "q"])  # not one of the choices
    with pytest.raises(ValueError, match="different distribution kind"):
        trial.suggest_int("x", 0, 2)
    with pytest.raises(ValueError, match="different log"):
        trial.suggest_float("z", 1e-4, 1e-2)
    trial.report(1.0, 0)
    assert trial.intermediate_values == {}
    assert trial.should_prune() is False
    trial.set_user_attr("k", [1])
    assert trial.user_attrs == {"k": [1]}


def test_a_frozen_trial_reruns_an_objective(study):
    def objective(t):
        return (t.suggest_float("x", -1, 1) - 0.5) ** 2 + t.suggest_int("n", 0, 3)

    study.optimize(objective, n_trials=5)
    assert objective(study.best_trial) == study.best_value


def test_constraints():
    trial = create_trial(value=1.0, constraints={"a": 0.5})
    assert trial.constraints == {"a": 0.5} and trial.system_attrs == {"constraints:a": 0.5}
    with pytest.warns(UserWarning, match="already set"):
        trial.set_constraint("a", 2)
    with pytest.raises(ValueError, match="NaN"):
        trial.set_constraint("b", math.nan)
    with pytest.raises(TypeError):
        trial.set_constraint("b", "x")
    assert _trial(system_attrs={"constraints": [1.0, -1.0]}).constraints == {"0": 1.0, "1": -1.0}


# -- create_trial -------------------------------------------------------------------


def test_create_trial_states():
    for state in TrialState:
        value = 0.2 if state == TrialState.COMPLETE else None
        trial = create_trial(state=state, value=value)
        assert trial.number == -1 and trial._trial_id == -1 and trial.state == state
        assert (trial.datetime_start is None) == (state == TrialState.WAITING)
        assert (trial.datetime_complete is not None) == state.is_finished()
    trial = create_trial(
        value=0.2,
        params={"x": 10},
        distributions={"x": FloatDistribution(5, 12)},
        user_attrs={"foo": "bar"},
        system_attrs={"baz": 1},
        intermediate_values={1: 0.1},
    )
    assert trial.params == {"x": 10} and trial.user_attrs == {"foo": "bar"} and trial.intermediate_values == {1: 0.1}
    assert hone.create_trial is create_trial


def test_create_trial_refuses_what_optuna_does():
    with pytest.raises(ValueError):
        create_trial()  # COMPLETE without a value
    with pytest.raises(ValueError):
        create_trial(state=TrialState.FAIL, value=1.0)
    with pytest.raises(ValueError):
        create_trial(value=1.0, values=[1.0])
    with pytest.raises(ValueError):
        create_trial(value=1.0, params={"x": 13}, distributions={"x": FloatDistribution(5, 12)})
    with pytest.raises(ValueError):
        create_trial(value=1.0, params={"x": 1})


# -- FixedTrial: Optuna's tests/trial_tests/test_fixed.py ---------------------------


def test_fixed_trial():
    trial = FixedTrial({"x": 1, "c": "z"}, number=3)
    assert trial.number == 3 and trial.params == {}
    assert trial.suggest_float("x", -100, 100) == 1
    assert trial.suggest_categorical("c", ["z", "y"]) == "z"
    assert trial.params == {"x": 1, "c": "z"}
    assert trial.distributions == {"x": FloatDistribution(-100, 100), "c": CategoricalDistribution(["z", "y"])}
    with pytest.raises(ValueError, match="FixedTrial object"):
        trial.suggest_int("missing", 0, 1)
    with pytest.warns(UserWarning, match="out of the range"):
        trial.suggest_float("x", 2, 3)
    with pytest.raises(ValueError, match="different distribution kind"):
        trial.suggest_int("x", 0, 3)
    assert trial.should_prune() is False
    trial.report(1.0, 1)
    trial.set_user_attr("a", 1)
    assert trial.user_attrs == {"a": 1} and trial.system_attrs == {}
    assert isinstance(trial.datetime_start, datetime.datetime)
    assert FixedTrial({"x": 0}).number == 0
    objective = lambda t: t.suggest_float("x", -1, 1) ** 2 + t.suggest_int("n", 0, 3)  # noqa: E731
    assert objective(FixedTrial({"x": 0.5, "n": 2})) == 2.25


# -- Study.add_trial and add_trials: Optuna's tests/study_tests/test_study.py -------


def test_add_trial(study):
    assert len(study.trials) == 0
    study.add_trial(create_trial(value=0.8))
    assert len(study.trials) == 1
    assert study.trials[0].number == 0
    assert study.best_value == 0.8


def test_add_trial_invalid_values_length():
    with hone.create_study() as study:
        with pytest.raises(ValueError):
            study.add_trial(create_trial(values=[0, 0]))
    with hone.create_study(directions=["minimize", "minimize"]) as study:
        with pytest.raises(ValueError):
            study.add_trial(create_trial(value=0))
        assert study.trials == []


def test_add_trials(study):
    study.add_trials([])
    assert len(study.trials) == 0
    study.add_trials([create_trial(value=i) for i in range(5)])
    assert [(t.number, t.value) for t in study.trials] == [(i, i) for i in range(5)]
    with hone.create_study() as other:
        other.add_trials(study.trials)
        assert [(t.number, t.value) for t in other.trials] == [(i, i) for i in range(5)]
        other.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=2)
        assert len(other.trials) == 7


def test_add_trial_round_trips_every_field(study, tmp_path):
    def objective(t):
        t.suggest_float("x", 1e-3, 1, log=True)
        t.suggest_int("big", 0, 2**62 + 1)
        t.suggest_categorical("c", [None, 1.5, "a", True])
        t.report(0.5, 0)
        t.set_user_attr("k", {"a": [1, 2]})
        return 1.0

    study.optimize(objective, n_trials=3)
    study.tell(study.ask(), state=TrialState.FAIL)
    study.enqueue_trial({"x": 0.5})
    with hone.create_study(storage=f"sqlite:///{tmp_path}/copy.db", study_name="copy") as other:
        other.tell(other.ask(), 2.0)
        other.add_trials(study.trials)
        for original, copied in zip(study.trials, other.trials[1:]):
            assert copied.number == original.number + 1
            original.number = copied.number
            original._trial_id = copied._trial_id
            assert copied == original


def test_added_trial_is_not_changed_and_datetimes_are_local(study):
    start = datetime.datetime(2026, 3, 4, 5, 6, 7, 891011)
    trial = create_trial(value=1.0)
    trial.datetime_start = start
    trial.datetime_complete = start + datetime.timedelta(seconds=2)
    study.add_trial(trial)
    assert trial.number == -1
    assert study.trials[0].datetime_start == start and study.trials[0].duration == datetime.timedelta(seconds=2)
    aware = create_trial(value=1.0)
    aware.datetime_start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    aware.datetime_complete = aware.datetime_start
    study.add_trial(aware)
    assert study.trials[1].datetime_start.astimezone(datetime.timezone.utc) == aware.datetime_start


def test_add_trial_library_checks_leave_the_study_unchanged(study):
    study.add_trial(create_trial(value=1.0))
    before = study.trials
    early = create_trial(value=1.0)
    early.datetime_start = early.datetime_complete = datetime.datetime(1960, 1, 1)
    with pytest.raises(hone.InvalidArgumentError, match="1970"):
        study.add_trial(early)
    with pytest.raises(ValueError, match="step"):
        study.add_trial(create_trial(value=1.0, intermediate_values={-1: 1.0}))
    with pytest.raises(TypeError):
        study.add_trial({"value": 1.0})
    assert study.trials == before


def test_added_waiting_and_running_trials(study):
    waiting = create_trial(state=TrialState.WAITING, params={"x": 0.5}, distributions={"x": FloatDistribution(0, 1)})
    study.add_trial(waiting)
    study.add_trial(create_trial(state=TrialState.RUNNING))
    trial = study.ask()
    assert trial.number == 0 and trial.suggest_float("x", 0, 1) == 0.5
    study.tell(trial, 1.0)
    assert study.tell(1, 2.0).state == TrialState.COMPLETE


def test_samplers_use_added_trials():
    sampler = hone.samplers.TPESampler(seed=0, n_startup_trials=5)
    with hone.create_study(sampler=sampler) as study:
        for k in range(20):
            x = k / 19
            study.add_trial(
                create_trial(value=(x - 0.1) ** 2, params={"x": x}, distributions={"x": FloatDistribution(0, 1)})
            )
        study.optimize(lambda t: (t.suggest_float("x", 0, 1) - 0.1) ** 2, n_trials=10)
        assert sum(t.params["x"] < 0.4 for t in study.trials[20:]) >= 7


def test_a_foreign_distribution_is_a_type_error(study):
    class Other:
        log = False

    with pytest.raises(TypeError, match="not a hone distribution"):
        create_trial(value=1.0, params={"x": 1.0}, distributions={"x": Other()})


def test_sorting_and_copies():
    trial = _trial()
    other = copy.copy(trial)
    assert not trial < other
    other.number = trial.number + 1
    trials = [other, trial]
    trials.sort()
    assert trials[0] is trial and trials[1] is other
    with pytest.raises(TypeError):
        trial < 1
    with pytest.raises(TypeError):
        trial <= 1


def test_init_refuses_value_and_values():
    _trial(value=0.2, values=None)
    _trial(value=None, values=[0.2])
    with pytest.raises(ValueError):
        _trial(value=0.2, values=[0.2])
    with pytest.raises(ValueError):
        _trial(value=0.2, values=[])


def test_single_objective_accessors_on_a_multi_objective_trial():
    trial = create_trial(values=(0.2, 0.3), params={"x": 10}, distributions={"x": FloatDistribution(5, 12)})
    with pytest.raises(RuntimeError):
        trial.value
    with pytest.raises(RuntimeError):
        trial.value = 0.1
    with pytest.raises(RuntimeError):
        trial.value = [0.1]


def test_added_constraints_decide_feasibility(study):
    study.add_trial(create_trial(value=0.0, constraints={"c": 1.0}))
    study.add_trial(create_trial(value=1.0, constraints={"c": -1.0}))
    assert study.best_value == 1.0
    assert study.trials[0].constraints == {"c": 1.0}
