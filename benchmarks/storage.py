"""Persistent storage beside Optuna's RDB storage, on the same database servers.

Usage: python storage.py [--postgres-hone URL --postgres-optuna URL] [--seconds 5]

1. Ask+tell throughput (trials per second over all workers): random sampler, one
   float parameter, with 1 and 4 worker processes on one study, on SQLite (a file
   in a temporary directory) and on PostgreSQL (when URLs are given: one database
   for Hone, one for Optuna, on the same server). Each worker loops ask, suggest,
   tell for a fixed time.
2. GPSampler ask latency at n = 300 completed trials, on SQLite and in memory:
   two identical studies asked in turn, the median of 30 asks each.

benchmarks/run.sh starts a throwaway PostgreSQL server (scripts/pg-start.sh) and
passes the two URLs.
"""
import argparse
import json
import multiprocessing as mp
import os
import statistics
import tempfile
import time

import numpy as np


def worker(lib, url, name, seconds, seed, start, out):
    """Loops ask, suggest, tell on a loaded study for `seconds` after `start` is set."""
    if lib == "hone":
        import hone

        study = hone.load_study(study_name=name, storage=url, sampler=hone.samplers.RandomSampler(seed=seed))
    else:
        import optuna

        optuna.logging.set_verbosity(optuna.logging.WARNING)
        study = optuna.load_study(study_name=name, storage=url, sampler=optuna.samplers.RandomSampler(seed=seed))
    start.wait()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        trial = study.ask()
        study.tell(trial, (trial.suggest_float("x", -10, 10) - 2) ** 2)
        n += 1
    out.put(n)


def throughput(lib, url, workers, seconds):
    name = f"bench-{lib}-{workers}-{time.monotonic_ns()}"
    if lib == "hone":
        import hone

        hone.create_study(study_name=name, storage=url).close()
    else:
        import optuna

        optuna.logging.set_verbosity(optuna.logging.WARNING)
        optuna.create_study(study_name=name, storage=url)
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=worker, args=(lib, url, name, seconds, i, start, out)) for i in range(workers)]
    for p in procs:
        p.start()
    time.sleep(2.0)  # let every worker import and connect before the clock starts
    start.set()
    total = sum(out.get(timeout=seconds + 60) for _ in procs)
    for p in procs:
        p.join()
    return total / seconds


def gp_latency(urls, n=300, asks=30):
    """Median GP ask time (ms) for each storage URL: identical studies asked in turn."""
    import hone

    studies = [hone.create_study(storage=url, sampler=hone.samplers.GPSampler(seed=0)) for url in urls]
    rng = np.random.default_rng(0)
    for _ in range(n):
        x = {f"x{i}": float(v) for i, v in enumerate(rng.uniform(-5, 5, 4))}
        for study in studies:
            study.enqueue_trial(x)
            t = study.ask()
            study.tell(t, float(sum(t.suggest_float(f"x{i}", -5, 5) ** 2 for i in range(4))))
    # Alternating ask by ask spreads the machine's other load evenly over the storages;
    # the studies hold the same trials and seeds, so they do the same GP work.
    times = [[] for _ in urls]
    for _ in range(asks):
        for study, out in zip(studies, times):
            t0 = time.perf_counter()
            t = study.ask()
            xs = [t.suggest_float(f"x{i}", -5, 5) for i in range(4)]
            out.append(time.perf_counter() - t0)
            study.tell(t, float(np.sum(np.square(xs))))
    return [1e3 * statistics.median(t) for t in times]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres-hone")
    parser.add_argument("--postgres-optuna")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    import hone

    print(f"blas_info: {json.dumps(hone.blas_info())}")
    tmp = tempfile.mkdtemp()
    backends = [("SQLite", f"sqlite:///{tmp}/hone.db", f"sqlite:///{tmp}/optuna.db")]
    if args.postgres_hone and args.postgres_optuna:
        backends.append(("PostgreSQL", args.postgres_hone, args.postgres_optuna))
    print("== ask+tell throughput, random sampler, trials/s (higher is better)")
    print(f"{'backend':>11} {'workers':>8} {'Hone':>9} {'Optuna':>9} {'Hone/Optuna':>12}")
    for backend, hone_url, optuna_url in backends:
        for workers in (1, 4):
            ours = throughput("hone", hone_url, workers, args.seconds)
            try:
                theirs = throughput("optuna", optuna_url, workers, args.seconds)
            except ImportError:
                theirs = float("nan")
            print(f"{backend:>11} {workers:>8} {ours:>9.0f} {theirs:>9.0f} {ours / theirs:>11.1f}x", flush=True)
    print("== GPSampler ask latency at n=300, 4 parameters, median ms")
    memory, sqlite = gp_latency([None, f"sqlite:///{tmp}/gp.db"])
    print(f"in memory {memory:.2f} ms, SQLite {sqlite:.2f} ms, SQLite/memory {sqlite / memory:.2f}")
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    os.rmdir(tmp)


if __name__ == "__main__":
    main()
