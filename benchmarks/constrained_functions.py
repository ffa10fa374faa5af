"""Constrained test problems, for the constrained samplers' quality benchmarks.

Each constraint is a function of x whose value is <= 0 where it holds, Optuna's
convention for ``constraints_func``.

CONSTRAINED (one objective): name -> (bounds, f, constraints, f_opt), f and
constraints taking a numpy array; f_opt is the best feasible value, found by a
dense grid refined locally the first time it is asked for (``optimum(name)``).
- gardner: Gardner et al. 2014 (Bayesian optimization with inequality
  constraints), min cos(2x)cos(y) + sin(x) s.t. cos(x)cos(y) - sin(x)sin(y) <= 0.5
  on [0, 6]^2: a third of the square is infeasible, in bands, though the
  minimum (-2 at (3pi/2, 0)) is feasible.
- gramacy: Gramacy et al. 2016's toy problem, min x + y s.t. two nonlinear
  constraints on [0, 1]^2, optimum about 0.5998 at (0.1954, 0.4044).
- branin_disk: Branin restricted to the disk (x - 2.5)^2 + (y - 7.5)^2 <= 18,
  which excludes all three of its minima: the optimum lies on the disk's edge.

MULTI (several objectives): name -> (bounds, objectives, constraints, reference)
with every objective minimized and ``reference`` a hypervolume reference point.
- binh_korn: Binh and Korn 1997, 2 objectives and 2 constraints on [0, 5] x [0, 3].
"""
import math

import numpy as np


def gardner(x):
    return float(math.cos(2 * x[0]) * math.cos(x[1]) + math.sin(x[0]))


def gardner_constraints(x):
    return [math.cos(x[0]) * math.cos(x[1]) - math.sin(x[0]) * math.sin(x[1]) - 0.5]


def gramacy(x):
    return float(x[0] + x[1])


def gramacy_constraints(x):
    a, b = float(x[0]), float(x[1])
    return [1.5 - a - 2 * b - 0.5 * math.sin(2 * math.pi * (a * a - 2 * b)), a * a + b * b - 1.5]


def branin(x):
    b, c, t = 5.1 / (4 * math.pi**2), 5 / math.pi, 1 / (8 * math.pi)
    u = x[1] - b * x[0] ** 2 + c * x[0] - 6
    return float(u * u + 10 * (1 - t) * math.cos(x[0]) + 10)


def branin_disk_constraints(x):
    return [(x[0] - 2.5) ** 2 + (x[1] - 7.5) ** 2 - 18]


def binh_korn(x):
    return [float(4 * x[0] ** 2 + 4 * x[1] ** 2), float((x[0] - 5) ** 2 + (x[1] - 5) ** 2)]


def binh_korn_constraints(x):
    return [float((x[0] - 5) ** 2 + x[1] ** 2 - 25), float(7.7 - (x[0] - 8) ** 2 - (x[1] + 3) ** 2)]


CONSTRAINED = {
    "gardner": ([(0.0, 6.0), (0.0, 6.0)], gardner, gardner_constraints, None),
    "gramacy": ([(0.0, 1.0), (0.0, 1.0)], gramacy, gramacy_constraints, None),
    "branin_disk": ([(-5.0, 10.0), (0.0, 15.0)], branin, branin_disk_constraints, None),
}

MULTI = {
    "binh_korn": ([(0.0, 5.0), (0.0, 3.0)], binh_korn, binh_korn_constraints, [140.0, 50.0]),
}

_OPTIMA = {}


def feasible(constraints, x):
    """Whether every constraint holds at x."""
    return all(c <= 0 for c in constraints(x))


def optimum(name, grid=1201):
    """The best feasible value of CONSTRAINED[name]: a grid, then a few thousand local
    random steps around the best grid points (feasibility kept), cached."""
    if name in _OPTIMA:
        return _OPTIMA[name]
    bounds, f, constraints, known = CONSTRAINED[name]
    if known is not None:
        return known
    lows = np.array([lo for lo, _ in bounds])
    highs = np.array([hi for _, hi in bounds])
    axes = [np.linspace(lo, hi, grid) for lo, hi in bounds]
    points = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, len(bounds))
    values = np.array([f(p) if feasible(constraints, p) else np.inf for p in points])
    starts = points[np.argsort(values)[:20]]
    best = float(np.min(values))
    rng = np.random.default_rng(0)
    step = (highs - lows) / grid
    for start in starts:
        x, fx = start.copy(), f(start)
        for scale in (4.0, 1.0, 0.25, 0.0625):
            for _ in range(400):
                y = np.clip(x + rng.normal(0, scale, len(bounds)) * step, lows, highs)
                if feasible(constraints, y) and f(y) < fx:
                    x, fx = y, f(y)
        best = min(best, fx)
    _OPTIMA[name] = best
    return best


if __name__ == "__main__":
    for name in CONSTRAINED:
        print(f"{name}: best feasible value {optimum(name):.6f}")
