"""The main job of `make demo`: tune Hone's MLP on the UCI digits, inside Hone.

The digits are split once, stratified: 60% to train on, 20% to choose
hyperparameters by, and 20% held out for the final test. The study maximizes
validation accuracy with the Gaussian-process sampler (or the one `--sampler`
names) and the Hyperband pruner.
Each trial trains in the library, reports its validation accuracy every epoch and
stops early when the pruner says so. The best configuration is then trained again on the training and
validation rows together, for the number of epochs early stopping chose, and
scored once on the test set.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hone  # noqa: E402  (before numpy: see hone.blas_info)
import numpy as np  # noqa: E402
from digits import load_digits, stratified_split  # noqa: E402

MAX_EPOCHS = 60

# The samplers `--sampler` can name, by their hone.samplers class.
SAMPLERS = {
    "tpe": "TPESampler",
    "cmaes": "CmaEsSampler",
    "gp": "GPSampler",
    "qmc": "QMCSampler",
    "random": "RandomSampler",
}


class _SpecSampler(hone.samplers.BaseSampler):
    """A sampler by its library spec type alone, {"type": name, "seed": seed}, for
    a sampler that has no class in hone.samplers; the library judges the type."""

    def __init__(self, type_, seed):
        super().__init__(seed)
        self._type = type_
        self._validate()


def make_sampler(name, seed):
    """The sampler `--sampler name` stands for, seeded with `seed`."""
    cls = getattr(hone.samplers, SAMPLERS[name], None)
    return _SpecSampler(name, seed) if cls is None else cls(seed=seed)


def config_of(params, seed):
    """The MLP configuration a trial's parameters stand for."""
    return dict(
        task="multiclass",
        hidden_layers=[params["width"]] * params["depth"],
        optimizer=params["optimizer"],
        learning_rate=params["learning_rate"],
        batch_size=params["batch_size"],
        dropout=params["dropout"],
        weight_decay=params["weight_decay"],
        epochs=MAX_EPOCHS,
        early_stopping_patience=10,
        standardize=False,
        metric="accuracy",
        seed=seed,
        threads=1,
    )


def tune(n_trials=40, seed=0, pruner=None, verbose=True, sampler="gp"):
    """Runs the study; returns it, the best configuration and its test accuracy.

    ``sampler`` is one of SAMPLERS' names, seeded with ``seed``. The pruner defaults to Hyperband over 2 to 60 epochs with η = 3 (four brackets).
    """
    if pruner is None:
        pruner = hone.pruners.HyperbandPruner(min_resource=2, max_resource=MAX_EPOCHS, reduction_factor=3)
    X, y = load_digits()
    X = X / np.float32(16)  # pixel counts 0–16 to [0, 1]
    train, valid, test = stratified_split(y, [0.6, 0.2, 0.2], seed=seed)
    study = hone.create_study(
        study_name=f"digits-mlp-{seed}",
        direction="maximize",
        sampler=make_sampler(sampler, seed),
        pruner=pruner,
    )
    def objective(trial):
        params = {
            "learning_rate": trial.suggest_float("learning_rate", 1e-4, 3e-2, log=True),
            "width": trial.suggest_int("width", 16, 256, log=True),
            "depth": trial.suggest_int("depth", 1, 3),
            "dropout": trial.suggest_float("dropout", 0.0, 0.5),
            "weight_decay": trial.suggest_float("weight_decay", 1e-6, 1e-2, log=True),
            "batch_size": trial.suggest_categorical("batch_size", [16, 32, 64, 128]),
            "optimizer": trial.suggest_categorical("optimizer", ["adam", "adamw", "rmsprop", "nesterov"]),
        }
        _, history = hone.mlp.train(
            X[train], y[train], validation_data=(X[valid], y[valid]), trial=trial,
            **config_of(params, seed + trial.number),
        )
        return history["best_value"]

    def progress(study, trial):
        if not verbose:
            return
        p = trial.params
        shape = f"{p['depth']}×{p['width']:<3d}"
        outcome = (
            f"val acc {trial.value:.4f}" if trial.state == hone.TrialState.COMPLETE
            else f"{trial.state.name.lower()} after {len(trial.intermediate_values)} epochs"
        )
        best = study.best_value if any(t.state == hone.TrialState.COMPLETE for t in study.trials) else float("nan")
        print(
            f"trial {trial.number:2d}  {p['optimizer']:<8s} lr={p['learning_rate']:.2e} {shape} "
            f"batch={p['batch_size']:<3d} dropout={p['dropout']:.2f} wd={p['weight_decay']:.1e}  "
            f"{outcome:<26s} best {best:.4f}",
            flush=True,
        )

    started = time.perf_counter()
    study.optimize(objective, n_trials=n_trials, callbacks=[progress])
    elapsed = time.perf_counter() - started

    # The chosen configuration is trained once more on training and validation rows
    # together, for as many epochs as early stopping found best, then tested once.
    best = study.best_trial
    config = config_of(best.params, seed + best.number)
    _, history = hone.mlp.train(X[train], y[train], validation_data=(X[valid], y[valid]), **config)
    config.update(epochs=history["best_epoch"], early_stopping_patience=0)
    both = np.concatenate([train, valid])
    model, _ = hone.mlp.train(X[both], y[both], **config)
    test_accuracy = model.evaluate(X[test], y[test])["accuracy"]
    return {
        "study": study,
        "best": best,
        "config": config,
        "test_accuracy": test_accuracy,
        "epochs": sum(len(t.intermediate_values) for t in study.trials),
        "seconds": elapsed,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sampler", choices=list(SAMPLERS), default="gp")
    args = parser.parse_args()
    blas = hone.blas_info()
    print(f"BLAS: OpenBLAS {blas['version']}, kernel {blas['kernel']} (chosen by {blas['kernel_source']}), "
          f"{blas['threads']} threads, {blas['library']}")
    print(f"hone {hone.__version__}: tuning an MLP on the UCI digits, {args.trials} trials, "
          f"{args.sampler} sampler, Hyperband pruner")
    r = tune(n_trials=args.trials, seed=args.seed, sampler=args.sampler)
    states = [t.state for t in r["study"].trials]
    print()
    print(
        f"{len(states)} trials ({states.count(hone.TrialState.COMPLETE)} complete, "
        f"{states.count(hone.TrialState.PRUNED)} pruned), {r['epochs']} epochs trained, "
        f"{r['seconds']:.1f} s"
    )
    print(f"best trial #{r['best'].number}: validation accuracy {r['best'].value:.4f}")
    for key in ("hidden_layers", "optimizer", "learning_rate", "batch_size", "dropout", "weight_decay"):
        print(f"  {key:<14s} {r['config'][key]}")
    print(f"held-out test accuracy: {r['test_accuracy']:.4f}")


if __name__ == "__main__":
    main()
