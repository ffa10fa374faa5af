"""Hone's multi-objective samplers beside Optuna's: the hypervolume after 100 and 300 trials, in one run.

Usage: python multiobjective_quality.py [--seeds N] [--budgets 100,300] [--samplers nsgaii,nsgaiii,tpe]
                              [--problems zdt1,zdt2,zdt3,dtlz2,binh_korn] [--population-size P]
                              [--json PATH]

Each pair (Hone's sampler and Optuna's of the same name, with the same options
and the same seed per run: NSGA-II, NSGA-III, TPE (Optuna's MOTPE) and, when
asked for, GP (log EHVI); Optuna's defaults, with --population-size for the NSGA
pairs) runs
every problem for max(budgets) trials, once per seed (10 by default):

- ZDT1, ZDT2, ZDT3 (Zitzler, Deb and Thiele 2000): 30 variables in [0, 1], 2 objectives;
- DTLZ2 (Deb et al. 2002) with 3 objectives and 12 variables in [0, 1];
- Binh and Korn (1997): 2 variables, 2 objectives, 2 constraints (constraints_func).

The hypervolume after b trials is that of the first b COMPLETE trials (the
feasible ones on a constrained problem) against a reference point that every
point of the search space lies below (REFERENCE), by hone.hypervolume. Per
problem and budget, a two-sided Mann-Whitney U test on the seeds' hypervolumes
judges the pair: "within noise" when p >= 0.1, otherwise "better" or "worse" by
the medians.
"""
import argparse
import json
import math
import statistics
import sys
import time
import warnings

import hone  # before numpy: see hone.blas_info
import numpy as np
from scipy.stats import mannwhitneyu

ALPHA = 0.1


def zdt(which, n=30):
    def f(x):
        g = 1 + 9 * sum(x[1:]) / (n - 1)
        f1 = x[0]
        if which == 1:
            h = 1 - math.sqrt(f1 / g)
        elif which == 2:
            h = 1 - (f1 / g) ** 2
        else:
            h = 1 - math.sqrt(f1 / g) - (f1 / g) * math.sin(10 * math.pi * f1)
        return [f1, g * h]

    return {"bounds": [(0.0, 1.0)] * n, "f": f, "constraints": None}


def dtlz2(m=3, n=12):
    def f(x):
        g = sum((v - 0.5) ** 2 for v in x[m - 1:])
        out = []
        for i in range(m):
            v = 1 + g
            for v_j in x[: m - 1 - i]:
                v *= math.cos(v_j * math.pi / 2)
            if i > 0:
                v *= math.sin(x[m - 1 - i] * math.pi / 2)
            out.append(v)
        return out

    return {"bounds": [(0.0, 1.0)] * n, "f": f, "constraints": None}


def binh_korn():
    def f(x):
        return [4 * x[0] ** 2 + 4 * x[1] ** 2, (x[0] - 5) ** 2 + (x[1] - 5) ** 2]

    def constraints(x):
        return [(x[0] - 5) ** 2 + x[1] ** 2 - 25, 7.7 - (x[0] - 8) ** 2 - (x[1] + 3) ** 2]

    return {"bounds": [(0.0, 5.0), (0.0, 3.0)], "f": f, "constraints": constraints}


PROBLEMS = {"zdt1": zdt(1), "zdt2": zdt(2), "zdt3": zdt(3), "dtlz2": dtlz2(), "binh_korn": binh_korn()}
# Above every objective value the search space can give: ZDT's f2 is at most g·(1 + 1) = 20
# (ZDT3's h exceeds 1 a little), DTLZ2's each at most 1 + 10/4, Binh-Korn's at most 136 and 50.
REFERENCE = {"zdt1": [1.1, 11.0], "zdt2": [1.1, 11.0], "zdt3": [1.1, 21.0], "dtlz2": [3.6, 3.6, 3.6],
             "binh_korn": [140.0, 51.0]}


def samplers(population_size):
    import optuna

    common = {} if population_size is None else {"population_size": population_size}
    return {
        "nsgaii": (lambda seed, cf: hone.samplers.NSGAIISampler(seed=seed, constraints_func=cf, **common),
                   lambda seed, cf: optuna.samplers.NSGAIISampler(seed=seed, constraints_func=cf, **common)),
        "nsgaiii": (lambda seed, cf: hone.samplers.NSGAIIISampler(seed=seed, constraints_func=cf, **common),
                    lambda seed, cf: optuna.samplers.NSGAIIISampler(seed=seed, constraints_func=cf, **common)),
        "tpe": (lambda seed, cf: hone.samplers.TPESampler(seed=seed, constraints_func=cf),
                lambda seed, cf: optuna.samplers.TPESampler(seed=seed, constraints_func=cf)),
        # Optuna's GP takes about half a second per trial with two objectives: run it with small budgets.
        "gp": (lambda seed, cf: hone.samplers.GPSampler(seed=seed, constraints_func=cf),
               lambda seed, cf: optuna.samplers.GPSampler(seed=seed, constraints_func=cf)),
    }


def run(study, problem, n_trials):
    """The study's trials on `problem`: each trial's values and, when constrained, its constraints."""
    bounds, f = problem["bounds"], problem["f"]
    for _ in range(n_trials):
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]
        trial.set_user_attr("x", x)
        study.tell(trial, f(x))
    return study


def hv_trace(study, problem, name, budgets):
    """The hypervolume of the first b COMPLETE (and feasible) trials, for each budget b."""
    ref = np.array(REFERENCE[name])
    trials = [t for t in study.trials if t.values is not None]
    out = []
    for b in budgets:
        pts = []
        for t in trials[:b]:
            if problem["constraints"] is not None and any(c > 0 for c in problem["constraints"](t.user_attrs["x"])):
                continue
            pts.append(t.values)
        out.append(hone.hypervolume(np.array(pts).reshape(-1, len(ref)), ref) if pts else 0.0)
    return out


def judge(ours, theirs):
    """(p, verdict) of a two-sided Mann-Whitney U test; larger hypervolume is better."""
    test = mannwhitneyu(ours, theirs, alternative="two-sided")
    p = float(test.pvalue)
    if not p < ALPHA:
        return p, "within noise"
    m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
    higher = m_ours > m_theirs if m_ours != m_theirs else test.statistic > len(ours) * len(theirs) / 2
    return p, "better" if higher else "worse"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--budgets", default="100,300")
    parser.add_argument("--samplers", default="nsgaii,nsgaiii,tpe")
    parser.add_argument("--problems", default=",".join(PROBLEMS))
    parser.add_argument("--population-size", type=int, default=None, help="both sides' (default Optuna's, 50)")
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args()

    import optuna

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)

    budgets = sorted({int(b) for b in args.budgets.split(",")})
    pairs = samplers(args.population_size)
    unknown = [p for p in args.problems.split(",") if p not in PROBLEMS]
    unknown += [s for s in args.samplers.split(",") if s not in pairs]
    if unknown:
        parser.error(f"unknown problem or sampler: {', '.join(unknown)}")

    print(f"optuna {optuna.__version__}; {args.seeds} seeds; budgets {budgets}; population_size "
          f"{args.population_size or 50}; two-sided Mann-Whitney U, within noise at p >= {ALPHA}; "
          "hypervolume, larger is better")
    print(f"{'sampler':>8} {'problem':>10} {'budget':>6} {'Hone median':>12} {'Optuna median':>13} {'p':>7}  "
          f"{'verdict':<13}{'Hone s':>7} {'Optuna s':>8}")
    rows = []
    for sname in args.samplers.split(","):
        make_hone, make_optuna = pairs[sname]
        for pname in args.problems.split(","):
            problem = PROBLEMS[pname]
            m = len(REFERENCE[pname])
            def cf(trial, problem=problem):
                return problem["constraints"](trial.user_attrs["x"])

            constraints_func = cf if problem["constraints"] is not None else None
            traces = {"hone": [], "optuna": []}
            seconds = {"hone": 0.0, "optuna": 0.0}
            for seed in range(args.seeds):
                for side, make, lib in (("hone", make_hone, hone), ("optuna", make_optuna, optuna)):
                    t0 = time.perf_counter()
                    study = lib.create_study(directions=["minimize"] * m, sampler=make(seed, constraints_func))
                    run(study, problem, max(budgets))
                    seconds[side] += time.perf_counter() - t0
                    traces[side].append(hv_trace(study, problem, pname, budgets))
            for k, b in enumerate(budgets):
                ours = [t[k] for t in traces["hone"]]
                theirs = [t[k] for t in traces["optuna"]]
                p, verdict = judge(ours, theirs)
                rows.append({"sampler": sname, "problem": pname, "budget": b, "hone": ours, "optuna": theirs,
                             "p": p, "verdict": verdict})
                print(f"{sname:>8} {pname:>10} {b:>6} {statistics.median(ours):>12.5g} "
                      f"{statistics.median(theirs):>13.5g} {p:>7.3f}  {verdict:<13}"
                      f"{seconds['hone']:>7.1f} {seconds['optuna']:>8.1f}", flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"seeds": args.seeds, "budgets": budgets, "rows": rows}, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
