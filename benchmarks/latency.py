"""Ask timing in alternating blocks, so that libraries compared in one run see the same machine.

A VM's speed drifts by tens of percent within a minute: timing all of one
library's asks and then the other's puts that drift into their ratio. Timing
single asks in turn puts the other library's work between two asks of one,
which leaves every ask's caches cold, unlike a loop with a cheap objective.
`paired_asks` therefore alternates blocks of a few asks per study.
"""
import statistics
import time


def paired_asks(studies, bounds, f, asks, block=10):
    """Median ms of ask + one suggest_float per bound, for each study, in alternating blocks of `block` asks.

    Hone's and Optuna's studies share the ask/suggest/tell API; each trial is
    told f(x) after its timing, so every history grows alike.
    """
    times = [[] for _ in studies]
    while len(times[0]) < asks:
        for study, out in zip(studies, times):
            for _ in range(min(block, asks - len(out))):
                t0 = time.perf_counter()
                trial = study.ask()
                x = [trial.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]
                out.append(time.perf_counter() - t0)
                study.tell(trial, f(x))
    return [1e3 * statistics.median(t) for t in times]
