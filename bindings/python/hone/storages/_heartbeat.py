"""Failing the trials whose worker stopped sending heartbeats."""

from __future__ import annotations

from typing import Any


def fail_stale_trials(study: Any) -> int:
    """Marks FAIL the RUNNING trials of ``study`` whose heartbeat is older than the grace period.

    Returns how many were failed; their retries are queued. Every ask does this first.
    """
    return study._fail_stale_trials()
