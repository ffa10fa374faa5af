"""Parameter distributions, with Optuna's class names and fields.

They appear as the ``distributions`` of :class:`hone.trial.FrozenTrial` and
:class:`hone.trial.Trial`, and as the ``fixed_distributions`` of
:meth:`hone.Study.ask`.
"""

from __future__ import annotations

import ctypes
import json
import math
import operator
from ctypes import c_void_p
from typing import Any, Dict, Optional, Sequence, Tuple, Type, TypeVar, Union

from ._lib import LIB, _check, take_string

__all__ = [
    "BaseDistribution",
    "FloatDistribution",
    "IntDistribution",
    "CategoricalDistribution",
    "CategoricalChoiceType",
]

CategoricalChoiceType = Union[None, bool, int, float, str]

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class BaseDistribution:
    """Base class of the distributions; equal when their class and fields are."""

    __slots__ = ()

    def single(self) -> bool:  # pragma: no cover - every subclass overrides it
        """Whether the distribution holds exactly one value."""
        raise NotImplementedError

    def _fields(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(self) is not type(other):
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__,) + self._fields())

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__)
        return f"{type(self).__name__}({args})"


class FloatDistribution(BaseDistribution):
    """Floats in ``[low, high]``, optionally on a log scale or on a grid of ``step``.

    The library checks the values, as a study would, and raises its
    :class:`hone.InvalidArgumentError` (a ``ValueError``); with a ``step``,
    ``high`` is lowered onto the grid, as in Optuna.
    """

    __slots__ = ("low", "high", "log", "step")

    def __init__(self, low: float, high: float, log: bool = False, step: Optional[float] = None) -> None:
        spec = _normalize(
            "distribution",
            {
                "type": "float",
                "low": _float(low, "low"),
                "high": _float(high, "high"),
                "log": bool(log),
                "step": None if step is None else _float(step, "step"),
            },
        )
        self.low = float(spec["low"])
        self.high = float(spec["high"])
        self.log = bool(spec["log"])
        self.step = None if spec["step"] is None else float(spec["step"])

    def single(self) -> bool:
        if self.step is None:
            return self.low == self.high
        return self.high - self.low < self.step


class IntDistribution(BaseDistribution):
    """Integers in ``[low, high]`` on the grid ``low, low + step, ...``, optionally log-scaled.

    The library checks the values and lowers ``high`` onto the grid, as for
    :class:`FloatDistribution`.
    """

    __slots__ = ("low", "high", "log", "step")

    def __init__(self, low: int, high: int, log: bool = False, step: int = 1) -> None:
        spec = _normalize(
            "distribution",
            {
                "type": "int",
                "low": _integer(low, "low"),
                "high": _integer(high, "high"),
                "log": bool(log),
                "step": _integer(step, "step"),
            },
        )
        self.low = int(spec["low"])
        self.high = int(spec["high"])
        self.log = bool(spec["log"])
        self.step = int(spec["step"])

    def single(self) -> bool:
        return self.high - self.low < self.step


class CategoricalDistribution(BaseDistribution):
    """One of ``choices``: strings, ints, floats, bools or None."""

    __slots__ = ("choices",)

    def __init__(self, choices: Sequence[CategoricalChoiceType]) -> None:
        choices = _choices(choices)
        # The library checks the values (one choice or more, every number finite);
        # the objects themselves are kept, as the caller passed them.
        _normalize("distribution", {"type": "categorical", "choices": [_plain_choice(c, finite=False) for c in choices]})
        self.choices = choices

    def single(self) -> bool:
        return len(self.choices) == 1

    def to_internal_repr(self, value: CategoricalChoiceType) -> int:
        """The index of ``value`` in ``choices``."""
        key = _choice_key(value)
        for i, c in enumerate(self.choices):
            if _choice_key(c) == key:
                return i
        raise ValueError(f"{value!r} is not one of the choices {self.choices!r}")

    def to_external_repr(self, index: int) -> CategoricalChoiceType:
        """The choice at ``index``."""
        return self.choices[int(index)]


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

    ``finite=False`` leaves a NaN or infinite number to the library, which refuses
    it as a choice with its own message; a parameter value (``finite=True``) is
    refused here.
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
    """The JSON value a choice travels as: 1 and 1.0 are one number, 1 and True are not."""
    c = _plain_choice(c)
    if c is None:
        return ("null",)
    if isinstance(c, bool):
        return ("bool", c)
    if isinstance(c, (int, float)):
        # Python compares ints and floats exactly, as the library does: 2**62 + 1 is
        # not the float 2**62, which float(c) would make it.
        return ("number", c)
    return ("string", c)


_D = TypeVar("_D", bound=BaseDistribution)


def _unchecked(cls: Type[_D], **fields: Any) -> _D:
    """A distribution with these fields, which the library has already checked."""
    d = cls.__new__(cls)
    for k, v in fields.items():
        setattr(d, k, v)
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
