"""The GP with parallel workers: 4 workers that each ask before any tells, Hone beside Optuna.

Usage:
  python gp_batch.py run --label NAME --side hone|optuna [--workers 4] [--seeds 10] [--first-seed 0]
                         [--trials 48] [--functions a,b] --json PATH
  python gp_batch.py report --json PATH [PATH ...] [--batch hone-batch] [--sequential hone-seq]
                            [--peer optuna] [--peer-sequential optuna-seq]
                            [--extra LABEL ...]

`run` simulates the workers in one process: rounds of `--workers` asks, each
trial suggesting all its parameters right after its ask, then as many tells,
until `--trials` trials (48 by default). The trials asked in a round stay
RUNNING while the later ones of the round are asked, in both libraries (Optuna's
study.ask()/tell() leaves them RUNNING too), so each sampler sees the same
pending trials. `--workers 1` is the one-at-a-time run. The regret of each seed
after the last trial is stored under `--label` in the JSON file, which several
runs share (so a column can be measured with another build, through
HONE_LIBRARY, and compared in one table).

`report` prints, per function of ../shared/benchmarks/functions.py and
unseen_functions.py (UNSEEN and SPACES, as sampler_quality.py loads them), the
median regret of each column, the two-sided Mann-Whitney p of the batch column
against the peer's, and the ratio of the batch column's median regret to the
sequential one's.
"""
import argparse
import json
import os
import statistics
import sys
import time
import warnings

import hone  # before numpy: see hone.blas_info
import numpy as np  # noqa: F401  (the problems use it)
from scipy.stats import mannwhitneyu

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sampler_quality import problems, suggest  # noqa: E402

ALPHA = 0.1


def batch_regret(study, problem, n_trials, workers):
    """The simple regret after `n_trials` trials asked `workers` at a time before their tells."""
    space, f, f_true, f_opt = problem
    best, incumbent, done = float("inf"), float("inf"), 0
    while done < n_trials:
        round_ = []
        for _ in range(min(workers, n_trials - done)):
            trial = study.ask()
            round_.append((trial, suggest(trial, space)))
        for trial, point in round_:
            y = f(point)
            study.tell(trial, y)
            if y < best:
                best, incumbent = y, f_true(point)
        done += len(round_)
    return incumbent - f_opt


def make_study(side, seed):
    if side == "hone":
        return hone.create_study(sampler=hone.samplers.GPSampler(seed=seed))
    import optuna

    return optuna.create_study(sampler=optuna.samplers.GPSampler(seed=seed))


def run(args):
    import optuna

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    all_problems = problems()
    names = args.functions.split(",") if args.functions else list(all_problems)
    results = {}
    if os.path.exists(args.json):
        with open(args.json) as f:
            results = json.load(f)
    column = results.setdefault(args.label, {})
    print(f"{args.label}: {args.side}, {args.workers} workers, {args.trials} trials, {args.seeds} seeds "
          f"from {args.first_seed}; "
          f"HONE_LIBRARY={os.environ.get('HONE_LIBRARY', '')}", flush=True)
    for name in names:
        t0 = time.perf_counter()
        regrets = [batch_regret(make_study(args.side, seed), all_problems[name], args.trials, args.workers)
                   for seed in range(args.first_seed, args.first_seed + args.seeds)]
        column[name] = {"regrets": regrets, "workers": args.workers, "trials": args.trials,
                        "seconds": time.perf_counter() - t0}
        print(f"{name:>15} median {statistics.median(regrets):.4g}  ({time.perf_counter() - t0:.0f} s)", flush=True)
        # Re-read before writing: other runs may share the file.
        latest = {}
        if os.path.exists(args.json):
            with open(args.json) as f:
                latest = json.load(f)
        latest.setdefault(args.label, {})[name] = column[name]
        with open(args.json, "w") as f:
            json.dump(latest, f, indent=1)


def report(args):
    results = {}
    for path in args.json:
        with open(path) as f:
            results.update(json.load(f))
    columns = [c for c in [args.batch, args.sequential, args.peer, args.peer_sequential, *args.extra]
               if c in results]
    names = [n for n in problems() if all(n in results[c] for c in columns)]
    print(f"median simple regret after the last trial over the seeds; p: two-sided Mann-Whitney U of "
          f"{args.batch} against each other batch column; ratio: {args.batch} / {args.sequential} medians")
    header = f"{'function':>15}" + "".join(f"{c:>14}" for c in columns)
    batch_columns = [c for c in columns if c not in (args.sequential, args.batch, args.peer_sequential)]
    peer_ratio = args.peer in columns and args.peer_sequential in columns
    header += "".join(f"{'p vs ' + c:>18}" for c in batch_columns) + f"{'ratio':>8}"
    header += f"{'peer ratio':>11}" if peer_ratio else ""
    print(header)
    worse, within, ratios = {c: 0 for c in batch_columns}, {c: 0 for c in batch_columns}, []
    for name in names:
        med = {c: statistics.median(results[c][name]["regrets"]) for c in columns}
        line = f"{name:>15}" + "".join(f"{med[c]:>14.4g}" for c in columns)
        ours = results[args.batch][name]["regrets"]
        for c in batch_columns:
            p = float(mannwhitneyu(ours, results[c][name]["regrets"], alternative="two-sided").pvalue)
            mark = " "
            if p < ALPHA:
                mark = "-" if med[args.batch] > med[c] else "+"
                worse[c] += mark == "-"
            else:
                within[c] += 1
            line += f"{p:>17.3f}{mark}"
        if args.sequential in med:
            seq = med[args.sequential]
            ratio = med[args.batch] / seq if seq > 0 else (1.0 if med[args.batch] == 0 else float("inf"))
            ratios.append(ratio)
            line += f"{ratio:>8.2f}"
        if peer_ratio:
            seq = med[args.peer_sequential]
            line += f"{med[args.peer] / seq if seq > 0 else float('nan'):>11.2f}"
        print(line)
    for c in batch_columns:
        print(f"{args.batch} vs {c}: within noise on {within[c]}/{len(names)}, significantly worse on "
              f"{worse[c]}/{len(names)} (p < {ALPHA}; '-' worse, '+' better)")
    if ratios:
        print(f"{args.batch} / {args.sequential}: max ratio {max(ratios):.2f}, "
              f"over 2 on {sum(r > 2 for r in ratios)}/{len(ratios)}")
    # Wall time of whole runs (asks, suggests, tells and the functions), only comparable
    # between columns measured on the same quiet machine.
    seconds = {c: sum(results[c][n].get("seconds", float("nan")) for n in names) for c in columns}
    print("seconds per column over these functions and seeds: "
          + ", ".join(f"{c} {seconds[c]:.0f}" for c in columns))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--label", required=True)
    r.add_argument("--side", choices=("hone", "optuna"), required=True)
    r.add_argument("--workers", type=int, default=4)
    r.add_argument("--seeds", type=int, default=10)
    r.add_argument("--first-seed", type=int, default=0, help="seeds first-seed, first-seed + 1, ...")
    r.add_argument("--trials", type=int, default=48)
    r.add_argument("--functions", default=None)
    r.add_argument("--json", required=True)
    p = sub.add_parser("report")
    p.add_argument("--json", nargs="+", required=True, help="the files of the runs, merged")
    p.add_argument("--batch", default="hone-batch")
    p.add_argument("--sequential", default="hone-seq")
    p.add_argument("--peer", default="optuna")
    p.add_argument("--peer-sequential", default="optuna-seq",
                   help="the peer's one-at-a-time column, for its own ratio, when present")
    p.add_argument("--extra", nargs="*", default=[], help="further batch columns, e.g. a run of an older build")
    args = parser.parse_args()
    if args.command == "run":
        if args.workers < 1 or args.seeds < 1 or args.trials < 1:
            parser.error("--workers, --seeds and --trials must be positive")
        run(args)
    else:
        report(args)


if __name__ == "__main__":
    main()
