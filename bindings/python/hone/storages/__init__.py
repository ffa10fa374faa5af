"""Storages, with Optuna's names: storage objects, URLs and heartbeats.

A storage argument is a storage object or a URL string:

- :class:`InMemoryStorage` (in this process's memory, shared by every study
  given the same object), or ``None`` for a new one per study. The string
  ``"memory"`` is a new private storage that no later call can reach, and
  ``"memory://NAME"`` the process's in-memory storage of that name, shared
  while a study or storage object holds it.
- :class:`RDBStorage`, or a URL ``"sqlite:///relative.db"``,
  ``"sqlite:////absolute/path.db"`` (a SQLite file that processes share) or
  ``"postgresql://user:password@host:port/database"``.
- :class:`JournalStorage` over a :class:`journal.JournalFileBackend`, or a URL
  ``"journal:////absolute/path.log"``.

:class:`RDBStorage` also turns heartbeats on, as in Optuna::

    storage = hone.storages.RDBStorage(
        "sqlite:///study.db", heartbeat_interval=60, grace_period=120,
        failed_trial_callback=hone.storages.RetryFailedTrialCallback(max_retry=3))

While a trial runs under :meth:`hone.Study.optimize`, a thread records its
heartbeat every ``heartbeat_interval`` seconds; the library also records one on
each suggest and report. Each ask first marks FAIL the RUNNING trials whose
heartbeat is older than ``grace_period`` (the worker died), and the callback
re-queues them with the same parameters.

The storage objects share the base :class:`BaseStorage`; Optuna's method-level
storage API (``create_new_study``, ``get_all_trials``, ...) is not part of them.
"""

from __future__ import annotations

from . import journal
from ._base import BaseStorage, _URLStorage
from ._callbacks import RetryFailedTrialCallback, RetryHeartbeatStaleTrialCallback
from ._heartbeat import fail_stale_trials
from ._in_memory import InMemoryStorage
from ._rdb import RDBStorage
from ._split import _redacted, _split
from .journal import JournalFileOpenLock, JournalFileSymlinkLock, JournalStorage

__all__ = [
    "BaseStorage",
    "InMemoryStorage",
    "RDBStorage",
    "JournalStorage",
    "JournalFileSymlinkLock",
    "JournalFileOpenLock",
    "RetryHeartbeatStaleTrialCallback",
    "RetryFailedTrialCallback",
    "fail_stale_trials",
]
