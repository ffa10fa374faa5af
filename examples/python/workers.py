"""Several worker processes tune one study through a shared storage.

Usage: python workers.py [STORAGE_URL] [--workers 4] [--trials 20]

The storage defaults to a SQLite file in a temporary directory; give a
``postgresql://user:password@host:port/db`` URL to share the study between
machines instead. Each worker loads the study by name and runs its share of the
trials with the GP sampler, which treats the other workers' running trials as
pending, so they spread out instead of proposing the same point. Heartbeats fail
the trials of a worker that dies, and one retry re-runs them with the same
parameters.
"""
import argparse
import math
import multiprocessing
import os
import tempfile

import hone


def objective(trial):
    x = trial.suggest_float("x", -5.0, 10.0)
    y = trial.suggest_float("y", 0.0, 15.0)
    # Branin: three global minima of 0.397887.
    b, c, t = 5.1 / (4 * math.pi**2), 5 / math.pi, 1 / (8 * math.pi)
    return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * math.cos(x) + 10


def work(url, seed, trials):
    storage = hone.storages.RDBStorage(
        url,
        heartbeat_interval=1,
        grace_period=5,
        failed_trial_callback=hone.storages.RetryFailedTrialCallback(max_retry=1),
    )
    study = hone.load_study(study_name="branin-workers", storage=storage, sampler=hone.samplers.GPSampler(seed=seed))
    study.optimize(objective, n_trials=trials)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("storage", nargs="?")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--trials", type=int, default=20, help="trials per worker")
    args = parser.parse_args()
    if args.storage:
        run(args.storage, args.workers, args.trials)
    else:
        with tempfile.TemporaryDirectory() as directory:
            run(f"sqlite:///{os.path.join(directory, 'workers.db')}", args.workers, args.trials)


def run(url, workers, trials):
    hone.create_study(study_name="branin-workers", storage=url, load_if_exists=True).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=work, args=(url, seed, trials)) for seed in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise SystemExit(f"a worker exited with {p.exitcode}")
    study = hone.load_study(study_name="branin-workers", storage=url)
    numbers = [t.number for t in study.trials]
    assert numbers == list(range(len(numbers))), "trial numbers must be dense and unique"
    complete = [t for t in study.trials if t.state == hone.TrialState.COMPLETE]
    print(f"{workers} workers, {len(complete)} complete trials in {url}")
    print(f"best value {study.best_value:.5f} (optimum 0.397887) at {study.best_params}")


if __name__ == "__main__":
    main()
