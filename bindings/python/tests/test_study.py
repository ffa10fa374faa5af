"""Studies: creation, ask and tell, results, enqueued trials, handles."""
import datetime
import gc
import json
import math
import sys
import time

import pytest

import hone
from hone import TrialState
from hone.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from hone.study import StudyDirection


def test_create_study_describes_itself():
    with hone.create_study(study_name="described", direction="maximize") as study:
        assert study.study_name == "described"
        assert study.direction == StudyDirection.MAXIMIZE
        assert study.directions == [StudyDirection.MAXIMIZE]
        assert isinstance(study.sampler, hone.samplers.TPESampler)  # Optuna's default
        assert isinstance(study.pruner, hone.pruners.MedianPruner)  # Optuna's default
        assert study.trials == []


def test_direction_accepts_the_enum_and_defaults_to_minimize():
    assert hone.create_study(direction=StudyDirection.MAXIMIZE).direction == StudyDirection.MAXIMIZE
    assert hone.create_study().direction == StudyDirection.MINIMIZE
    names = [hone.create_study().study_name for _ in range(3)]
    assert len(set(names)) == 3


def test_bad_study_options_are_rejected():
    with pytest.raises(hone.InvalidArgumentError, match="'direction' or 'directions', not both"):
        hone.create_study(direction="minimize", directions=["minimize", "maximize"])
    with pytest.raises(ValueError, match='"minimize" or "maximize"'):
        hone.create_study(direction="upwards")
    with pytest.raises(hone.InvalidArgumentError, match="not supported"):
        hone.create_study(storage="mongodb://localhost/hone")
    with pytest.raises(TypeError, match="storage"):
        hone.create_study(storage=object())
    with pytest.raises(TypeError, match="sampler"):
        hone.create_study(sampler="random")
    assert hone.create_study(storage="memory", load_if_exists=True).trials == []


def test_ask_tell_records_a_complete_trial(study):
    before = datetime.datetime.now()
    trial = study.ask()
    assert trial.number == 0
    x = trial.suggest_float("x", -1.0, 1.0)
    trial.report(0.5, step=0)
    trial.report(0.25, step=3)
    trial.report(0.75, step=3)  # a repeated step keeps its first value, as in Optuna
    trial.set_user_attr("note", {"why": ["because", 1]})
    assert trial.params == {"x": x}
    assert trial.user_attrs == {"note": {"why": ["because", 1]}}
    frozen = study.tell(trial, x * x)
    after = datetime.datetime.now()

    assert frozen.number == 0
    assert frozen.state == TrialState.COMPLETE
    assert frozen.value == x * x and frozen.values == [x * x]
    assert frozen.params == {"x": x}
    assert frozen.distributions == {"x": FloatDistribution(-1.0, 1.0)}
    assert frozen.intermediate_values == {0: 0.5, 3: 0.25}
    assert frozen.last_step == 3
    assert frozen.user_attrs == {"note": {"why": ["because", 1]}}
    assert frozen.system_attrs == {}
    slack = datetime.timedelta(seconds=1)  # the library's clock and this one may differ by rounding
    assert before - slack <= frozen.datetime_start <= frozen.datetime_complete <= after + slack
    assert frozen.duration == frozen.datetime_complete - frozen.datetime_start
    assert study.trials == [frozen]


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
def test_datetimes_are_naive_local_times_like_optuna(study, monkeypatch):
    monkeypatch.setenv("TZ", "UTC-05:30")  # POSIX spelling of 5 h 30 east of UTC
    time.tzset()
    try:
        before = datetime.datetime.now()
        frozen = study.tell(study.ask(), 1.0)
        # tell's trial is read on first use, which must happen under the same zone.
        start, complete = frozen.datetime_start, frozen.datetime_complete
        after = datetime.datetime.now()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert start.tzinfo is None
    slack = datetime.timedelta(seconds=1)
    assert before - slack <= start <= complete <= after + slack


def test_tell_accepts_a_trial_number_and_returns_the_frozen_trial(study):
    trial = study.ask()
    trial.suggest_int("n", 0, 10)
    frozen = study.tell(trial.number, 3)
    assert frozen.state == TrialState.COMPLETE and frozen.value == 3.0
    assert study.best_trial == frozen


def test_running_trial_has_no_values_or_completion(study):
    trial = study.ask()
    frozen = study.trials[0]
    assert frozen.number == trial.number
    assert frozen.state == TrialState.RUNNING
    assert frozen.values is None and frozen.value is None
    assert frozen.datetime_complete is None and frozen.duration is None
    assert isinstance(trial.datetime_start, datetime.datetime)


def test_best_trial_value_and_params(study):
    for v in [3.0, -1.0, 2.0]:
        t = study.ask()
        t.suggest_float("x", v, v)
        study.tell(t, v)
    assert study.best_value == -1.0
    assert study.best_trial.number == 1
    assert study.best_params == {"x": -1.0}
    assert [t.number for t in study.best_trials] == [1]


def test_best_trial_maximize():
    with hone.create_study(direction="maximize") as study:
        for v in [3.0, -1.0, 5.0, 4.0]:
            study.tell(study.ask(), v)
        assert study.best_value == 5.0 and study.best_trial.number == 2


def test_best_trial_without_complete_trials_is_a_value_error(study):
    study.tell(study.ask(), state=TrialState.FAIL)
    with pytest.raises(ValueError, match="COMPLETE"):
        study.best_trial
    with pytest.raises(hone.NotFoundError):
        study.best_value


def test_tell_states(study):
    pruned = study.ask()
    pruned.report(4.0, 1)
    pruned.report(2.0, 2)
    frozen = study.tell(pruned, state=TrialState.PRUNED)
    assert frozen.state == TrialState.PRUNED and frozen.value == 2.0  # the last intermediate value

    failed = study.tell(study.ask(), state=TrialState.FAIL)
    assert failed.state == TrialState.FAIL and failed.values is None
    assert [t.number for t in study.get_trials(states=[TrialState.FAIL])] == [1]
    assert [t.number for t in study.get_trials(deepcopy=False, states=(TrialState.PRUNED,))] == [0]


def test_tell_validates_values_and_state(study):
    trial = study.ask()
    with pytest.raises(ValueError, match="Values are required"):
        study.tell(trial, state=TrialState.COMPLETE)
    with pytest.raises(ValueError, match="Values cannot be specified"):
        study.tell(trial, 1.0, state=TrialState.FAIL)
    with pytest.raises(hone.InvalidArgumentError, match="COMPLETE, PRUNED or FAIL"):
        study.tell(trial, state=TrialState.WAITING)
    assert study.trials[0].state == TrialState.RUNNING


def test_double_tell_is_a_state_error(study):
    trial = study.ask()
    study.tell(trial, 1.0)
    with pytest.raises(hone.StateError, match="COMPLETE, not RUNNING"):
        study.tell(trial, 2.0)
    assert study.trials[0].value == 1.0
    assert study.tell(trial, 2.0, skip_if_finished=True).value == 1.0


def test_unknown_trial_is_not_found(study):
    with pytest.raises(hone.NotFoundError, match="no trial 5"):
        study.tell(5, 1.0)
    with pytest.raises(KeyError):
        study.tell(5, 1.0)
    with pytest.raises(hone.NotFoundError):
        study.tell(-1, 1.0)


def test_nan_objective_fails_the_trial_with_a_warning(study):
    trial = study.ask()
    with pytest.warns(UserWarning, match="Trial 0 failed, because the objective function returned nan"):
        frozen = study.tell(trial, float("nan"))
    assert frozen.state == TrialState.FAIL and frozen.values is None


def test_uncastable_or_miscounted_values_fail_the_trial(study):
    with pytest.warns(UserWarning, match="could not be cast to float"):
        assert study.tell(study.ask(), "abc").state == TrialState.FAIL
    with pytest.warns(UserWarning, match="number of the values 2 did not match the number of the objectives 1"):
        assert study.tell(study.ask(), [1.0, 2.0]).state == TrialState.FAIL
    assert study.tell(study.ask(), [4.0]).value == 4.0


def test_tell_without_values_or_state_fails_the_trial_with_optunas_warning(study):
    with pytest.warns(UserWarning, match=r"^The value None could not be cast to float\.$"):
        frozen = study.tell(study.ask())
    assert frozen.state == TrialState.FAIL and frozen.values is None


def test_tell_values_as_optuna_checks_them(study):
    # A string is a sequence of values to Optuna: "a" cannot be cast, so the trial fails.
    with pytest.warns(UserWarning, match="could not be cast to float"):
        assert study.tell(study.ask(), "a").state == TrialState.FAIL
    # "1" casts, but is no number: Optuna's NaN check raises TypeError, and the trial stays RUNNING.
    trial = study.ask()
    with pytest.raises(TypeError):
        study.tell(trial, "1")
    assert study.trials[trial.number].state == TrialState.RUNNING
    # An explicit COMPLETE raises where state=None fails the trial.
    for bad, message in [
        ("a", "The value 'a' could not be cast to float"),
        (math.nan, "The value nan is not acceptable"),
        ([1.0, 2.0], "The number of the values 2 did not match the number of the objectives 1"),
    ]:
        with pytest.raises(ValueError, match=message):
            study.tell(trial, bad, state=TrialState.COMPLETE)
    assert study.trials[trial.number].state == TrialState.RUNNING
    assert study.tell(trial, 1.0, state=TrialState.COMPLETE).value == 1.0


def test_max_trials_callback_counts_every_worker_trial():
    assert hone.study.MaxTrialsCallback is hone.study._callbacks.MaxTrialsCallback
    with hone.create_study(sampler=hone.samplers.RandomSampler(seed=0)) as study:
        study.tell(study.ask(), 1.0)  # another worker's trial counts too
        callback = hone.study.MaxTrialsCallback(4)
        study.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=20, callbacks=[callback])
        assert len(study.trials) == 4
        # Only COMPLETE trials count by default; states=None counts every state.
        study.optimize(lambda t: float("nan"), n_trials=3, callbacks=[hone.study.MaxTrialsCallback(4)])
        assert len(study.trials) == 5
        study.optimize(lambda t: float("nan"), n_trials=3, callbacks=[hone.study.MaxTrialsCallback(6, states=None)])
        assert len(study.trials) == 6


def test_infinite_values_are_kept(study):
    assert study.tell(study.ask(), float("inf")).value == math.inf


def test_multi_objective_best_trials_are_the_pareto_front():
    points = [(1.0, 5.0), (2.0, 2.0), (3.0, 3.0), (5.0, 1.0), (4.0, 4.0)]
    with hone.create_study(directions=["minimize", "minimize"]) as study:
        assert study.directions == [StudyDirection.MINIMIZE, StudyDirection.MINIMIZE]
        with pytest.raises(RuntimeError, match="multi-objective"):
            study.direction
        for p in points:
            study.tell(study.ask(), list(p))
        front = study.best_trials
        assert sorted(tuple(t.values) for t in front) == [(1.0, 5.0), (2.0, 2.0), (5.0, 1.0)]
        assert sorted(t.number for t in front) == [0, 1, 3]
        with pytest.raises(RuntimeError, match="best trial"):
            study.best_trial
        with pytest.raises(RuntimeError, match="multi-objective"):
            front[0].value
        with pytest.warns(UserWarning, match="number of the values 1"):
            study.tell(study.ask(), 1.0)


def test_multi_objective_mixed_directions():
    with hone.create_study(directions=["minimize", "maximize"]) as study:
        for p in [(1.0, 1.0), (2.0, 3.0), (2.0, 2.0), (3.0, 3.0)]:
            study.tell(study.ask(), p)
        assert sorted(tuple(t.values) for t in study.best_trials) == [(1.0, 1.0), (2.0, 3.0)]


def test_enqueue_trial_fixes_the_named_parameters(study):
    study.enqueue_trial({"x": 0.25, "opt": "sgd", "n": 7})
    assert study.trials[0].state == TrialState.WAITING
    trial = study.ask()
    assert trial.number == 0
    assert trial.suggest_float("x", 0.0, 1.0) == 0.25
    assert trial.suggest_categorical("opt", ["adam", "sgd"]) == "sgd"
    assert trial.suggest_int("n", 1, 9) == 7
    free = trial.suggest_float("y", 0.0, 1.0)  # not enqueued: sampled
    assert 0.0 <= free <= 1.0
    assert study.tell(trial, 1.0).params == {"x": 0.25, "opt": "sgd", "n": 7, "y": free}
    # The queue is first in, first out, and empty once used.
    study.enqueue_trial({"x": 0.5})
    study.enqueue_trial({"x": 0.75})
    assert [study.ask().suggest_float("x", 0, 1) for _ in range(2)] == [0.5, 0.75]
    assert study.ask().number == 3


def test_enqueued_value_must_fit_its_distribution(study):
    study.enqueue_trial({"opt": "lbfgs"})
    trial = study.ask()
    with pytest.raises(hone.InvalidArgumentError, match="lbfgs"):
        trial.suggest_categorical("opt", ["adam", "sgd"])
    with pytest.raises(TypeError):
        study.enqueue_trial({"x": [1, 2]})


def test_ask_with_fixed_distributions(study):
    space = {
        "x": FloatDistribution(0.0, 1.0),
        "n": IntDistribution(1, 9, step=2),
        "opt": CategoricalDistribution(["adam", None, 3]),
    }
    trial = study.ask(fixed_distributions=space)
    assert trial.distributions == space
    assert set(trial.params) == {"x", "n", "opt"}
    assert trial.params["opt"] in ("adam", None, 3)


def test_trials_dataframe_needs_pandas(study, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pandas"):
        study.trials_dataframe()


def test_trials_dataframe_rows(study):
    pandas = pytest.importorskip("pandas")
    assert study.trials_dataframe().empty
    t = study.ask()
    x = t.suggest_float("x", 0, 1)
    t.set_user_attr("tag", "a")
    study.tell(t, 2.0)
    study.tell(study.ask(), state=TrialState.FAIL)
    df = study.trials_dataframe()
    assert list(df.columns) == [
        "number", "value", "datetime_start", "datetime_complete", "duration", "params_x", "user_attrs_tag", "state",
    ]
    assert list(df["number"]) == [0, 1]
    assert df["value"][0] == 2.0 and df["params_x"][0] == x and df["user_attrs_tag"][0] == "a"
    assert list(df["state"]) == ["COMPLETE", "FAIL"]
    assert df["duration"][0] == df["datetime_complete"][0] - df["datetime_start"][0]
    assert pandas.isna(df["params_x"][1])
    values = study.trials_dataframe(attrs=("number", "values"))
    assert list(values.columns) == ["number", "values_0"] and values["values_0"][0] == 2.0
    assert pandas.isna(values["values_0"][1])


def test_trials_dataframe_multi_index():
    pytest.importorskip("pandas")
    with hone.create_study(directions=["minimize", "maximize"]) as study:
        t = study.ask()
        t.suggest_int("n", 0, 5)
        study.tell(t, [1.0, 2.0])
        df = study.trials_dataframe(attrs=("number", "value", "params", "state"), multi_index=True)
        assert list(df.columns) == [("number", ""), ("values", 0), ("values", 1), ("params", "n"), ("state", "")]
        assert list(df["values"].columns) == [0, 1] and df[("values", 1)][0] == 2.0
        flat = study.trials_dataframe(attrs=("number", "value", "params", "state"))
        assert list(flat.columns) == ["number", "values_0", "values_1", "params_n", "state"]


def test_context_manager_closes_the_handle():
    with hone.create_study() as study:
        study.tell(study.ask(), 1.0)
    with pytest.raises(hone.StateError, match="closed"):
        study.ask()
    with pytest.raises(hone.StateError, match="closed"):
        study.trials
    study.close()  # closing twice is harmless


def test_close_and_garbage_collection_release_the_study():
    study = hone.create_study()
    handle = study._handle.value
    study.close()
    # The library no longer knows the handle: a call on it fails cleanly.
    from hone import _lib
    import ctypes

    out = ctypes.c_int64()
    with pytest.raises(hone.InvalidArgumentError, match="not a live hone_study handle"):
        _lib._check(_lib.LIB.hone_study_ask(ctypes.byref(out), ctypes.c_void_p(handle)))

    study = hone.create_study()
    handle = study._handle.value
    del study
    gc.collect()
    with pytest.raises(hone.InvalidArgumentError, match="not a live hone_study handle"):
        _lib._check(_lib.LIB.hone_study_ask(ctypes.byref(out), ctypes.c_void_p(handle)))


def test_failed_creation_leaves_nothing_to_free(monkeypatch):
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with pytest.raises(hone.InvalidArgumentError):
        hone.create_study(direction="sideways")
    gc.collect()
    assert unraisable == []  # __del__ of the half-built study raised nothing


def test_tell_warning_points_at_the_caller(study):
    with pytest.warns(UserWarning) as record:
        study.tell(study.ask(), float("nan"))
    assert record[0].filename == __file__


def test_system_attrs_carry_the_fixed_params_of_an_enqueued_trial(study):
    study.enqueue_trial({"x": 0.25})
    trial = study.ask()
    trial.suggest_float("x", 0, 1)
    frozen = study.tell(trial, 1.0)
    assert frozen.system_attrs == {"fixed_params": {"x": 0.25}}
    assert frozen.params == {"x": 0.25}


def test_export_csv_and_json(tmp_path):
    import csv
    import io

    study = hone.create_study(sampler=hone.samplers.RandomSampler(seed=0))
    for v in (3.0, 1.0):
        trial = study.ask()
        trial.suggest_float("x", 0, 1)
        trial.suggest_categorical("opt", ["adam", "sgd, with momentum"])
        study.tell(trial, v)
    path = tmp_path / "trials.csv"
    text = study.export("csv", path=path)
    assert path.read_bytes().decode("utf-8") == text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["number"] for r in rows] == ["0", "1"]
    assert [float(r["value"]) for r in rows] == [3.0, 1.0]
    assert [r["params_opt"] for r in rows] == [t.params["opt"] for t in study.trials]
    assert all(r["state"] == "COMPLETE" for r in rows)
    assert [t["number"] for t in json.loads(study.export("json"))] == [0, 1]
    with pytest.raises(hone.InvalidArgumentError, match="'xml' is unknown"):
        study.export("xml")


def test_enqueue_trial_user_attrs_and_skip_if_exists():
    study = hone.create_study(sampler=hone.samplers.RandomSampler(seed=0))
    study.enqueue_trial({"x": 0.5}, user_attrs={"source": "manual"})
    study.enqueue_trial({"x": 0.5}, skip_if_exists=True)
    assert len(study.trials) == 1
    trial = study.ask()
    assert trial.suggest_float("x", 0, 1) == 0.5
    study.tell(trial, 1.0)
    assert study.trials[0].user_attrs == {"source": "manual"}
    study.enqueue_trial({"x": 0.5}, skip_if_exists=True)
    study.enqueue_trial({"x": 0.25}, skip_if_exists=True)
    assert [t.state for t in study.trials] == [hone.TrialState.COMPLETE, hone.TrialState.WAITING]
    with pytest.raises(TypeError):
        study.enqueue_trial({"x": 0.1}, user_attrs={"bad": object()})
    assert len(study.trials) == 2


def test_optuna_exception_types_for_a_duplicate_name_and_a_finished_trial(tmp_path):
    # Optuna raises DuplicatedStudyError and UpdateFinishedTrialError, both ValueErrors.
    url = f"sqlite:///{tmp_path / 'dup.db'}"
    study = hone.create_study(storage=url, study_name="a")
    with pytest.raises(hone.DuplicatedStudyError, match="load_if_exists") as caught:
        hone.create_study(storage=url, study_name="a")
    assert isinstance(caught.value, ValueError)
    assert hone.create_study(storage=url, study_name="a", load_if_exists=True).study_name == "a"
    trial = study.ask()
    study.tell(trial, 1.0)
    with pytest.raises(hone.UpdateFinishedTrialError) as caught:
        study.tell(trial, 2.0)
    assert isinstance(caught.value, ValueError)
    assert [t.value for t in study.trials] == [1.0]
    assert issubclass(hone.ExperimentalWarning, Warning)


# -- study attributes and metric names (Optuna's test_study user_attrs / metric_names) --


@pytest.mark.parametrize("storage", [None, "sqlite"])
def test_study_set_and_get_user_attrs(storage, tmp_path):
    url = None if storage is None else f"sqlite:///{tmp_path / 'attrs.db'}"
    study = hone.create_study(storage=url, study_name="attrs")
    assert study.user_attrs == {}
    study.set_user_attr("dataset", "MNIST")
    study.set_user_attr("dimensions", 2)
    study.set_user_attr("contributors", ["Akiba", "Sano"])
    study.set_user_attr("dataset", {"name": "CIFAR", "size": 10})
    expected = {"dataset": {"name": "CIFAR", "size": 10}, "dimensions": 2, "contributors": ["Akiba", "Sano"]}
    assert study.user_attrs == expected
    assert list(study.user_attrs) == ["dataset", "dimensions", "contributors"]
    # The dictionary is a copy: changing it changes nothing stored.
    study.user_attrs["dimensions"] = 3
    assert study.user_attrs["dimensions"] == 2
    with pytest.raises(TypeError):
        study.set_user_attr("bad", object())
    assert study.user_attrs == expected
    if url is not None:
        assert hone.load_study(study_name="attrs", storage=url).user_attrs == expected
        (summary,) = hone.get_all_study_summaries(url)
        assert summary.user_attrs == expected


def test_study_user_attrs_are_copied_and_deleted_with_the_study(tmp_path):
    url = f"sqlite:///{tmp_path / 'copy.db'}"
    study = hone.create_study(storage=url, study_name="src", directions=["minimize", "maximize"])
    study.set_user_attr("owner", "me")
    with pytest.warns(hone.ExperimentalWarning):
        study.set_metric_names(["loss", "accuracy"])
    hone.copy_study(from_study_name="src", from_storage=url, to_storage=url, to_study_name="dst")
    copy = hone.load_study(study_name="dst", storage=url)
    assert copy.user_attrs == {"owner": "me"}
    assert copy.metric_names == ["loss", "accuracy"]
    hone.delete_study(study_name="src", storage=url)
    again = hone.create_study(storage=url, study_name="src")
    assert again.user_attrs == {}
    assert again.metric_names is None


def test_set_metric_names():
    study = hone.create_study(directions=["minimize", "minimize"])
    with pytest.warns(hone.ExperimentalWarning):
        study.set_metric_names(["v0", "v1"])
    assert study.metric_names == ["v0", "v1"]
    assert study._system_attrs == {"study:metric_names": ["v0", "v1"]}


def test_set_invalid_metric_names():
    study = hone.create_study(directions=["minimize", "minimize"])
    with pytest.warns(hone.ExperimentalWarning), pytest.raises(ValueError):
        study.set_metric_names(["v0", "v1", "v2"])
    assert study.metric_names is None


def test_get_metric_names():
    study = hone.create_study()
    assert study.metric_names is None
    with pytest.warns(hone.ExperimentalWarning):
        study.set_metric_names(["v0"])
    assert study.metric_names == ["v0"]
    with pytest.warns(hone.ExperimentalWarning):
        study.set_metric_names(["v1"])
    assert study.metric_names == ["v1"]


def test_study_has_no_public_system_attrs_as_in_optuna_5():
    study = hone.create_study()
    assert not hasattr(study, "system_attrs")
    assert not hasattr(study, "set_system_attr")


def test_trials_dataframe_uses_metric_names():
    pandas = pytest.importorskip("pandas")
    study = hone.create_study(directions=["minimize", "maximize"], sampler=hone.samplers.RandomSampler(seed=0))
    with pytest.warns(hone.ExperimentalWarning):
        study.set_metric_names(["b_loss", "a_acc"])
    study.optimize(lambda t: (t.suggest_float("x", 0, 1), 1.0), n_trials=2)
    df = study.trials_dataframe(multi_index=True)
    assert isinstance(df, pandas.DataFrame)
    assert list(df.get("values").keys()) == ["b_loss", "a_acc"]
    assert "values_b_loss" in study.trials_dataframe().columns
    single = hone.create_study()
    with pytest.warns(hone.ExperimentalWarning):
        single.set_metric_names(["loss"])
    single.optimize(lambda t: t.suggest_float("x", 0, 1), n_trials=1)
    assert "value_loss" in single.trials_dataframe().columns
