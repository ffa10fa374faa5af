"""Pruners: configuration objects with Optuna's names and argument checks.

The pruning itself runs inside ``libhone``; a pruner here validates its arguments
as Optuna does (``ValueError`` for a value out of range, ``TypeError`` for a value
of the wrong kind) and describes itself as the library's spec,
``{"type": ..., "options": {...}}``.

As in Optuna, :func:`hone.create_study` uses a :class:`MedianPruner` when no
pruner is given. (The C and Swift APIs default to no pruning.)
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Dict, Optional, Union

__all__ = [
    "BasePruner",
    "NopPruner",
    "MedianPruner",
    "PercentilePruner",
    "SuccessiveHalvingPruner",
    "HyperbandPruner",
    "ThresholdPruner",
    "PatientPruner",
]


def _int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    return int(value)


def _float(name: str, value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"The `{name}` argument is of type '{type(value).__name__}' but supposed to be a float.") from None


class BasePruner:
    """Base class of the pruners."""

    _type = ""

    def _options(self) -> Dict[str, Any]:
        return {}

    def _to_spec(self) -> Dict[str, Any]:
        """The library's spec of this pruner."""
        spec: Dict[str, Any] = {"type": self._type}
        options = self._options()
        if options:
            spec["options"] = options
        return spec

    def __repr__(self) -> str:
        options = ", ".join(f"{k}={v!r}" for k, v in self._options().items())
        return f"{type(self).__name__}({options})"


class NopPruner(BasePruner):
    """Never prunes: ``should_prune()`` is always False."""

    _type = "nop"


class PercentilePruner(BasePruner):
    """Prunes a trial whose best intermediate value is worse than a percentile of the
    completed trials' values at the same step, as Optuna's ``PercentilePruner``.

    Nothing is pruned before ``n_startup_trials`` trials have completed, nor
    before step ``n_warmup_steps``; after that the trial is judged at the first
    step it reports in each interval of ``interval_steps``, comparing its best
    value over all steps (NaN ignored) with the ``percentile``-th percentile
    (the (100 - ``percentile``)-th when maximizing) of the values completed
    trials reported at that step. Fewer than ``n_min_trials`` such values never
    prune; a trial whose values are all NaN is pruned.
    """

    _type = "percentile"

    def __init__(
        self,
        percentile: float,
        n_startup_trials: int = 5,
        n_warmup_steps: int = 0,
        interval_steps: int = 1,
        *,
        n_min_trials: int = 1,
    ) -> None:
        percentile = _float("percentile", percentile)
        if not 0.0 <= percentile <= 100.0:
            raise ValueError(f"Percentile must be between 0 and 100 inclusive but got {percentile}.")
        self._percentile = percentile
        self._set_common(n_startup_trials, n_warmup_steps, interval_steps, n_min_trials)

    def _set_common(self, n_startup_trials: int, n_warmup_steps: int, interval_steps: int, n_min_trials: int) -> None:
        self._n_startup_trials = _int("n_startup_trials", n_startup_trials)
        self._n_warmup_steps = _int("n_warmup_steps", n_warmup_steps)
        self._interval_steps = _int("interval_steps", interval_steps)
        self._n_min_trials = _int("n_min_trials", n_min_trials)
        if self._n_startup_trials < 0:
            raise ValueError(f"Number of startup trials cannot be negative but got {n_startup_trials}.")
        if self._n_warmup_steps < 0:
            raise ValueError(f"Number of warmup steps cannot be negative but got {n_warmup_steps}.")
        if self._interval_steps < 1:
            raise ValueError(f"Pruning interval steps must be at least 1 but got {interval_steps}.")
        if self._n_min_trials < 1:
            raise ValueError(f"Number of trials for pruning must be at least 1 but got {n_min_trials}.")

    def _common_options(self) -> Dict[str, Any]:
        return {
            "n_startup_trials": self._n_startup_trials,
            "n_warmup_steps": self._n_warmup_steps,
            "interval_steps": self._interval_steps,
            "n_min_trials": self._n_min_trials,
        }

    def _options(self) -> Dict[str, Any]:
        return {"percentile": self._percentile, **self._common_options()}


class MedianPruner(PercentilePruner):
    """Prunes a trial whose best intermediate value is worse than the median of the
    completed trials at the same step, as Optuna's ``MedianPruner``.

    The default pruner of :func:`hone.create_study`. See :class:`PercentilePruner`
    for startup, warmup, intervals and NaN.
    """

    _type = "median"

    def __init__(
        self, n_startup_trials: int = 5, n_warmup_steps: int = 0, interval_steps: int = 1, *, n_min_trials: int = 1
    ) -> None:
        self._percentile = 50.0
        self._set_common(n_startup_trials, n_warmup_steps, interval_steps, n_min_trials)

    def _options(self) -> Dict[str, Any]:
        return self._common_options()


class SuccessiveHalvingPruner(BasePruner):
    """Asynchronous successive halving (ASHA), as Optuna's ``SuccessiveHalvingPruner``.

    Rung ``k`` is reached at step ``min_resource * reduction_factor **
    (min_early_stopping_rate + k)``. There the trial's latest value is recorded
    in its system attributes as ``completed_rung_k``, and the trial goes on only
    if that value is among the best ``1 / reduction_factor`` of the values
    recorded at that rung. ``min_resource="auto"`` takes the largest last step
    of the first completed trials divided by 100 (at least 1).
    """

    _type = "successive_halving"

    def __init__(
        self,
        min_resource: Union[str, int] = "auto",
        reduction_factor: int = 4,
        min_early_stopping_rate: int = 0,
        bootstrap_count: int = 0,
    ) -> None:
        if isinstance(min_resource, str):
            if min_resource != "auto":
                raise ValueError(
                    f"The value of `min_resource` is {min_resource}, "
                    "but must be either `min_resource` >= 1 or `min_resource` == 'auto'"
                )
        elif _int("min_resource", min_resource) < 1:
            raise ValueError(
                f"The value of `min_resource` is {min_resource}, "
                "but must be either `min_resource >= 1` or `min_resource == 'auto'`"
            )
        if _int("reduction_factor", reduction_factor) < 2:
            raise ValueError(
                f"The value of `reduction_factor` is {reduction_factor}, but must be `reduction_factor >= 2`"
            )
        if _int("min_early_stopping_rate", min_early_stopping_rate) < 0:
            raise ValueError(
                f"The value of `min_early_stopping_rate` is {min_early_stopping_rate}, "
                "but must be `min_early_stopping_rate >= 0`"
            )
        if _int("bootstrap_count", bootstrap_count) < 0:
            raise ValueError(f"The value of `bootstrap_count` is {bootstrap_count}, but must be `bootstrap_count >= 0`")
        if bootstrap_count > 0 and min_resource == "auto":
            raise ValueError(
                "bootstrap_count > 0 and min_resource == 'auto' "
                f"are mutually incompatible, bootstrap_count is {bootstrap_count}"
            )
        self._min_resource: Union[str, int] = min_resource if isinstance(min_resource, str) else int(min_resource)
        self._reduction_factor = int(reduction_factor)
        self._min_early_stopping_rate = int(min_early_stopping_rate)
        self._bootstrap_count = int(bootstrap_count)

    def _options(self) -> Dict[str, Any]:
        return {
            "min_resource": self._min_resource,
            "reduction_factor": self._reduction_factor,
            "min_early_stopping_rate": self._min_early_stopping_rate,
            "bootstrap_count": self._bootstrap_count,
        }


class HyperbandPruner(BasePruner):
    """Hyperband over successive halving, as Optuna's ``HyperbandPruner``.

    There are ``floor(log_eta(max_resource / min_resource)) + 1`` brackets, each
    a :class:`SuccessiveHalvingPruner` whose ``min_early_stopping_rate`` is its
    index. Each trial belongs to one bracket, picked by the CRC-32 of
    ``"<study name>_<trial number>"`` weighted by the brackets' budgets as in
    Optuna, and is compared only with trials of its bracket. The sampler sees
    every trial (Optuna narrows the sampler's view to the bracket).
    ``max_resource="auto"`` takes the last step + 1 of the first completed trial.
    """

    _type = "hyperband"

    def __init__(
        self,
        min_resource: int = 1,
        max_resource: Union[str, int] = "auto",
        reduction_factor: int = 3,
        bootstrap_count: int = 0,
    ) -> None:
        if _int("min_resource", min_resource) < 1:
            raise ValueError(f"The value of `min_resource` is {min_resource}, but must be `min_resource >= 1`")
        if isinstance(max_resource, bool) or not (
            isinstance(max_resource, numbers.Integral) or max_resource == "auto"
        ):
            raise ValueError(f"The 'max_resource' should be integer or 'auto'. But max_resource = {max_resource}")
        if max_resource != "auto" and int(max_resource) < min_resource:
            raise ValueError(
                f"The value of `max_resource` is {max_resource}, but must be at least `min_resource` ({min_resource})"
            )
        if _int("reduction_factor", reduction_factor) < 2:
            raise ValueError(
                f"The value of `reduction_factor` is {reduction_factor}, but must be `reduction_factor >= 2`"
            )
        if _int("bootstrap_count", bootstrap_count) < 0:
            raise ValueError(f"The value of `bootstrap_count` is {bootstrap_count}, but must be `bootstrap_count >= 0`")
        if bootstrap_count > 0 and max_resource == "auto":
            raise ValueError(
                "bootstrap_count > 0 and max_resource == 'auto' "
                f"are mutually incompatible, bootstrap_count is {bootstrap_count}"
            )
        self._min_resource = int(min_resource)
        self._max_resource: Union[str, int] = "auto" if max_resource == "auto" else int(max_resource)
        self._reduction_factor = int(reduction_factor)
        self._bootstrap_count = int(bootstrap_count)

    def _options(self) -> Dict[str, Any]:
        return {
            "min_resource": self._min_resource,
            "max_resource": self._max_resource,
            "reduction_factor": self._reduction_factor,
            "bootstrap_count": self._bootstrap_count,
        }


class ThresholdPruner(BasePruner):
    """Prunes a trial whose latest intermediate value leaves [``lower``, ``upper``],
    as Optuna's ``ThresholdPruner``.

    Judged from step ``n_warmup_steps`` on, at the first step reported in each
    interval of ``interval_steps``; a NaN value is always pruned. Unlike Optuna,
    a NaN bound is refused.
    """

    _type = "threshold"

    def __init__(
        self,
        lower: Optional[float] = None,
        upper: Optional[float] = None,
        n_warmup_steps: int = 0,
        interval_steps: int = 1,
    ) -> None:
        if lower is None and upper is None:
            raise TypeError("Either lower or upper must be specified.")
        low = -math.inf if lower is None else _float("lower", lower)
        high = math.inf if upper is None else _float("upper", upper)
        if math.isnan(low) or math.isnan(high):
            raise ValueError("lower and upper must not be NaN.")
        if low > high:
            raise ValueError("lower should be smaller than upper.")
        if _int("n_warmup_steps", n_warmup_steps) < 0:
            raise ValueError(f"Number of warmup steps cannot be negative but got {n_warmup_steps}.")
        if _int("interval_steps", interval_steps) < 1:
            raise ValueError(f"Pruning interval steps must be at least 1 but got {interval_steps}.")
        self._lower = low
        self._upper = high
        self._n_warmup_steps = int(n_warmup_steps)
        self._interval_steps = int(interval_steps)

    def _options(self) -> Dict[str, Any]:
        # JSON has no infinity: a missing bound travels as null.
        return {
            "lower": None if math.isinf(self._lower) else self._lower,
            "upper": None if math.isinf(self._upper) else self._upper,
            "n_warmup_steps": self._n_warmup_steps,
            "interval_steps": self._interval_steps,
        }


class PatientPruner(BasePruner):
    """Prunes only after a trial has not improved for ``patience`` steps, as Optuna's
    ``PatientPruner``.

    The best value of all but the last ``patience + 1`` reported steps is
    compared with the best of those last ones (NaN ignored); when the recent
    best is worse by more than ``min_delta``, ``wrapped_pruner`` decides, or
    the trial is pruned when it is None.
    """

    _type = "patient"

    def __init__(self, wrapped_pruner: Optional[BasePruner], patience: int, min_delta: float = 0.0) -> None:
        if wrapped_pruner is not None and not isinstance(wrapped_pruner, BasePruner):
            raise TypeError(f"wrapped_pruner must be a hone pruner or None, not {type(wrapped_pruner).__name__}")
        if _int("patience", patience) < 0:
            raise ValueError(f"patience cannot be negative but got {patience}.")
        min_delta = _float("min_delta", min_delta)
        if not min_delta >= 0:
            raise ValueError(f"min_delta cannot be negative but got {min_delta}.")
        self._wrapped_pruner = wrapped_pruner
        self._patience = int(patience)
        self._min_delta = min_delta

    def _options(self) -> Dict[str, Any]:
        return {
            "wrapped_pruner": None if self._wrapped_pruner is None else self._wrapped_pruner._to_spec(),
            "patience": self._patience,
            "min_delta": self._min_delta,
        }

    def __repr__(self) -> str:
        return f"PatientPruner({self._wrapped_pruner!r}, patience={self._patience!r}, min_delta={self._min_delta!r})"
