"""A storage that keeps every change as a line of a journal."""

from __future__ import annotations

from ._base import BaseJournalBackend
from ._file import JournalFileBackend
from .._base import BaseStorage


class JournalStorage(BaseStorage):
    """A storage kept as an append-only journal, as Optuna's ``JournalStorage``::

        storage = hone.storages.JournalStorage(hone.storages.journal.JournalFileBackend("study.log"))

    The library reads and writes the journal; this object names it by the URL
    ``journal:///`` followed by the file's absolute path (``journal:////tmp/a.log``),
    which a storage argument may also give as a string.

    Args:
        log_storage: a :class:`~hone.storages.journal.JournalFileBackend`.
    """

    def __init__(self, log_storage: BaseJournalBackend) -> None:
        if not isinstance(log_storage, JournalFileBackend):
            raise TypeError(
                "JournalStorage takes a hone.storages.journal.JournalFileBackend: Hone's library writes the "
                f"journal itself, so a {type(log_storage).__name__} cannot be its backend"
            )
        self._backend = log_storage

    def _url(self) -> str:
        return "journal:///" + self._backend._file_path

    def __repr__(self) -> str:
        return f"<hone.storages.JournalStorage {self._url()!r}>"
