"""GPSampler with two objectives beside Optuna's, in one run: the latency of an ask with its suggests.

Usage: python gp_multiobjective_latency.py [--trials N] [--dim D] [--asks K]

Both libraries' GPSampler (seed 0, default options) get the same N random
trials (default 200) of ZDT1 in D variables (default 5) as finished trials;
then K more asks (default 10) are timed, in alternating blocks (latency.py):
ask + D suggest_float calls, the tell excluded. Each ask fits one GP per
objective and maximizes log EHVI. Printed: each library's median ms and
Optuna's over Hone's (the issue's goal is 10x at n = 200).
"""
import argparse
import math

import hone  # before numpy: see hone.blas_info
import numpy as np
from latency import paired_asks


def zdt1(x):
    g = 1 + 9 * sum(x[1:]) / max(len(x) - 1, 1)
    return [float(x[0]), float(g * (1 - math.sqrt(x[0] / g)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--dim", type=int, default=5)
    parser.add_argument("--asks", type=int, default=10)
    args = parser.parse_args()

    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    print("blas_info:", hone.blas_info())
    rng = np.random.default_rng(0)
    xs = rng.uniform(0, 1, size=(args.trials, args.dim)).tolist()
    directions = ["minimize", "minimize"]
    ours = hone.create_study(directions=directions, sampler=hone.samplers.GPSampler(seed=0))
    for x in xs:
        ours.enqueue_trial({f"x{i}": v for i, v in enumerate(x)})
        trial = ours.ask()
        ours.tell(trial, zdt1([trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(args.dim)]))
    theirs = optuna.create_study(directions=directions, sampler=optuna.samplers.GPSampler(seed=0))
    dists = {f"x{i}": optuna.distributions.FloatDistribution(0.0, 1.0) for i in range(args.dim)}
    theirs.add_trials(
        optuna.trial.create_trial(params={f"x{i}": v for i, v in enumerate(x)}, distributions=dists, values=zdt1(x))
        for x in xs
    )
    h, o = paired_asks([ours, theirs], [(0.0, 1.0)] * args.dim, zdt1, args.asks, block=2)
    print(f"GPSampler ask + {args.dim} suggests after {args.trials} trials (2 objectives), {args.asks} asks:")
    print(f"  hone    median {h:9.3f} ms")
    print(f"  optuna  median {o:9.3f} ms")
    print(f"  optuna / hone (median): {o / h:.1f}x")


if __name__ == "__main__":
    main()
