"""The main job of `make demo`: tune a function with Hone and show every trial.

Until the MLP trainer lands, the job is the Branin function (three global minima,
f* = 0.397887) tuned with the Gaussian-process sampler: ten scrambled Sobol points,
then Bayesian optimization with log expected improvement.
"""
import math
import time

import hone


def branin(x, y):
    b, c, t = 5.1 / (4 * math.pi**2), 5 / math.pi, 1 / (8 * math.pi)
    return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10


def main():
    study = hone.create_study(
        study_name="branin-demo", direction="minimize", sampler=hone.samplers.GPSampler(seed=0)
    )
    started = time.perf_counter()

    def objective(trial):
        return branin(trial.suggest_float("x", -5.0, 10.0), trial.suggest_float("y", 0.0, 15.0))

    def progress(study, trial):
        best = study.best_value
        print(
            f"trial {trial.number:3d}  x={trial.params['x']:8.4f}  y={trial.params['y']:8.4f}"
            f"  value={trial.value:10.5f}  best={best:9.5f}"
        )

    print(f"hone {hone.__version__}: tuning Branin with {study.sampler!r}")
    study.optimize(objective, n_trials=40, callbacks=[progress])
    best = study.best_trial
    print()
    print(f"best trial #{best.number}: value {best.value:.6f} (optimum 0.397887), params {best.params}")
    print(f"{len(study.trials)} trials in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
