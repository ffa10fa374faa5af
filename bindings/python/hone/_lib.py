"""Loading ``libhone.so`` and declaring its C API for ctypes.

The library is taken from ``$HONE_LIBRARY`` when that is set (and not empty),
else from ``hone/libhone.so``, the copy installed inside the package. Its
``hone_version()`` must equal :data:`hone.__version__`: a mismatched library is
refused with an :class:`ImportError` rather than called with signatures it may
not have.

Every exported function has its ``argtypes`` and ``restype`` declared from
``_abi.py``, which hone-headergen generates from the same Swift declarations as
``include/hone.h``, so a wrong argument fails in ctypes instead of corrupting
memory. The calls of every trial (ask and the numeric suggests) go through a
second object without argtypes (:func:`unconverted`), whose callers build each
argument as the declared type. ctypes releases the GIL during each call, and
the library serializes calls on a study, so Python threads may share one study.
"""

from __future__ import annotations

import ctypes
import os
import threading
from ctypes import c_char_p, c_void_p
from pathlib import Path
from typing import Dict, Optional

from . import _abi
from ._version import __version__
from .exceptions import _error_for

LIBRARY_NAME = "libhone.so"
ENV_VAR = "HONE_LIBRARY"

def find_library() -> Path:
    """The path of the library to load; raises ImportError when there is none."""
    given = os.environ.get(ENV_VAR)
    if given:
        path = Path(given).expanduser()
        if not path.is_file():
            raise ImportError(f"hone: {ENV_VAR}={given} names no file")
        return path
    path = Path(__file__).resolve().parent / LIBRARY_NAME
    if not path.is_file():
        raise ImportError(
            f"hone: {path} is missing; install the package with pip (which builds "
            f"libhone.so) or set {ENV_VAR} to a built libhone.so"
        )
    return path


def load_library(path: Path, expected_version: Optional[str] = None) -> ctypes.CDLL:
    """Loads the library at ``path``, checks its version and declares its functions."""
    expected = __version__ if expected_version is None else expected_version
    try:
        lib = ctypes.CDLL(str(path))
    except OSError as e:
        raise ImportError(f"hone: cannot load {path}: {e}") from e
    # The version comes first: an older or newer library may lack functions, and
    # a version mismatch is the clearer message.
    if not hasattr(lib, "hone_version"):
        raise ImportError(f"hone: {path} is not a Hone library (it has no hone_version)")
    lib.hone_version.restype = c_char_p
    lib.hone_version.argtypes = []
    version = lib.hone_version().decode("utf-8")
    if version != expected:
        raise ImportError(
            f"hone: version mismatch: the Python package is {expected} but {path} is "
            f"{version}; reinstall the package, or point {ENV_VAR} at a libhone.so "
            f"of version {expected}"
        )
    missing = [name for name in _abi.FUNCTIONS if not hasattr(lib, name)]
    if missing:
        raise ImportError(f"hone: {path} lacks the functions {', '.join(missing)}")
    for name, (restype, argtypes) in _abi.FUNCTIONS.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib


LIB_PATH: Path = find_library()
LIB: ctypes.CDLL = load_library(LIB_PATH)


def unconverted(name: str, argtypes: list) -> "ctypes._CFuncPtr":
    """A second function object for ``name`` with its ``restype`` but no ``argtypes``, for the hottest calls.

    With ``argtypes`` ctypes runs every argument through ``from_param`` at each
    call, which costs as much as the call itself for ``hone_trial_suggest_float``'s
    eight arguments. A caller of this object passes arguments already of the
    ABI's ctypes types (``c_int64``, ``c_double``, ``c_bool``, ``bytes`` for
    ``c_char_p``, the handle's ``c_void_p``), which ctypes passes as they are.
    ``argtypes`` names the types the caller builds: they must be those of
    ``_abi.FUNCTIONS``, the one declaration of the ABI, or the import fails, so
    a change of the C signature cannot go unnoticed here.
    """
    restype, declared = _abi.FUNCTIONS[name]
    if list(argtypes) != list(declared):
        raise ImportError(f"hone: the fast path of {name} passes {argtypes}, but the ABI declares {declared}")
    fn = LIB._FuncPtr((name, LIB))
    fn.restype = restype
    return fn


# The exception a user-defined sampler or pruner raised on this thread, for the call that ran it.
_PENDING = threading.local()


def _check(status: int) -> None:
    """Raises the exception mapped from a non-OK status, with the library's message.

    When a user-defined sampler's or pruner's method failed the call, its own
    exception is raised instead, with the library's error as its context.
    """
    if status != 0:
        message = LIB.hone_last_error().decode("utf-8", errors="replace")
        error = _error_for(status, message or LIB.hone_status_string(status).decode("utf-8"))
        pending = getattr(_PENDING, "error", None)
        if pending is not None:
            _PENDING.error = None
            raise pending from error
        raise error


def take_string(p: c_void_p) -> str:
    """The text of a ``char *`` the library handed over; releases it with ``hone_free``."""
    try:
        return ctypes.string_at(p.value).decode("utf-8")
    finally:
        LIB.hone_free(p)


_ENCODED: Dict[str, bytes] = {}


def encode(text: str, what: str) -> bytes:
    """UTF-8 bytes for a C string argument.

    Parameter names repeat in every trial, so their bytes are kept: encoding and
    checking them again costs a noticeable share of a suggest call.
    """
    cached = _ENCODED.get(text) if type(text) is str else None
    if cached is not None:
        return cached
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__}")
    if "\0" in text:
        raise ValueError(f"{what} must not contain NUL characters")
    data = text.encode("utf-8")
    if len(_ENCODED) < 4096:
        _ENCODED[text] = data
    return data
