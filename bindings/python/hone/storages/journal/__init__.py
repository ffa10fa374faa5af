"""Journal storages, with Optuna's names: :class:`JournalStorage` over a :class:`JournalFileBackend`.

The native library reads and appends the journal, and locks the file itself.
"""

from ._base import BaseJournalBackend
from ._file import JournalFileBackend, JournalFileOpenLock, JournalFileSymlinkLock
from ._storage import JournalStorage

__all__ = [
    "JournalFileBackend",
    "BaseJournalBackend",
    "JournalFileOpenLock",
    "JournalFileSymlinkLock",
    "JournalStorage",
]
