"""Hone's samplers beside Optuna's sampler of the same kind: median simple regret, in one run.

Usage: python sampler_quality.py [--seeds N] [--budgets 30,60] [--samplers tpe,gp,...]
                                 [--functions branin,mixed4,...] [--quick] [--json PATH]

Each sampler pair (SAMPLERS: Hone's factory and Optuna's, with the same options
and the same seed per run) minimizes every function of
../shared/benchmarks/functions.py and of unseen_functions.py (UNSEEN and SPACES)
for max(budgets) trials, once per seed. The simple regret after b trials is the
noise-free value at the trial with the best observed value among the first b,
minus the known optimum.

Per function and budget, a two-sided Mann-Whitney U test on the regrets of the
seeds judges the pair: "within noise" when p >= 0.1, otherwise "better" or
"worse" by the medians (by the U statistic when the medians tie). A pair whose
Hone sampler the library does not have is reported "not available" and the
others still run. The last two columns are the seconds each side took over all
seeds, objective included: orientation only, latency has benchmarks of its own.
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

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "benchmarks"))
from functions import FUNCTIONS  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from unseen_functions import SPACES, UNSEEN  # noqa: E402

ALPHA = 0.1
QUICK_FUNCTIONS = ("branin", "hartmann3", "camel2", "mixed4")


def _float_problem(bounds, f, f_opt):
    space = {f"x{i}": ("float", lo, hi, False) for i, (lo, hi) in enumerate(bounds)}

    def value(p):
        return f(np.array([p[f"x{i}"] for i in range(len(bounds))]))

    return space, value, value, f_opt


def problems():
    """Every function as (space, f, f_true, f_opt), the shared ones first."""
    out = {name: _float_problem(*spec) for name, spec in FUNCTIONS.items()}
    out.update({name: _float_problem(*spec) for name, spec in UNSEEN.items()})
    out.update(SPACES)
    return out


class _SpecSampler(hone.samplers.BaseSampler):
    """A sampler known to the library by its spec only, for a library whose Python
    package does not yet have the class: the library still checks the spec."""

    def __init__(self, type_, seed, options):
        super().__init__(seed)
        self._type = type_
        self._spec_options = options
        self._validate()

    def _options(self):
        return dict(self._spec_options)


def _hone(cls, type_, **options):
    """Hone's factory: hone.samplers.<cls>(seed=s, **options), else the spec {"type": type_}."""
    def make(seed):
        sampler_cls = getattr(hone.samplers, cls, None)
        if sampler_cls is None:
            return _SpecSampler(type_, seed, options)
        return sampler_cls(seed=seed, **options)

    return make


def _optuna(cls, **options):
    def make(seed):
        import optuna

        return getattr(optuna.samplers, cls)(seed=seed, **options)

    return make


# name -> (Hone's factory, Optuna's factory), each taking the seed; the options are the same on both sides.
SAMPLERS = {
    "tpe": (_hone("TPESampler", "tpe", multivariate=True), _optuna("TPESampler", multivariate=True)),
    "tpe-independent": (_hone("TPESampler", "tpe", multivariate=False), _optuna("TPESampler", multivariate=False)),
    "cmaes": (_hone("CmaEsSampler", "cmaes"), _optuna("CmaEsSampler")),
    # Optuna 5 has no BIPOP (it ignores restart_strategy): the reference is its plain CMA-ES.
    # Restarts need hundreds of trials, so at small budgets the two Hone entries agree.
    "cmaes-bipop": (_hone("CmaEsSampler", "cmaes", restart_strategy="bipop"), _optuna("CmaEsSampler")),
    "gp": (_hone("GPSampler", "gp"), _optuna("GPSampler")),
    "random": (_hone("RandomSampler", "random"), _optuna("RandomSampler")),
}


def availability(name):
    """None when both sides of the pair can be made, else why not."""
    make_hone, make_optuna = SAMPLERS[name]
    try:
        make_hone(0)
    except (hone.HoneError, TypeError) as error:
        return f"Hone: {type(error).__name__}: {error}"
    try:
        make_optuna(0)
    except ImportError as error:  # Optuna's CmaEsSampler needs the cmaes package
        return f"Optuna: {error}"
    return None


def suggest(trial, space):
    """The point a trial suggests; Hone's and Optuna's trials share this API."""
    point = {}
    for name, spec in space.items():
        if spec[0] == "float":
            point[name] = trial.suggest_float(name, spec[1], spec[2], log=spec[3])
        elif spec[0] == "int":
            point[name] = trial.suggest_int(name, spec[1], spec[2])
        else:
            point[name] = trial.suggest_categorical(name, list(spec[1]))
    return point


def regret_trace(study, problem, n_trials):
    """The simple regret after each trial: f_true at the best observed trial so far, minus f_opt."""
    space, f, f_true, f_opt = problem
    best, incumbent, trace = float("inf"), float("inf"), []
    for _ in range(n_trials):
        trial = study.ask()
        point = suggest(trial, space)
        y = f(point)
        study.tell(trial, y)
        if y < best:
            best, incumbent = y, f_true(point)
        trace.append(incumbent - f_opt)
    return trace


def judge(ours, theirs):
    """(p, verdict) of a two-sided Mann-Whitney U test; verdict from Hone's side."""
    test = mannwhitneyu(ours, theirs, alternative="two-sided")
    p = float(test.pvalue)
    if not p < ALPHA:  # also NaN, which a degenerate sample could give
        return p, "within noise"
    m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
    lower = m_ours < m_theirs if m_ours != m_theirs else test.statistic < len(ours) * len(theirs) / 2
    return p, "better" if lower else "worse"


def run_pair(name, funcs, seeds, budgets):
    """The rows of one sampler pair, printed as they come."""
    import optuna

    make_hone, make_optuna = SAMPLERS[name]
    n_trials = max(budgets)
    rows = []
    for fname, problem in funcs.items():
        traces = {"hone": [], "optuna": []}
        seconds = {"hone": 0.0, "optuna": 0.0}
        for seed in range(seeds):
            for side, study in (("hone", lambda: hone.create_study(sampler=make_hone(seed))),
                                ("optuna", lambda: optuna.create_study(sampler=make_optuna(seed)))):
                t0 = time.perf_counter()
                traces[side].append(regret_trace(study(), problem, n_trials))
                seconds[side] += time.perf_counter() - t0
        for b in budgets:
            ours = [t[b - 1] for t in traces["hone"]]
            theirs = [t[b - 1] for t in traces["optuna"]]
            p, verdict = judge(ours, theirs)
            row = {"sampler": name, "function": fname, "d": len(problem[0]), "budget": b,
                   "hone_median": statistics.median(ours), "optuna_median": statistics.median(theirs),
                   "p": p, "verdict": verdict, "hone_regrets": ours, "optuna_regrets": theirs,
                   "hone_seconds": seconds["hone"], "optuna_seconds": seconds["optuna"]}
            rows.append(row)
            print(f"{name:>16} {fname:>15} {row['d']:>3} {b:>6} {row['hone_median']:>12.4g} "
                  f"{row['optuna_median']:>12.4g} {p:>7.3f}  {verdict:<13}"
                  f"{seconds['hone']:>7.1f} {seconds['optuna']:>7.1f}", flush=True)
    return rows


def summary(name, rows, budgets):
    """One line per budget: how often the pair is within noise or better, and strictly better."""
    lines = []
    for b in budgets:
        at = [r for r in rows if r["budget"] == b]
        ok = sum(r["verdict"] in ("within noise", "better") for r in at)
        better = sum(r["verdict"] == "better" for r in at)
        lines.append(f"{name} after {b} trials: within noise or better on {ok}/{len(at)}, "
                     f"strictly better on {better}/{len(at)}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=None, help="seeds per function (default 10, --quick 3)")
    parser.add_argument("--budgets", default="30,60", help="trial counts to judge at, comma-separated")
    parser.add_argument("--samplers", default=",".join(SAMPLERS), help=f"of {', '.join(SAMPLERS)}")
    parser.add_argument("--functions", default=None, help="function names, comma-separated (default all)")
    parser.add_argument("--quick", action="store_true", help=f"3 seeds on {', '.join(QUICK_FUNCTIONS)}")
    parser.add_argument("--json", metavar="PATH", help="also write every row, with the regrets of each seed")
    args = parser.parse_args()

    import optuna

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)

    all_problems = problems()
    names = args.functions.split(",") if args.functions else (
        list(QUICK_FUNCTIONS) if args.quick else list(all_problems))
    unknown = [n for n in names if n not in all_problems]
    samplers = args.samplers.split(",")
    unknown += [s for s in samplers if s not in SAMPLERS]
    if unknown:
        parser.error(f"unknown function or sampler: {', '.join(unknown)}")
    funcs = {n: all_problems[n] for n in names}
    seeds = args.seeds if args.seeds is not None else (3 if args.quick else 10)
    budgets = sorted({int(b) for b in args.budgets.split(",")})
    if seeds < 1 or budgets[0] < 1:
        parser.error("--seeds and --budgets must be positive")

    print(f"blas_info: {json.dumps(hone.blas_info())}")
    print(f"optuna {optuna.__version__}; {seeds} seeds; budgets {budgets}; two-sided Mann-Whitney U, "
          f"within noise at p >= {ALPHA}")
    print(f"{'sampler':>16} {'function':>15} {'d':>3} {'budget':>6} {'Hone median':>12} "
          f"{'Optuna median':>12} {'p':>7}  {'verdict':<13}{'Hone s':>7} {'Optuna s':>7}")
    result = {"seeds": seeds, "budgets": budgets, "alpha": ALPHA, "optuna": optuna.__version__,
              "pairs": {}}
    summaries = []
    for name in samplers:
        reason = availability(name)
        if reason is not None:
            print(f"{name:>16} not available: {reason}", flush=True)
            result["pairs"][name] = {"available": False, "reason": reason}
            summaries.append(f"{name}: not available")
            continue
        rows = run_pair(name, funcs, seeds, budgets)
        result["pairs"][name] = {"available": True, "rows": rows}
        summaries += summary(name, rows, budgets)
    print("== summary")
    for line in summaries:
        print(line)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(result, out, indent=1)


if __name__ == "__main__":
    main()
