"""Exceptions raised by Hone.

Every fallible call into ``libhone`` returns a ``hone_status``; a status other
than ``HONE_OK`` becomes the matching :class:`HoneError` subclass, carrying the
status and the library's message (``hone_last_error()``). Where a status has an
obvious built-in counterpart the class derives from it too, so code written
against Optuna's ``ValueError``/``KeyError`` contracts keeps working.
"""

from __future__ import annotations

import enum
from typing import Optional

from . import _abi

__all__ = [
    "Status",
    "HoneError",
    "InvalidArgumentError",
    "NotFoundError",
    "StateError",
    "ExhaustedError",
    "NumericError",
    "StorageError",
    "OutOfMemoryError",
    "InternalError",
    "TrialPruned",
    "DuplicatedStudyError",
    "UpdateFinishedTrialError",
    "ExperimentalWarning",
]


class Status(enum.IntEnum):
    """The ``hone_status`` codes of the C API; the values come from the generated ``_abi.py``."""

    OK = _abi.HONE_OK
    INVALID_ARGUMENT = _abi.HONE_INVALID_ARGUMENT
    NOT_FOUND = _abi.HONE_NOT_FOUND
    STATE = _abi.HONE_STATE
    EXHAUSTED = _abi.HONE_EXHAUSTED
    NUMERIC = _abi.HONE_NUMERIC
    STORAGE = _abi.HONE_STORAGE
    OUT_OF_MEMORY = _abi.HONE_OUT_OF_MEMORY
    INTERNAL = _abi.HONE_INTERNAL


class HoneError(Exception):
    """Base class of the errors reported by the Hone library.

    Attributes:
        status: the :class:`Status` the library returned.
        message: the library's description of the problem.
    """

    status: Status = Status.INTERNAL

    def __init__(self, message: str, status: Optional[Status] = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status

    def __str__(self) -> str:
        # KeyError (a base of NotFoundError) would otherwise print the message quoted.
        return self.message


class InvalidArgumentError(HoneError, ValueError):
    """An argument is invalid: out of range, malformed, an unknown option key..."""

    status = Status.INVALID_ARGUMENT


class NotFoundError(HoneError, KeyError):
    """The named trial does not exist, or no trial is complete yet."""

    status = Status.NOT_FOUND


class StateError(HoneError, RuntimeError):
    """The call is not allowed in the current state, e.g. telling a finished trial."""

    status = Status.STATE


class ExhaustedError(HoneError):
    """The sampler has nothing left to propose (a fully visited grid)."""

    status = Status.EXHAUSTED


class NumericError(HoneError, ArithmeticError):
    """A numerical routine failed."""

    status = Status.NUMERIC


class StorageError(HoneError, RuntimeError):
    """The storage backend failed, or holds what Hone never writes.

    A database that is not a Hone storage, that a newer Hone wrote, or whose rows
    are damaged (a hand-edited file, say) raises this error naming the row, and is
    left unmodified. It is a ``RuntimeError``, as Optuna's ``RDBStorage`` raises for
    a storage it cannot use, and never a ``ValueError``: the caller's arguments
    were fine.
    """

    status = Status.STORAGE


class OutOfMemoryError(HoneError, MemoryError):
    """The library could not allocate memory."""

    status = Status.OUT_OF_MEMORY


class InternalError(HoneError):
    """An internal error: a bug in Hone."""

    status = Status.INTERNAL


class _NoCompletedTrialsError(NotFoundError, ValueError):
    """No trial is COMPLETE yet: a NotFoundError that is also the ValueError
    Optuna raises from ``best_trial`` and ``best_value``."""


class TrialPruned(Exception):
    """Raise from an objective function to stop the trial as PRUNED.

    Like ``optuna.TrialPruned``: :meth:`hone.Study.optimize` catches it and tells
    the trial PRUNED, keeping its last reported intermediate value.
    """


class DuplicatedStudyError(InvalidArgumentError):
    """A study of that name already exists in the storage; ``load_if_exists=True`` opens it.

    Optuna's exception of the same name; it is an :class:`InvalidArgumentError`,
    the library's status for the case, and so a ``ValueError``.
    """


class UpdateFinishedTrialError(StateError, ValueError):
    """The trial is already finished, so it cannot change.

    Optuna's exception of the same name, which is a ``ValueError``; here it is
    also the library's :class:`StateError`.
    """


class ExperimentalWarning(Warning):
    """Warned when a feature that may change without notice is used, as Optuna does."""


_BY_STATUS = {
    cls.status: cls
    for cls in (
        InvalidArgumentError,
        NotFoundError,
        StateError,
        ExhaustedError,
        NumericError,
        StorageError,
        OutOfMemoryError,
        InternalError,
    )
}


def _error_for(status: int, message: str) -> HoneError:
    """The exception for a non-OK status."""
    try:
        return _BY_STATUS[Status(status)](message, Status(status))
    except (ValueError, KeyError):
        # A newer library may return a status this package does not know yet.
        return InternalError(f"unknown status {status}: {message}")
