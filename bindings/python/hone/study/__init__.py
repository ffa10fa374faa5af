"""Studies: :func:`create_study` and :class:`Study`, with Optuna's names and contracts.

Laid out as Optuna's ``optuna.study`` package: ``study.py`` holds the
:class:`Study` class and the functions that create, load, copy, delete and list
studies; ``_callbacks.py`` :class:`MaxTrialsCallback`; ``_optimize.py`` the loop behind :meth:`Study.optimize` with each
trial's heartbeat; ``_dataframe.py`` :meth:`Study.trials_dataframe` and
:meth:`Study.export`; ``_study_direction.py`` and ``_study_summary.py`` the
small types of the same names.
"""

from ._callbacks import MaxTrialsCallback
from ._study_direction import StudyDirection
from ._study_summary import StudySummary
from .study import (
    Study,
    copy_study,
    create_study,
    delete_study,
    get_all_study_names,
    get_all_study_summaries,
    load_study,
)

__all__ = [
    "MaxTrialsCallback",
    "StudyDirection",
    "Study",
    "StudySummary",
    "create_study",
    "load_study",
    "delete_study",
    "copy_study",
    "get_all_study_summaries",
    "get_all_study_names",
]
