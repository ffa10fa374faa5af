"""Ask timing shared by the latency benchmarks, in alternating blocks when libraries are compared.

A VM's speed drifts by tens of percent within a minute: timing all of one
library's asks and then the other's puts that drift into their ratio. Timing
single asks in turn puts the other library's work between two asks of one,
which leaves every ask's caches cold, unlike a loop with a cheap objective.
`paired_asks` therefore alternates blocks of a few asks per study.
"""
import statistics
import time

import numpy as np


def timed_asks(study, bounds, f, asks):
    """Seconds of each of `asks` asks with one suggest_float per bound, each trial then told f(x).

    Hone's and Optuna's studies share the ask/suggest/tell API.
    """
    times = []
    for _ in range(asks):
        t0 = time.perf_counter()
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]
        times.append(time.perf_counter() - t0)
        study.tell(trial, f(np.array(x)))
    return times


def paired_asks(studies, bounds, f, asks, block=10):
    """Median ms of `timed_asks` for each study, in alternating blocks of `block` asks."""
    times = [[] for _ in studies]
    while len(times[0]) < asks:
        for study, out in zip(studies, times):
            out += timed_asks(study, bounds, f, min(block, asks - len(out)))
    return [1e3 * statistics.median(t) for t in times]


def replayed(study, bounds, xs, ys):
    """`study` (Hone's) with the trials at points `xs` told `ys`, through enqueued asks."""
    for x, y in zip(xs, ys):
        study.enqueue_trial({f"x{i}": v for i, v in enumerate(x)})
        trial = study.ask()
        for i, (lo, hi) in enumerate(bounds):
            trial.suggest_float(f"x{i}", lo, hi)
        study.tell(trial, y)
    return study


def optuna_replayed(study, bounds, xs, ys):
    """Optuna's `study` with the same trials as `replayed` gives Hone's, added as finished trials."""
    import optuna

    dists = {f"x{i}": optuna.distributions.FloatDistribution(lo, hi) for i, (lo, hi) in enumerate(bounds)}
    study.add_trials(
        optuna.trial.create_trial(params={f"x{i}": v for i, v in enumerate(x)}, distributions=dists, value=y)
        for x, y in zip(xs, ys)
    )
    return study
