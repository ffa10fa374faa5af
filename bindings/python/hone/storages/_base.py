"""The common base of Hone's storage objects."""

from __future__ import annotations

from typing import Any, Dict


class BaseStorage:
    """The base class of Hone's storage objects: :class:`~hone.storages.InMemoryStorage`,
    :class:`~hone.storages.RDBStorage` and :class:`~hone.storages.JournalStorage`.

    A Hone storage object names a storage that the native library opens: each
    one resolves to a storage URL and the study options it adds (heartbeats).
    It does not expose Optuna's method-level storage API (``create_new_study``,
    ``get_all_trials``, ...), and it is not meant to be subclassed by users: a
    subclass cannot plug a new backend into the library, and passing one to
    :func:`hone.create_study` raises :class:`TypeError`.
    """

    def _url(self) -> str:
        """The URL the library opens."""
        raise TypeError(
            f"{type(self).__name__} is not one of Hone's storages: Hone's storages are "
            "InMemoryStorage, RDBStorage and JournalStorage, and a subclass of BaseStorage cannot add a backend"
        )

    def _options(self) -> Dict[str, Any]:
        """The study options this storage adds (heartbeats)."""
        return {}


class _URLStorage(BaseStorage):
    """A storage given as a URL string, as a study's ``_storage`` reports it."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _url(self) -> str:
        return self.url

    def __repr__(self) -> str:
        from ._split import _redacted

        return f"<hone.storages storage {_redacted(self.url)!r}>"
