"""Samplers: configuration objects with Optuna's names.

The sampling itself runs inside ``libhone``; a sampler here only describes itself
as the library's spec, ``{"type": "tpe" | "random" | "grid" | "qmc" | "gp" | "cmaes" | "nsgaii" |
"nsgaiii" | "brute_force" | "partial_fixed", "seed": 42, "options": {...}}``. The same seed gives the same trials from Python, C and Swift.

A sampler is checked when it is made: a value of the wrong kind here
(``TypeError``), a value out of range by the library, whose
:class:`hone.InvalidArgumentError` (a ``ValueError``) carries the library's
message. The defaults are the library's.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

from .distributions import _normalize, _plain_choice

__all__ = [
    "BaseSampler",
    "TPESampler",
    "RandomSampler",
    "QMCSampler",
    "GridSampler",
    "GPSampler",
    "CmaEsSampler",
    "NSGAIISampler",
    "NSGAIIISampler",
    "BruteForceSampler",
    "PartialFixedSampler",
    "default_gamma",
    "hyperopt_default_gamma",
    "default_weights",
]


def _int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    return int(value)


def _str(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


ConstraintsFuncType = Callable[[Any], Sequence[float]]


class BaseSampler:
    """Base class of the samplers.

    A sampler that takes Optuna's ``constraints_func`` passes it to
    ``__init__``: the study then calls ``constraints_func(frozen_trial)`` after
    the objective returns, for COMPLETE and PRUNED trials, and stores the values
    in the trial's system attribute ``"constraints"`` (each satisfied when
    <= 0). The library's samplers use the constraint values of any trial that
    has them, as Optuna 5's do, however they were set.
    """

    _type = ""

    def __str__(self) -> str:
        # As Optuna's samplers: str() is the class name, repr() Python's default.
        return type(self).__name__

    def __init__(self, seed: Optional[int] = None, constraints_func: Optional[ConstraintsFuncType] = None) -> None:
        # Seeds travel as exact JSON integers; the library checks the range.
        self._seed = None if seed is None else _int("seed", seed)
        if constraints_func is not None and not callable(constraints_func):
            raise TypeError(f"constraints_func must be callable, not {type(constraints_func).__name__}")
        self._constraints_func = constraints_func

    def _validate(self) -> None:
        """Has the library check the spec, raising its error for a value out of range."""
        _normalize("sampler", self._to_spec())

    @property
    def seed(self) -> Optional[int]:
        """The seed, or None for a random one."""
        return self._seed

    def _options(self) -> Dict[str, Any]:
        return {}

    def _to_spec(self) -> Dict[str, Any]:
        """The library's spec of this sampler."""
        spec: Dict[str, Any] = {"type": self._type, "seed": self._seed}
        options = self._options()
        if options:
            spec["options"] = options
        return spec

    @property
    def constraints_func(self) -> Optional[ConstraintsFuncType]:
        """The function that gives each finished trial's constraint values, or None."""
        return getattr(self, "_constraints_func", None)

    # -- a user-defined sampler -------------------------------------------------
    #
    # A subclass of BaseSampler itself (not of one of the library's samplers) is
    # the user's own: the study calls the methods it overrides, as Optuna does,
    # through the library's C callbacks. Inside them the study may be read
    # (study.trials, best_trial, ...); changing it raises hone.StateError.

    def infer_relative_search_space(self, study: Any, trial: Any) -> Dict[str, Any]:
        """The joint space for ``sample_relative``: ``{name: distribution}``; default: none."""
        return {}

    def sample_relative(self, study: Any, trial: Any, search_space: Dict[str, Any]) -> Dict[str, Any]:
        """A point of ``search_space``, ``{name: external value}``; default: none."""
        return {}

    def sample_independent(self, study: Any, trial: Any, param_name: str, param_distribution: Any) -> Any:
        """One external value of ``param_distribution``; default (not overridden): a uniform random value."""
        raise NotImplementedError

    def before_trial(self, study: Any, trial: Any) -> None:
        """Called before each trial starts, with its draft as a FrozenTrial."""

    def after_trial(self, study: Any, trial: Any, state: Any, values: Optional[Sequence[float]]) -> None:
        """Called once each trial has finished, with its state and values."""

    def reseed_rng(self) -> None:
        """Reseeds the random generator; Optuna calls it in optimize(n_jobs > 1). A no-op here."""


def _constraints_func_of(sampler: BaseSampler) -> Optional[ConstraintsFuncType]:
    """The constraints function the study calls: a partial-fixed sampler's is its base sampler's."""
    while isinstance(sampler, PartialFixedSampler):
        sampler = sampler.base_sampler
    return sampler.constraints_func


class RandomSampler(BaseSampler):
    """Samples every parameter independently and uniformly (log-uniformly for ``log``)."""

    _type = "random"

    def __init__(self, seed: Optional[int] = None) -> None:
        super().__init__(seed)
        self._validate()


class QMCSampler(BaseSampler):
    """Quasi-Monte Carlo sampling over a Sobol sequence.

    Unlike Optuna, ``scramble`` defaults to True, as in the C and Swift APIs, so
    one seed means the same trials in every host language. The joint search
    space is that of the first completed trial; until then, and for parameters
    outside it, values are drawn at random.
    """

    _type = "qmc"

    def __init__(self, *, qmc_type: str = "sobol", scramble: bool = True, seed: Optional[int] = None) -> None:
        super().__init__(seed)
        self._qmc_type = _str("qmc_type", qmc_type)
        self._scramble = bool(scramble)
        self._validate()

    def _options(self) -> Dict[str, Any]:
        return {"scramble": self._scramble, "qmc_type": self._qmc_type}


class GridSampler(BaseSampler):
    """Tries every combination of ``search_space``, each once, in a seeded random order.

    ``search_space`` maps each parameter name to the list of its values (None,
    bool, int, float or str). Once every point has been tried,
    :meth:`hone.Study.ask` raises :class:`hone.ExhaustedError` and
    :meth:`hone.Study.optimize` stops, as Optuna's GridSampler stops the study.
    """

    _type = "grid"

    def __init__(self, search_space: Mapping[str, Sequence[Any]], seed: Optional[int] = None) -> None:
        super().__init__(seed)
        space: Dict[str, List[Any]] = {}
        for name, values in search_space.items():
            if isinstance(values, (str, bytes)):
                raise TypeError(f"the grid values of '{name}' must be a sequence, not a string")
            space[name] = [_plain_choice(v, finite=False) for v in values]
        self._search_space = space
        self._validate()

    @property
    def search_space(self) -> Dict[str, List[Any]]:
        """A copy of the grid: each parameter's list of values."""
        return {k: list(v) for k, v in self._search_space.items()}

    def _options(self) -> Dict[str, Any]:
        return {"search_space": self._search_space}


class GPSampler(BaseSampler):
    """Gaussian-process Bayesian optimization, as Optuna's ``GPSampler``.

    A Matérn-5/2 (or RBF) kernel with one lengthscale per parameter is fitted by
    MAP to the completed trials, and the acquisition (log expected improvement
    by default) is maximized over the search space. The first
    ``n_startup_trials`` trials are drawn by scrambled Sobol QMC. Trials other
    workers are still running count as pending, so parallel suggestions spread
    out. Pruned and failed trials are not modeled. Parameters outside the
    search space common to all completed trials are sampled at random. With
    several objectives each gets a GP and the acquisition is log expected
    hypervolume improvement (Optuna's LogEHVI; LogCEHVI with constraints).

    Args:
        seed: fixes every suggestion.
        n_startup_trials: QMC trials before the model is used.
        deterministic_objective: pin the observation noise at its floor.
        kernel: ``"matern52"`` or ``"rbf"``.
        acquisition: ``"logei"``, ``"logpi"`` or ``"ucb"``.
        beta: the UCB exploration weight (only with ``acquisition="ucb"``).
        n_candidates: Sobol candidates scored before local optimization.
        n_restarts: local optimizations of the acquisition.
        lengthscale_prior: ``"lognormal"``, BoTorch's dimension-scaled LogNormal on
            each lengthscale, or ``"optuna"``, Optuna's prior on inverse squared
            lengthscales (mode 1 in the unit cube whatever the dimension).
        constraints_func: Optuna's: ``constraints_func(frozen_trial)`` gives a
            sequence of floats, each satisfied when <= 0, after each COMPLETE or
            PRUNED trial. Each constraint is then modeled by a GP of its own and
            the acquisition adds the log probability that all hold, as Optuna's
            GPSampler does.
    """

    _type = "gp"

    def __init__(
        self,
        *,
        seed: Optional[int] = None,
        n_startup_trials: int = 10,
        deterministic_objective: bool = False,
        kernel: str = "matern52",
        acquisition: str = "logei",
        beta: Optional[float] = None,
        n_candidates: int = 1024,
        n_restarts: int = 10,
        lengthscale_prior: str = "lognormal",
        constraints_func: Optional[ConstraintsFuncType] = None,
    ) -> None:
        super().__init__(seed, constraints_func)
        self._config: Dict[str, Any] = {
            "n_startup_trials": _int("n_startup_trials", n_startup_trials),
            "deterministic_objective": bool(deterministic_objective),
            "kernel": _str("kernel", kernel),
            "acquisition": _str("acquisition", acquisition),
            "n_candidates": _int("n_candidates", n_candidates),
            "n_restarts": _int("n_restarts", n_restarts),
            "lengthscale_prior": _str("lengthscale_prior", lengthscale_prior),
        }
        if beta is not None:
            if isinstance(beta, (str, bytes)):
                raise TypeError(f"beta must be a float, not {type(beta).__name__}")
            self._config["beta"] = float(beta)
        self._validate()

    def _options(self) -> Dict[str, Any]:
        return dict(self._config)


class _Rule:
    """One of Optuna's gamma or weights functions, which the library runs natively."""

    def __init__(self, name: str, spec: Any, function: Any) -> None:
        self.__name__ = name
        self._spec = spec
        self._function = function

    def __call__(self, n: int) -> Any:
        return self._function(n)

    def __repr__(self) -> str:
        return f"hone.samplers.{self.__name__}"


default_gamma = _Rule("default_gamma", None, lambda n: min(math.ceil(0.1 * n), 25))
"""Optuna's ``default_gamma``: min(ceil(0.1 n), 25) good trials out of n."""

hyperopt_default_gamma = _Rule(
    "hyperopt_default_gamma",
    {"fraction": 0.25, "power": 0.5, "max": 25},
    lambda n: min(math.ceil(0.25 * n**0.5), 25),
)
"""Optuna's ``hyperopt_default_gamma``: min(ceil(0.25 sqrt(n)), 25)."""


def _default_weights(n: int) -> List[float]:
    if n < 25:
        return [1.0] * n
    ramp = n - 25
    head = [1.0 / n] if ramp == 1 else [1.0 / n + i * (1.0 - 1.0 / n) / (ramp - 1) for i in range(ramp)]
    return head + [1.0] * 25


default_weights = _Rule("default_weights", None, _default_weights)
"""Optuna's ``default_weights``: the 25 newest trials weigh 1, older ones ramp up from 1/n."""


def _rule(name: str, value: Any, rules: Sequence[_Rule]) -> Any:
    """The library's spec of a gamma or weights argument."""
    if value is None or isinstance(value, (dict, str)):
        return value
    if isinstance(value, _Rule) and value in rules:
        return value._spec
    names = ", ".join(f"hone.samplers.{r.__name__}" for r in rules)
    raise ValueError(
        f"{name}: the library runs TPE natively and cannot call a Python function; "
        f"use None, {names} or the library's spec (see TPESampler)"
    )


class TPESampler(BaseSampler):
    """The tree-structured Parzen estimator, Optuna 5.0's default sampler, run natively.

    The defaults are Optuna 5.0's: ``multivariate=None`` samples the parameters
    common to all finished trials jointly in a single-objective study, and
    ``constant_liar=True`` counts the other running trials as bad observations so
    parallel workers spread out. The first ``n_startup_trials`` trials are
    :class:`RandomSampler`'s draws for the same seed. Pruned trials rank by their
    last intermediate value after the complete ones; failed trials are ignored.
    With several objectives it is Optuna's MOTPE: the good trials are the best
    non-domination ranks, completed by greedy hypervolume subset selection, and
    sampling is independent unless ``multivariate`` or ``group`` is set. Trials
    whose constraints are violated rank after the feasible ones by total violation.

    ``gamma`` is None (Optuna's ``default_gamma``), :data:`default_gamma`,
    :data:`hyperopt_default_gamma`, or ``{"fraction": f, "power": p, "max": m}``
    for min(ceil(f n^p), m). ``weights`` is None or :data:`default_weights`
    (Optuna's), or ``"uniform"``. Other Python functions cannot run inside the
    library and raise ``ValueError``. ``consider_prior`` must be True (Optuna 4.3
    made the prior mandatory). Optuna 5.0 has no ``categorical_distance_func``
    and neither has this class.

    ``constraints_func(frozen_trial)``, as in Optuna, gives a sequence of floats
    (each satisfied when <= 0) after each COMPLETE or PRUNED trial; the study
    stores them in the trial's system attribute ``"constraints"``.
    """

    _type = "tpe"

    def __init__(
        self,
        *,
        consider_prior: bool = True,
        prior_weight: float = 1.0,
        consider_magic_clip: bool = True,
        consider_endpoints: bool = False,
        n_startup_trials: int = 10,
        n_ei_candidates: int = 24,
        gamma: Any = None,
        weights: Any = None,
        seed: Optional[int] = None,
        multivariate: Optional[bool] = None,
        group: bool = False,
        warn_independent_sampling: bool = False,
        constant_liar: bool = True,
        constraints_func: Optional[ConstraintsFuncType] = None,
    ) -> None:
        super().__init__(seed, constraints_func)
        if isinstance(prior_weight, (str, bytes, bool)) or not isinstance(prior_weight, numbers.Real):
            raise TypeError(f"prior_weight must be a float, not {type(prior_weight).__name__}")
        self._config: Dict[str, Any] = {
            "n_startup_trials": _int("n_startup_trials", n_startup_trials),
            "n_ei_candidates": _int("n_ei_candidates", n_ei_candidates),
            "gamma": _rule("gamma", gamma, [default_gamma, hyperopt_default_gamma]),
            "weights": _rule("weights", weights, [default_weights]),
            "consider_prior": bool(consider_prior),
            "prior_weight": float(prior_weight),
            "consider_magic_clip": bool(consider_magic_clip),
            "consider_endpoints": bool(consider_endpoints),
            "multivariate": None if multivariate is None else bool(multivariate),
            "group": bool(group),
            "constant_liar": bool(constant_liar),
            "warn_independent_sampling": bool(warn_independent_sampling),
        }
        self._validate()

    @staticmethod
    def hyperopt_parameters() -> Dict[str, Any]:
        """The defaults of hyperopt 0.1.2, as Optuna's ``TPESampler.hyperopt_parameters``."""
        return {
            "consider_prior": True,
            "prior_weight": 1.0,
            "consider_magic_clip": True,
            "consider_endpoints": False,
            "n_startup_trials": 20,
            "n_ei_candidates": 24,
            "gamma": hyperopt_default_gamma,
            "weights": default_weights,
        }

    def _options(self) -> Dict[str, Any]:
        return dict(self._config)


class CmaEsSampler(BaseSampler):
    """CMA-ES over the float and int parameters, as Optuna's ``CmaEsSampler``.

    The joint search space is that of every completed trial, less categorical
    and single-valued parameters, which ``independent_sampler`` (random by
    default) draws, as do the first ``n_startup_trials`` trials. CMA-ES runs in
    the unit cube of that space (log scales in log space), from its centre or
    ``x0`` with step size ``sigma0`` (1/6 by default), as Optuna 5 does.

    The state is not kept in the sampler: each trial records its generation in
    the system attribute ``"cma:generation"``, and the library replays the
    completed generations, so a study reloaded from storage, or shared by
    several workers, continues the same search. Pruned trials count only with
    ``consider_pruned_trials``, by their last intermediate value; failed trials
    never do (their generation waits for other trials).

    ``restart_strategy="ipop"`` restarts a stalled search from a random mean
    with the population multiplied by ``inc_popsize``; ``"bipop"`` interlaces
    those growing populations with small ones (smaller step size too), choosing
    the regime that has used fewer evaluations, as Optuna 3.x did (Optuna 5
    ignores ``restart_strategy`` with a warning; Hone does both). Every restart
    keeps ``use_separable_cma``, ``with_margin`` and ``lr_adapt``.
    ``use_separable_cma`` keeps the covariance diagonal (sep-CMA-ES).
    ``lr_adapt=True`` adapts the learning rates of the mean and covariance to
    their signal-to-noise ratio (LRA-CMA-ES); like Optuna, it refuses
    ``use_separable_cma`` or ``with_margin`` with a ``ValueError``.

    ``with_margin`` is CMA-ES with margin: each integer or stepped-float
    parameter keeps a chance of at least 1/(n·popsize) of changing value, so
    it never freezes on one value (not with ``use_separable_cma``).
    ``source_trials`` warm-starts the search (WS-CMA-ES) from the best 10% of
    a similar study's trials, Hone or Optuna ``FrozenTrial`` objects or
    anything with ``params``, ``value`` and ``state``: at least 10 COMPLETE
    ones (or PRUNED ones with a value, with ``consider_pruned_trials``) whose
    parameters are exactly the float and int parameters searched; not with
    ``x0``, ``sigma0`` or ``use_separable_cma``, as in Optuna, but with
    ``with_margin`` or ``lr_adapt``. A restart starts from the warm start
    again, as Optuna 3.x's did. Their parameters, values and states travel in
    the spec, so a reloaded study starts from the same distribution.
    ``warn_independent_sampling`` is accepted; the library has no logger, so it
    prints nothing.
    """

    _type = "cmaes"

    def __init__(
        self,
        *,
        x0: Optional[Mapping[str, float]] = None,
        sigma0: Optional[float] = None,
        n_startup_trials: int = 1,
        independent_sampler: Optional[BaseSampler] = None,
        warn_independent_sampling: bool = True,
        seed: Optional[int] = None,
        consider_pruned_trials: bool = False,
        restart_strategy: Optional[str] = None,
        popsize: Optional[int] = None,
        inc_popsize: int = 2,
        use_separable_cma: bool = False,
        with_margin: bool = False,
        lr_adapt: bool = False,
        source_trials: Optional[Sequence[Any]] = None,
    ) -> None:
        super().__init__(seed)
        if independent_sampler is not None and not isinstance(independent_sampler, BaseSampler):
            raise TypeError(f"independent_sampler must be a hone sampler, not {type(independent_sampler).__name__}")
        config: Dict[str, Any] = {
            "n_startup_trials": _int("n_startup_trials", n_startup_trials),
            "warn_independent_sampling": bool(warn_independent_sampling),
            "consider_pruned_trials": bool(consider_pruned_trials),
            "inc_popsize": _int("inc_popsize", inc_popsize),
            "use_separable_cma": bool(use_separable_cma),
            "with_margin": bool(with_margin),
            "lr_adapt": bool(lr_adapt),
        }
        if x0 is not None:
            config["x0"] = {_str("x0 key", k): _real(f"x0['{k}']", v) for k, v in x0.items()}
        if sigma0 is not None:
            config["sigma0"] = _real("sigma0", sigma0)
        if popsize is not None:
            config["popsize"] = _int("popsize", popsize)
        if restart_strategy is not None:
            config["restart_strategy"] = _str("restart_strategy", restart_strategy)
        if independent_sampler is not None:
            config["independent_sampler"] = independent_sampler._to_spec()
        if source_trials is not None:
            config["source_trials"] = [_source_trial(i, t) for i, t in enumerate(source_trials)]
        self._independent_sampler = independent_sampler
        self._config = config
        self._validate()

    def _options(self) -> Dict[str, Any]:
        return dict(self._config)


def _real(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a float, not {type(value).__name__}")
    return float(value)


def _source_value(name: str, value: Any) -> Any:
    """A source trial's parameter as JSON: a str, bool or None, an exact int, or a float."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"{name} must be a number, str, bool or None, not {type(value).__name__}")


def _source_trial(i: int, trial: Any) -> Dict[str, Any]:
    """The library's JSON of one source trial: ``{"params": {...}, "value": v, "state": "COMPLETE"}``."""
    for attribute in ("params", "state"):
        if not hasattr(trial, attribute):
            raise TypeError(f"source_trials[{i}] has no '{attribute}': pass FrozenTrial objects")
    values = getattr(trial, "values", None)
    if values is not None and len(values) > 1:
        raise ValueError(f"source_trials[{i}] is multi-objective; warm starting takes single-objective trials")
    try:
        value = trial.value
    except RuntimeError as error:  # a multi-objective Optuna or Hone FrozenTrial
        raise ValueError(f"source_trials[{i}]: {error}") from None
    state = trial.state
    state_name = state if isinstance(state, str) else getattr(state, "name", None)
    if not isinstance(state_name, str):
        raise TypeError(f"source_trials[{i}].state must be a TrialState or its name, not {type(state).__name__}")
    return {
        "params": {_str(f"source_trials[{i}] parameter name", k): _source_value(f"source_trials[{i}].params['{k}']", v)
                   for k, v in trial.params.items()},
        "value": None if value is None else _real(f"source_trials[{i}].value", value),
        "state": state_name,
    }


class BruteForceSampler(BaseSampler):
    """Tries every point of a finite define-by-run search space, as Optuna's ``BruteForceSampler``.

    Parameters must be categorical, integer or stepped floats (``step=...``); a
    continuous float raises :class:`hone.InvalidArgumentError` naming it. The
    tree of the parameter paths trials took is rebuilt from the study's history,
    so conditional spaces are covered as they are revealed. Once every point has
    been tried, :meth:`hone.Study.ask` raises :class:`hone.ExhaustedError` and
    :meth:`hone.Study.optimize` stops, as Optuna's study stops.

    Pruned and failed trials have tried their point and are not retried
    (Optuna's rule); a running trial counts as having suggested all it will, so
    parallel workers do not duplicate it. A trial that stopped before parameters
    other trials went on to suggest marks no point (Optuna raises there).

    Args:
        seed: fixes the order of the search.
        avoid_premature_stop: running trials may still suggest more parameters,
            so the search stops only once they finish; more duplicates in parallel.
    """

    _type = "brute_force"

    def __init__(self, seed: Optional[int] = None, avoid_premature_stop: bool = False) -> None:
        super().__init__(seed)
        self._avoid_premature_stop = bool(avoid_premature_stop)
        self._validate()

    def _options(self) -> Dict[str, Any]:
        return {"avoid_premature_stop": self._avoid_premature_stop}


class PartialFixedSampler(BaseSampler):
    """Fixes some parameters and samples the others with ``base_sampler``, as Optuna's.

    ``fixed_params`` maps parameter names to values (None, bool, int, float or
    str; a categorical's choice itself). A fixed parameter takes its value when
    it is suggested and is left out of the base sampler's joint space. Unlike
    Optuna, which warns and uses it anyway, a fixed value outside the
    distribution it is suggested with raises :class:`hone.InvalidArgumentError`.
    Pruned and failed trials are handled as ``base_sampler`` handles them. The
    seed is the base sampler's. A :class:`BruteForceSampler` base sees the other
    values of a fixed parameter as untried, so it never stops the study, as in Optuna.
    """

    _type = "partial_fixed"

    def __init__(self, fixed_params: Mapping[str, Any], base_sampler: BaseSampler) -> None:
        super().__init__(None)
        if not isinstance(base_sampler, BaseSampler):
            raise TypeError(f"base_sampler must be a hone sampler, not {type(base_sampler).__name__}")
        fixed: Dict[str, Any] = {}
        for name, value in fixed_params.items():
            if not isinstance(name, str):
                raise TypeError(f"fixed parameter names must be str, not {type(name).__name__}")
            fixed[name] = _plain_choice(value, finite=False)
        self._fixed_params = fixed
        self._base_sampler = base_sampler
        self._validate()

    @property
    def fixed_params(self) -> Dict[str, Any]:
        """A copy of the fixed values."""
        return dict(self._fixed_params)

    @property
    def base_sampler(self) -> BaseSampler:
        """The sampler of the parameters that are not fixed."""
        return self._base_sampler

    def _options(self) -> Dict[str, Any]:
        return {"fixed_params": dict(self._fixed_params), "base_sampler": self._base_sampler._to_spec()}


class NSGAIISampler(BaseSampler):
    """NSGA-II, as Optuna's ``NSGAIISampler``: a genetic algorithm whose survivors
    are chosen by fast non-dominated sorting and crowding distance.

    It works with one objective too (a plain elitist genetic algorithm). Each
    child takes its parents by binary tournament; with probability
    ``crossover_prob`` it is their ``crossover`` (one of
    :mod:`hone.samplers.nsgaii`'s, an operator's name such as ``"sbx"``, or an
    Optuna crossover object; :class:`~hone.samplers.nsgaii.UniformCrossover`
    with ``swapping_prob`` by default), else a copy of one parent; categorical
    parameters always cross by uniform crossover with ``swapping_prob``. Each
    parameter then mutates with probability ``mutation_prob`` (``1 / n`` for n
    parameters by default): resampled at random, or moved by ``mutation``
    (:class:`~hone.samplers.nsgaii.PolynomialMutation`). Generation 0 is random.

    Generations live in the study: each trial records its generation in the
    system attribute ``"NSGAIISampler:generation"``, and the first trial of a
    generation lists its parents in ``"NSGAIISampler:parents"``, so a study
    reloaded from storage, or shared by several workers, continues the same
    search, and any worker's trials complete a generation.

    ``constraints_func(frozen_trial)``, as in Optuna, gives a sequence of floats,
    each satisfied when <= 0; the study stores them in the trial's system
    attribute ``"constraints"``, and domination is then constrained (feasible
    first, then by total violation; a trial without constraint values counts as
    feasible, as in Optuna 5, and one with a NaN comes after every other).

    ``elite_population_selection_strategy``, ``child_generation_strategy`` and
    ``after_trial_strategy`` take Python callables in Optuna. Hone's sampler
    runs inside the library, whose spec cannot carry code, so only the built-in
    strategies exist here (Swift's ``NSGAIISampler`` has them as closures):
    passing one raises ``NotImplementedError``.
    """

    _type = "nsgaii"

    def __init__(
        self,
        *,
        population_size: int = 50,
        mutation: Optional[Any] = None,
        mutation_prob: Optional[float] = None,
        crossover: Optional[Any] = None,
        crossover_prob: float = 0.9,
        swapping_prob: float = 0.5,
        seed: Optional[int] = None,
        constraints_func: Optional[Any] = None,
        elite_population_selection_strategy: Optional[Any] = None,
        child_generation_strategy: Optional[Any] = None,
        after_trial_strategy: Optional[Any] = None,
    ) -> None:
        super().__init__(seed, constraints_func)
        for name, strategy in [
            ("elite_population_selection_strategy", elite_population_selection_strategy),
            ("child_generation_strategy", child_generation_strategy),
            ("after_trial_strategy", after_trial_strategy),
        ]:
            if strategy is not None:
                raise NotImplementedError(
                    f"{name}: hone's NSGA samplers run inside libhone, so only the built-in strategies exist"
                )
        self._config: Dict[str, Any] = {
            "population_size": _int("population_size", population_size),
            "mutation": nsgaii._mutation_spec(mutation),
            "mutation_prob": None if mutation_prob is None else _real("mutation_prob", mutation_prob),
            "crossover_prob": _real("crossover_prob", crossover_prob),
            "swapping_prob": _real("swapping_prob", swapping_prob),
            "crossover": nsgaii._crossover_spec(crossover),
        }
        self._validate()

    def _options(self) -> Dict[str, Any]:
        return {k: v for k, v in self._config.items() if v is not None}


class NSGAIIISampler(NSGAIISampler):
    """NSGA-III, as Optuna's ``NSGAIIISampler``: NSGA-II whose last front is
    thinned by niching around reference points instead of crowding distance.

    ``reference_points`` (one row per point, one column per objective; only
    their directions matter) default to Das and Dennis's points on the unit
    simplex with ``dividing_parameter`` divisions. The objectives are
    normalized as losses (a maximized objective as its negation). Generations
    are kept under ``"NSGAIIISampler:generation"`` and
    ``"NSGAIIISampler:parents"``. Every other argument is
    :class:`NSGAIISampler`'s.
    """

    _type = "nsgaiii"

    def __init__(
        self,
        *,
        population_size: int = 50,
        mutation: Optional[Any] = None,
        mutation_prob: Optional[float] = None,
        crossover: Optional[Any] = None,
        crossover_prob: float = 0.9,
        swapping_prob: float = 0.5,
        seed: Optional[int] = None,
        constraints_func: Optional[Any] = None,
        reference_points: Optional[Any] = None,
        dividing_parameter: int = 3,
        elite_population_selection_strategy: Optional[Any] = None,
        child_generation_strategy: Optional[Any] = None,
        after_trial_strategy: Optional[Any] = None,
    ) -> None:
        self._extra: Dict[str, Any] = {"dividing_parameter": _int("dividing_parameter", dividing_parameter)}
        if reference_points is not None:
            rows = reference_points.tolist() if hasattr(reference_points, "tolist") else reference_points
            self._extra["reference_points"] = [
                [_real("reference_points", x) for x in row] for row in rows
            ]
        super().__init__(
            population_size=population_size,
            mutation=mutation,
            mutation_prob=mutation_prob,
            crossover=crossover,
            crossover_prob=crossover_prob,
            swapping_prob=swapping_prob,
            seed=seed,
            constraints_func=constraints_func,
            elite_population_selection_strategy=elite_population_selection_strategy,
            child_generation_strategy=child_generation_strategy,
            after_trial_strategy=after_trial_strategy,
        )
        self._config.update(self._extra)

    def _options(self) -> Dict[str, Any]:
        return dict(super()._options(), **self._extra)


import sys  # noqa: E402

from . import _nsgaii as nsgaii  # noqa: E402  (the crossovers, as optuna.samplers.nsgaii)

# So that ``from hone.samplers.nsgaii import SBXCrossover`` works, as Optuna's import does.
sys.modules[__name__ + ".nsgaii"] = nsgaii
