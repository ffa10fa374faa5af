"""Prints the parameters of 24 seeded trials, one JSON object per line (see trials.c)."""
import json
import math
import sys

import hone

sampler = sys.argv[1] if len(sys.argv) > 1 else "random"
make = {"random": hone.samplers.RandomSampler, "qmc": hone.samplers.QMCSampler, "tpe": hone.samplers.TPESampler}[sampler]
study = hone.create_study(sampler=make(seed=123))


def objective(trial):
    x = trial.suggest_float("x", -5.0, 10.0)
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    n = trial.suggest_int("n", 1, 9, step=2)
    c = ["adam", "sgd", "rmsprop"].index(trial.suggest_categorical("opt", ["adam", "sgd", "rmsprop"]))
    return x * x + math.log(lr) + n + c


study.optimize(objective, n_trials=24)
for t in study.trials:
    print(json.dumps(t.params))
