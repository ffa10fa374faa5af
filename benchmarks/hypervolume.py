"""hone.hypervolume beside Optuna's compute_hypervolume, in one run.

Usage: python hypervolume.py [--repeats R]

For each case, both libraries measure the same points with reference 1.1 in
every objective, in alternating calls, R times (default 21); printed: each
library's median milliseconds, Optuna's median over Hone's, and the relative
difference of the two values. Two sets per shape: "uniform" points in the unit
cube (most are dominated: Optuna filters them, Hone's sweep skips them) and
"front" points on the unit sphere's positive orthant (none is dominated, the
hard case). The issue's goal: at least 20 times Optuna's speed for 1,000
points in 3 objectives.
"""
import argparse
import statistics
import time

import numpy as np

import hone


def point_sets(n, m, seed):
    rng = np.random.default_rng(seed)
    uniform = rng.uniform(0, 1, size=(n, m))
    front = np.abs(rng.normal(size=(n, m)))
    front /= np.linalg.norm(front, axis=1, keepdims=True)
    return {"uniform": uniform, "front": front}


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=21)
    args = parser.parse_args()

    from optuna._hypervolume import compute_hypervolume

    cases = [(2, 1000), (2, 10000), (3, 1000), (3, 10000), (4, 100), (4, 300)]
    print(f"{'m':>2} {'n':>6} {'set':>8} {'hone ms':>10} {'optuna ms':>10} {'ratio':>8} {'rel diff':>9}")
    for m, n in cases:
        for name, points in point_sets(n, m, seed=m * 1000 + n).items():
            reference = np.full(m, 1.1)
            hone_times, optuna_times = [], []
            for _ in range(args.repeats):
                t, hv = timed(lambda: hone.hypervolume(points, reference))
                hone_times.append(t)
                t, expected = timed(lambda: compute_hypervolume(points, reference))
                optuna_times.append(t)
            h = statistics.median(hone_times) * 1e3
            o = statistics.median(optuna_times) * 1e3
            print(f"{m:>2} {n:>6} {name:>8} {h:>10.3f} {o:>10.3f} {o / h:>7.1f}x {abs(hv - expected) / expected:>9.1e}")


if __name__ == "__main__":
    main()
