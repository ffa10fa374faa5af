"""The exact hypervolume of a set of points, for minimization, as Optuna computes it.

``hone.hypervolume(points, reference_point)`` takes the place of
``optuna._hypervolume.compute_hypervolume(loss_vals, reference_point)``: the
volume of the union of the boxes from each point to the reference, over the
points below the reference in every objective. Points that are not, dominated
points and duplicates add nothing. The library measures 1, 2 and 3 objectives
in O(n log n) and 4 or more with WFG (``hone_hypervolume`` in ``hone.h``).
"""

from __future__ import annotations

from ctypes import POINTER, byref, c_double
from typing import Any, Tuple

from ._abi import hone_array
from ._lib import _check, unconverted
from .mlp import _array, _need_numpy, np

__all__ = ["hypervolume"]

# Called with its arguments already of the declared types (see unconverted).
_FLOAT64 = None if np is None else np.dtype(np.float64)
_HYPERVOLUME = unconverted("hone_hypervolume", [POINTER(c_double), POINTER(hone_array), POINTER(hone_array)])


def _normalized(points: Any, reference_point: Any) -> Tuple[Any, Any]:
    """Points (2-D, at least one row) and reference (1-D) as C-contiguous arrays.

    float32 stays float32, anything else becomes float64.
    """
    p = np.asarray(points)
    r = np.asarray(reference_point)
    if p.ndim != 2:
        raise ValueError(f"points must be a 2-D array of n points × m objectives, got shape {p.shape}")
    if r.ndim != 1 or r.shape[0] != p.shape[1] or r.shape[0] < 1:
        raise ValueError(f"reference_point must have shape ({p.shape[1]},) to fit points {p.shape}, got {r.shape}")
    dtype = np.float32 if p.dtype == np.float32 else np.float64
    p = np.ascontiguousarray(p, dtype=dtype)
    r_dtype = np.float32 if r.dtype == np.float32 else np.float64
    r = np.ascontiguousarray(r, dtype=r_dtype)
    if p.shape[0] == 0:
        # A descriptor has at least one row: measure the reference alone, which
        # checks it as any call would and adds nothing, being no point below itself.
        p = r.reshape(1, -1)
    return p, r


def hypervolume(points: Any, reference_point: Any) -> float:
    """The hypervolume that ``points`` dominate, bounded by ``reference_point``, for minimization.

    Args:
        points: an array-like of shape ``(n, m)``: n points of m objectives, to be
            minimized. float32 values travel as they are, anything else as float64.
        reference_point: an array-like of shape ``(m,)``, finite.

    Returns:
        The hypervolume, ``>= 0``; ``inf`` when a point has ``-inf`` in an objective
        and is below the reference in the others, or the volume exceeds the largest float.

    Raises:
        ValueError: on a bad shape, a NaN, or a reference that is not finite
            (:class:`hone.InvalidArgumentError`, a ValueError, from the library).
    """
    _need_numpy()
    p, r = points, reference_point
    # The common call, float64 arrays as NumPy makes them, skips the conversions,
    # whose code is cold in a loop that does other work between calls.
    if not (
        type(p) is np.ndarray
        and type(r) is np.ndarray
        and p.dtype is _FLOAT64
        and r.dtype is _FLOAT64
        and p.ndim == 2
        and r.ndim == 1
        and p.shape[0] > 0
        and p.shape[1] == r.shape[0] > 0
        and p.flags.c_contiguous
        and r.flags.c_contiguous
    ):
        p, r = _normalized(points, reference_point)
    out = c_double()
    pa = _array(p)
    ra = _array(r, 1, r.shape[0])
    status = _HYPERVOLUME(byref(out), byref(pa), byref(ra))
    if status:
        _check(status)
    return out.value
