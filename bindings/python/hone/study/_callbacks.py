"""Callbacks for :meth:`hone.Study.optimize`: :class:`MaxTrialsCallback`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Container, Optional

from ..trial import FrozenTrial, TrialState

if TYPE_CHECKING:  # pragma: no cover
    from .study import Study

__all__ = ["MaxTrialsCallback"]


class MaxTrialsCallback:
    """Stops the optimization once the study holds ``n_trials`` trials in ``states``, as Optuna's.

    Unlike ``optimize``'s own ``n_trials``, this counts every trial of the study,
    including those of other workers and processes sharing its storage. With
    ``states=None``, trials in every state count.
    """

    def __init__(self, n_trials: int, states: Optional[Container[TrialState]] = (TrialState.COMPLETE,)) -> None:
        self._n_trials = n_trials
        self._states = states

    def __call__(self, study: "Study", trial: FrozenTrial) -> None:
        if len(study.get_trials(deepcopy=False, states=self._states)) >= self._n_trials:  # type: ignore[arg-type]
            study.stop()
