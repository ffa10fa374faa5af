"""The :class:`Study` class and the functions that create, load, copy, delete and list studies."""

from __future__ import annotations

import ctypes
import json
import math
import operator
import os
import threading
import warnings
from ctypes import POINTER, c_double, c_int32, c_int64, c_size_t, c_void_p
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Type, Union

from .. import _callbacks
from .._handle import _Handle
from .._lib import LIB, _check, encode, take_string, unconverted
from ..distributions import BaseDistribution, _choice_key, _plain_choice
from ..exceptions import (
    DuplicatedStudyError,
    InvalidArgumentError,
    NotFoundError,
    StateError,
    UpdateFinishedTrialError,
    _NoCompletedTrialsError,
)
from ..pruners import BasePruner, MedianPruner
from ..samplers import BaseSampler, TPESampler, _constraints_func_of
from ..storages import BaseStorage, InMemoryStorage, RDBStorage, _split, _URLStorage
from ..trial import FrozenTrial, Trial, TrialState, _frozen_from_json, _LazyFrozenTrial, _trial_json
from ._dataframe import _export, _trials_dataframe
from ._optimize import CallbackType, ObjectiveFuncType, _optimize
from ._study_direction import StudyDirection
from ._study_summary import StudySummary, _local_datetime

__all__ = [
    "Study",
    "create_study",
    "load_study",
    "delete_study",
    "copy_study",
    "get_all_study_summaries",
    "get_all_study_names",
]

StorageType = Union[None, str, BaseStorage]


def create_study(
    *,
    storage: StorageType = None,
    sampler: Optional[BaseSampler] = None,
    pruner: Optional[BasePruner] = None,
    study_name: Optional[str] = None,
    direction: Union[str, StudyDirection, None] = None,
    load_if_exists: bool = False,
    directions: Optional[Sequence[Union[str, StudyDirection]]] = None,
) -> "Study":
    """Creates a new study, as ``optuna.create_study`` does.

    Args:
        storage: a storage object (:class:`hone.storages.InMemoryStorage`,
            :class:`~hone.storages.RDBStorage`, :class:`~hone.storages.JournalStorage`)
            or a URL such as ``"sqlite:///study.db"``; None (default) is a new
            :class:`~hone.storages.InMemoryStorage`, which ``study._storage``
            gives. See :mod:`hone.storages`.
        sampler: a sampler from :mod:`hone.samplers`; default
            :class:`~hone.samplers.TPESampler` with a random seed, as in Optuna.
        pruner: a pruner from :mod:`hone.pruners`; default
            :class:`~hone.pruners.MedianPruner`, as in Optuna (the C and Swift
            APIs default to no pruning). It only acts when the objective calls
            :meth:`hone.Trial.should_prune`.
        study_name: a name; default: one is generated.
        direction: ``"minimize"`` (default) or ``"maximize"``.
        load_if_exists: load the study named ``study_name`` if the storage has
            one (its stored directions win); otherwise an existing name raises
            :class:`hone.InvalidArgumentError`.
        directions: one direction per objective, for a multi-objective study;
            excludes ``direction``.
    """
    sampler, pruner = _sampler_and_pruner(sampler, pruner)
    if storage is None:
        # As in Optuna: the study's own in-memory storage, which its _storage names for load_study.
        storage = InMemoryStorage()
    url, extra = _split(storage)
    options: Dict[str, Any] = {
        "sampler": None if _callbacks.is_user_sampler(sampler) else sampler._to_spec(),
        "pruner": None if _callbacks.is_user_pruner(pruner) else pruner._to_spec(),
        "storage": url,
        "load_if_exists": bool(load_if_exists),
        **extra,
    }
    if study_name is not None:
        options["name"] = study_name
    if direction is not None:
        options["direction"] = _direction_name(direction)
    if directions is not None:
        options["directions"] = [_direction_name(d) for d in directions]
    hooks = _user_hooks(options, sampler, pruner)
    handle = c_void_p()
    try:
        if hooks is None:
            _check(LIB.hone_study_create(ctypes.byref(handle), json.dumps(options).encode()))
        else:
            _check(LIB.hone_study_create_with(ctypes.byref(handle), json.dumps(options).encode(), *hooks[:2]))
    except InvalidArgumentError as e:
        if study_name is not None and url not in (None, "memory") and not load_if_exists:
            if any(s.study_name == study_name for s in get_all_study_summaries(storage, include_best_trial=False)):
                raise DuplicatedStudyError(
                    f"{e.message}; pass load_if_exists=True to open it", e.status
                ) from None
        raise
    return _attached(Study(handle, sampler, pruner, extra.get("heartbeat_interval"), _storage_object(storage)), hooks)


def load_study(
    *,
    study_name: Optional[str],
    storage: Union[str, BaseStorage],
    sampler: Optional[BaseSampler] = None,
    pruner: Optional[BasePruner] = None,
) -> "Study":
    """Loads a study from a storage, as ``optuna.load_study`` does.

    ``study_name`` may be None when the storage holds exactly one study. The
    sampler and pruner (default: TPE and median, as in Optuna) are this handle's own; the
    directions and trials are the stored ones. An
    :class:`~hone.storages.InMemoryStorage` finds the studies created with it.

    Raises:
        KeyError: no study of that name (a :class:`hone.NotFoundError`).
    """
    sampler, pruner = _sampler_and_pruner(sampler, pruner)
    url, extra = _split(storage)
    if url is None or url == "memory":
        raise ValueError(
            "load_study needs a persistent storage URL or a storage object such as an InMemoryStorage; "
            "None and 'memory' name a new, empty in-memory storage"
        )
    if study_name is None:
        names = get_all_study_names(storage)
        if len(names) != 1:
            raise ValueError(
                f"study_name may be None only when the storage holds exactly one study; it holds {len(names)}"
            )
        study_name = names[0]
    options = {
        "sampler": None if _callbacks.is_user_sampler(sampler) else sampler._to_spec(),
        "pruner": None if _callbacks.is_user_pruner(pruner) else pruner._to_spec(),
        **extra,
    }
    hooks = _user_hooks(options, sampler, pruner)
    handle = c_void_p()
    names = (encode(url, "storage"), encode(study_name, "study_name"), json.dumps(options).encode())
    if hooks is None:
        _check(LIB.hone_study_load(ctypes.byref(handle), *names))
    else:
        _check(LIB.hone_study_load_with(ctypes.byref(handle), *names, *hooks[:2]))
    return _attached(Study(handle, sampler, pruner, extra.get("heartbeat_interval"), _storage_object(storage)), hooks)


def _user_hooks(options: Dict[str, Any], sampler: BaseSampler, pruner: BasePruner) -> Optional[Tuple[Any, Any, list]]:
    """The C callbacks of a user-defined sampler or pruner, whose spec leaves ``options``.

    None when both are the library's own.
    """
    if not (_callbacks.is_user_sampler(sampler) or _callbacks.is_user_pruner(pruner)):
        return None
    s, p, bridges = _callbacks.callbacks(sampler, pruner)
    if s is not None:
        options.pop("sampler", None)
    if p is not None:
        options.pop("pruner", None)
    return (None if s is None else ctypes.byref(s), None if p is None else ctypes.byref(p), bridges)


def _attached(study: "Study", hooks: Optional[Tuple[Any, Any, list]]) -> "Study":
    if hooks is not None:
        _callbacks.attach(hooks[2], study)
    return study


def delete_study(*, study_name: str, storage: Union[str, BaseStorage]) -> None:
    """Deletes a study and its trials from a storage, as ``optuna.delete_study``.

    Raises:
        KeyError: no study of that name (a :class:`hone.NotFoundError`).
    """
    url, _ = _split(storage)
    _check(LIB.hone_study_delete(encode(url or "memory", "storage"), encode(study_name, "study_name")))


def copy_study(
    *,
    from_study_name: str,
    from_storage: Union[str, BaseStorage],
    to_storage: Union[str, BaseStorage],
    to_study_name: Optional[str] = None,
) -> None:
    """Copies a study with every trial to another storage, as ``optuna.copy_study``.

    The copy is named ``to_study_name`` (default: the same name), which must be new there.
    """
    source, _ = _split(from_storage)
    target, _ = _split(to_storage)
    _check(
        LIB.hone_study_copy(
            encode(source or "memory", "from_storage"),
            encode(from_study_name, "from_study_name"),
            encode(target or "memory", "to_storage"),
            None if to_study_name is None else encode(to_study_name, "to_study_name"),
        )
    )


def get_all_study_summaries(
    storage: Union[str, BaseStorage], include_best_trial: bool = True
) -> List["StudySummary"]:
    """A :class:`StudySummary` of every study in a storage, in creation order."""
    url, _ = _split(storage)
    out = c_void_p()
    _check(LIB.hone_storage_list_studies(ctypes.byref(out), encode(url or "memory", "storage")))
    summaries = []
    for i, obj in enumerate(json.loads(take_string(out))):
        best = obj["best_trial"]
        start = obj["datetime_start"]
        summaries.append(
            StudySummary(
                study_name=obj["study_name"],
                direction=None,
                best_trial=_frozen_from_json(best, lambda name, keys: None) if best and include_best_trial else None,
                user_attrs=obj["user_attrs"],
                system_attrs=obj["system_attrs"],
                n_trials=obj["n_trials"],
                datetime_start=_local_datetime(start) if start else None,
                study_id=i,
                directions=[StudyDirection[d.upper()] for d in obj["directions"]],
            )
        )
    return summaries


def get_all_study_names(storage: Union[str, BaseStorage]) -> List[str]:
    """The names of every study in a storage, in creation order, as ``optuna.get_all_study_names``."""
    return [s.study_name for s in get_all_study_summaries(storage, include_best_trial=False)]


def _storage_object(storage: Union[str, BaseStorage]) -> BaseStorage:
    """What a study's ``_storage`` gives: the storage object it was opened with, or one for its URL."""
    if isinstance(storage, BaseStorage):
        return storage
    if storage.startswith(("sqlite:", "postgresql://", "postgres://")):
        return RDBStorage(storage)
    return _URLStorage(storage)


def _sampler_and_pruner(
    sampler: Optional[BaseSampler], pruner: Optional[BasePruner]
) -> Tuple[BaseSampler, BasePruner]:
    sampler = TPESampler() if sampler is None else sampler
    pruner = MedianPruner() if pruner is None else pruner
    if not isinstance(sampler, BaseSampler):
        raise TypeError(f"sampler must be a hone sampler, not {type(sampler).__name__}")
    if not isinstance(pruner, BasePruner):
        raise TypeError(f"pruner must be a hone pruner, not {type(pruner).__name__}")
    return sampler, pruner


def _direction_name(direction: Union[str, StudyDirection]) -> str:
    if isinstance(direction, StudyDirection):
        if direction == StudyDirection.NOT_SET:
            raise ValueError("a study direction must be MINIMIZE or MAXIMIZE, not NOT_SET")
        return direction.name.lower()
    return direction


class Study(_Handle):
    """An optimization: its objectives, sampler, pruner and trials.

    Create one with :func:`hone.create_study` or :func:`hone.load_study`. A study owns a library handle;
    :meth:`close` (or leaving a ``with`` block) releases it, and garbage
    collection releases it otherwise. One study may be shared by threads.
    """

    def __init__(
        self,
        handle: c_void_p,
        sampler: BaseSampler,
        pruner: BasePruner,
        heartbeat_interval: Optional[float],
        storage: BaseStorage,
    ) -> None:
        super().__init__(handle, LIB.hone_study_destroy)
        # Optuna's attribute; it also keeps an InMemoryStorage object alive with its studies.
        self._storage = storage
        self._sampler = sampler
        self._pruner = pruner
        self._heartbeat_interval = heartbeat_interval
        self._choices: Dict[Tuple[str, Tuple[Any, ...]], Tuple[Any, ...]] = {}
        self._stop_event: Optional[threading.Event] = None
        info = json.loads(self._text(LIB.hone_study_info_json))
        self._name: str = info["name"]
        self._directions = [StudyDirection[d.upper()] for d in info["directions"]]

    def _closed_message(self) -> str:
        return f"study '{self._name}' is closed"

    def __repr__(self) -> str:
        directions = ", ".join(d.name for d in self._directions)
        return f"<hone.Study {self._name!r} [{directions}] {self._sampler!r}>"

    def _text(self, fn: Callable[..., int], *args: Any) -> str:
        """Calls a function that returns text through a ``char **`` first argument."""
        out = c_void_p()
        _check(fn(ctypes.byref(out), self._h(), *args))
        return take_string(out)

    def _trial(self, number: int) -> FrozenTrial:
        return _frozen_from_json(json.loads(self._text(LIB.hone_trial_json, number)), self._original_choices)

    def _remember_choices(self, name: str, choices: Tuple[Any, ...]) -> None:
        self._choices.setdefault((name, tuple(_choice_key(c) for c in choices)), choices)

    def _original_choices(self, name: str, keys: Tuple[Any, ...]) -> Optional[Tuple[Any, ...]]:
        return self._choices.get((name, keys))

    # -- description ----------------------------------------------------------

    @property
    def study_name(self) -> str:
        """The study's name."""
        return self._name

    @property
    def directions(self) -> List[StudyDirection]:
        """One direction per objective."""
        return list(self._directions)

    @property
    def direction(self) -> StudyDirection:
        """The direction of a single-objective study; RuntimeError otherwise, as in Optuna."""
        if len(self._directions) != 1:
            raise RuntimeError(
                "A single direction cannot be retrieved from a multi-objective study. "
                "Consider using Study.directions to retrieve a list containing all directions."
            )
        return self._directions[0]

    @property
    def sampler(self) -> BaseSampler:
        """The sampler the study was created with."""
        return self._sampler

    @property
    def pruner(self) -> BasePruner:
        """The pruner the study was created with."""
        return self._pruner

    # -- study attributes and metric names -------------------------------------------

    def _info(self) -> Dict[str, Any]:
        return json.loads(self._text(LIB.hone_study_info_json))

    def set_user_attr(self, key: str, value: Any) -> None:
        """Sets a user attribute of the study, kept by its storage; ``value`` must be JSON-serializable."""
        text = json.dumps(value).encode()
        _check(LIB.hone_study_set_user_attr(self._h(), encode(key, "key"), text))

    @property
    def user_attrs(self) -> Dict[str, Any]:
        """The study's user attributes, a fresh copy, in the order their keys were first set."""
        return self._info()["user_attrs"]

    def _set_system_attr(self, key: str, value: Any) -> None:
        # Optuna 5.0 has no public Study.set_system_attr or Study.system_attrs: these
        # are for the binding's own use, as Optuna's storage calls are for its own.
        text = json.dumps(value).encode()
        _check(LIB.hone_study_set_system_attr(self._h(), encode(key, "key"), text))

    @property
    def _system_attrs(self) -> Dict[str, Any]:
        return self._info()["system_attrs"]

    def set_metric_names(self, metric_names: List[str]) -> None:
        """Names the objectives, one name per direction, for :meth:`trials_dataframe` and plots.

        ValueError when the count differs from the number of directions. Experimental
        in Optuna, so it warns :class:`hone.ExperimentalWarning` as Optuna does.
        """
        from ..exceptions import ExperimentalWarning  # here, to keep this block self-contained

        warnings.warn(
            "Study.set_metric_names is experimental (as in Optuna since 3.2.0); the interface may change.",
            ExperimentalWarning,
            stacklevel=2,
        )
        names = list(metric_names)
        if len(names) != len(self._directions):
            raise ValueError("The number of objectives must match the length of the metric names.")
        array = (ctypes.c_char_p * max(len(names), 1))(*[encode(n, "metric_names") for n in names])
        _check(LIB.hone_study_set_metric_names(self._h(), array, len(names)))

    @property
    def metric_names(self) -> Optional[List[str]]:
        """The names set by :meth:`set_metric_names`, or None."""
        return self._info()["metric_names"]

    # -- ask and tell -----------------------------------------------------------

    def ask(self, fixed_distributions: Optional[Dict[str, BaseDistribution]] = None) -> Trial:
        """Starts a trial, an enqueued one first.

        Every parameter of ``fixed_distributions`` is suggested at once.

        Raises:
            hone.ExhaustedError: the sampler has nothing left (a used-up grid).
        """
        out = c_int64()
        status = _ASK(ctypes.byref(out), self._handle or self._h())
        if status:
            _check(status)
        # The number the library wrote is the c_int64 the trial passes to every suggest.
        trial = Trial(self, out.value, out)
        for name, distribution in (fixed_distributions or {}).items():
            trial._suggest(name, distribution)
        return trial

    def tell(
        self,
        trial: Union[Trial, int],
        values: Union[float, Sequence[float], None] = None,
        state: Optional[TrialState] = None,
        skip_if_finished: bool = False,
    ) -> FrozenTrial:
        """Finishes a running trial and returns it, as Optuna's ``Study.tell``.

        ``state`` defaults to COMPLETE, which needs ``values``: one per
        objective. A value that is NaN, or cannot be cast to float, or the wrong
        number of values, marks the trial FAIL with a warning instead. PRUNED
        keeps the last reported intermediate value. With ``skip_if_finished``, a
        finished trial is returned unchanged; otherwise telling it again raises
        :class:`hone.StateError`.

        When the sampler has a ``constraints_func``, it is called on the RUNNING
        trial before a COMPLETE or PRUNED state is written, and its values are
        stored in the system attribute ``"constraints"``, as Optuna does. A
        value that is NaN raises ``ValueError``, and one that is not a number
        ``TypeError``; the state is written all the same, then the error raised.
        """
        number = trial.number if isinstance(trial, Trial) else operator.index(trial)
        if skip_if_finished:
            frozen = self._trial(number)
            if frozen.state.is_finished():
                return frozen
        if values is None and state == TrialState.COMPLETE:
            raise ValueError("No values were told. Values are required when state is TrialState.COMPLETE.")
        if state == TrialState.COMPLETE:
            # An explicit COMPLETE is a promise: Optuna raises rather than failing the trial.
            problem = _infeasible(values, len(self._directions))
            if problem is not None:
                raise ValueError(problem)
        # stacklevel 4: the warning points at the caller of tell, past the lambda and _tell.
        try:
            if values is None and state is None:
                # Optuna fails the trial, with this warning, rather than raising.
                return self._tell(
                    number, None, TrialState.FAIL, lambda message: warnings.warn(message, stacklevel=4), _NONE_VALUE
                )
            return self._tell(number, values, state, lambda message: warnings.warn(message, stacklevel=4))
        finally:
            if isinstance(trial, Trial):
                trial._changed()

    def _tell(
        self,
        number: int,
        values: Any,
        state: Optional[TrialState],
        warn: Callable[[str], None],
        problem: Optional[str] = None,
    ) -> FrozenTrial:
        # Plain ints and a single c_double keep the common case (one float, COMPLETE) cheap.
        code = _COMPLETE if state is None else int(TrialState(state))
        floats: List[float] = []
        if code == _COMPLETE:
            if type(values) is float and len(self._directions) == 1:
                floats = [values]
            else:
                floats, problem = self._objective_values(number, values)
                if problem is not None:
                    # Optuna fails the trial rather than raising, so one bad value does not end a study.
                    code, floats = _FAIL, []
        elif values is not None:
            raise ValueError(f"Values were told. Values cannot be specified when state is {TrialState(code)!r}.")
        # Optuna's sampler sets the constraints before the state is written, for
        # COMPLETE and PRUNED trials (a NaN value makes the trial FAIL instead);
        # when constraints_func raises, the state is still written, then the error raised.
        error: Optional[BaseException] = None
        constraints_func = _constraints_func_of(self._sampler)
        if constraints_func is not None and (code == _PRUNED or (code == _COMPLETE and not any(map(math.isnan, floats)))):
            try:
                self._set_constraints(number, constraints_func)
            except BaseException as e:
                error = e
        out = c_int32()
        if len(floats) == 1:
            one = c_double(floats[0])
            pointer: Any = ctypes.byref(one)
        else:
            pointer = (c_double * len(floats))(*floats) if floats else None
        status = _TELL(ctypes.byref(out), self._handle or self._h(), number, pointer, len(floats), code)
        if status:
            try:
                _check(status)
            except StateError as e:
                if self._trial(number).state.is_finished():
                    raise UpdateFinishedTrialError(e.message, e.status) from None
                # A WAITING trial: Optuna raises ValueError.
                raise _NotRunningError(e.message, e.status) from None
            except NotFoundError as e:
                raise _UnknownTrialError(e.message, e.status) from None
        if problem is None and code == _COMPLETE and out.value == _FAIL:
            problem = f"Trial {number} failed, because the objective function returned {values!r}."
        if problem is not None:
            warn(problem)
        _callbacks.raise_after_trial_error()
        if error is not None:
            raise error
        return _LazyFrozenTrial(lambda: self._trial(number))

    def _set_constraints(self, number: int, constraints_func: Callable[[FrozenTrial], Sequence[float]]) -> None:
        """Stores ``constraints_func``'s values for a RUNNING trial, validated as Optuna validates them."""
        frozen = self._trial(number)
        if frozen.state != TrialState.RUNNING:
            return  # the tell that follows raises
        con = constraints_func(frozen)
        if not isinstance(con, (tuple, list)):
            warnings.warn(f"Constraints should be a sequence of floats but got {type(con).__name__}.", stacklevel=5)
        try:
            values = [float(c) for c in con]
        except (TypeError, ValueError):
            raise TypeError(f"Constraints should be a sequence of floats, got {con!r}.") from None
        if any(math.isnan(v) for v in values):
            raise ValueError("Constraint values cannot be NaN.")
        array = (c_double * len(values))(*values) if values else None
        _check(LIB.hone_trial_set_constraints(self._h(), number, array, len(values)))

    def _objective_values(self, number: int, values: Any) -> Tuple[List[float], Optional[str]]:
        """The values as floats, or the reason the trial fails instead."""
        items = list(values) if isinstance(values, Sequence) and not isinstance(values, (str, bytes)) else [values]
        if len(items) != len(self._directions):
            return [], (
                f"Trial {number} failed, because the number of the values {len(items)} did not match "
                f"the number of the objectives {len(self._directions)}."
            )
        try:
            floats = [float(v) for v in items]
        except (TypeError, ValueError):
            return [], f"Trial {number} failed, because the value {values!r} could not be cast to float."
        # As Optuna's check: a value float() reads but that is no number ("1") is a TypeError.
        for v in items:
            math.isnan(v)
        return floats, None

    def enqueue_trial(
        self,
        params: Dict[str, Any],
        user_attrs: Optional[Dict[str, Any]] = None,
        skip_if_exists: bool = False,
    ) -> None:
        """Queues a trial whose parameters in ``params`` are fixed; the next ask starts it.

        Parameters ``params`` does not name are sampled as usual. ``user_attrs``
        are set on the queued trial. With ``skip_if_exists``, nothing is queued
        when a trial in any state already has exactly these parameters, as in
        Optuna.
        """
        for name in params:
            if not isinstance(name, str):
                raise TypeError(f"parameter names must be str, not {type(name).__name__}")
        text = json.dumps({name: _plain_choice(value) for name, value in params.items()})
        options = {"user_attrs": dict(user_attrs or {}), "skip_if_exists": bool(skip_if_exists)}
        number = c_int64()
        _check(LIB.hone_study_enqueue(ctypes.byref(number), self._h(), text.encode(), json.dumps(options).encode()))

    def add_trial(self, trial: FrozenTrial) -> None:
        """Adds a finished (or waiting, or running) trial built by hand, as Optuna's ``Study.add_trial``.

        The trial is validated first (``ValueError``, a
        :class:`hone.InvalidArgumentError` for what the library refuses): see
        :func:`hone.trial.create_trial`; its values must be one per objective.
        It gets the study's next number, whatever its own; the object passed is
        not changed. Samplers and :attr:`best_trial` then use it as any other
        trial; a WAITING trial is started by the next :meth:`ask`. Times must lie
        between 1970 and the year 10000, and intermediate steps be >= 0, as the
        library stores them.
        """
        if not isinstance(trial, FrozenTrial):
            raise TypeError(f"trial must be a FrozenTrial, not {type(trial).__name__}")
        trial._validate()
        if trial.values is not None and len(self._directions) != len(trial.values):
            raise ValueError(
                f"The added trial has {len(trial.values)} values, which is different from the number of "
                f"objectives {len(self._directions)} in the study (determined by Study.directions)."
            )
        out = c_int64()
        text = _trial_json(trial, self._remember_choices)
        _check(LIB.hone_study_add_trial(ctypes.byref(out), self._h(), text.encode()))

    def add_trials(self, trials: Iterable[FrozenTrial]) -> None:
        """Adds each trial in turn with :meth:`add_trial`, as Optuna does: those before an invalid one stay added."""
        for trial in trials:
            self.add_trial(trial)

    # -- optimize ---------------------------------------------------------------

    def optimize(
        self,
        func: ObjectiveFuncType,
        n_trials: Optional[int] = None,
        timeout: Optional[float] = None,
        n_jobs: int = 1,
        catch: Union[Iterable[Type[Exception]], Type[Exception]] = (),
        callbacks: Optional[List[CallbackType]] = None,
        show_progress_bar: bool = False,
    ) -> None:
        """Runs ``func`` on new trials, as Optuna's ``Study.optimize``.

        Stops after ``n_trials`` trials, once ``timeout`` seconds have passed
        (checked before each trial), when :meth:`stop` is called, or when the
        sampler is exhausted (a grid fully visited). ``func(trial)`` returns the
        objective value(s); raising :class:`hone.TrialPruned` marks the trial
        PRUNED; any other exception marks it FAIL and is raised again unless it
        is an instance of ``catch``. A sampler's ``constraints_func`` runs on
        each trial that ends COMPLETE or PRUNED, before its state is written
        (see :meth:`tell`); an error it raises ends ``optimize`` once the trial
        is told, as in Optuna. Each callback is called as
        ``callback(study, frozen_trial)`` after each trial. ``n_jobs > 1`` (or
        -1 for one per CPU) runs trials in that many threads on this study.
        ``show_progress_bar`` is not supported and only warns.
        """
        _optimize(self, func, n_trials, timeout, n_jobs, catch, callbacks, show_progress_bar)

    def _fail_stale_trials(self) -> int:
        out = c_size_t()
        _check(LIB.hone_study_fail_stale_trials(ctypes.byref(out), self._h()))
        return out.value

    def stop(self) -> None:
        """Stops :meth:`optimize` after the running trials; call it from an objective or callback."""
        stop = self._stop_event
        if stop is None:
            raise RuntimeError("`Study.stop` is supposed to be invoked inside an objective function or a callback.")
        stop.set()

    # -- results ----------------------------------------------------------------

    @property
    def trials(self) -> List[FrozenTrial]:
        """Every trial, ordered by number."""
        return self.get_trials()

    def get_trials(self, deepcopy: bool = True, states: Optional[Iterable[TrialState]] = None) -> List[FrozenTrial]:
        """Every trial, or those in ``states``, ordered by number.

        ``deepcopy`` is accepted for Optuna compatibility only: every call builds
        new objects from the library's export, so nothing is shared to copy.
        """
        trials = self._parse_trials(self._text(LIB.hone_study_trials_json))
        if states is None:
            return trials
        wanted = frozenset(TrialState(s) for s in states)
        return [t for t in trials if t.state in wanted]

    def _parse_trials(self, text: str) -> List[FrozenTrial]:
        return [_frozen_from_json(obj, self._original_choices) for obj in json.loads(text)]

    @property
    def best_trial(self) -> FrozenTrial:
        """The best feasible COMPLETE trial of a single-objective study.

        A trial is feasible when each of its constraint values (from the
        sampler's ``constraints_func``) is <= 0, or it has none, as in Optuna.

        Raises:
            ValueError: no trial is complete, or none of them is feasible (a :class:`hone.NotFoundError` too).
            RuntimeError: in a multi-objective study (a :class:`hone.StateError`).
        """
        out = c_int64()
        _check_best(LIB.hone_study_best_trial(ctypes.byref(out), self._h()))
        return self._trial(out.value)

    @property
    def best_value(self) -> float:
        """The best objective value of a single-objective study; raises as :attr:`best_trial`."""
        out = c_double()
        _check_best(LIB.hone_study_best_value(ctypes.byref(out), self._h()))
        return out.value

    @property
    def best_params(self) -> Dict[str, Any]:
        """The parameters of :attr:`best_trial`."""
        return self.best_trial.params

    @property
    def best_trials(self) -> List[FrozenTrial]:
        """The Pareto front: the feasible COMPLETE trials no other feasible one dominates."""
        return self._parse_trials(self._text(LIB.hone_study_best_trials_json))

    def export(self, format: str = "csv", path: Optional[Union[str, "os.PathLike[str]"]] = None) -> str:
        """Every trial as ``"csv"`` or ``"json"`` text, written to ``path`` when given.

        The CSV has the columns of :meth:`trials_dataframe` (``number``,
        ``value``, ``datetime_start``, ``datetime_complete``, ``duration`` in
        seconds, ``params_<name>``, ``user_attrs_<key>``, ``system_attrs_<key>``,
        ``state``); the JSON is the array of trial objects. Returns the text.
        """
        return _export(self, format, path)

    def trials_dataframe(
        self,
        attrs: Tuple[str, ...] = (
            "number",
            "value",
            "datetime_start",
            "datetime_complete",
            "duration",
            "params",
            "user_attrs",
            "system_attrs",
            "state",
        ),
        multi_index: bool = False,
    ) -> Any:
        """The trials as a ``pandas.DataFrame``, one row per trial, as Optuna's.

        Dictionary attributes become one column per key (``params_x``,
        ``user_attrs_note``); in a multi-objective study ``value`` becomes
        ``values_0``, ``values_1``, ...; ``state`` holds the state's name. With
        ``multi_index``, the columns are pairs such as ``("params", "x")`` and
        ``("number", "")``. No trials give an empty DataFrame.
        """
        return _trials_dataframe(self, attrs, multi_index)


_TELL = LIB.hone_study_tell
# Once per trial, as the suggests: without argtypes conversion (see unconverted).
_ASK = unconverted("hone_study_ask", [POINTER(c_int64), c_void_p])
_FAIL = int(TrialState.FAIL)
_PRUNED = int(TrialState.PRUNED)
_COMPLETE = int(TrialState.COMPLETE)


class _UnknownTrialError(NotFoundError, ValueError):
    """Telling a trial that was never created: a NotFoundError that is also Optuna's ValueError."""


class _NotRunningError(StateError, ValueError):
    """Telling a WAITING trial: a StateError that is also Optuna's ValueError."""


_NONE_VALUE = "The value None could not be cast to float."


def _infeasible(values: Any, n_objectives: int) -> Optional[str]:
    """Why ``values`` cannot complete a trial, worded as Optuna's check; None when they can.

    As in Optuna, any sequence (a string too) is a sequence of values, and a value
    that float() reads but that is no number (the string "1") is a TypeError.
    """
    items = list(values) if isinstance(values, Sequence) else [values]
    errors = []
    for v in items:
        try:
            float(v)
        except (TypeError, ValueError):
            errors.append(f"The value {v!r} could not be cast to float")
            continue
        if math.isnan(v):
            errors.append(f"The value {v} is not acceptable")
    if errors:
        return "; ".join(errors)
    if len(items) != n_objectives:
        return f"The number of the values {len(items)} did not match the number of the objectives {n_objectives}"
    return None


def _check_best(status: int) -> None:
    try:
        _check(status)
    except NotFoundError as e:
        raise _NoCompletedTrialsError(e.message) from None
