"""Reference values for Tests/HoneNumericsTests/CMAMarginTests.swift, computed with the `cmaes` package.

Prints Swift literals of
  - three generations of CMAwM (CMA-ES with margin) told fixed populations, in
    Hone's unit-cube coordinates: a 5-value and a 2-value discrete coordinate whose
    values are the centres of cells of width 1/5 and 1/2 tiling [0, 1], and one
    continuous coordinate in [0, 1]; after each tell the mean, sigma and A;
  - get_warm_start_mgd of fixed source solutions: the mean, sigma and covariance.
The populations are drawn here from numpy's RandomState(7) and printed with the
results, so the Swift test tells exactly the same candidates.
Run: /work/bench-venv/bin/python scripts/cma_reference.py   (needs numpy, scipy and cmaes 0.12)
"""
import numpy as np
from cmaes import CMAwM, get_warm_start_mgd


def vec(v):
    return "[" + ", ".join(repr(float(x)) for x in v) + "]"


def margin_reference():
    # Cells of width 1/5 and 1/2: CMAwM's grid runs from the first centre to the last.
    steps = np.array([0.2, 0.5, 0.0])
    bounds = np.array([[0.1, 0.9], [0.25, 0.75], [0.0, 1.0]])
    mean0 = np.array([0.5, 0.3, 0.4])
    cma = CMAwM(mean=mean0, sigma=0.05, bounds=bounds, steps=steps, population_size=6)
    rng = np.random.RandomState(7)
    target = np.array([0.9, 0.8, 0.2])
    print("  // CMAwM(mean: [0.5, 0.3, 0.4], sigma: 0.05, steps: [0.2, 0.5, 0], population_size: 6)")
    print("  static let generations: [(population: [(x: [Double], value: Double)], mean: [Double], sigma: Double, a: [Double])] = [")
    for _ in range(3):
        xs = [cma.mean + 0.3 * cma._cma._sigma * rng.randn(3) for _ in range(6)]
        population = [(x, float(np.sum((x - target) ** 2))) for x in xs]
        cma.tell([(x.copy(), v) for x, v in population])
        rows = ", ".join(f"({vec(x)}, {v!r})" for x, v in population)
        print(f"    (population: [{rows}],")
        print(f"     mean: {vec(cma.mean)}, sigma: {float(cma._cma._sigma)!r}, a: {vec(cma._A)}),")
    print("  ]")
    probe = np.array([0.33, 0.62, 0.5])
    encoded = cma._encode_discrete_params(probe[cma._discrete_idx])
    print(f"  static let probe: [Double] = {vec(probe)}")
    print(f"  static let probeEncoded: [Double] = {vec(list(encoded) + [probe[2]])}")


def warm_start_reference():
    rng = np.random.RandomState(3)
    xs = [rng.uniform(0, 1, 3) for _ in range(25)]
    solutions = [(x, float((x[0] - 0.2) ** 2 + (x[1] - 0.7) ** 2 + 0.5 * x[2])) for x in xs]
    mean, sigma, cov = get_warm_start_mgd(solutions, gamma=0.1, alpha=0.1)
    print("  static let sources: [(x: [Double], value: Double)] = [")
    for x, v in solutions:
        print(f"    ({vec(x)}, {v!r}),")
    print("  ]")
    print(f"  static let warmMean: [Double] = {vec(mean)}")
    print(f"  static let warmSigma = {float(sigma)!r}")
    print(f"  static let warmCovariance: [[Double]] = [{', '.join(vec(r) for r in cov)}]")


margin_reference()
warm_start_reference()
