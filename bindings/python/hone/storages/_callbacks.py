"""Re-queuing the trials whose worker died, with Optuna's callback names."""

from __future__ import annotations

import operator
from typing import Any, Optional


class RetryHeartbeatStaleTrialCallback:
    """Re-queues a trial that failed because its worker died, with the same parameters.

    At most ``max_retry`` times (None: no limit). The retry's system attributes
    ``failed_trial`` and ``retry_history`` name the trials it repeats, as in Optuna.
    Pass it as an :class:`~hone.storages.RDBStorage`'s
    ``heartbeat_stale_trial_callback``; the library does the re-queuing itself, so
    the object is never called. ``inherit_intermediate_values=True`` is not
    supported (:class:`ValueError`).
    """

    def __init__(self, max_retry: Optional[int] = None, inherit_intermediate_values: bool = False) -> None:
        if max_retry is not None and operator.index(max_retry) < 0:
            raise ValueError(f"max_retry must be None or >= 0, got {max_retry}")
        if inherit_intermediate_values:
            raise ValueError("inherit_intermediate_values=True is not supported: a retry starts with no reports")
        self._max_retry = max_retry
        self._inherit_intermediate_values = False

    @staticmethod
    def retried_trial_number(trial: Any) -> Optional[int]:
        """The number of the first failed trial that ``trial`` retries, or None."""
        return trial.system_attrs.get("failed_trial")

    @staticmethod
    def retry_history(trial: Any) -> list:
        """The numbers of the failed trials that ``trial`` retries, oldest first."""
        return list(trial.system_attrs.get("retry_history", []))


class RetryFailedTrialCallback(RetryHeartbeatStaleTrialCallback):
    """Optuna's older name of :class:`RetryHeartbeatStaleTrialCallback`, the same callback."""
