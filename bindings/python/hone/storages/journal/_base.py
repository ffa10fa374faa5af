"""The base class of journal backends."""

from __future__ import annotations


class BaseJournalBackend:
    """The base class of journal backends, as Optuna's.

    Hone's journal is written by the native library, so the one backend it
    takes is :class:`~hone.storages.journal.JournalFileBackend`; a backend of
    your own (Optuna's ``read_logs`` and ``append_logs``) cannot be plugged in,
    and :class:`~hone.storages.JournalStorage` refuses it with :class:`TypeError`.
    """
