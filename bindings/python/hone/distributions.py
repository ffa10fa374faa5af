"""Parameter distributions, with Optuna's class names and fields.

They appear as the ``distributions`` of :class:`hone.trial.FrozenTrial` and
:class:`hone.trial.Trial`, and as the ``fixed_distributions`` of
:meth:`hone.Study.ask`.
"""

from __future__ import annotations

import math
import operator
from typing import Any, Dict, Optional, Sequence, Tuple, Union

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
    """Floats in ``[low, high]``, optionally on a log scale or on a grid of ``step``."""

    __slots__ = ("low", "high", "log", "step")

    def __init__(self, low: float, high: float, log: bool = False, step: Optional[float] = None) -> None:
        low, high = float(low), float(high)
        if log and step is not None:
            raise ValueError("The parameter `step` is not supported when `log` is true.")
        if not (math.isfinite(low) and math.isfinite(high)):
            raise ValueError(f"`low` and `high` must be finite, but got (low, high)=({low}, {high}).")
        if low > high:
            raise ValueError(f"`low <= high` must hold, but got (low, high)=({low}, {high}).")
        if log and low <= 0.0:
            raise ValueError(f"`low > 0` must hold for `log=True`, but got (low, high)=({low}, {high}).")
        if step is not None:
            step = float(step)
            if not step > 0:
                raise ValueError(f"`step` must be positive, but got {step}.")
        self.low = low
        self.high = high
        self.log = bool(log)
        self.step = step

    def single(self) -> bool:
        if self.step is None:
            return self.low == self.high
        return self.high - self.low < self.step


class IntDistribution(BaseDistribution):
    """Integers in ``[low, high]`` on the grid ``low, low + step, ...``, optionally log-scaled."""

    __slots__ = ("low", "high", "log", "step")

    def __init__(self, low: int, high: int, log: bool = False, step: int = 1) -> None:
        low, high, step = _int64(low, "low"), _int64(high, "high"), _int64(step, "step")
        if log and step != 1:
            raise ValueError("`step` must be 1 when `log` is true.")
        if low > high:
            raise ValueError(f"`low <= high` must hold, but got (low, high)=({low}, {high}).")
        if log and low < 1:
            raise ValueError(f"`low >= 1` must hold for `log=True`, but got (low, high)=({low}, {high}).")
        if step <= 0:
            raise ValueError(f"`step` must be positive, but got {step}.")
        self.low = low
        self.high = high
        self.log = bool(log)
        self.step = step

    def single(self) -> bool:
        return self.high - self.low < self.step


class CategoricalDistribution(BaseDistribution):
    """One of ``choices``: strings, ints, floats, bools or None."""

    __slots__ = ("choices",)

    def __init__(self, choices: Sequence[CategoricalChoiceType]) -> None:
        choices = _choices(choices)
        if not choices:
            raise ValueError("`choices` must contain one or more elements.")
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


def _int64(x: Any, what: str) -> int:
    """``x`` as an int that fits ``int64_t``, which ctypes would silently wrap."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    try:
        i = operator.index(x)
    except TypeError:
        raise TypeError(f"`{what}` must be an integer, got {x!r}") from None
    if not _INT64_MIN <= i <= _INT64_MAX:
        raise ValueError(f"`{what}` must fit in 64 bits, got {x!r}")
    return i


def _choices(choices: Sequence[Any]) -> Tuple[Any, ...]:
    """``choices`` as a tuple, each checked to be a JSON scalar."""
    if isinstance(choices, (str, bytes)):
        raise TypeError("`choices` must be a sequence of choices, not a string")
    choices = tuple(choices)
    for c in choices:
        _plain_choice(c)
    return choices


def _plain_choice(c: Any) -> CategoricalChoiceType:
    """A choice as a plain JSON scalar; NumPy scalars become Python ones."""
    if c is not None and not isinstance(c, (bool, int, float, str)) and hasattr(c, "item"):
        c = c.item()
    if c is not None and not isinstance(c, (bool, int, float, str)):
        raise TypeError(
            "Choices for a categorical distribution should be None, bool, int, float or str; "
            f"got {c!r} of type {type(c).__name__}."
        )
    if isinstance(c, float) and not math.isfinite(c):
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


def _from_json(spec: Dict[str, Any]) -> BaseDistribution:
    """A distribution from the library's JSON export of one."""
    kind = spec["type"]
    if kind == "float":
        return FloatDistribution(spec["low"], spec["high"], log=spec["log"], step=spec["step"])
    if kind == "int":
        return IntDistribution(spec["low"], spec["high"], log=spec["log"], step=spec["step"])
    if kind == "categorical":
        return CategoricalDistribution(spec["choices"])
    raise ValueError(f"unknown distribution type {kind!r}")
