"""Training multilayer perceptrons with the library's MLP trainer (needs numpy).

::

    import hone

    model, history = hone.mlp.train(X, y, validation_data=(Xv, yv),
                                    task="multiclass", hidden_layers=[128], epochs=60)
    labels = model.predict(Xv)          # class labels (values for regression)
    probabilities = model.predict_proba(Xv)
    print(model.evaluate(Xv, yv)["accuracy"], history["status"])
    model.save("digits.mlp")
    again = hone.mlp.load("digits.mlp")

Features are a 2-D array of ``n_rows × n_features``. A float32 or float64
C-contiguous NumPy array is passed to the library as it is, through a
``hone_array`` descriptor (the library converts float64 once); anything else is
converted to float32 first. Targets hold one value per row: the target for
regression, or the integer class label for ``task="binary"`` or
``"multiclass"``; a 2-D array of ``n_rows × k`` trains k regression outputs.
float32, float64, int32 and int64 targets pass as they are (integers exactly,
or refused when float32 cannot hold them); other integer and boolean arrays
become int64, anything else float64.

The keyword arguments of :func:`train` are the keys of the library's MLP
configuration (``task``, ``hidden_layers``, ``activation``, ``optimizer``,
``learning_rate``, ``batch_size``, ``epochs``, ``weight_decay``, ``l1``,
``l2``, ``dropout``, ``momentum``, ``schedule``, ``warmup_epochs``,
``early_stopping_patience``, ``validation_fraction``, ``standardize``,
``seed``, ``threads``, ``metric``, ...; see ``hone_mlp_train`` in ``hone.h``
for the defaults). An unknown key or a bad value raises
:class:`hone.InvalidArgumentError` (a ``ValueError``) naming it.

Given a running :class:`hone.Trial`, training reports the monitored value (the
validation metric, or the training loss without validation) as the trial's
intermediate value at step = epoch (1, 2, ...) and asks the study's pruner after
every epoch. When the pruner says prune, :func:`train` raises
:class:`hone.TrialPruned`, so that :meth:`hone.Study.optimize` marks the trial
PRUNED. A diverged training (a NaN or infinite loss) is not an error: it returns
the best finite weights with ``history["status"] == "diverged"``.
"""

from __future__ import annotations

import ctypes
import json
import os
from ctypes import POINTER, c_double, c_void_p
from typing import Any, Dict, Optional, Tuple, Union

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy is needed only when hone.mlp is used
    np = None  # type: ignore[assignment]

from ._abi import HONE_FLOAT32, HONE_FLOAT64, HONE_INT32, HONE_INT64, hone_array
from ._handle import _Handle
from ._lib import LIB, _check, take_string
from .exceptions import InvalidArgumentError, TrialPruned
from .trial import Trial

__all__ = ["Model", "train", "load"]

PathLike = Union[str, "os.PathLike[str]"]


def _need_numpy() -> None:
    if np is None:
        raise ImportError("hone.mlp needs numpy: pip install numpy")


def _dtypes() -> Dict[type, int]:
    """The ``hone_dtype`` of each NumPy element type a ``hone_array`` can carry."""
    return {np.float32: HONE_FLOAT32, np.float64: HONE_FLOAT64, np.int32: HONE_INT32, np.int64: HONE_INT64}


def _features(X: Any, what: str) -> np.ndarray:
    """A 2-D C-contiguous float32 or float64 array, copied only when it must be.

    float32 and float64 C-contiguous arrays pass as they are; anything else
    becomes float32.
    """
    _need_numpy()
    a = np.asarray(X)
    if a.ndim != 2:
        raise ValueError(f"{what} must be a 2-D array of rows × features, got shape {a.shape}")
    if a.shape[0] < 1 or a.shape[1] < 1:
        raise ValueError(f"{what} must have at least one row and one feature, got shape {a.shape}")
    dtype = a.dtype.type if a.dtype in (np.float32, np.float64) else np.float32
    return np.ascontiguousarray(a, dtype=dtype)


def _target_dtype(a: np.ndarray) -> type:
    """The element type targets travel in: their own when a ``hone_array`` carries it.

    Other integers and booleans become int64, so labels stay exact; a uint64
    beyond int64 becomes float64 rather than wrapping; the rest float64.
    """
    if a.dtype.type in _dtypes():
        return a.dtype.type
    if a.dtype.kind in "bi" or (a.dtype.kind == "u" and a.dtype.itemsize < 8):
        return np.int64
    return np.float64


def _array(a: np.ndarray, rows: Optional[int] = None, cols: Optional[int] = None) -> hone_array:
    """The descriptor of C-contiguous ``a``: ``rows`` × ``cols``, by default its shape, a 1-D array one column.

    A writable array's address comes from ctypes' view of its buffer, which costs
    a fraction of building ``a.ctypes``; a read-only or empty one takes that slower way.
    """
    try:
        address = ctypes.addressof(ctypes.c_char.from_buffer(a))
    except (TypeError, ValueError):
        address = a.ctypes.data
    if rows is None or cols is None:
        rows, cols = a.shape[0], 1 if a.ndim == 1 else a.shape[1]
    return hone_array(address, _dtypes()[a.dtype.type], rows, cols)


def _targets(y: Any, rows: int, what: str, columns: Optional[int] = 1) -> np.ndarray:
    """C-contiguous targets: ``rows`` values, or ``rows × columns`` for several.

    ``columns=None`` accepts either a 1-D array or a 2-D one of any width.
    """
    a = np.asarray(y)
    if a.ndim == 2 and a.shape[1] == 1:
        a = a[:, 0]
    if a.ndim == 2 and columns != 1:
        if columns is not None and a.shape[1] != columns:
            raise ValueError(f"{what} has {a.shape[1]} targets per row; the model has {columns} outputs")
    elif a.ndim != 1:
        raise ValueError(f"{what} must be a 1-D array with one value per row, got shape {a.shape}")
    if a.shape[0] != rows:
        raise ValueError(f"{what} has {a.shape[0]} values for {rows} rows")
    return np.ascontiguousarray(a, dtype=_target_dtype(a))


def _ref(descriptor: Optional[hone_array]) -> Any:
    """The argument for a ``const hone_array *``: NULL for none."""
    return None if descriptor is None else ctypes.byref(descriptor)


def _json_default(o: Any) -> Any:
    """NumPy scalars and arrays in the configuration, as plain JSON values."""
    if isinstance(o, np.generic):
        return o.item()
    if isinstance(o, np.ndarray):
        return o.tolist()
    if isinstance(o, tuple):
        return list(o)
    raise TypeError(f"configuration value {o!r} of type {type(o).__name__} is not JSON")


class Model(_Handle):
    """A trained MLP: a library handle, released by :meth:`close`, a ``with`` block, or garbage collection.

    Obtained from :func:`train` or :func:`load`. A model never changes; threads may share one.
    """

    def __init__(self, handle: c_void_p) -> None:
        super().__init__(handle, LIB.hone_mlp_destroy)
        out = c_void_p()
        _check(LIB.hone_mlp_info_json(ctypes.byref(out), handle))
        info = json.loads(take_string(out))
        self._info: Dict[str, Any] = info

    def __repr__(self) -> str:
        return f"Model(task={self.task!r}, sizes={self.sizes})"

    @property
    def task(self) -> str:
        """``"regression"``, ``"binary"`` or ``"multiclass"``."""
        return self._info["task"]

    @property
    def activation(self) -> Union[str, list]:
        """The hidden activation, or a list with one per hidden layer when they differ."""
        return self._info["activation"]

    @property
    def sizes(self) -> list:
        """The layer widths, input first and output last."""
        return list(self._info["sizes"])

    @property
    def n_features(self) -> int:
        """The number of features per row the model takes."""
        return int(self._info["n_features"])

    @property
    def n_classes(self) -> int:
        """The number of classes (2 for binary), or 0 for regression."""
        return int(self._info["n_classes"])

    def _raw(self, X: Any) -> np.ndarray:
        """What ``hone_mlp_predict`` writes: values or class probabilities, ``rows × n_outputs``."""
        x = _features(X, "X")
        k = int(self._info["n_outputs"])
        out = np.empty((x.shape[0], k), dtype=np.float64)
        xa = _array(x)
        _check(LIB.hone_mlp_predict(out.ctypes.data_as(POINTER(c_double)), out.size, self._h(), ctypes.byref(xa)))
        return out

    def predict(self, X: Any) -> np.ndarray:
        """Predictions for the rows of ``X``.

        Regression: the predicted values, shape ``(rows,)`` for one output or
        ``(rows, outputs)``. Classification: the most probable class label per
        row, as int64.
        """
        out = self._raw(X)
        if self.task == "regression":
            return out[:, 0] if out.shape[1] == 1 else out
        return np.argmax(out, axis=1).astype(np.int64)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, shape ``(rows, n_classes)``, each row summing to 1.

        For a binary model the columns are P(0) and P(1). A regression model has
        none: :class:`hone.InvalidArgumentError`.
        """
        if self.task == "regression":
            raise InvalidArgumentError("a regression model has no class probabilities; use predict")
        return self._raw(X)

    def evaluate(self, X: Any, y: Any) -> Dict[str, float]:
        """The loss and the task's metrics on labelled rows.

        ``{"loss", "mse", "mae", "r2"}`` for regression; ``{"loss", "accuracy",
        "precision", "recall", "f1", "log_loss"}`` and, when every class is
        present, ``"roc_auc"`` for classification.
        """
        x = _features(X, "X")
        t = _targets(y, x.shape[0], "y", int(self._info["n_outputs"]) if self.task == "regression" else 1)
        xa, ta = _array(x), _array(t)
        out = c_void_p()
        _check(LIB.hone_mlp_evaluate(ctypes.byref(out), self._h(), ctypes.byref(xa), ctypes.byref(ta)))
        return {k: float(v) for k, v in json.loads(take_string(out)).items()}

    def save(self, path: PathLike) -> None:
        """Writes the model to ``path`` in the library's versioned binary format."""
        _check(LIB.hone_mlp_save(self._h(), os.fsencode(path)))


def load(path: PathLike) -> Model:
    """Loads a model written by :meth:`Model.save`.

    A missing or unreadable file raises :class:`hone.StorageError`; a truncated or
    corrupt one :class:`hone.InvalidArgumentError`, naming the problem.
    """
    handle = c_void_p()
    _check(LIB.hone_mlp_load(ctypes.byref(handle), os.fsencode(path)))
    return Model(handle)


def train(
    X: Any,
    y: Any,
    validation_data: Optional[Tuple[Any, Any]] = None,
    trial: Optional[Trial] = None,
    **config: Any,
) -> Tuple[Model, Dict[str, Any]]:
    """Trains an MLP on ``X`` and ``y``; returns the model and the training history.

    Args:
        X: the features, ``rows × features``.
        y: one target (regression) or integer class label (classification) per row;
            for multi-output regression, a 2-D array of ``rows × targets``.
        validation_data: ``(X_val, y_val)``, watched by early stopping, reported to
            ``trial`` and recorded in the history.
        trial: a running :class:`hone.Trial` to report to each epoch; its pruner may
            stop training, which raises :class:`hone.TrialPruned`.
        **config: the MLP configuration keys.

    Returns:
        ``(model, history)``; ``history`` is a dict: ``status`` ("completed",
        "early_stopped", "time_budget" or "diverged"), ``epochs``, ``best_epoch``,
        ``best_value``, ``message`` (why it diverged, or None) and ``history``, one
        dict per epoch with ``epoch``, ``train_loss``, ``learning_rate``,
        ``monitored`` and ``validation`` (the validation metrics, or None).
    """
    x = _features(X, "X")
    rows, cols = x.shape
    t = _targets(y, rows, "y", None)
    targets = 1 if t.ndim == 1 else t.shape[1]
    xv = tv = None
    if validation_data is not None:
        try:
            Xv, yv = validation_data
        except (TypeError, ValueError):
            raise ValueError("validation_data must be a pair (X_val, y_val)") from None
        xv = _features(Xv, "X_val")
        if xv.shape[1] != cols:
            raise ValueError(f"X_val has {xv.shape[1]} features, X has {cols}")
        tv = _targets(yv, xv.shape[0], "y_val", targets)
    study_handle = None
    number = 0
    if trial is not None:
        if not isinstance(trial, Trial):
            raise TypeError(f"trial must be a hone.Trial, not {type(trial).__name__}")
        study_handle = trial.study._h()
        number = trial.number
    text = json.dumps(config, default=_json_default, allow_nan=False).encode()
    handle = c_void_p()
    result = c_void_p()
    # The arrays stay referenced by x, t, xv and tv until the call returns.
    xa, ta = _array(x), _array(t)
    xva = None if xv is None else _array(xv)
    tva = None if tv is None else _array(tv)
    _check(LIB.hone_mlp_train(
        ctypes.byref(handle), ctypes.byref(result), ctypes.byref(xa), ctypes.byref(ta), _ref(xva), _ref(tva),
        text, study_handle, number))
    model = Model(handle)
    history = json.loads(take_string(result))
    if history["status"] == "pruned":
        model.close()
        raise TrialPruned(f"trial {number} pruned at epoch {history['epochs']}")
    return model, history
