"""The ownership of a library handle, shared by studies and models."""

from __future__ import annotations

import threading
from ctypes import c_void_p
from typing import Any, Callable, Optional

from .exceptions import StateError


class _Handle:
    """Owns one library handle, released once: by :meth:`close`, a ``with`` block, or garbage collection."""

    def __init__(self, handle: c_void_p, destroy: Callable[[c_void_p], None]) -> None:
        self._handle: Optional[c_void_p] = handle
        # Bound here so that __del__ still works while the interpreter tears modules down.
        self._destroy = destroy
        self._close_lock = threading.Lock()

    def _closed_message(self) -> str:
        return f"the {type(self).__name__.lower()} is closed"

    def _h(self) -> c_void_p:
        """The live handle; StateError once closed."""
        handle = self._handle
        if handle is None:
            raise StateError(self._closed_message())
        return handle

    def close(self) -> None:
        """Releases the library's object; later calls raise :class:`hone.StateError`."""
        # Under a lock: a second destroy of a freed address could hit a newer object.
        with self._close_lock:
            handle, self._handle = self._handle, None
            if handle is not None:
                self._destroy(handle)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __del__(self) -> None:
        # __init__ may have failed before the handle existed.
        if getattr(self, "_handle", None) is not None:
            self.close()
