"""Study.tell against Optuna 5's tests/study_tests/test_study.py (test_tell*), ported."""
import math

import pytest

import hone
from hone import TrialState


def test_tell():
    with hone.create_study() as study:
        trial = study.ask()
        assert len(study.trials) == 1 and len(study.get_trials(states=(TrialState.COMPLETE,))) == 0
        study.tell(trial, 1.0)
        study.tell(study.ask(), [1.0])
        study.tell(study.ask().number, 1.0)
        study.tell(study.ask(), float("inf"))
        assert len(study.get_trials(states=(TrialState.COMPLETE,))) == 4
        study.tell(study.ask(), state=TrialState.PRUNED)
        study.tell(study.ask(), state=TrialState.FAIL)
        assert [len(study.get_trials(states=(s,))) for s in (TrialState.PRUNED, TrialState.FAIL)] == [1, 1]


def test_tell_pruned():
    with hone.create_study() as study:
        study.tell(study.ask(), state=TrialState.PRUNED)
        assert study.trials[-1].value is None and study.trials[-1].state == TrialState.PRUNED
        for reported, kept in [(2.0, 2.0), (math.inf, math.inf), (math.nan, None)]:
            trial = study.ask()
            trial.report(reported, step=1)
            study.tell(trial, state=TrialState.PRUNED)
            assert study.trials[-1].value == kept and study.trials[-1].state == TrialState.PRUNED


@pytest.mark.parametrize(
    "directions, values",
    [
        (["minimize"], ("a",)),
        (["minimize"], (None,)),
        (["minimize"], ([],)),
        (["minimize"], ([1.0, 2.0],)),
        (["minimize"], ()),
        (["minimize"], (float("nan"),)),
        (["minimize", "maximize"], ([],)),
        (["minimize", "maximize"], ([1.0],)),
        (["minimize", "maximize"], ([1.0, 2.0, 3.0],)),
        (["minimize", "maximize"], ([1.0, None],)),
        (["minimize", "maximize"], ([None, None],)),
        (["minimize", "maximize"], (1.0,)),
    ],
)
def test_tell_automatically_fail(directions, values):
    with hone.create_study(directions=directions) as study:
        with pytest.warns(UserWarning):
            study.tell(study.ask(), *values)
        assert len(study.trials) == 1
        assert study.trials[-1].state == TrialState.FAIL and study.trials[-1].values is None


def test_tell_multi_objective():
    with hone.create_study(directions=["minimize", "maximize"]) as study:
        study.tell(study.ask(), [1.0, 2.0])
        assert len(study.trials) == 1 and study.trials[0].values == [1.0, 2.0]


def test_tell_invalid():
    with hone.create_study() as study:
        for values, state in [
            ((), TrialState.COMPLETE),
            (("a",), TrialState.COMPLETE),
            ((None,), TrialState.COMPLETE),
            (([],), TrialState.COMPLETE),
            (([1.0, 2.0],), TrialState.COMPLETE),
            ((float("nan"),), TrialState.COMPLETE),
            ((), TrialState.RUNNING),
            ((), TrialState.WAITING),
            ((1,), TrialState.PRUNED),
            ((1,), TrialState.FAIL),
        ]:
            with pytest.raises(ValueError):
                study.tell(study.ask(), *values, state=state)
        # A trial that was never asked.
        with pytest.raises(ValueError):
            study.tell(study.ask().number + 1, 1.0)
        # A waiting trial.
        study.enqueue_trial({})
        with pytest.raises(ValueError):
            study.tell(study.trials[-1].number, 1.0)
        assert study.trials[-1].state == TrialState.WAITING
        with pytest.raises(TypeError):
            study.tell("1", 1.0)
        # No failed tell changed a trial's state.
        assert all(t.state in (TrialState.RUNNING, TrialState.WAITING) for t in study.trials)


def test_tell_duplicate_tell():
    with hone.create_study() as study:
        trial = study.ask()
        study.tell(trial, 1.0)
        study.tell(trial, 1.0, skip_if_finished=True)
        with pytest.raises(ValueError):
            study.tell(trial, 1.0, skip_if_finished=False)
