"""NSGAIISampler beside Optuna's, in one run: the latency of an ask with its suggests.

Usage: python nsga_latency.py [--trials N] [--dim D] [--asks K]

Each library's NSGAIISampler (seed 0, default options: population 50) runs N
trials (default 1,000) of ZDT1 in D variables (default 5), so that the history
holds 20 generations; then K more asks (default 100) are timed, in alternating
blocks between the libraries (latency.py): ask + D suggest_float calls, the
tell excluded. Printed: the median ms of each library and Optuna's median over
Hone's (the issue's goal is 50x). Hone's RandomSampler runs the same loop as the
floor: what an ask and its suggests cost through the Python package whatever
the sampler.
"""
import argparse
import math

import hone
from latency import paired_asks


def zdt1(x):
    g = 1 + 9 * sum(x[1:]) / max(len(x) - 1, 1)
    return [float(x[0]), float(g * (1 - math.sqrt(x[0] / g)))]


def warm(study, dim, n):
    """Runs n trials through the study's own sampler; Hone's and Optuna's studies share this API."""
    for _ in range(n):
        trial = study.ask()
        study.tell(trial, zdt1([trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(dim)]))
    return study


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--dim", type=int, default=5)
    parser.add_argument("--asks", type=int, default=100)
    args = parser.parse_args()

    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    directions = ["minimize", "minimize"]
    studies = [
        hone.create_study(directions=directions, sampler=hone.samplers.NSGAIISampler(seed=0)),
        optuna.create_study(directions=directions, sampler=optuna.samplers.NSGAIISampler(seed=0)),
        hone.create_study(directions=directions, sampler=hone.samplers.RandomSampler(seed=0)),
    ]
    for study in studies:
        warm(study, args.dim, args.trials)
    h, o, floor = paired_asks(studies, [(0.0, 1.0)] * args.dim, zdt1, args.asks)
    print(f"NSGAIISampler ask + {args.dim} suggests after {args.trials} trials (2 objectives), {args.asks} asks:")
    print(f"  hone    median {h:8.3f} ms")
    print(f"  optuna  median {o:8.3f} ms")
    print(f"  hone RandomSampler, the same loop (the floor): median {floor:8.3f} ms")
    print(f"  optuna / hone (median): {o / h:.1f}x")


if __name__ == "__main__":
    main()
