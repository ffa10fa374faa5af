"""TPESampler beside Optuna's, in one run: the latency of an ask with its suggests.

Usage: python tpe_latency.py [--asks N]

At n = 100, 300 and 1,000 completed trials of a 5-dimensional quadratic (the
same random history for both libraries), the median time of N asks (default 61)
of ask + 5 suggest_float, each then told, for Hone's TPESampler and Optuna's
TPESampler, both multivariate (Optuna 5.0's default for one objective), with
the constant liar on (Optuna 5.0's default) and off, the two libraries' asks
in alternating blocks (latency.py). The ratio column is Optuna
over Hone; the last lines give each sampler's cost per 100 trials between n =
100 and n = 1,000, which is flat when an ask costs O(n).
"""
import argparse

import hone  # before numpy: see hone.blas_info
import numpy as np
from latency import optuna_replayed, paired_asks, replayed

D = 5
BOUNDS = [(-5.0, 5.0)] * D


def f(x):
    return float(sum((xi - 1.0) ** 2 for xi in x))


def history(n, seed=0):
    rng = np.random.default_rng(seed)
    xs = [[float(rng.uniform(lo, hi)) for lo, hi in BOUNDS] for _ in range(n)]
    return xs, [f(x) for x in xs]


def hone_study(n, liar):
    sampler = hone.samplers.TPESampler(seed=0, multivariate=True, constant_liar=liar)
    return replayed(hone.create_study(sampler=sampler), BOUNDS, *history(n))


def optuna_study(n, liar):
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    sampler = optuna.samplers.TPESampler(seed=0, multivariate=True, constant_liar=liar)
    return optuna_replayed(optuna.create_study(sampler=sampler), BOUNDS, *history(n))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--asks", type=int, default=61)
    args = parser.parse_args()
    import optuna

    print(f"hone {hone.__version__}, optuna {optuna.__version__}; d = {D}, median of {args.asks} asks")
    print(f"{'liar':>5} {'n':>6} {'hone ms':>9} {'optuna ms':>10} {'ratio':>7}")
    for liar in (True, False):
        rows = {}
        for n in (100, 300, 1000):
            h, o = paired_asks([hone_study(n, liar), optuna_study(n, liar)], BOUNDS, f, args.asks)
            rows[n] = (h, o)
            print(f"{str(liar):>5} {n:>6} {h:>9.3f} {o:>10.3f} {o / h:>7.1f}")
        for name, i in (("hone", 0), ("optuna", 1)):
            slope = (rows[1000][i] - rows[100][i]) / 9
            print(f"      {name}: {slope:.4f} ms per 100 trials from n = 100 to 1,000 (base {rows[100][i]:.3f} ms)")


if __name__ == "__main__":
    main()
