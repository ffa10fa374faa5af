"""Prints the parameters of 24 seeded trials, one JSON object per line (see trials.c)."""
import json
import math
import sys

import hone

sampler = sys.argv[1] if len(sys.argv) > 1 else "random"
make = {
    "random": hone.samplers.RandomSampler,
    "qmc": hone.samplers.QMCSampler,
    "tpe": hone.samplers.TPESampler,
    "cmaes": hone.samplers.CmaEsSampler,
    "nsgaii": lambda seed: hone.samplers.NSGAIISampler(population_size=6, seed=seed),
    "nsgaiii": lambda seed: hone.samplers.NSGAIIISampler(population_size=6, seed=seed),
    "brute_force": hone.samplers.BruteForceSampler,
    "partial_fixed": lambda seed: hone.samplers.PartialFixedSampler(
        {"n": 5, "opt": "sgd"}, hone.samplers.RandomSampler(seed=seed)
    ),
}[sampler]
finite = sampler == "brute_force"
study = hone.create_study(sampler=make(seed=123))


def objective(trial):
    x = trial.suggest_float("x", -5.0, 10.0, step=2.5 if finite else None)
    if finite:
        lr = trial.suggest_float("lr", 0.02, 0.1, step=0.02)
    else:
        lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    n = trial.suggest_int("n", 1, 9, step=2)
    c = ["adam", "sgd", "rmsprop"].index(trial.suggest_categorical("opt", ["adam", "sgd", "rmsprop"]))
    value = x * x + math.log(lr) + n + c
    if finite and c == 1:
        value += trial.suggest_float("momentum", 0.0, 0.9, step=0.3)
    return value


study.optimize(objective, n_trials=24)
for t in study.trials:
    print(json.dumps(t.params))
