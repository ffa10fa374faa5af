"""Trials: the live :class:`Trial` handed to objectives and the hand-built ones.

:class:`FrozenTrial` is a snapshot (built by :func:`create_trial` for
:meth:`hone.Study.add_trial`); it and :class:`FixedTrial` can be passed to an
objective, which then gets their given parameter values.
"""

from __future__ import annotations

import copy
import ctypes
import datetime
import enum
import json
import math
import operator
import warnings
from ctypes import POINTER, c_bool, c_char_p, c_double, c_int64, c_size_t, c_void_p
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

__all__ = ["TrialState", "Trial", "FrozenTrial", "FixedTrial", "create_trial"]


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


_SUGGEST_DEPRECATED = (
    "{name} has been deprecated in v3.0.0. This feature will be removed in v6.0.0. "
    "See https://github.com/optuna/optuna/releases/tag/v3.0.0. Use suggest_float{args} instead."
)


class _FixedSuggestions:
    """The suggest methods of a trial whose parameter values are given, not sampled.

    Shared by :class:`FrozenTrial` and :class:`FixedTrial`, as Optuna's: a name
    that was not given is a ``ValueError``; a value outside the distribution
    asked for warns and is returned all the same; one that cannot be a value of
    it at all (a choice not among the choices, NaN) is a ``ValueError``;
    suggesting a name again with another kind, log flag or choices is a
    ``ValueError``.
    """

    __slots__ = ()

    _owner = "FrozenTrial"

    def _given(self) -> Dict[str, Any]:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _record(self, name: str, value: Any, distribution: BaseDistribution) -> None:  # pragma: no cover
        raise NotImplementedError

    def _known_distributions(self) -> Dict[str, BaseDistribution]:  # pragma: no cover
        raise NotImplementedError

    def _suggest(self, name: str, distribution: BaseDistribution) -> Any:
        given = self._given()
        if name not in given:
            raise ValueError(
                f"The value of the parameter '{name}' is not found. "
                f"Please set it at the construction of the {self._owner} object."
            )
        value = given[name]
        if not _contains(distribution, _to_internal(distribution, value)):
            warnings.warn(
                f"The value {value} of the parameter '{name}' is out of the range of the distribution "
                f"{distribution}.",
                stacklevel=3,
            )
        old = self._known_distributions().get(name)
        if old is not None:
            _check_compatibility(old, distribution)
        self._record(name, value, distribution)
        return value

    def suggest_float(
        self, name: str, low: float, high: float, *, step: Optional[float] = None, log: bool = False
    ) -> float:
        """The given value of ``name``, checked against this float distribution."""
        return self._suggest(name, FloatDistribution(low, high, log=log, step=step))

    def suggest_uniform(self, name: str, low: float, high: float) -> float:
        """Deprecated as in Optuna: ``suggest_float(name, low, high)``."""
        warnings.warn(_SUGGEST_DEPRECATED.format(name="suggest_uniform", args=""), FutureWarning, stacklevel=2)
        return self.suggest_float(name, low, high)

    def suggest_loguniform(self, name: str, low: float, high: float) -> float:
        """Deprecated as in Optuna: ``suggest_float(name, low, high, log=True)``."""
        warnings.warn(
            _SUGGEST_DEPRECATED.format(name="suggest_loguniform", args="(..., log=True)"), FutureWarning, stacklevel=2
        )
        return self.suggest_float(name, low, high, log=True)

    def suggest_discrete_uniform(self, name: str, low: float, high: float, q: float) -> float:
        """Deprecated as in Optuna: ``suggest_float(name, low, high, step=q)``."""
        warnings.warn(
            _SUGGEST_DEPRECATED.format(name="suggest_discrete_uniform", args="(..., step=...)"),
            FutureWarning,
            stacklevel=2,
        )
        return self.suggest_float(name, low, high, step=q)

    def suggest_int(self, name: str, low: int, high: int, *, step: int = 1, log: bool = False) -> int:
        """The given value of ``name`` as an int, checked against this int distribution."""
        return int(self._suggest(name, IntDistribution(low, high, log=log, step=step)))

    def suggest_categorical(self, name: str, choices: Sequence[CategoricalChoiceType]) -> Any:
        """The given value of ``name``, which must be one of ``choices``."""
        return self._suggest(name, CategoricalDistribution(choices=choices))

    def report(self, value: float, step: int) -> None:
        """Does nothing: a trial whose values are given is never pruned."""

    def should_prune(self) -> bool:
        """Always False."""
        return False

    @property
    def constraints(self) -> Dict[str, float]:
        """The constraint values in the system attributes, by name (list entries by index), as Optuna reads them."""
        out: Dict[str, float] = {}
        listed = self.system_attrs.get("constraints")  # type: ignore[attr-defined]
        if listed is not None:
            for i, c in enumerate(listed):
                out[str(i)] = c
        for key, value in self.system_attrs.items():  # type: ignore[attr-defined]
            if key.startswith("constraints:"):
                out[key[len("constraints:") :]] = value
        return out

    def set_constraint(self, key: str, value: float) -> None:
        """Sets the constraint ``key`` (feasible when <= 0) in the system attributes.

        A second set of the same key warns and is ignored, as in Optuna.
        """
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise TypeError(f"The `value` argument is of type '{type(value)}' but supposed to be a float.") from None
        if math.isnan(value):
            raise ValueError(f"Attempted to set a constraint for {key!r}, but NaN is not allowed.")
        attrs = self.system_attrs  # type: ignore[attr-defined]
        if f"constraints:{key}" in attrs:
            warnings.warn(
                f"The constraint value is ignored because this constraint `key={key!r}` is already set.", stacklevel=2
            )
            return
        attrs[f"constraints:{key}"] = value


def _to_internal(distribution: BaseDistribution, value: Any) -> Any:
    """Optuna's ``to_internal_repr``: a float (an exact int for an int), or a choice's index.

    ValueError when the value cannot be one of the distribution's at all.
    """
    if isinstance(distribution, CategoricalDistribution):
        try:
            return distribution.to_internal_repr(value)
        except (ValueError, TypeError):
            raise ValueError(f"{value!r} not in {tuple(distribution.choices)!r}.") from None
    if not isinstance(distribution, (FloatDistribution, IntDistribution)):
        raise TypeError(f"{distribution!r} is not a hone distribution")
    if isinstance(distribution, IntDistribution) and isinstance(value, int) and not isinstance(value, bool):
        internal: Any = value
    else:
        try:
            internal = float(value)
        except (TypeError, ValueError) as e:
            raise ValueError(f"'{value}' is not a valid type. float-castable value is expected.") from e
        if math.isnan(internal):
            raise ValueError(f"`{value}` is invalid value.")
    if distribution.log and internal <= 0:  # type: ignore[attr-defined]
        raise ValueError(f"`{value}` is invalid value for the case log=True.")
    return internal


def _contains(distribution: BaseDistribution, internal: Any) -> bool:
    """Optuna's ``_contains``: within the bounds and on the step grid, or an index of the choices."""
    if isinstance(distribution, CategoricalDistribution):
        return 0 <= int(internal) < len(distribution.choices)
    if isinstance(distribution, IntDistribution):
        if not distribution.low <= internal <= distribution.high:
            return False
        if isinstance(internal, int):
            return (internal - distribution.low) % distribution.step == 0
        return float(internal - distribution.low) % distribution.step == 0
    if not isinstance(distribution, FloatDistribution):
        raise TypeError(f"{distribution!r} is not a hone distribution")
    if not distribution.low <= internal <= distribution.high:
        return False
    if distribution.step is None:
        return True
    k = (internal - distribution.low) / distribution.step
    return abs(k - round(k)) < 1.0e-8


def _check_compatibility(old: BaseDistribution, new: BaseDistribution) -> None:
    """Optuna's ``check_distribution_compatibility``: the same kind, log flag and choices."""
    if type(old) is not type(new):
        raise ValueError("Cannot set different distribution kind to the same parameter name.")
    if isinstance(old, (FloatDistribution, IntDistribution)) and old.log != new.log:  # type: ignore[attr-defined]
        raise ValueError("Cannot set different log configuration to the same parameter name.")
    if isinstance(old, CategoricalDistribution) and old != new:
        raise ValueError("CategoricalDistribution does not support dynamic value space.")


class FrozenTrial(_FixedSuggestions):
    """The status and results of a trial, with Optuna's constructor, fields and behaviour.

    A FrozenTrial is not tied to a study: changing it changes no storage. It can
    be passed to an objective, which then gets :attr:`params` from each suggest
    (see :class:`_FixedSuggestions` for the checks), and it can be added to a
    study with :meth:`hone.Study.add_trial`; :func:`create_trial` builds one.
    ``value`` and ``values`` exclude each other.

    ``datetime_start`` and ``datetime_complete`` are naive local times, as in
    Optuna. ``system_attrs`` holds the library's own attributes, such as an
    enqueued trial's ``fixed_params`` and a grid trial's ``grid_id``. A trial
    read from a study has its number as ``_trial_id``; :func:`create_trial`'s has -1.
    """

    # The instance dictionary is the trial's identity, as in Optuna: equality compares
    # it and repr prints it, in this order.
    def __init__(
        self,
        number: int,
        state: TrialState,
        value: Optional[float],
        datetime_start: Optional[datetime.datetime],
        datetime_complete: Optional[datetime.datetime],
        params: Dict[str, Any],
        distributions: Dict[str, BaseDistribution],
        user_attrs: Dict[str, Any],
        system_attrs: Dict[str, Any],
        intermediate_values: Dict[int, float],
        trial_id: int,
        *,
        values: Optional[Sequence[float]] = None,
    ) -> None:
        self._number = number
        self.state = state
        self._values: Optional[List[float]] = None
        if value is not None and values is not None:
            raise ValueError("Specify only one of `value` and `values`.")
        if value is not None:
            self._values = [value]
        elif values is not None:
            self._values = list(values)
        self._datetime_start = datetime_start
        self.datetime_complete = datetime_complete
        self._params = params
        self._user_attrs = user_attrs
        self._system_attrs = system_attrs
        self.intermediate_values = intermediate_values
        self._distributions = distributions
        self._trial_id = trial_id

    def _fields(self) -> Dict[str, Any]:
        return self.__dict__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FrozenTrial):
            return NotImplemented
        return other._fields() == self._fields()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FrozenTrial):
            return NotImplemented
        return self.number < other.number

    def __le__(self, other: object) -> bool:
        if not isinstance(other, FrozenTrial):
            return NotImplemented
        return self.number <= other.number

    def __hash__(self) -> int:
        # As Optuna's: a trial holding a list or dict (most do) raises TypeError.
        return hash(tuple(getattr(self, k) for k in self._fields()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k[1:] if k.startswith('_') else k}={getattr(self, k)!r}" for k in self._fields())
        return f"{type(self).__name__}({fields}, value=None)"

    # -- the suggest methods' view of the trial -------------------------------

    def _given(self) -> Dict[str, Any]:
        return self._params

    def _known_distributions(self) -> Dict[str, BaseDistribution]:
        return self._distributions

    def _record(self, name: str, value: Any, distribution: BaseDistribution) -> None:
        self._distributions[name] = distribution

    def set_user_attr(self, key: str, value: Any) -> None:
        """Sets a user attribute on this object (no storage changes)."""
        self._user_attrs[key] = value

    # -- validation ---------------------------------------------------------------

    def _validate(self) -> None:
        """Optuna's checks of a trial's consistency; ValueError when they fail."""
        if self.state != TrialState.WAITING and self.datetime_start is None:
            raise ValueError("`datetime_start` is supposed to be set when the trial state is not waiting.")
        if self.state.is_finished():
            if self.datetime_complete is None:
                raise ValueError("`datetime_complete` is supposed to be set for a finished trial.")
        elif self.datetime_complete is not None:
            raise ValueError("`datetime_complete` is supposed to be None for an unfinished trial.")
        if self.state == TrialState.FAIL and self._values is not None:
            raise ValueError(f"values should be None for a failed trial, but got {self._values}.")
        if self.state == TrialState.COMPLETE:
            if self._values is None:
                raise ValueError("values should be set for a complete trial.")
            if any(math.isnan(x) for x in self._values):
                raise ValueError("values should not contain NaN.")
        if set(self.params.keys()) != set(self.distributions.keys()):
            raise ValueError(
                f"Inconsistent parameters {set(self.params.keys())} and "
                f"distributions {set(self.distributions.keys())}."
            )
        for name, value in self.params.items():
            distribution = self.distributions[name]
            if not _contains(distribution, _to_internal(distribution, value)):
                raise ValueError(
                    f"The value {value} of parameter '{name}' isn't contained in the distribution {distribution}."
                )

    validate = _validate

    # -- properties -------------------------------------------------------------

    @property
    def number(self) -> int:
        """The trial's number within its study, from 0 (-1 for one not yet added)."""
        return self._number

    @number.setter
    def number(self, value: int) -> None:
        self._number = value

    @property
    def value(self) -> Optional[float]:
        """The objective value; RuntimeError in a multi-objective trial, as in Optuna."""
        if self._values is not None:
            if len(self._values) > 1:
                raise RuntimeError("This attribute is not available during multi-objective optimization.")
            return self._values[0]
        return None

    @value.setter
    def value(self, v: Optional[float]) -> None:
        if self._values is not None and len(self._values) > 1:
            raise RuntimeError("This attribute is not available during multi-objective optimization.")
        self._values = None if v is None else [v]

    @property
    def values(self) -> Optional[List[float]]:
        """The objective values, one per objective, or None."""
        return self._values

    @values.setter
    def values(self, v: Optional[Sequence[float]]) -> None:
        self._values = None if v is None else list(v)

    @property
    def datetime_start(self) -> Optional[datetime.datetime]:
        """When the trial started (naive local time), or None for a WAITING one."""
        return self._datetime_start

    @datetime_start.setter
    def datetime_start(self, value: Optional[datetime.datetime]) -> None:
        self._datetime_start = value

    @property
    def params(self) -> Dict[str, Any]:
        """The parameters, by name."""
        return self._params

    @params.setter
    def params(self, params: Dict[str, Any]) -> None:
        self._params = params

    @property
    def distributions(self) -> Dict[str, BaseDistribution]:
        """The distributions of :attr:`params`."""
        return self._distributions

    @distributions.setter
    def distributions(self, value: Dict[str, BaseDistribution]) -> None:
        self._distributions = value

    @property
    def user_attrs(self) -> Dict[str, Any]:
        """The user attributes."""
        return self._user_attrs

    @user_attrs.setter
    def user_attrs(self, value: Dict[str, Any]) -> None:
        self._user_attrs = value

    @property
    def system_attrs(self) -> Dict[str, Any]:
        """The system attributes (the library's and samplers' own)."""
        return self._system_attrs

    @system_attrs.setter
    def system_attrs(self, value: Dict[str, Any]) -> None:
        self._system_attrs = value

    @property
    def last_step(self) -> Optional[int]:
        """The last step with a reported intermediate value, or None."""
        return max(self.intermediate_values) if self.intermediate_values else None

    @property
    def duration(self) -> Optional[datetime.timedelta]:
        """The time from start to completion, or None while either is unset."""
        if self.datetime_start and self.datetime_complete:
            return self.datetime_complete - self.datetime_start
        return None


class FixedTrial(_FixedSuggestions):
    """A trial that suggests the values of ``params``, as Optuna's ``FixedTrial``.

    For running an objective on chosen values outside any study: each suggest
    returns the value given for its name (see :class:`_FixedSuggestions` for the
    checks); :attr:`params` holds the values suggested so far.
    """

    _owner = "FixedTrial"

    def __init__(self, params: Dict[str, Any], number: int = 0) -> None:
        self._params = params
        self._suggested_params: Dict[str, Any] = {}
        self._distributions: Dict[str, BaseDistribution] = {}
        self._user_attrs: Dict[str, Any] = {}
        self._system_attrs: Dict[str, Any] = {}
        self._datetime_start = datetime.datetime.now()
        self._number = number

    def _given(self) -> Dict[str, Any]:
        return self._params

    def _known_distributions(self) -> Dict[str, BaseDistribution]:
        return self._distributions

    def _record(self, name: str, value: Any, distribution: BaseDistribution) -> None:
        self._suggested_params[name] = value
        self._distributions[name] = distribution

    def set_user_attr(self, key: str, value: Any) -> None:
        """Sets a user attribute on this object."""
        self._user_attrs[key] = value

    @property
    def params(self) -> Dict[str, Any]:
        """The parameters suggested so far."""
        return self._suggested_params

    @property
    def distributions(self) -> Dict[str, BaseDistribution]:
        """The distributions of the parameters suggested so far."""
        return self._distributions

    @property
    def user_attrs(self) -> Dict[str, Any]:
        """The user attributes set so far."""
        return self._user_attrs

    @property
    def system_attrs(self) -> Dict[str, Any]:
        """The system attributes (constraints set with :meth:`set_constraint`)."""
        return self._system_attrs

    @property
    def datetime_start(self) -> Optional[datetime.datetime]:
        """When the object was made."""
        return self._datetime_start

    @property
    def number(self) -> int:
        """The number given at construction."""
        return self._number


def create_trial(
    *,
    state: TrialState = TrialState.COMPLETE,
    value: Optional[float] = None,
    values: Optional[Sequence[float]] = None,
    params: Optional[Dict[str, Any]] = None,
    distributions: Optional[Dict[str, BaseDistribution]] = None,
    user_attrs: Optional[Dict[str, Any]] = None,
    system_attrs: Optional[Dict[str, Any]] = None,
    intermediate_values: Optional[Dict[int, float]] = None,
    constraints: Optional[Dict[str, float]] = None,
) -> FrozenTrial:
    """A new validated :class:`FrozenTrial`, as Optuna's ``create_trial``, for :meth:`hone.Study.add_trial`.

    It starts now (unless WAITING) and, when finished, completes at the same
    instant; its number and ``_trial_id`` are -1 until a study adds it. A
    COMPLETE trial needs ``value`` or ``values`` (not both), and every parameter
    a distribution that contains it; ``constraints`` are set with
    :meth:`FrozenTrial.set_constraint`. Raises ``ValueError`` otherwise.
    """
    start = None if state == TrialState.WAITING else datetime.datetime.now()
    trial = FrozenTrial(
        number=-1,
        trial_id=-1,
        state=state,
        value=value,
        values=values,
        datetime_start=start,
        datetime_complete=start if state.is_finished() else None,
        params=params or {},
        distributions=dict(distributions or {}),
        user_attrs=user_attrs or {},
        system_attrs=system_attrs or {},
        intermediate_values=intermediate_values or {},
    )
    for key, constraint in (constraints or {}).items():
        trial.set_constraint(key, constraint)
    trial._validate()
    return trial


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

    def _fields(self) -> Dict[str, Any]:
        if "_number" not in self.__dict__:
            self.__getattr__("_number")
        return {k: v for k, v in self.__dict__.items() if k != "_load"}

    def __getattr__(self, name: str) -> Any:
        # Only fields not yet loaded land here; dunder lookups must not trigger a load.
        if name.startswith("__") or name == "_load" or "_load" not in self.__dict__:
            raise AttributeError(name)
        frozen = self._load()
        self.__dict__.update(frozen.__dict__)
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
        trial_id=obj["number"],
        state=TrialState[obj["state"]],
        value=None,
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


def _utc_text(moment: Any, what: str) -> Optional[str]:
    """A datetime as the library's ISO 8601 UTC text; a naive one is local time, as Optuna's are."""
    if moment is None:
        return None
    if not isinstance(moment, datetime.datetime):
        raise TypeError(f"`{what}` must be a datetime.datetime or None, not {type(moment).__name__}")
    u = moment.astimezone(datetime.timezone.utc)
    return (
        f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}.{u.microsecond:06d}Z"
    )


def _distribution_json(d: BaseDistribution) -> Dict[str, Any]:
    if isinstance(d, FloatDistribution):
        return {"type": "float", "low": float(d.low), "high": float(d.high), "step": d.step, "log": bool(d.log)}
    if isinstance(d, IntDistribution):
        return {"type": "int", "low": int(d.low), "high": int(d.high), "step": int(d.step), "log": bool(d.log)}
    if isinstance(d, CategoricalDistribution):
        return {"type": "categorical", "choices": [_plain_choice(c, finite=False) for c in d.choices]}
    raise TypeError(f"{d!r} is not a hone distribution")


def _param_json(d: BaseDistribution, value: Any) -> Any:
    """A parameter's value as the library reads it: ints exact, a choice as its JSON scalar."""
    if isinstance(d, CategoricalDistribution):
        return _plain_choice(d.choices[d.to_internal_repr(value)], finite=False)
    if isinstance(d, IntDistribution):
        if isinstance(value, float):
            return int(value) if value.is_integer() else value
        return operator.index(value)
    return float(value)


def _trial_json(trial: FrozenTrial, remember_choices: Callable[[str, Tuple[Any, ...]], None]) -> str:
    """The JSON ``hone_study_add_trial`` reads, the shape of the library's own trial export."""
    distributions = trial.distributions
    for name, d in distributions.items():
        if isinstance(d, CategoricalDistribution):
            remember_choices(name, tuple(d.choices))
    values = trial.values
    doc = {
        "state": TrialState(trial.state).name,
        "values": None if values is None else [float(v) for v in values],
        "params": {name: _param_json(distributions[name], v) for name, v in trial.params.items()},
        "distributions": {name: _distribution_json(d) for name, d in distributions.items()},
        "intermediate_values": {str(operator.index(k)): float(v) for k, v in trial.intermediate_values.items()},
        "user_attrs": trial.user_attrs,
        "system_attrs": trial.system_attrs,
        "datetime_start": _utc_text(trial.datetime_start, "datetime_start"),
        "datetime_complete": _utc_text(trial.datetime_complete, "datetime_complete"),
    }
    return json.dumps(doc)
