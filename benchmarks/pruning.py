"""Pruning on a real tuning job: the MLP on the UCI digits, with and without pruners.

Usage: python pruning.py [--seeds 5] [--trials 40] [--sampler random|gp]

Each run tunes Hone's MLP (the search space of `make demo`) for 40 trials of up
to 60 epochs, with early stopping off so that every unpruned trial costs its full
60 epochs. Every trial reports its validation accuracy after each epoch and asks
the pruner. Reported per pruner, over the seeds:

- best held-out accuracy: the test accuracy of the trial with the best validation
  accuracy (its own trained model, never retrained), as mean and worst seed;
- epochs: the total epochs trained by all trials, and the share of the
  no-pruning total;
- wall time of the whole study.

The sampler defaults to random search, as in the Hyperband paper, so that the
pruners are compared on the same stream of configurations.
"""
import argparse
import json
import os
import sys
import time

import hone  # before numpy: see hone.blas_info
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "python"))

from digits import load_digits, stratified_split  # noqa: E402

EPOCHS = 60


def pruners():
    return {
        "none": lambda: hone.pruners.NopPruner(),
        "median": lambda: hone.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=5),
        "asha": lambda: hone.pruners.SuccessiveHalvingPruner(min_resource=2, reduction_factor=3),
        "hyperband": lambda: hone.pruners.HyperbandPruner(min_resource=2, max_resource=EPOCHS, reduction_factor=3),
    }


def run(pruner, seed, n_trials, sampler_kind, data):
    X, y, train, valid, test = data
    sampler = (hone.samplers.GPSampler(seed=seed) if sampler_kind == "gp" else hone.samplers.RandomSampler(seed=seed))
    study = hone.create_study(direction="maximize", sampler=sampler, pruner=pruner)
    models = {}

    def objective(trial):
        width = trial.suggest_int("width", 16, 256, log=True)
        depth = trial.suggest_int("depth", 1, 3)
        model, history = hone.mlp.train(
            X[train], y[train], validation_data=(X[valid], y[valid]), trial=trial,
            task="multiclass", hidden_layers=[width] * depth,
            learning_rate=trial.suggest_float("learning_rate", 1e-4, 3e-2, log=True),
            dropout=trial.suggest_float("dropout", 0.0, 0.5),
            weight_decay=trial.suggest_float("weight_decay", 1e-6, 1e-2, log=True),
            batch_size=trial.suggest_categorical("batch_size", [16, 32, 64, 128]),
            optimizer=trial.suggest_categorical("optimizer", ["adam", "adamw", "rmsprop", "nesterov"]),
            epochs=EPOCHS, early_stopping_patience=0, standardize=True, metric="accuracy",
            seed=seed * 1000 + trial.number, threads=1,
        )
        models[trial.number] = model
        return history["history"][-1]["monitored"]

    t0 = time.perf_counter()
    study.optimize(objective, n_trials=n_trials)
    seconds = time.perf_counter() - t0
    best = study.best_trial
    accuracy = models[best.number].evaluate(X[test], y[test])["accuracy"]
    epochs = sum(len(t.intermediate_values) for t in study.trials)
    pruned = sum(t.state == hone.TrialState.PRUNED for t in study.trials)
    return accuracy, best.value, epochs, pruned, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--sampler", choices=["random", "gp"], default="random")
    args = parser.parse_args()
    print(f"blas_info: {json.dumps(hone.blas_info())}")
    X, y = load_digits()
    train, valid, test = stratified_split(y, [0.6, 0.2, 0.2], seed=0)
    data = (X, y, train, valid, test)
    print(f"== pruning: {args.trials} trials × ≤{EPOCHS} epochs, {args.seeds} seeds, {args.sampler} sampler")
    print(f"{'pruner':>10} {'test acc (mean)':>16} {'(worst)':>8} {'val acc':>8} {'epochs':>8} "
          f"{'of none':>8} {'pruned':>7} {'seconds':>8}")
    baseline = None
    for name, make in pruners().items():
        rows = [run(make(), seed, args.trials, args.sampler, data) for seed in range(args.seeds)]
        acc, val, epochs, pruned, seconds = (np.array(c, dtype=float) for c in zip(*rows))
        baseline = baseline or epochs.mean()
        print(f"{name:>10} {acc.mean():>16.4f} {acc.min():>8.4f} {val.mean():>8.4f} {epochs.mean():>8.0f} "
              f"{epochs.mean() / baseline:>7.0%} {pruned.mean():>7.1f} {seconds.mean():>8.1f}", flush=True)


if __name__ == "__main__":
    main()
