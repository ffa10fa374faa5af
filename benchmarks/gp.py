"""GPSampler beside Optuna's, in one run: ask latency, then sample efficiency.

Usage: python gp.py [--latency-only | --efficiency-only] [--seeds N] [--suite shared|unseen|all]

1. Ask latency at n = 100, 300 and 1,000 completed trials on ackley5 (d = 5):
   the median time of a few asks (ask + 5 suggests, then tell), for Hone's
   GPSampler and Optuna's GPSampler fed the same history.
2. Sample efficiency on ../shared/benchmarks/functions.py and on the functions
   of unseen_functions.py: the median simple regret after 30 and 60 trials over
   N seeds (default 10), for Hone's GP (with its default lengthscale prior and
   with Optuna's), Optuna's GP, Optuna's multivariate TPE and random search.
"""
import argparse
import json
import os
import statistics
import sys

import hone  # before numpy: see hone.blas_info
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "benchmarks"))
from functions import FUNCTIONS  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency import optuna_replayed, replayed, timed_asks  # noqa: E402
from unseen_functions import UNSEEN  # noqa: E402

SUITES = {"shared": FUNCTIONS, "unseen": UNSEEN, "all": {**FUNCTIONS, **UNSEEN}}


def history(n, seed=0):
    """n random points of ackley5 and their values, the same for both libraries."""
    bounds, f, _ = FUNCTIONS["ackley5"]
    rng = np.random.default_rng(seed)
    xs = [[rng.uniform(lo, hi) for lo, hi in bounds] for _ in range(n)]
    return bounds, f, xs, [f(np.array(x)) for x in xs]


def median_and_max(times):
    return 1e3 * statistics.median(times), 1e3 * max(times)


def hone_latency(n, asks):
    bounds, f, xs, ys = history(n)
    study = replayed(hone.create_study(sampler=hone.samplers.GPSampler(seed=0, n_startup_trials=10)), bounds, xs, ys)
    return median_and_max(timed_asks(study, bounds, f, asks))


def optuna_latency(n, asks):
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    bounds, f, xs, ys = history(n)
    study = optuna_replayed(optuna.create_study(sampler=optuna.samplers.GPSampler(seed=0)), bounds, xs, ys)
    return median_and_max(timed_asks(study, bounds, f, asks))


def latency():
    # Hone refits its kernel on the first ask (cold: no warm start) and, above 200
    # points, conditions on new points by Cholesky appends until the data grows by
    # 5%: the max column is the refitting ask, the median the typical one.
    print("== ask latency, ackley5 (d = 5), ms per ask (median / max)")
    print(f"{'n':>6} {'Hone GP':>15} {'Optuna GP':>15} {'median ratio':>13}")
    for n, asks in ((100, 7), (300, 7), (1000, 5)):
        ours = hone_latency(n, asks)
        try:
            theirs = optuna_latency(n, 3 if n < 1000 else 2)
        except ImportError:
            theirs = (float("nan"), float("nan"))
        print(f"{n:>6} {ours[0]:>7.1f} / {ours[1]:<5.1f} {theirs[0]:>7.1f} / {theirs[1]:<6.1f} "
              f"{theirs[0] / ours[0]:>12.1f}x", flush=True)


def regret_trace(bounds, f, make_study, seed, n_trials):
    """The best value after each trial; Hone's and Optuna's studies share this API."""
    study = make_study(seed)
    best, trace = float("inf"), []
    for _ in range(n_trials):
        trial = study.ask()
        x = np.array([trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)])
        y = f(x)
        study.tell(trial, y)
        best = min(best, y)
        trace.append(best)
    return trace


def efficiency(seeds, functions):
    peers = [
        ("Hone GP", lambda s: hone.create_study(sampler=hone.samplers.GPSampler(seed=s))),
        ("Hone GP, Optuna prior", lambda s: hone.create_study(
            sampler=hone.samplers.GPSampler(seed=s, lengthscale_prior="optuna"))),
        ("random", lambda s: hone.create_study(sampler=hone.samplers.RandomSampler(seed=s))),
    ]
    try:
        import optuna

        optuna.logging.set_verbosity(optuna.logging.WARNING)
        peers += [
            ("Optuna GP", lambda s: optuna.create_study(sampler=optuna.samplers.GPSampler(seed=s))),
            ("Optuna TPE", lambda s: optuna.create_study(
                sampler=optuna.samplers.TPESampler(seed=s, multivariate=True))),
        ]
    except ImportError:
        pass
    print(f"== median simple regret over {seeds} seeds (after 30 / 60 trials)")
    print(f"{'function':>12} " + " ".join(f"{name:>21}" for name, _ in peers))
    for fname, (bounds, f, f_opt) in functions.items():
        cells = []
        for _, make in peers:
            traces = [regret_trace(bounds, f, make, s, 60) for s in range(seeds)]
            r30 = statistics.median(t[29] - f_opt for t in traces)
            r60 = statistics.median(t[59] - f_opt for t in traces)
            cells.append(f"{r30:>10.4f} / {r60:<8.4f}")
        print(f"{fname:>12} " + " ".join(f"{c:>21}" for c in cells), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency-only", action="store_true")
    parser.add_argument("--efficiency-only", action="store_true")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--suite", choices=sorted(SUITES), default="all")
    args = parser.parse_args()
    print(f"blas_info: {json.dumps(hone.blas_info())}")
    if not args.efficiency_only:
        latency()
    if not args.latency_only:
        efficiency(args.seeds, SUITES[args.suite])


if __name__ == "__main__":
    main()
