"""Trials: the live :class:`Trial` handed to objectives and the read-only :class:`FrozenTrial`."""

from __future__ import annotations

import copy
import ctypes
import datetime
import enum
import json
from ctypes import POINTER, c_bool, c_char_p, c_double, c_int64, c_size_t, c_void_p
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import _abi
from ._lib import _ENCODED, LIB, _check, encode, unconverted

# suggest_float and suggest_int run in every objective: they call the library
# without argtypes conversion (see unconverted), with arguments built as these
# types; the study's handle is the c_void_p the library filled in.
_SUGGEST_FLOAT = unconverted(
    "hone_trial_suggest_float", [POINTER(c_double), c_void_p, c_int64, c_char_p, c_double, c_double, c_double, c_bool]
)
_SUGGEST_INT = unconverted(
    "hone_trial_suggest_int", [POINTER(c_int64), c_void_p, c_int64, c_char_p, c_int64, c_int64, c_int64, c_bool]
)
_NO_STEP = c_double(0.0)
_LOG = (c_bool(False), c_bool(True))
from .distributions import (
    BaseDistribution,
    CategoricalChoiceType,
    CategoricalDistribution,
    FloatDistribution,
    IntDistribution,
    _choice_key,
    _choices,
    _from_json,
    _int64,
    _plain_choice,
    _unchecked,
)

if TYPE_CHECKING:  # pragma: no cover
    from .study import Study

__all__ = ["TrialState", "Trial", "FrozenTrial"]


class TrialState(enum.IntEnum):
    """The life-cycle state of a trial; the values are those of ``hone_trial_state`` in ``_abi.py``."""

    RUNNING = _abi.HONE_TRIAL_RUNNING
    COMPLETE = _abi.HONE_TRIAL_COMPLETE
    PRUNED = _abi.HONE_TRIAL_PRUNED
    FAIL = _abi.HONE_TRIAL_FAIL
    WAITING = _abi.HONE_TRIAL_WAITING

    # Printed as Optuna prints it: str() is "TrialState.COMPLETE" (an IntEnum's
    # str() would be "1"); repr() stays the enum's "<TrialState.COMPLETE: 1>".
    __str__ = enum.Enum.__str__

    def is_finished(self) -> bool:
        """Whether the trial can change no more (COMPLETE, PRUNED or FAIL)."""
        return self in (TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)


@dataclass(eq=False)
class FrozenTrial:
    """A snapshot of a trial, with Optuna's fields.

    ``datetime_start`` and ``datetime_complete`` are naive local times, as in
    Optuna. ``system_attrs`` holds the library's own attributes, such as an
    enqueued trial's ``fixed_params`` and a grid trial's ``grid_id``.
    """

    number: int
    state: TrialState
    values: Optional[List[float]]
    datetime_start: Optional[datetime.datetime]
    datetime_complete: Optional[datetime.datetime]
    params: Dict[str, Any]
    distributions: Dict[str, BaseDistribution]
    user_attrs: Dict[str, Any]
    intermediate_values: Dict[int, float]
    system_attrs: Dict[str, Any] = field(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        # By fields, not by class, so a trial returned by tell equals the one in study.trials.
        if not isinstance(other, FrozenTrial):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(FrozenTrial))

    __hash__ = None  # type: ignore[assignment]  # mutable, as in Optuna

    @property
    def value(self) -> Optional[float]:
        """The objective value; RuntimeError in a multi-objective study, as in Optuna."""
        if self.values is None:
            return None
        if len(self.values) != 1:
            raise RuntimeError("This attribute is not available during multi-objective optimization; use `values`.")
        return self.values[0]

    @property
    def duration(self) -> Optional[datetime.timedelta]:
        """The time from start to completion, or None while unfinished."""
        if self.datetime_start is None or self.datetime_complete is None:
            return None
        return self.datetime_complete - self.datetime_start

    @property
    def last_step(self) -> Optional[int]:
        """The last step with a reported intermediate value, or None."""
        return max(self.intermediate_values) if self.intermediate_values else None


# The original choice objects of categorical parameters, by (name, choice keys):
# the library returns 1.0 as 1 and cannot hold a NumPy scalar, so the objects
# the user passed are restored from here.
ChoiceLookup = Callable[[str, Tuple[Any, ...]], Optional[Tuple[Any, ...]]]


def _parse_datetime(text: Optional[str]) -> Optional[datetime.datetime]:
    if text is None:
        return None
    utc = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return utc.astimezone().replace(tzinfo=None)


class _LazyFrozenTrial(FrozenTrial):
    """A FrozenTrial read from the library on first use.

    ``Study.tell`` returns one: most callers never look at it, and reading a
    trial back costs more than the whole ask-suggest-tell cycle. A finished trial
    never changes, so reading it late gives what reading it at once would have.
    """

    def __init__(self, load: Callable[[], FrozenTrial]) -> None:  # noqa: D107
        object.__setattr__(self, "_load", load)

    def __getattr__(self, name: str) -> Any:
        # Only fields not yet loaded land here; dunder lookups must not trigger a load.
        if name.startswith("__") or name == "_load":
            raise AttributeError(name)
        frozen = self._load()
        for f in fields(FrozenTrial):
            object.__setattr__(self, f.name, getattr(frozen, f.name))
        return object.__getattribute__(self, name)


def _frozen_from_json(obj: Dict[str, Any], original_choices: ChoiceLookup) -> FrozenTrial:
    """A FrozenTrial from the library's JSON export of a trial."""
    params: Dict[str, Any] = {}
    distributions: Dict[str, BaseDistribution] = {}
    for name, spec in obj["distributions"].items():
        dist = _from_json(spec)
        value = obj["params"][name]
        if isinstance(dist, FloatDistribution):
            value = float(value)
        elif isinstance(dist, IntDistribution):
            value = int(value)
        elif isinstance(dist, CategoricalDistribution):
            index = dist.to_internal_repr(value)
            keys = tuple(_choice_key(c) for c in dist.choices)
            # The library checked these choices when they were suggested: no second check per read.
            dist = _unchecked(CategoricalDistribution, choices=tuple(original_choices(name, keys) or dist.choices))
            value = dist.to_external_repr(index)
        params[name] = value
        distributions[name] = dist
    values = obj["values"]
    return FrozenTrial(
        number=obj["number"],
        state=TrialState[obj["state"]],
        values=None if values is None else [float(v) for v in values],
        datetime_start=_parse_datetime(obj["datetime_start"]),
        datetime_complete=_parse_datetime(obj["datetime_complete"]),
        params=params,
        distributions=distributions,
        user_attrs=obj["user_attrs"],
        system_attrs=obj.get("system_attrs", {}),
        intermediate_values={int(k): float(v) for k, v in obj["intermediate_values"].items()},
    )


class Trial:
    """A running trial: suggest parameters, report intermediate values, ask about pruning.

    Obtained from :meth:`hone.Study.ask` or handed to the objective by
    :meth:`hone.Study.optimize`. Suggestions are define-by-run: suggesting a name
    again in the same trial returns the first value, even with other bounds or
    step, as in Optuna; suggesting it with another kind, log flag or choices
    raises :class:`hone.InvalidArgumentError` (a ``ValueError``).

    :attr:`params`, :attr:`distributions`, :attr:`user_attrs` and
    :attr:`datetime_start` read the trial from the library once, and again only
    after a change made through this object or a tell of it.
    """

    __slots__ = ("_study", "_number", "_c_number", "_version", "_read")

    def __init__(self, study: "Study", number: int, c_number: Optional[c_int64] = None) -> None:
        self._study = study
        self._number = number
        # The number as the suggest calls pass it, built once: the library's numbers fit int64.
        # Study.ask hands over the c_int64 the library wrote, which nothing else holds.
        self._c_number = c_int64(number) if c_number is None else c_number
        # Each change bumps the version; the trial read back is reused only while it is current.
        self._version = 0
        self._read: Optional[Tuple[int, FrozenTrial]] = None

    def __repr__(self) -> str:
        return f"Trial(number={self._number})"

    @property
    def number(self) -> int:
        """The trial's number within its study, from 0."""
        return self._number

    @property
    def study(self) -> "Study":
        """The study the trial belongs to."""
        return self._study

    def suggest_float(
        self, name: str, low: float, high: float, *, step: Optional[float] = None, log: bool = False
    ) -> float:
        """A float in ``[low, high]``.

        With ``step``, on the grid ``low, low + step, ...`` (``high`` is lowered
        onto it); with ``log``, log-uniformly (``low > 0``). ``step`` and ``log``
        exclude each other.
        """
        # The library reads a step of 0 as no grid; here only None means that, and
        # a step of 0 gets the library's verdict on a distribution with that step.
        if step is None:
            c_step = _NO_STEP
        else:
            if step == 0:
                FloatDistribution(low, high, log=log, step=step)
            c_step = c_double(float(step))
        # The hot path of every objective: a closed study is still caught by _h().
        h = self._study._handle or self._study._h()
        key = _ENCODED.get(name) or encode(name, "name")
        out = c_double()
        # float() first: it accepts and refuses what the argtypes conversion would after it.
        status = _SUGGEST_FLOAT(
            ctypes.byref(out),
            h,
            self._c_number,
            key,
            c_double(float(low)),
            c_double(float(high)),
            c_step,
            _LOG[bool(log)],
        )
        if status:
            _check(status)
        self._version += 1
        return out.value

    def suggest_int(self, name: str, low: int, high: int, *, step: int = 1, log: bool = False) -> int:
        """An integer in ``[low, high]`` on the grid ``low, low + step, ...``.

        With ``log``, log-uniformly (``low >= 1`` and ``step == 1``).
        """
        out = c_int64()
        status = _SUGGEST_INT(
            ctypes.byref(out),
            self._study._handle or self._study._h(),
            self._c_number,
            _ENCODED.get(name) or encode(name, "name"),
            c_int64(_int64(low, "low")),
            c_int64(_int64(high, "high")),
            c_int64(_int64(step, "step")),
            _LOG[bool(log)],
        )
        if status:
            _check(status)
        self._version += 1
        return out.value

    def suggest_categorical(self, name: str, choices: Sequence[CategoricalChoiceType]) -> Any:
        """One of ``choices`` (None, bool, int, float or str); returns the object itself."""
        choices = _choices(choices)
        plain = [_plain_choice(c, finite=False) for c in choices]
        out = c_size_t()
        if all(isinstance(c, str) for c in plain):
            array = (c_char_p * len(plain))(*(encode(c, "a choice") for c in plain))
            status = LIB.hone_trial_suggest_categorical(
                ctypes.byref(out), self._study._h(), self._number, encode(name, "name"), array, len(plain)
            )
        else:
            status = LIB.hone_trial_suggest_categorical_json(
                ctypes.byref(out), self._study._h(), self._number, encode(name, "name"), json.dumps(plain).encode()
            )
        _check(status)
        self._version += 1
        self._study._remember_choices(name, choices)
        return choices[out.value]

    def _suggest(self, name: str, distribution: BaseDistribution) -> Any:
        """Suggests ``name`` from a distribution object."""
        if isinstance(distribution, (FloatDistribution, IntDistribution)):
            suggest = self.suggest_float if isinstance(distribution, FloatDistribution) else self.suggest_int
            return suggest(name, distribution.low, distribution.high, step=distribution.step, log=distribution.log)
        if isinstance(distribution, CategoricalDistribution):
            return self.suggest_categorical(name, distribution.choices)
        raise TypeError(f"{name}: {distribution!r} is not a hone distribution")

    def report(self, value: float, step: int) -> None:
        """Reports an intermediate objective value at ``step`` (>= 0), for pruning.

        A step already reported keeps its first value, as in Optuna.
        """
        _check(LIB.hone_trial_report(self._study._h(), self._number, _int64(step, "step"), float(value)))
        self._version += 1

    def should_prune(self) -> bool:
        """Whether the study's pruner says the trial should stop now."""
        out = c_bool()
        _check(LIB.hone_trial_should_prune(ctypes.byref(out), self._study._h(), self._number))
        return out.value

    def set_user_attr(self, key: str, value: Any) -> None:
        """Sets a user attribute; ``value`` must be JSON-serializable."""
        text = json.dumps(value).encode()
        _check(LIB.hone_trial_set_user_attr(self._study._h(), self._number, encode(key, "key"), text))
        self._version += 1

    def _changed(self) -> None:
        """Drops the trial read back before, after a change made outside this object (a tell)."""
        self._version += 1

    def _frozen(self) -> FrozenTrial:
        """The trial as the library holds it, read again only after a change."""
        read = self._read
        if read is not None and read[0] == self._version:
            return read[1]
        # The version is taken before the read: a change that lands during it makes the copy stale.
        version = self._version
        frozen = self._study._trial(self._number)
        self._read = (version, frozen)
        return frozen

    @property
    def params(self) -> Dict[str, Any]:
        """The parameters suggested so far, in a dict of the caller's own."""
        return dict(self._frozen().params)

    @property
    def distributions(self) -> Dict[str, BaseDistribution]:
        """The distributions of the parameters suggested so far, in a dict of the caller's own."""
        return dict(self._frozen().distributions)

    @property
    def user_attrs(self) -> Dict[str, Any]:
        """The user attributes set so far, a deep copy: changing it changes neither the trial nor the next read."""
        return copy.deepcopy(self._frozen().user_attrs)

    @property
    def datetime_start(self) -> Optional[datetime.datetime]:
        """When the trial started (naive local time)."""
        return self._frozen().datetime_start
