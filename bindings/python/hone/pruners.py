"""Pruners: configuration objects with Optuna's names and argument checks.

The pruning itself runs inside ``libhone``; a pruner here describes itself as the
library's spec, ``{"type": ..., "options": {...}}``. Its arguments are checked
when it is made, as in Optuna: a value of the wrong kind here (``TypeError``), a
value out of range by the library, whose :class:`hone.InvalidArgumentError` (a
``ValueError``) carries the library's message. The defaults are the library's.

As in Optuna, :func:`hone.create_study` uses a :class:`MedianPruner` when no
pruner is given. (The C and Swift APIs default to no pruning.)
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Dict, Optional, Union

from .distributions import _normalize

__all__ = [
    "BasePruner",
    "NopPruner",
    "MedianPruner",
    "PercentilePruner",
    "SuccessiveHalvingPruner",
    "HyperbandPruner",
    "ThresholdPruner",
    "PatientPruner",
    "WilcoxonPruner",
]


def _int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    return int(value)


def _float(name: str, value: Any) -> float:
    if isinstance(value, (str, bytes)):
        raise TypeError(f"The `{name}` argument is of type '{type(value).__name__}' but supposed to be a float.")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"The `{name}` argument is of type '{type(value).__name__}' but supposed to be a float.") from None


def _int_or_auto(name: str, value: Any) -> Union[str, int]:
    """An integer, or a string for the library to check (only "auto" is one)."""
    return value if isinstance(value, str) else _int(name, value)


class BasePruner:
    """Base class of the pruners.

    A subclass of BasePruner itself (not of one of the library's pruners) is the
    user's own: ``Trial.should_prune()`` calls its ``prune(study, trial)``, as in
    Optuna, with the running trial as a FrozenTrial.
    """

    _type = ""

    def prune(self, study: Any, trial: Any) -> bool:
        """Whether ``trial`` should stop now; default: never."""
        return False

    def _options(self) -> Dict[str, Any]:
        return {}

    def _validate(self) -> None:
        """Has the library check the spec, raising its error for a value out of range."""
        _normalize("pruner", self._to_spec())

    def _to_spec(self) -> Dict[str, Any]:
        """The library's spec of this pruner."""
        spec: Dict[str, Any] = {"type": self._type}
        options = self._options()
        if options:
            spec["options"] = options
        return spec


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
        self._percentile = _float("percentile", percentile)
        self._set_common(n_startup_trials, n_warmup_steps, interval_steps, n_min_trials)

    def _set_common(self, n_startup_trials: int, n_warmup_steps: int, interval_steps: int, n_min_trials: int) -> None:
        self._n_startup_trials = _int("n_startup_trials", n_startup_trials)
        self._n_warmup_steps = _int("n_warmup_steps", n_warmup_steps)
        self._interval_steps = _int("interval_steps", interval_steps)
        self._n_min_trials = _int("n_min_trials", n_min_trials)
        self._validate()

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
        self._min_resource = _int_or_auto("min_resource", min_resource)
        self._reduction_factor = _int("reduction_factor", reduction_factor)
        self._min_early_stopping_rate = _int("min_early_stopping_rate", min_early_stopping_rate)
        self._bootstrap_count = _int("bootstrap_count", bootstrap_count)
        self._validate()

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
        self._min_resource = _int("min_resource", min_resource)
        self._max_resource = _int_or_auto("max_resource", max_resource)
        self._reduction_factor = _int("reduction_factor", reduction_factor)
        self._bootstrap_count = _int("bootstrap_count", bootstrap_count)
        self._validate()

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
        self._lower = -math.inf if lower is None else _float("lower", lower)
        self._upper = math.inf if upper is None else _float("upper", upper)
        self._n_warmup_steps = _int("n_warmup_steps", n_warmup_steps)
        self._interval_steps = _int("interval_steps", interval_steps)
        self._validate()

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
        self._wrapped_pruner = wrapped_pruner
        self._patience = _int("patience", patience)
        self._min_delta = _float("min_delta", min_delta)
        self._validate()

    def _options(self) -> Dict[str, Any]:
        return {
            "wrapped_pruner": None if self._wrapped_pruner is None else self._wrapped_pruner._to_spec(),
            "patience": self._patience,
            "min_delta": self._min_delta,
        }


class WilcoxonPruner(BasePruner):
    """Prunes a trial that a Wilcoxon signed-rank test finds worse than the best
    trial, as Optuna's ``WilcoxonPruner``.

    Steps are problem instances: report the value on instance ``step``, in any
    order. The trial's values are paired with the best COMPLETE trial's on the
    instances both reported, and the trial is pruned when the one-sided test of
    the differences (zeros split, SciPy's choice of exact, sign-flip or normal
    p-value) gives p < ``p_threshold``, unless the mean of all its values is no
    worse than the mean of all the best trial's. Nothing is pruned with fewer
    than ``max(2, n_startup_steps)`` shared instances, or when either trial holds
    an infinite or NaN value.
    """

    _type = "wilcoxon"

    def __init__(self, *, p_threshold: float = 0.1, n_startup_steps: int = 2) -> None:
        self._p_threshold = _float("p_threshold", p_threshold)
        self._n_startup_steps = _int("n_startup_steps", n_startup_steps)
        self._validate()

    def _options(self) -> Dict[str, Any]:
        return {"p_threshold": self._p_threshold, "n_startup_steps": self._n_startup_steps}
