"""A journal in a file, and Optuna's lock objects for it."""

from __future__ import annotations

import os
from typing import Optional, Union

from ._base import BaseJournalBackend


class BaseJournalFileLock:
    """The base class of the journal file lock objects; see :class:`JournalFileBackend`."""

    def __init__(self, filepath: str, grace_period: Optional[int] = 30) -> None:
        if grace_period is not None and not grace_period > 0:
            raise ValueError(f"grace_period must be None or > 0, got {grace_period}")
        self._lock_target_file = filepath
        self.grace_period = grace_period


class JournalFileSymlinkLock(BaseJournalFileLock):
    """Optuna's lock through a symbolic link, accepted for compatibility.

    Hone's library locks the journal file itself (``flock``) around every read
    and append, so this object takes no lock; it only checks its arguments.
    """


class JournalFileOpenLock(BaseJournalFileLock):
    """Optuna's lock through ``open(O_EXCL)``, accepted for compatibility.

    Hone's library locks the journal file itself (``flock``) around every read
    and append, so this object takes no lock; it only checks its arguments.
    """


class JournalFileBackend(BaseJournalBackend):
    """A journal kept in the file ``file_path``, as Optuna's ``JournalFileBackend``.

    Pass it to :class:`~hone.storages.JournalStorage`. The path is made absolute
    now, against the current directory, and the library creates the file at the
    first write. Processes that share the file share its studies.

    Args:
        file_path: the journal file.
        lock_obj: a :class:`JournalFileSymlinkLock` or :class:`JournalFileOpenLock`,
            accepted for Optuna compatibility: the library locks the file with
            ``flock`` itself, which works wherever Optuna's default lock does,
            except on file systems without ``flock`` (some NFS setups).
    """

    def __init__(
        self, file_path: Union[str, "os.PathLike[str]"], lock_obj: Optional[BaseJournalFileLock] = None
    ) -> None:
        path = os.fspath(file_path)
        if not isinstance(path, str):
            raise TypeError(f"file_path must be a str or a path, not {type(path).__name__}")
        if not path:
            raise ValueError("file_path must not be empty")
        if lock_obj is not None and not isinstance(lock_obj, BaseJournalFileLock):
            raise TypeError(
                "lock_obj must be a hone.storages.journal.JournalFileSymlinkLock or JournalFileOpenLock, "
                f"not {type(lock_obj).__name__}"
            )
        self._file_path = os.path.abspath(path)
        self._lock = lock_obj

    def __repr__(self) -> str:
        return f"<hone.storages.journal.JournalFileBackend {self._file_path!r}>"
