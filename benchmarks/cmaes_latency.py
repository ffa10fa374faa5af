"""CmaEsSampler beside Optuna's, in one run: the latency of an ask with its suggests.

Usage: python cmaes_latency.py [--trials N] [--dim D] [--asks K]

Each library's CmaEsSampler (seed 0, default options) runs N trials (default
300) of a shifted sphere in D dimensions (default 10, each in [-5, 5]), so the
history holds its own generations; then K more asks (default 60) are timed,
in alternating blocks between the libraries (latency.py): ask + D
suggest_float calls, the tell excluded. Printed: the median ms of each library, and Optuna's median
over Hone's. Hone's RandomSampler runs the same loop as the floor: what an ask
and its suggests cost through the Python package whatever the sampler.

The file is not named cmaes.py: the quality benchmark puts benchmarks/ on
sys.path, where that name would shadow the cmaes package Optuna imports.
"""
import argparse
import hone
from latency import paired_asks


def objective_values(x):
    return sum((v - 1.0) ** 2 for v in x)


def warm(study, dim, n):
    """Runs n trials through the study's own sampler; Hone's and Optuna's studies share this API."""
    for _ in range(n):
        trial = study.ask()
        study.tell(trial, objective_values([trial.suggest_float(f"x{i}", -5.0, 5.0) for i in range(dim)]))
    return study


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--dim", type=int, default=10)
    parser.add_argument("--asks", type=int, default=60)
    args = parser.parse_args()

    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    studies = [
        hone.create_study(sampler=hone.samplers.CmaEsSampler(seed=0)),
        optuna.create_study(sampler=optuna.samplers.CmaEsSampler(seed=0)),
        hone.create_study(sampler=hone.samplers.RandomSampler(seed=0)),
    ]
    for study in studies:
        warm(study, args.dim, args.trials)
    h, o, floor = paired_asks(studies, [(-5.0, 5.0)] * args.dim, objective_values, args.asks)
    print(f"CmaEsSampler ask + {args.dim} suggests after {args.trials} trials (d = {args.dim}), {args.asks} asks:")
    print(f"  hone    median {h:8.3f} ms   best {studies[0].best_value:.3g}")
    print(f"  optuna  median {o:8.3f} ms   best {studies[1].best_value:.3g}")
    print(f"  hone RandomSampler, the same loop (the floor): median {floor:8.3f} ms")
    print(f"  optuna / hone (median): {o / h:.1f}x")


if __name__ == "__main__":
    main()
