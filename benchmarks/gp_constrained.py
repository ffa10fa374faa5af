"""Hone's constrained GP beside Optuna's GPSampler with the same constraints_func.

Usage: python gp_constrained.py [--seeds N] [--budgets 30,60] [--functions gramacy,...] [--json PATH]

Each side minimizes every single-objective problem of constrained_functions.py
(CONSTRAINED) for max(budgets) trials, once per seed, through ask and tell
with ``constraints_func`` on the sampler, the same seeds on both sides. The
feasible regret after b trials is the best value among the feasible trials of
the first b, minus the best feasible value (inf while none is feasible). Per
problem and budget, a two-sided Mann-Whitney U test on the seeds' regrets gives
"within noise" when p >= 0.1, else "better" or "worse" by the medians. The
feasible column is the median share of feasible trials over all max(budgets)
trials; the seconds are each side's total, objective included.
"""
import argparse
import json
import os
import statistics
import sys
import time
import warnings

import hone  # before numpy: see hone.blas_info
import numpy as np
from scipy.stats import mannwhitneyu

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from constrained_functions import CONSTRAINED, feasible, optimum  # noqa: E402

ALPHA = 0.1


def run(study, bounds, f, constraints, n_trials):
    """(the best feasible value after each trial, whether each trial was feasible)."""
    best, trace, flags = float("inf"), [], []
    for _ in range(n_trials):
        trial = study.ask()
        x = np.array([trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)])
        y = f(x)
        study.tell(trial, y)  # the sampler's constraints_func runs here
        ok = feasible(constraints, x)
        flags.append(ok)
        if ok:
            best = min(best, y)
        trace.append(best)
    return trace, flags


def judge(ours, theirs):
    test = mannwhitneyu(ours, theirs, alternative="two-sided")
    p = float(test.pvalue)
    if not p < ALPHA:
        return p, "within noise"
    m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
    lower = m_ours < m_theirs if m_ours != m_theirs else test.statistic < len(ours) * len(theirs) / 2
    return p, "better" if lower else "worse"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--budgets", default="30,60")
    parser.add_argument("--functions", default=",".join(CONSTRAINED))
    parser.add_argument("--json")
    args = parser.parse_args()
    import optuna

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.filterwarnings("ignore", category=FutureWarning)  # Optuna 5 deprecates constraints_func
    warnings.filterwarnings("ignore", message=".*experimental.*")
    budgets = [int(b) for b in args.budgets.split(",")]
    n_trials = max(budgets)
    print(json.dumps(hone.blas_info()))
    print(f"{'function':>12} {'budget':>6} {'hone median':>12} {'optuna median':>14} {'p':>7}  {'verdict':<13}"
          f"{'feasible h/o':>13} {'s hone':>7} {'s optuna':>8}")
    rows = []
    for name in args.functions.split(","):
        bounds, f, constraints, _ = CONSTRAINED[name]
        f_opt = optimum(name)

        def constraints_func(trial, bounds=bounds, constraints=constraints):
            return constraints(np.array([trial.params[f"x{i}"] for i in range(len(bounds))]))

        traces = {"hone": [], "optuna": []}
        shares = {"hone": [], "optuna": []}
        seconds = {"hone": 0.0, "optuna": 0.0}
        for seed in range(args.seeds):
            makers = {
                "hone": lambda: hone.create_study(
                    sampler=hone.samplers.GPSampler(seed=seed, constraints_func=constraints_func)),
                "optuna": lambda: optuna.create_study(
                    sampler=optuna.samplers.GPSampler(seed=seed, constraints_func=constraints_func)),
            }
            for side, make in makers.items():
                t0 = time.perf_counter()
                trace, flags = run(make(), bounds, f, constraints, n_trials)
                seconds[side] += time.perf_counter() - t0
                traces[side].append(trace)
                shares[side].append(sum(flags) / len(flags))
        for b in budgets:
            ours = [t[b - 1] - f_opt for t in traces["hone"]]
            theirs = [t[b - 1] - f_opt for t in traces["optuna"]]
            p, verdict = judge(ours, theirs)
            row = {"function": name, "budget": b, "hone_median": statistics.median(ours),
                   "optuna_median": statistics.median(theirs), "p": p, "verdict": verdict,
                   "hone_regrets": ours, "optuna_regrets": theirs,
                   "hone_feasible_share": statistics.median(shares["hone"]),
                   "optuna_feasible_share": statistics.median(shares["optuna"]),
                   "hone_seconds": seconds["hone"], "optuna_seconds": seconds["optuna"]}
            rows.append(row)
            print(f"{name:>12} {b:>6} {row['hone_median']:>12.4g} {row['optuna_median']:>14.4g} {p:>7.3f}  "
                  f"{verdict:<13}{row['hone_feasible_share']:>6.2f}/{row['optuna_feasible_share']:<6.2f}"
                  f"{seconds['hone']:>7.1f} {seconds['optuna']:>8.1f}", flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=1)


if __name__ == "__main__":
    main()
