"""The direction of an objective: :class:`StudyDirection`."""

import enum

__all__ = ["StudyDirection"]


class StudyDirection(enum.IntEnum):
    """The direction of an objective, with Optuna's values."""

    NOT_SET = 0
    MINIMIZE = 1
    MAXIMIZE = 2

