"""An in-memory storage that several studies of the process share."""

from __future__ import annotations

import ctypes
import uuid
from ctypes import c_void_p

from .._handle import _Handle
from .._lib import LIB, _check, encode
from ._base import BaseStorage


class InMemoryStorage(BaseStorage, _Handle):
    """A storage in this process's memory, as Optuna's ``InMemoryStorage``.

    Every study created or loaded with this object shares its studies and
    trials, so ``load_study(study_name=..., storage=storage)`` finds a study that
    ``create_study(..., storage=storage)`` made::

        storage = hone.storages.InMemoryStorage()
        hone.create_study(storage=storage, study_name="a")
        study = hone.load_study(study_name="a", storage=storage)

    The object owns a library handle on a fresh ``memory://NAME`` storage (a
    unique name). The data lives as long as this object or any study using it:
    :meth:`close` (or leaving a ``with`` block, or garbage collection) only
    drops this object's hold, and studies already open keep working. A closed
    storage cannot open new studies (:class:`hone.StateError`). Nothing is
    written to disk, and other processes cannot see it.
    """

    def __init__(self) -> None:
        name = f"memory://hone-{uuid.uuid4().hex}"
        handle = c_void_p()
        _check(LIB.hone_storage_open(ctypes.byref(handle), encode(name, "url")))
        super().__init__(handle, LIB.hone_storage_close)
        self._name = name

    def _closed_message(self) -> str:
        return "the InMemoryStorage is closed"

    def _url(self) -> str:
        self._h()
        return self._name

    def __repr__(self) -> str:
        state = "closed" if self._handle is None else self._name
        return f"<hone.storages.InMemoryStorage {state}>"
