"""The BLAS Hone runs on, and loading it when hone is imported.

Importing this module loads OpenBLAS through ``libhone.so``, which first names
the kernel that fits the CPU. ``hone/__init__.py`` imports it before anything
that may import numpy: Debian's python3-numpy links the same system
``libopenblas.so.0``, and a copy already loaded keeps the kernel it chose.
"""

from __future__ import annotations

import ctypes
import json
from typing import Any, Dict

from . import _lib
from .exceptions import StateError


def blas_info() -> Dict[str, Any]:
    """The BLAS Hone runs on, as a dict.

    Keys: ``library`` and ``lapacke`` (the files loaded), ``lapacke_error``,
    ``version`` and ``config`` (``openblas_get_config()``), ``kernel``
    (``openblas_get_corename()``), ``kernel_source`` (``"hone"``, ``"user"`` for
    ``OPENBLAS_CORETYPE``, ``"openblas"`` when Hone chose nothing, or
    ``"preloaded"`` when OpenBLAS was in the process before Hone),
    ``requested_kernel``, ``requested_kernel_took``, ``threads`` and ``cpu``
    (``vendor``, ``features``, ``os_avx_state``, ``os_avx512_state``).
    Raises :class:`~hone.exceptions.StateError` when OpenBLAS cannot be loaded.
    """
    out = ctypes.c_void_p()
    _lib._check(_lib.LIB.hone_blas_info(ctypes.byref(out)))
    return json.loads(_lib.take_string(out))


# Without an OpenBLAS, importing still works: only the calls that need BLAS raise.
try:
    blas_info()
except StateError:
    pass
