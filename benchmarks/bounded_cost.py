"""Bounded costs: the GP sampler's first ask on a loaded study, and study creation with a large search space.

Usage: python bounded_cost.py [--trials 250,1000,2000] [--dims 20] [--warm-asks 4]
                              [--params 1000,16000] [--huge] [--timeout 120] [--skip-gp] [--skip-space]

1. A SQLite study is filled with n COMPLETE trials in d dimensions (random
   sampler, a shifted sphere with a cosine ripple), then loaded in a fresh
   process with the GP sampler. The first ask + d suggests there has no fitted
   model to start from, as for every worker that joins a running study; the
   following asks are warm. Printed: the load time, the first ask, the median
   warm ask, and first / warm. The requirement is first ≈ warm + one fit.
2. Study creation (in memory) with a define-and-run `search_space` of P float
   parameters: the time and the time per parameter, which stays flat when
   creation is linear in P. `--huge` adds P = 200,000; each size runs in its
   own process under `--timeout` seconds, so a quadratic build cannot hang the run.
"""
import argparse
import ctypes
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

import hone


def objective(x):
    """A shifted sphere with a ripple: smooth, cheap and not separable into one bump."""
    return sum((v - 0.3) ** 2 for v in x) + 0.1 * math.cos(5 * sum(x))


def fill(url, n, d, seed=0):
    study = hone.create_study(storage=url, study_name="bounded", sampler=hone.samplers.RandomSampler(seed=seed))
    for _ in range(n):
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(d)]
        study.tell(trial, objective(x))


def loaded_asks(url, d, warm_asks):
    """Runs in a fresh process: load, then the first and the warm asks; prints one JSON line."""
    t0 = time.perf_counter()
    study = hone.load_study(study_name="bounded", storage=url, sampler=hone.samplers.GPSampler(seed=0))
    load = time.perf_counter() - t0
    times = []
    for _ in range(1 + warm_asks):
        t0 = time.perf_counter()
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", 0.0, 1.0) for i in range(d)]
        times.append(time.perf_counter() - t0)
        study.tell(trial, objective(x))
    print(json.dumps({"load": load, "first": times[0], "warm": times[1:]}))


def gp_first_ask(trials, d, warm_asks):
    print(f"== GP first ask on a loaded SQLite study, d = {d} (s; warm = median of {warm_asks})")
    print(f"{'n':>6} {'fill':>8} {'load':>8} {'first':>8} {'warm':>8} {'first/warm':>11} {'first-warm':>11}")
    with tempfile.TemporaryDirectory() as folder:
        for n in trials:
            url = f"sqlite:///{os.path.join(folder, f'n{n}.db')}"
            t0 = time.perf_counter()
            fill(url, n, d)
            filled = time.perf_counter() - t0
            out = subprocess.run(
                [sys.executable, __file__, "--loaded-asks", url, "--dims", str(d), "--warm-asks", str(warm_asks)],
                check=True, capture_output=True, text=True,
            ).stdout
            r = json.loads(out.strip().splitlines()[-1])
            warm = statistics.median(r["warm"])
            print(
                f"{n:>6} {filled:>8.2f} {r['load']:>8.3f} {r['first']:>8.3f} {warm:>8.3f}"
                f" {r['first'] / warm:>11.1f} {r['first'] - warm:>11.3f}",
                flush=True,
            )


def create_with_space(p):
    """Runs in a fresh process: one in-memory study with p float parameters; prints the seconds."""
    from hone._lib import LIB, _check

    space = {f"p{i}": {"type": "float", "low": 0, "high": 1} for i in range(p)}
    options = json.dumps({"sampler": {"type": "random", "seed": 0}, "search_space": space}).encode()
    handle = ctypes.c_void_p()
    t0 = time.perf_counter()
    _check(LIB.hone_study_create(ctypes.byref(handle), options))
    elapsed = time.perf_counter() - t0
    LIB.hone_study_destroy(handle)
    print(json.dumps({"seconds": elapsed}))


def space_creation(sizes, timeout):
    print(f"== study creation with a search_space of P float parameters (timeout {timeout} s each)")
    print(f"{'P':>8} {'seconds':>10} {'µs/param':>10}")
    for p in sizes:
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--create-with-space", str(p)],
                check=True, capture_output=True, text=True, timeout=timeout,
            ).stdout
        except subprocess.TimeoutExpired:
            print(f"{p:>8} {'>' + str(timeout):>10} {'>' + format(1e6 * timeout / p, '.1f'):>10}", flush=True)
            continue
        seconds = json.loads(out.strip().splitlines()[-1])["seconds"]
        print(f"{p:>8} {seconds:>10.3f} {1e6 * seconds / p:>10.2f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", default="250,1000,2000")
    parser.add_argument("--dims", type=int, default=20)
    parser.add_argument("--warm-asks", type=int, default=4)
    parser.add_argument("--params", default="1000,16000")
    parser.add_argument("--huge", action="store_true", help="also create a study with 200,000 parameters")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--skip-gp", action="store_true")
    parser.add_argument("--skip-space", action="store_true")
    parser.add_argument("--loaded-asks", help=argparse.SUPPRESS)
    parser.add_argument("--create-with-space", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.loaded_asks:
        return loaded_asks(args.loaded_asks, args.dims, args.warm_asks)
    if args.create_with_space:
        return create_with_space(args.create_with_space)

    blas_info = getattr(hone, "blas_info", None)
    print(f"hone {hone.__version__}; BLAS: {blas_info() if blas_info else 'unknown (no hone.blas_info)'};"
          f" {os.cpu_count()} CPUs")
    if not args.skip_gp:
        gp_first_ask([int(s) for s in args.trials.split(",")], args.dims, args.warm_asks)
    if not args.skip_space:
        sizes = [int(s) for s in args.params.split(",")] + ([200_000] if args.huge else [])
        space_creation(sizes, args.timeout)


if __name__ == "__main__":
    main()
