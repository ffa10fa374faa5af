"""User-defined samplers and pruners: Python methods behind the library's C callbacks.

A study whose sampler is a user subclass of :class:`hone.samplers.BaseSampler`
(or whose pruner is one of :class:`hone.pruners.BasePruner`) is created with
``hone_study_create_with``. The hooks are module-level ctypes functions that
find their Python object through ``user_data``, a key into ``_LIVE``; the
library's ``destroy`` removes the key when it is done with the study, so no
ctypes function object is ever freed while the library may call it.

A hook runs while the study is inside ``ask``, ``suggest``, ``tell`` or
``should_prune``. It may read the study (``study.trials``, ``best_trial``, ...);
changing it from there raises :class:`hone.StateError`. An exception raised by a
user method is reported to the library, and :func:`hone._lib._check` raises the
original exception to the caller of the failing call.
"""

from __future__ import annotations

import ctypes
import itertools
import json
import threading
import weakref
from typing import Any, Dict, Optional, Tuple

from . import _abi
from ._lib import _PENDING, LIB
from .distributions import BaseDistribution, CategoricalDistribution, FloatDistribution, IntDistribution, _from_json

_OK = 0
_FAILED = 1  # HONE_INVALID_ARGUMENT: the user's method raised; the original exception reaches the caller.

_LIVE: Dict[int, "_Bridge"] = {}
_LIVE_LOCK = threading.Lock()
_KEYS = itertools.count(1)


def is_user_sampler(sampler: Any) -> bool:
    """Whether ``sampler`` is the user's own subclass rather than one of the library's samplers."""
    return type(sampler)._type == ""


def is_user_pruner(pruner: Any) -> bool:
    """Whether ``pruner`` is the user's own subclass rather than one of the library's pruners."""
    return type(pruner)._type == ""


def _overrides(obj: Any, base: type, name: str) -> bool:
    return getattr(type(obj), name, None) is not getattr(base, name, None)


def _spec(dist: BaseDistribution) -> Dict[str, Any]:
    """The library's JSON form of a distribution."""
    if isinstance(dist, FloatDistribution):
        return {"type": "float", "low": dist.low, "high": dist.high, "step": dist.step, "log": dist.log}
    if isinstance(dist, IntDistribution):
        return {"type": "int", "low": dist.low, "high": dist.high, "step": dist.step, "log": dist.log}
    if isinstance(dist, CategoricalDistribution):
        return {"type": "categorical", "choices": list(dist.choices)}
    raise TypeError(f"{dist!r} is not a hone distribution")


class _Bridge:
    """One study's user sampler or pruner, reached from the hooks by key."""

    def __init__(self, obj: Any) -> None:
        self.obj = obj
        self.study_ref: Optional["weakref.ref[Any]"] = None
        self.key = next(_KEYS)
        with _LIVE_LOCK:
            _LIVE[self.key] = self

    def study(self) -> Any:
        study = self.study_ref() if self.study_ref is not None else None
        if study is None:
            raise RuntimeError("the study of this sampler or pruner is gone")
        return study

    def trial(self, text: bytes) -> Any:
        from .trial import _frozen_from_json

        study = self.study()
        return _frozen_from_json(json.loads(text.decode("utf-8")), study._original_choices)


def _bridge(user_data: Optional[int]) -> _Bridge:
    with _LIVE_LOCK:
        return _LIVE[user_data or 0]


def _fail(e: BaseException) -> int:
    """Reports a user exception to the library and keeps it for the caller."""
    _PENDING.error = e
    LIB.hone_callback_set_error(f"{type(e).__name__}: {e}".encode("utf-8", errors="replace"))
    return _FAILED


def _hand_over(out: Any, value: Any) -> None:
    """Writes ``value`` as JSON into a hook's ``char **`` result, copied by the library."""
    text = json.dumps(value, allow_nan=True).encode("utf-8")
    status = LIB.hone_string_copy(out, text)
    if status != 0:
        raise MemoryError("hone_string_copy failed")


@_abi.hone_destroy_fn
def _destroy(user_data: Optional[int]) -> None:
    with _LIVE_LOCK:
        _LIVE.pop(user_data or 0, None)


@_abi.hone_sampler_before_trial_fn
def _before_trial(user_data: Optional[int], study: Any, trial: bytes) -> int:
    try:
        b = _bridge(user_data)
        b.obj.before_trial(b.study(), b.trial(trial))
        return _OK
    except BaseException as e:  # noqa: B902 - every exception must stop at the C boundary
        return _fail(e)


@_abi.hone_sampler_infer_relative_search_space_fn
def _infer(out: Any, user_data: Optional[int], study: Any, trial: bytes) -> int:
    try:
        b = _bridge(user_data)
        space = b.obj.infer_relative_search_space(b.study(), b.trial(trial))
        if space:
            _hand_over(out, {name: _spec(d) for name, d in space.items()})
        return _OK
    except BaseException as e:  # noqa: B902
        return _fail(e)


@_abi.hone_sampler_sample_relative_fn
def _relative(out: Any, user_data: Optional[int], study: Any, trial: bytes, space: bytes) -> int:
    try:
        b = _bridge(user_data)
        dists = {name: _from_json(spec) for name, spec in json.loads(space.decode("utf-8")).items()}
        point = b.obj.sample_relative(b.study(), b.trial(trial), dists)
        if point:
            _hand_over(out, dict(point))
        return _OK
    except BaseException as e:  # noqa: B902
        return _fail(e)


@_abi.hone_sampler_sample_independent_fn
def _independent(out: Any, user_data: Optional[int], study: Any, trial: bytes, name: bytes, dist: bytes) -> int:
    try:
        b = _bridge(user_data)
        d = _from_json(json.loads(dist.decode("utf-8")))
        value = b.obj.sample_independent(b.study(), b.trial(trial), name.decode("utf-8"), d)
        if isinstance(d, IntDistribution):
            # Optuna's samplers may return an integer-valued float; the library wants the exact integer.
            value = int(value)
        elif isinstance(d, FloatDistribution):
            value = float(value)
        _hand_over(out, value)
        return _OK
    except BaseException as e:  # noqa: B902
        return _fail(e)


@_abi.hone_sampler_after_trial_fn
def _after_trial(user_data: Optional[int], study: Any, trial: bytes, state: int, values: Any, n: int) -> int:
    try:
        from .trial import TrialState

        b = _bridge(user_data)
        listed = None if n == 0 else [values[i] for i in range(n)]
        b.obj.after_trial(b.study(), b.trial(trial), TrialState(state), listed)
        return _OK
    except BaseException as e:  # noqa: B902
        # The trial is finished already and the library ignores this status: tell raises it
        # once it returns, as Optuna's tell raises after_trial's exception after finishing the trial.
        _PENDING.after_trial = e
        return _FAILED


def raise_after_trial_error() -> None:
    """Raises what a user sampler's after_trial raised during the tell that just returned on this thread."""
    e = getattr(_PENDING, "after_trial", None)
    if e is not None:
        _PENDING.after_trial = None
        raise e


@_abi.hone_pruner_prune_fn
def _prune(out: Any, user_data: Optional[int], study: Any, trial: bytes) -> int:
    try:
        b = _bridge(user_data)
        out[0] = bool(b.obj.prune(b.study(), b.trial(trial)))
        return _OK
    except BaseException as e:  # noqa: B902
        return _fail(e)


def callbacks(sampler: Any, pruner: Any) -> Tuple[Any, Any, list]:
    """The C structs for a study's user sampler and pruner (None for built-in ones), and their bridges."""
    from .pruners import BasePruner
    from .samplers import BaseSampler

    bridges = []
    s = p = None
    if is_user_sampler(sampler):
        b = _Bridge(sampler)
        bridges.append(b)
        s = _abi.hone_sampler_callbacks(
            struct_size=ctypes.sizeof(_abi.hone_sampler_callbacks), user_data=b.key, destroy=_destroy
        )
        for name, hook, field in [
            ("before_trial", _before_trial, "before_trial"),
            ("infer_relative_search_space", _infer, "infer_relative_search_space"),
            ("sample_relative", _relative, "sample_relative"),
            ("sample_independent", _independent, "sample_independent"),
            ("after_trial", _after_trial, "after_trial"),
        ]:
            if _overrides(sampler, BaseSampler, name):
                setattr(s, field, hook)
    if is_user_pruner(pruner):
        b = _Bridge(pruner)
        bridges.append(b)
        p = _abi.hone_pruner_callbacks(
            struct_size=ctypes.sizeof(_abi.hone_pruner_callbacks), user_data=b.key, destroy=_destroy
        )
        if _overrides(pruner, BasePruner, "prune"):
            p.prune = _prune
    return s, p, bridges


def attach(bridges: list, study: Any) -> None:
    """Gives the bridges the Python study their methods receive (weakly: the study owns the handle)."""
    for b in bridges:
        b.study_ref = weakref.ref(study)
