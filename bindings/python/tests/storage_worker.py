"""A worker process for the storage tests: ``python storage_worker.py MODE URL STUDY N``.

``work``: runs N trials of a quadratic on the shared study.
``crash``: completes N trials, then starts one more, prints ``RUNNING <number> <x>``
and sleeps inside it until killed, its heartbeat thread beating meanwhile.
"""
import sys
import time

import hone

mode, url, name, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# The crash test needs a short grace period. Workers of one study fail each other's trials
# whose heartbeat is that late, which a loaded machine can delay: theirs is long.
grace = 1.0 if mode == "crash" else 60.0
storage = hone.storages.RDBStorage(url, heartbeat_interval=0.2, grace_period=grace)
study = hone.create_study(study_name=name, storage=storage, load_if_exists=True)

if mode == "work":
    study.optimize(lambda t: (t.suggest_float("x", -1, 1) - 0.5) ** 2, n_trials=n)
elif mode == "crash":
    study.optimize(lambda t: t.suggest_float("x", -1, 1) ** 2, n_trials=n)

    def hang(trial):
        x = trial.suggest_float("x", -1, 1)
        print(f"RUNNING {trial.number} {x!r}", flush=True)
        while True:
            time.sleep(1)

    study.optimize(hang, n_trials=1)
else:
    raise SystemExit(f"unknown mode {mode}")
