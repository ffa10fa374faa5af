"""Quickstart: tune a 2-D function with Hone's Optuna-style Python API.

Run with the wheel installed (`make wheel`, then `pip install wheelhouse/hone_hpo-*.whl`),
or with HONE_LIBRARY pointing at a built libhone.so and bindings/python on PYTHONPATH.
"""
import math

import hone


def branin(x, y):
    """The Branin function: three global minima, f* = 0.397887."""
    b, c, t = 5.1 / (4 * math.pi**2), 5 / math.pi, 1 / (8 * math.pi)
    return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10


def objective(trial):
    return branin(trial.suggest_float("x", -5.0, 10.0), trial.suggest_float("y", 0.0, 15.0))


with hone.create_study(direction="minimize", sampler=hone.samplers.RandomSampler(seed=0)) as study:
    study.optimize(objective, n_trials=50)
    best = study.best_trial
    print(f"best of {len(study.trials)} trials: #{best.number} value {best.value:.5f} params {best.params}")
