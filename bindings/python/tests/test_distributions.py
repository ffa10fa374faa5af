"""Optuna's distributions API: fields, printed forms, JSON, NaN choices, and the printed enums and components."""

import copy
import json
import math
import sqlite3
import warnings

import pytest

import hone
from hone import distributions as d
from hone.study import StudyDirection
from hone.trial import TrialState


def test_repr_is_optunas_sorted_fields():
    assert repr(d.FloatDistribution(0, 1)) == "FloatDistribution(high=1.0, log=False, low=0.0, step=None)"
    assert repr(d.FloatDistribution(1e-3, 1, log=True)) == "FloatDistribution(high=1.0, log=True, low=0.001, step=None)"
    assert repr(d.IntDistribution(1, 9, step=2)) == "IntDistribution(high=9, log=False, low=1, step=2)"
    assert repr(d.CategoricalDistribution(["a", None, math.nan, -math.inf])) == (
        "CategoricalDistribution(choices=('a', None, nan, -inf))"
    )
    with pytest.warns(FutureWarning, match="DiscreteUniformDistribution is deprecated"):
        assert repr(d.DiscreteUniformDistribution(0, 1, 0.5)) == "DiscreteUniformDistribution(high=1.0, low=0.0, q=0.5)"


def test_fields_are_optunas_and_in_its_order():
    # The order of _asdict() is the order of the JSON text Optuna writes.
    assert list(d.FloatDistribution(0, 1)._asdict()) == ["step", "low", "high", "log"]
    assert list(d.IntDistribution(0, 1)._asdict()) == ["log", "step", "low", "high"]
    assert d.distribution_to_json(d.IntDistribution(1, 9)) == (
        '{"name": "IntDistribution", "attributes": {"log": false, "step": 1, "low": 1, "high": 9}}'
    )
    # A distribution the library exported has the same fields in the same order.
    assert list(d._from_json({"type": "float", "low": 0, "high": 1, "step": None, "log": False})._asdict()) == [
        "step", "low", "high", "log"
    ]


def test_a_stepped_high_is_lowered_in_decimal_as_optuna_does():
    with pytest.warns(UserWarning, match="lowered to 0.9"):
        assert d.FloatDistribution(0, 1, step=0.3).high == 0.9  # not 0.8999999999999999
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 0.8 lies on the grid: no warning, no change
        f = d.FloatDistribution(0.7, 0.8, step=0.1)
    assert f.high == 0.8 and not f.single()
    with pytest.warns(UserWarning, match="lowered to 9"):
        assert d.IntDistribution(1, 10, step=2).high == 9


def test_bad_distributions_raise_value_errors():
    for make in [
        lambda: d.FloatDistribution(1, 0),
        lambda: d.FloatDistribution(0, 1, log=True),
        lambda: d.FloatDistribution(1, 2, log=True, step=0.5),
        lambda: d.FloatDistribution(0, 1, step=0),
        lambda: d.FloatDistribution(0, math.inf),
        lambda: d.IntDistribution(2, 1),
        lambda: d.IntDistribution(0, 3, log=True),
        lambda: d.IntDistribution(1, 3, log=True, step=2),
        lambda: d.IntDistribution(1, 3, step=-1),
        lambda: d.IntDistribution(0, 2**63),
        lambda: d.CategoricalDistribution([]),
    ]:
        with pytest.raises(ValueError):
            make()
    with pytest.raises(TypeError):
        d.CategoricalDistribution("ab")
    with pytest.warns(UserWarning, match="cannot store it"):
        assert d.CategoricalDistribution([{"a": 1}]).choices == ({"a": 1},)


def test_nan_choices_are_found_and_compared_as_optuna_does():
    c = d.CategoricalDistribution([None, True, 1, 1.5, math.nan, math.inf, -math.inf, "a"])
    assert c.to_internal_repr(float("nan")) == 4  # another NaN object
    assert c.to_internal_repr(math.inf) == 5 and c.to_internal_repr(-math.inf) == 6
    # The choice of the value's own type comes first; failing that, Optuna's ==.
    assert c.to_internal_repr(True) == 1 and c.to_internal_repr(1) == 2 and c.to_internal_repr(1.0) == 2
    assert d.CategoricalDistribution([1, "x"]).to_internal_repr(True) == 0
    with pytest.raises(ValueError):
        c.to_internal_repr("b")
    other = d.CategoricalDistribution([None, True, 1, 1.5, float("nan"), math.inf, -math.inf, "a"])
    assert c == other and hash(c) == hash(other)
    assert c != d.CategoricalDistribution([None, True, 1, 1.5, 0.0, math.inf, -math.inf, "a"])
    d.check_distribution_compatibility(c, other)
    with pytest.raises(ValueError):
        d.check_distribution_compatibility(c, d.CategoricalDistribution(["a"]))


def test_json_carries_non_finite_choices_and_reads_the_deprecated_names():
    c = d.CategoricalDistribution([math.nan, math.inf, None])
    text = d.distribution_to_json(c)
    assert text == '{"name": "CategoricalDistribution", "attributes": {"choices": [NaN, Infinity, null]}}'
    assert d.json_to_distribution(text) == c
    with pytest.warns(FutureWarning):
        old = d.json_to_distribution('{"name": "IntLogUniformDistribution", "attributes": {"low": 1, "high": 8}}')
    assert type(old) is d.IntLogUniformDistribution and old._asdict() == {"step": 1, "low": 1, "high": 8}
    with pytest.warns(FutureWarning, match="is read as IntDistribution"):
        assert d._convert_old_distribution_to_new_distribution(old) == d.IntDistribution(1, 8, log=True)
    assert d.json_to_distribution('{"type": "float", "low": 0, "high": 1}') == d.FloatDistribution(0, 1)
    with pytest.raises(ValueError, match="Unknown distribution class"):
        d.json_to_distribution('{"name": "Beta", "attributes": {}}')


def test_int_values_stay_exact():
    i = d.IntDistribution(0, 2**62 + 2)
    assert i.to_external_repr(i.to_internal_repr(2**62 + 1)) == 2**62 + 1
    assert i._contains(2**62 + 1) and not i._contains(2**62 + 3)
    assert i.to_external_repr(i.to_internal_repr("7")) == 7
    with pytest.raises(ValueError):
        i.to_internal_repr(math.nan)


def test_deep_copies_are_equal():
    for dist in [d.FloatDistribution(0, 1, step=0.25), d.IntDistribution(1, 8, log=True),
                 d.CategoricalDistribution([math.nan, "a"])]:
        assert copy.deepcopy(dist) == dist and hash(copy.deepcopy(dist)) == hash(dist)


def test_a_nan_choice_travels_through_sqlite_and_comes_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'nan.db'}"
    choices = [float("nan"), 1.0, None, True, "a"]
    seen = {}
    with hone.create_study(study_name="s", storage=url, sampler=hone.samplers.RandomSampler(seed=0)) as study:
        for _ in range(40):
            t = study.ask()
            x = t.suggest_categorical("x", choices)
            assert any(x is c for c in choices), "the caller's own choice object comes back"
            seen[d.CategoricalDistribution(choices).to_internal_repr(x)] = x
            study.tell(t, 0.0)
    assert sorted(seen) == [0, 1, 2, 3, 4]
    # The distribution's JSON text in the file writes NaN as Python's json does.
    with sqlite3.connect(tmp_path / "nan.db") as db:
        (text,) = db.execute("SELECT distribution_json FROM trial_params LIMIT 1").fetchone()
    assert "NaN" in text and json.loads(text)["choices"][1:] == [1.0, None, True, "a"]
    with hone.load_study(study_name="s", storage=url) as loaded:
        values = [t.params["x"] for t in loaded.trials]
        assert loaded.trials[0].distributions["x"] == d.CategoricalDistribution(choices)
    # Each value read back is one of the choices as Optuna compares them, NaN included,
    # and True stays a bool. (A whole float choice, 1.0, reads back from a reopened
    # storage as the int 1: the library writes whole doubles without a fraction.)
    assert sum(isinstance(v, float) and math.isnan(v) for v in values) >= 1
    assert all(any(d._categorical_choice_equal(v, c) for c in choices) for v in values)
    assert any(v is True for v in values) and any(v is None for v in values) and "a" in values


def test_enums_print_as_optunas():
    assert str(TrialState.COMPLETE) == "TrialState.COMPLETE"
    assert repr(TrialState.COMPLETE) == "<TrialState.COMPLETE: 1>"
    assert f"{TrialState.PRUNED}" == "TrialState.PRUNED"
    assert repr(StudyDirection.MINIMIZE) == "<StudyDirection.MINIMIZE: 1>"
    assert str(StudyDirection.MAXIMIZE) == "2"


def test_samplers_and_pruners_print_as_optunas():
    for sampler in [hone.samplers.TPESampler(), hone.samplers.RandomSampler(seed=1), hone.samplers.QMCSampler()]:
        assert str(sampler) == type(sampler).__name__
        assert repr(sampler).startswith(f"<hone.samplers.{type(sampler).__name__} object at 0x")
    assert repr(hone.pruners.MedianPruner()).startswith("<hone.pruners.MedianPruner object at 0x")
    assert str(hone.pruners.NopPruner()).startswith("<hone.pruners.NopPruner object at 0x")


def test_a_grid_of_non_finite_choices_is_searched():
    grid = hone.samplers.GridSampler({"c": [math.nan, math.inf, -math.inf]}, seed=0)
    with hone.create_study(sampler=grid) as study:
        study.optimize(lambda t: 0.0 if math.isnan(t.suggest_categorical("c", [math.nan, math.inf, -math.inf])) else 1.0)
        values = [t.params["c"] for t in study.trials]
    assert len(values) == 3 and sum(math.isnan(v) for v in values) == 1 and {math.inf, -math.inf} <= set(values)
