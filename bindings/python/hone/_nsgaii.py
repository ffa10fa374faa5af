"""NSGA-II's crossovers and mutation, with Optuna's names and defaults.

Available as ``hone.samplers.nsgaii``, as Optuna's are as ``optuna.samplers.nsgaii``.
They describe the operator only; ``libhone`` crosses the parents, in Optuna's
transformed space (log scales in log space, integers and stepped floats widened
by half a step). Each one serializes into the sampler's spec as
``{"type": name, parameters...}``.
"""

from __future__ import annotations

import numbers
from typing import Any, Dict, Optional

__all__ = [
    "BaseCrossover",
    "UniformCrossover",
    "BLXAlphaCrossover",
    "SBXCrossover",
    "SPXCrossover",
    "UNDXCrossover",
    "VSBXCrossover",
    "BaseMutation",
    "PolynomialMutation",
]


def _real(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a float, not {type(value).__name__}")
    return float(value)


def _optional_real(name: str, value: Any) -> Optional[float]:
    return None if value is None else _real(name, value)


def _probability(name: str, value: Any, *, open_low: bool = False) -> float:
    p = _real(name, value)
    if not (p <= 1.0 and (p > 0.0 if open_low else p >= 0.0)):
        interval = "(0.0, 1.0]" if open_low else "[0.0, 1.0]"
        raise ValueError(f"`{name}` must be a float value within the range {interval}.")
    return p


class BaseCrossover:
    """Base class of the crossovers; ``n_parents`` parents make one child."""

    n_parents = 2
    _type = ""

    def _params(self) -> Dict[str, Any]:
        return {}

    def _spec(self) -> Dict[str, Any]:
        return {"type": self._type, **self._params()}

    def __str__(self) -> str:
        return type(self).__name__

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self._params().items())
        return f"{type(self).__name__}({params})"


class UniformCrossover(BaseCrossover):
    """Each parameter from either parent: the second with probability ``1 - swapping_prob``."""

    _type = "uniform"

    def __init__(self, swapping_prob: float = 0.5) -> None:
        self._swapping_prob = _probability("swapping_prob", swapping_prob)

    def _params(self) -> Dict[str, Any]:
        return {"swapping_prob": self._swapping_prob}


class BLXAlphaCrossover(BaseCrossover):
    """Blend crossover: uniform in the parents' box widened by ``alpha`` times its width on each side."""

    _type = "blxalpha"

    def __init__(self, alpha: float = 0.5) -> None:
        self._alpha = _real("alpha", alpha)

    def _params(self) -> Dict[str, Any]:
        return {"alpha": self._alpha}


class _SimulatedBinary(BaseCrossover):
    def __init__(
        self, eta: Optional[float] = None, uniform_crossover_prob: float = 0.5, use_child_gene_prob: float = 0.5
    ) -> None:
        self._eta = _optional_real("eta", eta)
        if self._eta is not None and self._eta < 0.0:
            raise ValueError("The value of `eta` must be greater than or equal to 0.0.")
        self._uniform_crossover_prob = _probability("uniform_crossover_prob", uniform_crossover_prob)
        self._use_child_gene_prob = _probability("use_child_gene_prob", use_child_gene_prob, open_low=True)

    def _params(self) -> Dict[str, Any]:
        return {
            "eta": self._eta,
            "uniform_crossover_prob": self._uniform_crossover_prob,
            "use_child_gene_prob": self._use_child_gene_prob,
        }


class SBXCrossover(_SimulatedBinary):
    """Simulated binary crossover kept inside the bounds; ``eta`` None is 20 with several objectives, 2 with one."""

    _type = "sbx"


class VSBXCrossover(_SimulatedBinary):
    """vSBX, which excludes no region of the space; ``eta`` as in :class:`SBXCrossover`."""

    _type = "vsbx"


class SPXCrossover(BaseCrossover):
    """Simplex crossover of three parents; ``epsilon`` None is ``sqrt(n + 2)`` for n numeric parameters."""

    n_parents = 3
    _type = "spx"

    def __init__(self, epsilon: Optional[float] = None) -> None:
        self._epsilon = _optional_real("epsilon", epsilon)

    def _params(self) -> Dict[str, Any]:
        return {"epsilon": self._epsilon}


class UNDXCrossover(BaseCrossover):
    """Unimodal normal distribution crossover of three parents.

    ``sigma_eta`` None is ``0.35 / sqrt(n)``. As in Optuna, the draws along and
    across the parents' line have standard deviations ``sigma_xi**2`` and
    ``sigma_eta**2``.
    """

    n_parents = 3
    _type = "undx"

    def __init__(self, sigma_xi: float = 0.5, sigma_eta: Optional[float] = None) -> None:
        self._sigma_xi = _real("sigma_xi", sigma_xi)
        self._sigma_eta = _optional_real("sigma_eta", sigma_eta)

    def _params(self) -> Dict[str, Any]:
        return {"sigma_xi": self._sigma_xi, "sigma_eta": self._sigma_eta}


class BaseMutation:
    """Base class of the mutations."""

    _type = ""

    def _spec(self) -> Dict[str, Any]:
        return {"type": self._type}

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class PolynomialMutation(BaseMutation):
    """Deb's polynomial mutation with distribution index ``eta``."""

    _type = "polynomial"

    def __init__(self, eta: float = 20.0) -> None:
        self._eta = _real("eta", eta)
        if self._eta < 0:
            raise ValueError("`eta` must be a non-negative float value.")

    def _spec(self) -> Dict[str, Any]:
        return {"type": self._type, "eta": self._eta}

    def __repr__(self) -> str:
        return f"PolynomialMutation(eta={self._eta!r})"


_NAMES = {
    "UniformCrossover": UniformCrossover,
    "BLXAlphaCrossover": BLXAlphaCrossover,
    "SBXCrossover": SBXCrossover,
    "SPXCrossover": SPXCrossover,
    "UNDXCrossover": UNDXCrossover,
    "VSBXCrossover": VSBXCrossover,
}


def _crossover_spec(crossover: Any) -> Optional[Dict[str, Any]]:
    """The spec of a crossover: one of these, a name (``"sbx"``), or an Optuna crossover object."""
    if crossover is None:
        return None
    if isinstance(crossover, BaseCrossover):
        return crossover._spec()
    if isinstance(crossover, str):
        return {"type": crossover}
    # An Optuna crossover: same class name, same private attributes.
    mine = _NAMES.get(type(crossover).__name__)
    if mine is not None and type(crossover).__module__.startswith("optuna."):
        keys = {"uniform": ["swapping_prob"], "blxalpha": ["alpha"], "spx": ["epsilon"], "undx": ["sigma_xi", "sigma_eta"]}
        names = keys.get(mine._type, ["eta", "uniform_crossover_prob", "use_child_gene_prob"])
        return {"type": mine._type, **{k: getattr(crossover, f"_{k}") for k in names}}
    raise ValueError(f"'{crossover}' is not a valid crossover; see hone.samplers.nsgaii")


def _mutation_spec(mutation: Any) -> Optional[Dict[str, Any]]:
    if mutation is None:
        return None
    if isinstance(mutation, BaseMutation):
        return mutation._spec()
    if type(mutation).__name__ == "PolynomialMutation" and type(mutation).__module__.startswith("optuna."):
        return {"type": "polynomial", "eta": float(getattr(mutation, "_eta"))}
    raise ValueError(f"'{mutation}' is not a valid mutation; see hone.samplers.nsgaii")
