"""The loop behind :meth:`hone.Study.optimize`: trial slots, worker threads and each trial's heartbeat."""

from __future__ import annotations

import logging
import operator
import os
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Callable, Iterable, List, Optional, Sequence, Tuple, Type, Union

from .._lib import LIB
from ..exceptions import ExhaustedError, TrialPruned
from ..trial import FrozenTrial, Trial, TrialState

if TYPE_CHECKING:  # pragma: no cover
    from .study import Study

_logger = logging.getLogger("hone")

ObjectiveFuncType = Callable[[Trial], Union[float, Sequence[float]]]
CallbackType = Callable[["Study", FrozenTrial], None]


def _optimize(
    study: "Study",
    func: ObjectiveFuncType,
    n_trials: Optional[int],
    timeout: Optional[float],
    n_jobs: int,
    catch: Union[Iterable[Type[Exception]], Type[Exception]],
    callbacks: Optional[List[CallbackType]],
    show_progress_bar: bool,
) -> None:
    """Runs :meth:`hone.Study.optimize`, whose docstring gives the contract."""
    if study._stop_event is not None:
        raise RuntimeError("Nested optimization is not allowed.")
    catch = (catch,) if isinstance(catch, type) else tuple(catch)
    if n_trials is not None and operator.index(n_trials) < 0:
        raise ValueError(f"n_trials must be None or >= 0, got {n_trials}")
    n_jobs = (os.cpu_count() or 1) if n_jobs == -1 else operator.index(n_jobs)
    if n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive integer or -1, got {n_jobs}")
    if show_progress_bar:
        # stacklevel 3: the warning points at the caller of Study.optimize.
        warnings.warn("hone has no progress bar yet; show_progress_bar is ignored", stacklevel=3)
    stop = threading.Event()
    deadline = None if timeout is None else time.monotonic() + timeout
    slots = _TrialBudget(n_trials, deadline, stop)

    def worker() -> None:
        try:
            while slots.take():
                if n_jobs != 1:
                    # As Optuna, which runs each trial of a threaded optimize with a reseeded sampler.
                    study.sampler.reseed_rng()
                frozen = _run_trial(study, func, catch)
                if frozen is None:
                    stop.set()
                    return
                for callback in callbacks or ():
                    callback(study, frozen)
        except BaseException:
            stop.set()
            raise

    study._stop_event = stop
    try:
        if n_jobs == 1:
            worker()
        else:
            with ThreadPoolExecutor(max_workers=n_jobs, thread_name_prefix="hone-optimize") as pool:
                futures = [pool.submit(worker) for _ in range(n_jobs)]
                try:
                    for future in futures:
                        future.result()
                finally:
                    # Also on KeyboardInterrupt here: the workers finish their trial and quit.
                    stop.set()
    finally:
        study._stop_event = None


def _run_trial(
    study: "Study", func: ObjectiveFuncType, catch: Tuple[Type[Exception], ...]
) -> Optional[FrozenTrial]:
    """Runs one trial; None when the sampler has nothing left."""
    try:
        trial = study.ask()
    except ExhaustedError as e:
        _logger.info("Stopping: %s", e)
        return None
    beating = _heartbeat_thread(study, trial.number)
    try:
        result = func(trial)
    except TrialPruned as e:
        frozen = _finish(study, trial, None, TrialState.PRUNED, _logger.warning)
        _logger.info("Trial %d pruned. %s", trial.number, e)
        return frozen
    except Exception as e:
        frozen = _finish(study, trial, None, TrialState.FAIL, _logger.warning)
        _logger.warning(
            "Trial %d failed with parameters: %s because of the following error: %r.",
            trial.number,
            frozen.params,
            e,
            exc_info=True,
        )
        if isinstance(e, catch):
            return frozen
        raise
    except BaseException:
        # KeyboardInterrupt and the like: leave no trial RUNNING behind.
        _finish(study, trial, None, TrialState.FAIL, _logger.warning)
        raise
    finally:
        if beating is not None:
            beating.set()
    frozen = _finish(study, trial, result, None, _logger.warning)
    if frozen.state == TrialState.COMPLETE:
        _logger.info(
            "Trial %d finished with values: %s and parameters: %s.", frozen.number, frozen.values, frozen.params
        )
    return frozen


def _finish(
    study: "Study", trial: Trial, values: Any, state: Optional[TrialState], warn: Callable[[str], None]
) -> FrozenTrial:
    """Tells the trial and drops what the Trial object read of it before, also when telling raises."""
    try:
        return study._tell(trial.number, values, state, warn)
    finally:
        trial._changed()


def _heartbeat_thread(study: "Study", number: int) -> Optional[threading.Event]:
    """Records the trial's heartbeat every interval until the returned event is set, as Optuna does."""
    interval = study._heartbeat_interval
    if interval is None:
        return None
    done = threading.Event()
    handle = study._h()

    def beat() -> None:
        while not done.wait(interval):
            # The trial may finish between the wait and the call: that is a StateError, and the end.
            if LIB.hone_trial_heartbeat(handle, number) != 0:
                return

    threading.Thread(target=beat, name=f"hone-heartbeat-{number}", daemon=True).start()
    return done


class _TrialBudget:
    """Hands out trial slots to optimize workers until a limit is reached."""

    def __init__(self, n_trials: Optional[int], deadline: Optional[float], stop: threading.Event) -> None:
        self._left = n_trials
        self._deadline = deadline
        self._stop = stop
        self._lock = threading.Lock()

    def take(self) -> bool:
        """Whether another trial may start; counts it if so."""
        with self._lock:
            if self._stop.is_set() or self._left == 0:
                return False
            if self._deadline is not None and time.monotonic() >= self._deadline:
                return False
            if self._left is not None:
                self._left -= 1
            return True
