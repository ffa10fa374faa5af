"""CmaEsSampler beside Optuna's, in one run: the latency of an ask with its suggests.

Usage: python cmaes_latency.py [--trials N] [--dim D] [--asks K]

Each library's CmaEsSampler (seed 0, default options) runs N trials (default
300) of a shifted sphere in D dimensions (default 10, each in [-5, 5]), so the
history holds its own generations; then K more asks (default 30) are timed:
ask + D suggest_float calls, the tell excluded. Printed: the median and maximum
ms of each library, and Optuna's median over Hone's. Hone's RandomSampler runs
the same loop as the floor: what an ask and its suggests cost through the
Python package whatever the sampler.

The file is not named cmaes.py: the quality benchmark puts benchmarks/ on
sys.path, where that name would shadow the cmaes package Optuna imports.
"""
import argparse
import statistics
import time

import hone


def objective_values(x):
    return sum((v - 1.0) ** 2 for v in x)


def run(study, dim, n, asks):
    """Runs n trials, then times `asks` more; Hone's and Optuna's studies share this API."""
    times = []
    for k in range(n + asks):
        t0 = time.perf_counter()
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", -5.0, 5.0) for i in range(dim)]
        if k >= n:
            times.append(time.perf_counter() - t0)
        study.tell(trial, objective_values(x))
    return 1e3 * statistics.median(times), 1e3 * max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--dim", type=int, default=10)
    parser.add_argument("--asks", type=int, default=30)
    args = parser.parse_args()

    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    hone_study = hone.create_study(sampler=hone.samplers.CmaEsSampler(seed=0))
    h_median, h_max = run(hone_study, args.dim, args.trials, args.asks)
    floor_median, _ = run(hone.create_study(sampler=hone.samplers.RandomSampler(seed=0)), args.dim, args.trials, args.asks)
    optuna_study = optuna.create_study(sampler=optuna.samplers.CmaEsSampler(seed=0))
    o_median, o_max = run(optuna_study, args.dim, args.trials, args.asks)
    print(f"CmaEsSampler ask + {args.dim} suggests after {args.trials} trials (d = {args.dim}), {args.asks} asks:")
    print(f"  hone    median {h_median:8.3f} ms   max {h_max:8.3f} ms   best {hone_study.best_value:.3g}")
    print(f"  optuna  median {o_median:8.3f} ms   max {o_max:8.3f} ms   best {optuna_study.best_value:.3g}")
    print(f"  hone RandomSampler, the same loop (the floor): median {floor_median:8.3f} ms")
    print(f"  optuna / hone (median): {o_median / h_median:.1f}x")


if __name__ == "__main__":
    main()
