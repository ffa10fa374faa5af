"""A study as a storage listing describes it: :class:`StudySummary`."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional, Sequence

from ..trial import FrozenTrial
from ._study_direction import StudyDirection

__all__ = ["StudySummary"]


def _local_datetime(iso: str) -> "datetime.datetime":
    """A naive local time from the library's ISO 8601 UTC text, as Optuna reports times."""
    moment = datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone().replace(tzinfo=None)


class StudySummary:
    """A study as a storage listing describes it, with Optuna's ``StudySummary`` fields."""

    def __init__(
        self,
        study_name: str,
        direction: Optional[StudyDirection],
        best_trial: Optional[FrozenTrial],
        user_attrs: Dict[str, Any],
        system_attrs: Dict[str, Any],
        n_trials: int,
        datetime_start: Optional["datetime.datetime"],
        study_id: int,
        *,
        directions: Optional[Sequence[StudyDirection]] = None,
    ) -> None:
        if (direction is None) == (directions is None):
            raise ValueError("give exactly one of direction and directions")
        self.study_name = study_name
        self._directions = list(directions) if directions is not None else [direction]
        self.best_trial = best_trial
        self.user_attrs = user_attrs
        self.system_attrs = system_attrs
        self.n_trials = n_trials
        self.datetime_start = datetime_start
        self._study_id = study_id

    @property
    def direction(self) -> StudyDirection:
        """The direction of a single-objective study; RuntimeError otherwise, as in Optuna."""
        if len(self._directions) > 1:
            raise RuntimeError(
                "This attribute is not available during multi-objective optimization. "
                "Consider using StudySummary.directions instead."
            )
        return self._directions[0]

    @property
    def directions(self) -> List[StudyDirection]:
        """One direction per objective."""
        return list(self._directions)

    def __repr__(self) -> str:
        return f"<hone.StudySummary {self.study_name!r} n_trials={self.n_trials}>"

