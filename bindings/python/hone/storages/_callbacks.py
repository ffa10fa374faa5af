"""Storages, with Optuna's names: URLs, :class:`RDBStorage` and heartbeats.

A storage is named by a URL string wherever Optuna takes a storage:
``None`` or ``"memory"`` (a new in-memory storage), ``"sqlite:///relative.db"`` or
``"sqlite:////absolute/path.db"`` (a SQLite file that processes share). Wrap the
URL in :class:`RDBStorage` to turn heartbeats on, as in Optuna::

    storage = hone.storages.RDBStorage(
        "sqlite:///study.db", heartbeat_interval=60, grace_period=120,
        failed_trial_callback=hone.storages.RetryFailedTrialCallback(max_retry=3))

While a trial runs under :meth:`hone.Study.optimize`, a thread records its
heartbeat every ``heartbeat_interval`` seconds; the library also records one on
each suggest and report. Each ask first marks FAIL the RUNNING trials whose
heartbeat is older than ``grace_period`` (the worker died), and the callback
re-queues them with the same parameters.
"""

from __future__ import annotations

import operator
from typing import Any, Dict, Optional, Tuple, Union

__all__ = ["RDBStorage", "RetryFailedTrialCallback", "fail_stale_trials"]


class RetryFailedTrialCallback:
    """Re-queues a trial that failed because its worker died, with the same parameters.

    At most ``max_retry`` times (None: no limit). The retry's system attributes
    ``failed_trial`` and ``retry_history`` name the trials it repeats, as in Optuna.
    """

    def __init__(self, max_retry: Optional[int] = None) -> None:
        if max_retry is not None and operator.index(max_retry) < 0:
            raise ValueError(f"max_retry must be None or >= 0, got {max_retry}")
        self._max_retry = max_retry

    @staticmethod
    def retried_trial_number(trial: Any) -> Optional[int]:
        """The number of the first failed trial that ``trial`` retries, or None."""
        return trial.system_attrs.get("failed_trial")

    @staticmethod
    def retry_history(trial: Any) -> list:
        """The numbers of the failed trials that ``trial`` retries, oldest first."""
        return list(trial.system_attrs.get("retry_history", []))


class RDBStorage:
    """A storage URL with heartbeat options, as Optuna's ``RDBStorage``."""

    def __init__(
        self,
        url: str,
        heartbeat_interval: Optional[float] = None,
        grace_period: Optional[float] = None,
        failed_trial_callback: Optional[RetryFailedTrialCallback] = None,
    ) -> None:
        if not isinstance(url, str):
            raise TypeError(f"url must be a str, not {type(url).__name__}")
        if heartbeat_interval is not None and not heartbeat_interval > 0:
            raise ValueError(f"heartbeat_interval must be > 0, got {heartbeat_interval}")
        if grace_period is not None and not grace_period > 0:
            raise ValueError(f"grace_period must be > 0, got {grace_period}")
        if heartbeat_interval is None and (grace_period is not None or failed_trial_callback is not None):
            raise ValueError("grace_period and failed_trial_callback need heartbeat_interval")
        if failed_trial_callback is not None and not isinstance(failed_trial_callback, RetryFailedTrialCallback):
            raise TypeError("failed_trial_callback must be a hone.storages.RetryFailedTrialCallback")
        self.url = url
        self.heartbeat_interval = heartbeat_interval
        self.grace_period = grace_period
        self.failed_trial_callback = failed_trial_callback

    def __repr__(self) -> str:
        return f"<hone.storages.RDBStorage {_redacted(self.url)!r}>"

    def _options(self) -> Dict[str, Any]:
        options: Dict[str, Any] = {}
        if self.heartbeat_interval is not None:
            options["heartbeat_interval"] = float(self.heartbeat_interval)
        if self.grace_period is not None:
            options["grace_period"] = float(self.grace_period)
        callback = self.failed_trial_callback
        if callback is not None:
            # No cap in Optuna means retry forever; the library takes a cap, so a large one.
            options["failed_trial_retries"] = callback._max_retry if callback._max_retry is not None else 1 << 30
        return options


def _split(storage: Union[None, str, RDBStorage]) -> Tuple[Optional[str], Dict[str, Any]]:
    """The URL of a storage argument and the study options it adds."""
    if storage is None or isinstance(storage, str):
        return storage, {}
    if isinstance(storage, RDBStorage):
        return storage.url, storage._options()
    raise TypeError(f"storage must be None, a URL string or a hone.storages.RDBStorage, not {type(storage).__name__}")


def _redacted(url: str) -> str:
    """The URL with its password hidden, for reprs."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    userinfo, _, host = rest.rpartition("@")
    user, colon, _ = userinfo.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"


def fail_stale_trials(study: Any) -> int:
    """Marks FAIL the RUNNING trials of ``study`` whose heartbeat is older than the grace period.

    Returns how many were failed; their retries are queued. Every ask does this first.
    """
    return study._fail_stale_trials()
