"""Ask-and-tell cost per trial: Hone from C and Python beside Optuna, in one run.

One trial is ask, five suggest_float calls and tell, with the random sampler.
Usage: python ask_tell.py PATH/TO/ask_tell_c   (prints a table and JSON lines)
"""
import json
import subprocess
import sys
import time

import hone

SIZES = (100, 1000, 10000)
NAMES = ("x0", "x1", "x2", "x3", "x4")


def run(study, n):
    """Microseconds per ask + 5 suggest_float + tell; Hone's and Optuna's studies share this API."""
    t0 = time.perf_counter()
    for _ in range(n):
        trial = study.ask()
        v = sum(trial.suggest_float(k, -32.768, 32.768) ** 2 for k in NAMES)
        study.tell(trial, v)
    return 1e6 * (time.perf_counter() - t0) / n


def run_hone(n):
    return run(hone.create_study(sampler=hone.samplers.RandomSampler(seed=0)), n)


def run_optuna(n):
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    return run(optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0)), n)


def main():
    print(f"blas_info: {json.dumps(hone.blas_info())}")
    c_rows = {}
    if len(sys.argv) > 1:
        out = subprocess.run([sys.argv[1]], check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            row = json.loads(line)
            c_rows[row["trials"]] = row["us_per_trial"]
    try:
        import optuna  # noqa: F401

        have_optuna = True
    except ImportError:
        have_optuna = False
    print(f"{'trials':>7} {'C µs':>9} {'Python µs':>10} {'Optuna µs':>10} {'Optuna/Python':>14} {'Optuna/C':>9}")
    for n in SIZES:
        py = run_hone(n)
        opt = run_optuna(n) if have_optuna else float("nan")
        c = c_rows.get(n, float("nan"))
        print(f"{n:>7} {c:>9.2f} {py:>10.2f} {opt:>10.1f} {opt / py:>14.1f} {opt / c:>9.0f}")
        print(json.dumps({"trials": n, "c_us": c, "python_us": py, "optuna_us": opt}), file=sys.stderr)


if __name__ == "__main__":
    main()
