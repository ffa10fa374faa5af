"""Parameter distributions, with Optuna's class names, fields, methods and JSON form.

They appear as the ``distributions`` of :class:`hone.trial.FrozenTrial` and
:class:`hone.trial.Trial`, and as the ``fixed_distributions`` of
:meth:`hone.Study.ask`. As in Optuna, a value has an external form (what the
objective sees: a float, an int, a choice) and an internal one (a float, or the
index of a categorical choice); equal fields make equal distributions, and
``repr`` prints the fields sorted by name, e.g.
``FloatDistribution(high=1.0, log=False, low=0.0, step=None)``.
"""

from __future__ import annotations

import abc
import ctypes
import decimal
import json
import math
import operator
import warnings
from ctypes import c_void_p
from numbers import Real
from typing import Any, Dict, Optional, Sequence, Tuple, Type, TypeVar, Union

from ._lib import LIB, _check, take_string

__all__ = [
    "BaseDistribution",
    "FloatDistribution",
    "IntDistribution",
    "CategoricalDistribution",
    "CategoricalChoiceType",
    "UniformDistribution",
    "LogUniformDistribution",
    "DiscreteUniformDistribution",
    "IntUniformDistribution",
    "IntLogUniformDistribution",
    "DISTRIBUTION_CLASSES",
    "json_to_distribution",
    "distribution_to_json",
    "check_distribution_compatibility",
]

CategoricalChoiceType = Union[None, bool, int, float, str]

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class BaseDistribution(abc.ABC):
    """Base class of the distributions.

    A distribution's fields are its instance attributes (``_asdict()``); two
    distributions are equal when they are of the same class with equal fields.
    """

    # The fields in the order Optuna's classes set them, which is the order of
    # ``_asdict()`` and so of the JSON text ``distribution_to_json`` writes.
    _FIELDS: Tuple[str, ...] = ()

    def to_external_repr(self, param_value_in_internal_repr: float) -> Any:
        """The value the objective sees for an internal value; the value itself here."""
        return param_value_in_internal_repr

    @abc.abstractmethod
    def to_internal_repr(self, param_value_in_external_repr: Any) -> float:
        """The internal value of a value the objective sees."""
        raise NotImplementedError

    @abc.abstractmethod
    def single(self) -> bool:
        """Whether the distribution holds exactly one value."""
        raise NotImplementedError

    @abc.abstractmethod
    def _contains(self, param_value_in_internal_repr: float) -> bool:
        """Whether an internal value lies in the distribution."""
        raise NotImplementedError

    def _asdict(self) -> Dict[str, Any]:
        return dict(self.__dict__)

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, BaseDistribution):
            return NotImplemented
        if type(self) is not type(other):
            return False
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((self.__class__,) + tuple(sorted(self.__dict__.items())))

    def __repr__(self) -> str:
        # str() of each field, as Optuna prints them: eval() of the text (with
        # ``nan`` and ``inf`` defined) gives an equal distribution back.
        fields = ", ".join(f"{k}={v}" for k, v in sorted(self._asdict().items()))
        return f"{type(self).__name__}({fields})"


class FloatDistribution(BaseDistribution):
    """Floats in ``[low, high]``, optionally on a log scale or on a grid of ``step``.

    With a ``step`` that does not divide ``high - low``, ``high`` is lowered to
    the last point of the grid, with a ``UserWarning``: the library computes it
    in decimal from the numbers' shortest forms, as Optuna does. A bad value
    raises the library's :class:`hone.InvalidArgumentError`, a ``ValueError``
    as in Optuna; Hone also refuses bounds that are not finite and grids of
    more than 2**63 points.
    """

    _FIELDS = ("step", "low", "high", "log")

    def __init__(self, low: float, high: float, log: bool = False, step: Optional[float] = None) -> None:
        low = _float(low, "low")
        high = _float(high, "high")
        step = None if step is None else _float(step, "step")
        # The library's rules and messages, as a study applies them: Optuna's
        # (low <= high, low > 0 with log, step > 0 and not with log), and finite
        # bounds on a grid it can count. It lowers high onto the grid, in decimal.
        spec = _normalize("distribution", {"type": "float", "low": low, "high": high, "log": bool(log), "step": step})
        self.step = step
        self.low = low
        self.high = _lowered(low, high, step, float(spec["high"]))
        self.log = log

    def single(self) -> bool:
        if self.step is None or self.low == self.high:
            return self.low == self.high
        # In decimal, as Optuna: 0.3 - 0.2 is 0.1 there, not 0.09999999999999998.
        low, high, step = (decimal.Decimal(str(x)) for x in (self.low, self.high, self.step))
        return high - low < step

    def _contains(self, param_value_in_internal_repr: float) -> bool:
        value = param_value_in_internal_repr
        if not self.low <= value <= self.high:
            return False
        if self.step is None:
            return True
        k = (value - self.low) / self.step
        return abs(k - round(k)) < 1.0e-8

    def to_internal_repr(self, param_value_in_external_repr: float) -> float:
        return _numeric_internal(param_value_in_external_repr, self.log)


class IntDistribution(BaseDistribution):
    """Integers in ``[low, high]`` on the grid ``low, low + step, ...``, optionally log-scaled.

    ``high`` is lowered onto the grid, with a ``UserWarning``, as in Optuna. The
    bounds must fit in 64 bits, as the library holds them exactly.
    """

    _FIELDS = ("log", "step", "low", "high")

    def __init__(self, low: int, high: int, log: bool = False, step: int = 1) -> None:
        # Integers, which the library checks fit in 64 bits.
        low = _integer(low, "low")
        high = _integer(high, "high")
        step = _integer(step, "step")
        # The library's rules and messages: Optuna's (low <= high, low >= 1 with
        # log, step > 0, and 1 with log). It lowers high onto the grid.
        spec = _normalize("distribution", {"type": "int", "low": low, "high": high, "log": bool(log), "step": step})
        self.log = log
        self.step = step
        self.low = low
        self.high = _lowered(low, high, step, int(spec["high"]))

    def to_external_repr(self, param_value_in_internal_repr: float) -> int:
        return int(param_value_in_internal_repr)

    def to_internal_repr(self, param_value_in_external_repr: int) -> float:
        value = param_value_in_external_repr
        # An int stays exact (Optuna goes through float, which rounds above 2**53).
        if isinstance(value, int) and not isinstance(value, bool):
            if self.log and value <= 0:
                raise ValueError(f"`{value}` is not a valid value with `log=True`.")
            return value  # type: ignore[return-value]
        return _numeric_internal(value, self.log)

    def single(self) -> bool:
        if self.log or self.low == self.high:
            return self.low == self.high
        return self.high - self.low < self.step

    def _contains(self, param_value_in_internal_repr: float) -> bool:
        value = param_value_in_internal_repr
        return self.low <= value <= self.high and (value - self.low) % self.step == 0


def _deprecation(cls: type, replacement: str) -> None:
    warnings.warn(
        f"{cls.__name__} is deprecated (since Optuna 3.0.0, to be removed in 6.0.0); use {replacement} instead.",
        FutureWarning,
        stacklevel=3,
    )


class UniformDistribution(FloatDistribution):
    """Deprecated: ``FloatDistribution(low, high)``."""

    def __init__(self, low: float, high: float) -> None:
        _deprecation(UniformDistribution, "FloatDistribution")
        super().__init__(low=low, high=high, log=False, step=None)

    def _asdict(self) -> Dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("log", "step")}


class LogUniformDistribution(FloatDistribution):
    """Deprecated: ``FloatDistribution(low, high, log=True)``."""

    def __init__(self, low: float, high: float) -> None:
        _deprecation(LogUniformDistribution, "FloatDistribution")
        super().__init__(low=low, high=high, log=True, step=None)

    def _asdict(self) -> Dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("log", "step")}


class DiscreteUniformDistribution(FloatDistribution):
    """Deprecated: ``FloatDistribution(low, high, step=q)``; ``q`` is its ``step``."""

    def __init__(self, low: float, high: float, q: float) -> None:
        _deprecation(DiscreteUniformDistribution, "FloatDistribution")
        super().__init__(low=low, high=high, step=q)

    def _asdict(self) -> Dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k not in ("log", "step")}
        d["q"] = self.step
        return d

    @property
    def q(self) -> float:
        """The grid's step, ``step``."""
        return self.step  # type: ignore[return-value]

    @q.setter
    def q(self, v: float) -> None:
        self.step = v


class IntUniformDistribution(IntDistribution):
    """Deprecated: ``IntDistribution(low, high, step=step)``."""

    def __init__(self, low: int, high: int, step: int = 1) -> None:
        _deprecation(IntUniformDistribution, "IntDistribution")
        super().__init__(low=low, high=high, log=False, step=step)

    def _asdict(self) -> Dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "log"}


class IntLogUniformDistribution(IntDistribution):
    """Deprecated: ``IntDistribution(low, high, log=True)``."""

    def __init__(self, low: int, high: int, step: int = 1) -> None:
        _deprecation(IntLogUniformDistribution, "IntDistribution")
        super().__init__(low=low, high=high, log=True, step=step)

    def _asdict(self) -> Dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "log"}


def _is_nan(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isnan(float(value))


def _categorical_choice_equal(value1: CategoricalChoiceType, value2: CategoricalChoiceType) -> bool:
    """Equal as Optuna's choices are: by ``==``, and any NaN equals any NaN (NumPy's too)."""
    return bool(value1 == value2) or (_is_nan(value1) and _is_nan(value2))


class CategoricalDistribution(BaseDistribution):
    """One of ``choices``: None, bool, int, float (NaN and the infinities included) or str.

    Another type of choice is kept with a ``UserWarning``, as in Optuna, but a
    study refuses it: the library stores every choice as JSON.
    """

    _FIELDS = ("choices",)

    def __init__(self, choices: Sequence[CategoricalChoiceType]) -> None:
        if isinstance(choices, (str, bytes)):
            raise TypeError("`choices` must be a sequence of choices, not a string")
        if len(choices) == 0:
            # The library's message (an InvalidArgumentError, a ValueError as in Optuna).
            _normalize("distribution", {"type": "categorical", "choices": []})
            raise ValueError("`choices` must hold one choice or more.")  # pragma: no cover - the library refused it
        for choice in choices:
            if choice is not None and not isinstance(choice, (bool, int, float, str)):
                warnings.warn(
                    f"The choice {choice!r} of type {type(choice).__name__} is not None, bool, int, float or str; "
                    "a study cannot store it.",
                    UserWarning,
                    stacklevel=2,
                )
        self.choices = tuple(choices)

    def to_external_repr(self, param_value_in_internal_repr: float) -> CategoricalChoiceType:
        return self.choices[int(param_value_in_internal_repr)]

    def to_internal_repr(self, param_value_in_external_repr: CategoricalChoiceType) -> int:  # type: ignore[override]
        """The index of ``value`` in ``choices``.

        A choice of the value's own JSON type comes first (so ``True`` finds
        ``True``, not an earlier ``1``); failing that, any choice Optuna counts
        as equal (``1`` finds ``True``, a NaN finds a NaN).
        """
        value = param_value_in_external_repr
        key = _choice_key_or_none(value)
        if key is not None:
            for i, c in enumerate(self.choices):
                if _choice_key_or_none(c) == key:
                    return i
        for i, c in enumerate(self.choices):
            if _categorical_choice_equal(value, c):
                return i
        raise ValueError(f"'{value}' is not one of the choices {self.choices}.")

    def single(self) -> bool:
        return len(self.choices) == 1

    def _contains(self, param_value_in_internal_repr: float) -> bool:
        index = int(param_value_in_internal_repr)
        return 0 <= index < len(self.choices)

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, BaseDistribution):
            return NotImplemented
        if not isinstance(other, type(self)) or self.__dict__.keys() != other.__dict__.keys():
            return False
        for key, value in self.__dict__.items():
            theirs = getattr(other, key)
            if key == "choices":
                if len(value) != len(theirs) or not all(map(_categorical_choice_equal, value, theirs)):
                    return False
            elif value != theirs:
                return False
        return True

    def __hash__(self) -> int:
        # Every NaN hashes alike, as every NaN compares equal here.
        choices = tuple("nan" if _is_nan(c) else c for c in self.choices)
        return hash((self.__class__, ("choices", choices)))


DISTRIBUTION_CLASSES = (
    IntDistribution,
    IntLogUniformDistribution,
    IntUniformDistribution,
    FloatDistribution,
    UniformDistribution,
    LogUniformDistribution,
    DiscreteUniformDistribution,
    CategoricalDistribution,
)


def json_to_distribution(json_str: str) -> BaseDistribution:
    """A distribution from its JSON text.

    Reads Optuna's form ``{"name": "FloatDistribution", "attributes": {...}}``
    (the deprecated class names too) and the short form ``{"type": "float",
    "low": ..., "high": ...}``, which is also the library's. An unknown name or
    type raises ``ValueError``.
    """
    obj = json.loads(json_str)
    if "name" in obj:
        attributes = dict(obj["attributes"])
        for cls in DISTRIBUTION_CLASSES:
            if obj["name"] == cls.__name__:
                if cls is CategoricalDistribution:
                    attributes["choices"] = tuple(attributes["choices"])
                return cls(**attributes)
        raise ValueError(f"Unknown distribution class: {obj['name']}")
    kind = obj["type"]
    if kind == "categorical":
        return CategoricalDistribution(obj["choices"])
    if kind == "float":
        return FloatDistribution(obj["low"], obj["high"], log=obj.get("log", False), step=obj.get("step"))
    if kind == "int":
        step = obj.get("step")
        return IntDistribution(obj["low"], obj["high"], log=obj.get("log", False), step=1 if step is None else step)
    raise ValueError(f"Unknown distribution type: {kind}")


def distribution_to_json(dist: BaseDistribution) -> str:
    """The JSON text of a distribution, in Optuna's form; NaN and the infinities are written as Python's json writes them."""
    return json.dumps({"name": type(dist).__name__, "attributes": dist._asdict()})


def check_distribution_compatibility(dist_old: BaseDistribution, dist_new: BaseDistribution) -> None:
    """Raises ``ValueError`` unless ``dist_new`` may replace ``dist_old`` for one parameter.

    As Optuna's: the same class, for numbers the same ``log``, for categoricals
    the same choices; bounds and steps may differ.
    """
    if type(dist_old) is not type(dist_new):
        raise ValueError("Cannot set different distribution kind to the same parameter name.")
    if isinstance(dist_old, (FloatDistribution, IntDistribution)):
        if dist_old.log != dist_new.log:  # type: ignore[attr-defined]
            raise ValueError("Cannot set different log configuration to the same parameter name.")
    if isinstance(dist_old, CategoricalDistribution) and dist_old != dist_new:
        raise ValueError("CategoricalDistribution does not support dynamic value space.")


def _get_single_value(distribution: BaseDistribution) -> Union[int, float, CategoricalChoiceType]:
    """The one value of a distribution whose ``single()`` holds."""
    if isinstance(distribution, (FloatDistribution, IntDistribution)):
        return distribution.low
    if isinstance(distribution, CategoricalDistribution):
        return distribution.choices[0]
    raise TypeError(f"{distribution!r} is not a hone distribution")


def _convert_old_distribution_to_new_distribution(
    distribution: BaseDistribution, suppress_warning: bool = False
) -> BaseDistribution:
    """A deprecated distribution as the Float or IntDistribution it stands for; others as they are."""
    new: BaseDistribution
    if isinstance(distribution, (UniformDistribution, LogUniformDistribution, DiscreteUniformDistribution)):
        new = FloatDistribution(distribution.low, distribution.high, log=distribution.log, step=distribution.step)
    elif isinstance(distribution, (IntUniformDistribution, IntLogUniformDistribution)):
        new = IntDistribution(distribution.low, distribution.high, log=distribution.log, step=distribution.step)
    else:
        return distribution
    if not suppress_warning:
        warnings.warn(
            f"{distribution} is deprecated and is read as {new}.",
            FutureWarning,
            stacklevel=2,
        )
    return new


def _numeric_internal(value: Any, log: bool) -> float:
    """A float or int parameter's value as a float, refused as Optuna refuses it."""
    try:
        x = float(value)
    except (ValueError, TypeError) as e:
        raise ValueError(f"'{value}' is not a valid value: a float-castable value is expected.") from e
    if math.isnan(x):
        raise ValueError(f"`{value}` is not a valid value.")
    if log and x <= 0.0:
        raise ValueError(f"`{value}` is not a valid value with `log=True`.")
    return x


def _lowered(low: Any, high: Any, step: Any, top: Any) -> Any:
    """``top``, the library's high on the grid, with Optuna's warning when it is not ``high``."""
    if top != high:
        warnings.warn(
            f"The range [{low}, {high}] is not a multiple of step={step}; high is lowered to {top}.",
            UserWarning,
            stacklevel=3,
        )
    return top


def _normalize(kind: str, spec: Any) -> Dict[str, Any]:
    """The library's check of a component spec, returned with every default filled in.

    ``hone_options_normalize`` applies the rules and messages of the call that
    takes the spec, so a bad value raises the library's
    :class:`hone.InvalidArgumentError` here, when the component is made. Python
    writes NaN and infinities as ``NaN`` and ``Infinity``, which the library
    reads, so it judges those too. ``None`` stands for the defaults.
    """
    out = c_void_p()
    text = b"" if spec is None else json.dumps(spec).encode()
    _check(LIB.hone_options_normalize(ctypes.byref(out), kind.encode(), text))
    return json.loads(take_string(out))


def _float(x: Any, what: str) -> float:
    """``x`` as a float; a string or another non-number is a ``TypeError``."""
    if isinstance(x, (str, bytes)):
        raise TypeError(f"`{what}` must be a float, not {type(x).__name__}")
    try:
        return float(x)
    except (TypeError, ValueError):
        raise TypeError(f"`{what}` must be a float, not {type(x).__name__}") from None


def _integer(x: Any, what: str) -> int:
    """``x`` as an int (a whole float too); anything else is a ``TypeError``."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    try:
        return operator.index(x)
    except TypeError:
        raise TypeError(f"`{what}` must be an integer, got {x!r}") from None


def _int64(x: Any, what: str) -> int:
    """``x`` as an int that fits ``int64_t``, which ctypes would silently wrap."""
    i = _integer(x, what)
    if not _INT64_MIN <= i <= _INT64_MAX:
        raise ValueError(f"`{what}` must fit in 64 bits, got {x!r}")
    return i


def _choices(choices: Sequence[Any]) -> Tuple[Any, ...]:
    """``choices`` as a tuple, each checked to be a JSON scalar (the library checks the values)."""
    if isinstance(choices, (str, bytes)):
        raise TypeError("`choices` must be a sequence of choices, not a string")
    choices = tuple(choices)
    for c in choices:
        _plain_choice(c, finite=False)
    return choices


def _plain_choice(c: Any, finite: bool = True) -> CategoricalChoiceType:
    """A choice as a plain JSON scalar; NumPy scalars become Python ones.

    ``finite=False`` lets a NaN or infinite number through, which the library
    takes as a categorical choice (and refuses as a float or int value);
    ``finite=True`` refuses it here.
    """
    if c is not None and not isinstance(c, (bool, int, float, str)) and hasattr(c, "item"):
        c = c.item()
    if c is not None and not isinstance(c, (bool, int, float, str)):
        raise TypeError(
            "Choices for a categorical distribution should be None, bool, int, float or str; "
            f"got {c!r} of type {type(c).__name__}."
        )
    if finite and isinstance(c, float) and not math.isfinite(c):
        raise ValueError(f"Choices for a categorical distribution must be finite, got {c!r}.")
    return c


def _choice_key(c: Any) -> Tuple[Any, ...]:
    """The JSON value a choice travels as: 1 and 1.0 are one number, 1 and True are not.

    Every NaN is one key, as the library finds a NaN choice by a NaN value.
    """
    c = _plain_choice(c, finite=False)
    if c is None:
        return ("null",)
    if isinstance(c, bool):
        return ("bool", c)
    if isinstance(c, float) and math.isnan(c):
        return ("nan",)
    if isinstance(c, (int, float)):
        # Python compares ints and floats exactly, as the library does: 2**62 + 1 is
        # not the float 2**62, which float(c) would make it.
        return ("number", c)
    return ("string", c)


def _choice_key_or_none(c: Any) -> Optional[Tuple[Any, ...]]:
    """``_choice_key(c)``, or None for a value that is no JSON scalar."""
    try:
        return _choice_key(c)
    except (TypeError, ValueError):
        return None


_D = TypeVar("_D", bound=BaseDistribution)


def _unchecked(cls: Type[_D], **fields: Any) -> _D:
    """A distribution with these fields, which the library has already checked."""
    d = cls.__new__(cls)
    for k in cls._FIELDS:
        setattr(d, k, fields[k])
    return d


def _from_json(spec: Dict[str, Any]) -> BaseDistribution:
    """A distribution from the library's JSON export of one."""
    kind = spec["type"]
    if kind == "float":
        step = None if spec["step"] is None else float(spec["step"])
        return _unchecked(
            FloatDistribution, low=float(spec["low"]), high=float(spec["high"]), log=bool(spec["log"]), step=step
        )
    if kind == "int":
        return _unchecked(
            IntDistribution, low=int(spec["low"]), high=int(spec["high"]), log=bool(spec["log"]), step=int(spec["step"])
        )
    if kind == "categorical":
        return _unchecked(CategoricalDistribution, choices=tuple(spec["choices"]))
    raise ValueError(f"unknown distribution type {kind!r}")
