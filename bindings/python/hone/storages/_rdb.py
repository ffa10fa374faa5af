"""A SQLite file or PostgreSQL database, with heartbeat options, as Optuna's ``RDBStorage``."""

from __future__ import annotations

import math
import urllib.parse
from typing import Any, Dict, Optional

from ._base import BaseStorage
from ._callbacks import RetryHeartbeatStaleTrialCallback
from ._split import _redacted


class RDBStorage(BaseStorage):
    """A relational database storage, as Optuna's ``RDBStorage``.

    ``url`` is a SQLite (``"sqlite:///relative.db"``, ``"sqlite:////abs/path.db"``)
    or PostgreSQL (``"postgresql://user:password@host:port/database"``) URL. The
    library opens the database itself: there is no SQLAlchemy engine, and the
    tables are created at the first write.

    Args:
        url: the database URL.
        engine_kwargs: Optuna passes these to ``sqlalchemy.create_engine``. Hone
            honours the connection timeouts in ``connect_args``:
            ``{"connect_args": {"timeout": seconds}}`` for SQLite (how long a
            write waits for another process's write; default 10) and
            ``{"connect_args": {"connect_timeout": seconds}}`` for PostgreSQL.
            For PostgreSQL every other ``connect_args`` entry is a libpq
            connection parameter (as psycopg2 passes it), so it goes to libpq
            too (``sslmode``, ``application_name``, ...). The other keys tune
            SQLAlchemy's engine and pool (``pool_size``, ``pool_pre_ping``,
            ``echo``, ...), which Hone does not have: they are accepted and
            ignored, as are SQLite's other ``connect_args`` (``check_same_thread``,
            ``isolation_level``, ...), so scripts written for Optuna run unchanged.
        skip_compatibility_check: accepted for Optuna compatibility; Hone always
            checks the schema version, and refuses a database a newer Hone wrote.
        heartbeat_interval: seconds; turns heartbeats on. While a trial runs
            under :meth:`hone.Study.optimize`, a thread records its heartbeat
            every ``heartbeat_interval`` seconds; the library also records one on
            each suggest and report.
        grace_period: seconds (default twice the interval): each ask first marks
            FAIL the RUNNING trials whose heartbeat is older.
        heartbeat_stale_trial_callback: a
            :class:`~hone.storages.RetryHeartbeatStaleTrialCallback`, which
            re-queues those trials with the same parameters.
        failed_trial_callback: Optuna's older name of
            ``heartbeat_stale_trial_callback``; give one of the two.
        skip_table_creation: accepted for Optuna compatibility; Hone creates its
            tables at the first write either way.
    """

    def __init__(
        self,
        url: str,
        engine_kwargs: Optional[Dict[str, Any]] = None,
        skip_compatibility_check: bool = False,
        *,
        heartbeat_interval: Optional[float] = None,
        grace_period: Optional[float] = None,
        heartbeat_stale_trial_callback: Optional[RetryHeartbeatStaleTrialCallback] = None,
        failed_trial_callback: Optional[RetryHeartbeatStaleTrialCallback] = None,
        skip_table_creation: bool = False,
    ) -> None:
        if not isinstance(url, str):
            raise TypeError(f"url must be a str, not {type(url).__name__}")
        if engine_kwargs is not None and not isinstance(engine_kwargs, dict):
            raise TypeError(f"engine_kwargs must be a dict or None, not {type(engine_kwargs).__name__}")
        if heartbeat_interval is not None and not heartbeat_interval > 0:
            raise ValueError(f"heartbeat_interval must be > 0, got {heartbeat_interval}")
        if grace_period is not None and not grace_period > 0:
            raise ValueError(f"grace_period must be > 0, got {grace_period}")
        if heartbeat_stale_trial_callback is not None and failed_trial_callback is not None:
            raise ValueError("give only one of heartbeat_stale_trial_callback and failed_trial_callback")
        callback = heartbeat_stale_trial_callback or failed_trial_callback
        if heartbeat_interval is None and (grace_period is not None or callback is not None):
            raise ValueError("grace_period and failed_trial_callback need heartbeat_interval")
        if callback is not None and not isinstance(callback, RetryHeartbeatStaleTrialCallback):
            raise TypeError("failed_trial_callback must be a hone.storages.RetryHeartbeatStaleTrialCallback")
        self.url = url
        self.engine_kwargs: Dict[str, Any] = dict(engine_kwargs or {})
        self.skip_compatibility_check = skip_compatibility_check
        self.heartbeat_interval = heartbeat_interval
        self.grace_period = grace_period
        self.heartbeat_stale_trial_callback = callback
        self.failed_trial_callback = callback
        self._core_url = _with_connect_args(url, self.engine_kwargs.get("connect_args"))

    def __repr__(self) -> str:
        return f"<hone.storages.RDBStorage {_redacted(self.url)!r}>"

    def _url(self) -> str:
        return self._core_url

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


def _seconds(value: Any, what: str) -> str:
    """A timeout as the decimal text the URL carries."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"engine_kwargs connect_args {what!r} must be a number of seconds, not {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"engine_kwargs connect_args {what!r} must be a finite number >= 0, got {value}")
    return repr(value) if isinstance(value, float) else str(value)


def _with_connect_args(url: str, connect_args: Any) -> str:
    """``url`` with the ``connect_args`` the library honours appended as query parameters.

    The library reads them from the URL, the one place that names a storage and
    its connection: SQLite's ``timeout`` and libpq's parameters. A parameter
    given here wins over the same one in ``url``: it comes later.
    """
    if connect_args is None:
        return url
    if not isinstance(connect_args, dict):
        raise TypeError(f"engine_kwargs connect_args must be a dict, not {type(connect_args).__name__}")
    params = []
    if url.startswith("sqlite:"):
        if "timeout" in connect_args:
            params.append(("timeout", _seconds(connect_args["timeout"], "timeout")))
    elif url.startswith(("postgresql://", "postgres://")):
        for key, value in connect_args.items():
            if key == "connect_timeout":
                # libpq takes whole seconds.
                params.append((key, str(math.ceil(float(_seconds(value, key))))))
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                params.append((str(key), str(value)))
            else:
                raise TypeError(f"engine_kwargs connect_args {key!r} must be a str or a number for PostgreSQL")
    if not params:
        return url
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
