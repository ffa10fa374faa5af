"""Hone: hyperparameter tuning with Optuna's API over a native engine.

The tuning engine is ``libhone.so``, loaded through ctypes; this package mirrors
Optuna's names::

    import hone

    study = hone.create_study(direction="minimize", sampler=hone.samplers.QMCSampler(seed=0))
    study.optimize(lambda t: (t.suggest_float("x", -5, 5) - 1) ** 2, n_trials=64)
    print(study.best_value, study.best_params)

Set ``HONE_LIBRARY`` to load a libhone.so other than the one installed with the
package; its version must equal :data:`__version__`.

Importing hone loads OpenBLAS with the kernel that fits the CPU; see
:func:`blas_info`. Import hone before numpy or anything else that loads the
system ``libopenblas.so.0`` (Debian's python3-numpy does): a copy already loaded
keeps the kernel it chose, and ``blas_info()["kernel_source"]`` then says
``"preloaded"``. A user's ``OPENBLAS_CORETYPE`` always wins.
"""

# First, before hone.mlp imports numpy.
from ._blas import blas_info  # isort: skip
from . import distributions, exceptions, mlp, pruners, samplers, storages, study, trial
from ._hypervolume import hypervolume
from ._version import __version__
from .exceptions import (
    ExhaustedError,
    HoneError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    NumericError,
    OutOfMemoryError,
    StateError,
    StorageError,
    DuplicatedStudyError,
    ExperimentalWarning,
    TrialPruned,
    UpdateFinishedTrialError,
)
from .study import (
    Study,
    StudyDirection,
    StudySummary,
    copy_study,
    create_study,
    delete_study,
    get_all_study_names,
    get_all_study_summaries,
    load_study,
)
from .trial import FrozenTrial, Trial, TrialState, create_trial

__all__ = [
    "__version__",
    "blas_info",
    "hypervolume",
    "create_study",
    "load_study",
    "delete_study",
    "copy_study",
    "get_all_study_summaries",
    "get_all_study_names",
    "StudySummary",
    "Study",
    "StudyDirection",
    "Trial",
    "FrozenTrial",
    "TrialState",
    "create_trial",
    "TrialPruned",
    "DuplicatedStudyError",
    "UpdateFinishedTrialError",
    "ExperimentalWarning",
    "HoneError",
    "InvalidArgumentError",
    "NotFoundError",
    "StateError",
    "ExhaustedError",
    "NumericError",
    "StorageError",
    "OutOfMemoryError",
    "InternalError",
    "distributions",
    "exceptions",
    "mlp",
    "pruners",
    "samplers",
    "storages",
    "study",
    "trial",
]
