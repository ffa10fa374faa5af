"""Persistent storages: SQLite studies by name, several processes, and workers that die."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import hone
from hone import TrialState
from hone.study import StudyDirection

WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "storage_worker.py")


def _child_env():
    env = dict(os.environ)
    # The child must import the same package as this process.
    package_root = os.path.dirname(os.path.dirname(hone.__file__))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    return env


def _worker(*args):
    return subprocess.Popen(
        [sys.executable, WORKER, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    """A storage with no studies: a new SQLite file, or the test PostgreSQL database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'studies.db'}"
    pg = os.environ.get("HONE_TEST_POSTGRES_URL")
    if not pg:
        pytest.skip("HONE_TEST_POSTGRES_URL is not set (make python-test starts a server)")
    for summary in hone.get_all_study_summaries(pg):
        hone.delete_study(study_name=summary.study_name, storage=pg)
    return pg


def _run(study, values):
    for v in values:
        trial = study.ask()
        trial.suggest_float("x", 0, 1)
        study.tell(trial, v)


def test_create_load_and_load_if_exists(url):
    with hone.create_study(study_name="s", storage=url, direction="maximize") as study:
        _run(study, [1.0, 3.0, 2.0])
    with pytest.raises(hone.InvalidArgumentError, match="already exists"):
        hone.create_study(study_name="s", storage=url)
    again = hone.create_study(study_name="s", storage=url, load_if_exists=True)
    assert again.direction == StudyDirection.MAXIMIZE  # the stored direction wins, as in Optuna
    assert again.best_value == 3.0
    loaded = hone.load_study(study_name="s", storage=url, sampler=hone.samplers.RandomSampler(seed=1))
    assert [t.state for t in loaded.trials] == [TrialState.COMPLETE] * 3
    assert loaded.best_trial.number == 1
    assert isinstance(loaded.sampler, hone.samplers.RandomSampler)
    assert hone.load_study(study_name=None, storage=url).study_name == "s"
    with pytest.raises(KeyError):
        hone.load_study(study_name="missing", storage=url)
    with pytest.raises(ValueError, match="persistent"):
        hone.load_study(study_name="s", storage=None)


def test_delete_and_summaries(url):
    with hone.create_study(study_name="one", storage=url) as one:
        _run(one, [0.5, 0.25, 0.75])
    hone.create_study(study_name="two", storage=url, directions=["minimize", "maximize"]).close()
    summaries = hone.get_all_study_summaries(url)
    assert [s.study_name for s in summaries] == ["one", "two"]
    first, second = summaries
    assert first.n_trials == 3
    assert first.direction == StudyDirection.MINIMIZE
    assert first.best_trial.number == 1 and first.best_trial.value == 0.25
    assert first.best_trial.params.keys() == {"x"}
    assert first.datetime_start is not None and first.datetime_start <= first.best_trial.datetime_start
    assert second.directions == [StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE]
    assert second.best_trial is None and second.n_trials == 0 and second.datetime_start is None
    with pytest.raises(RuntimeError):
        second.direction
    assert hone.get_all_study_summaries(url, include_best_trial=False)[0].best_trial is None

    hone.delete_study(study_name="one", storage=url)
    assert [s.study_name for s in hone.get_all_study_summaries(url)] == ["two"]
    with pytest.raises(KeyError):
        hone.delete_study(study_name="one", storage=url)
    with pytest.raises(KeyError):
        hone.load_study(study_name="one", storage=url)


def test_copy_study_between_storages(url, tmp_path):
    with hone.create_study(study_name="src", storage=url) as src:
        _run(src, [0.5, 0.125])
        trial = src.ask()
        trial.report(0.25, step=2)
        trial.set_user_attr("note", ["a", 1])
        src.tell(trial, state=TrialState.PRUNED)
        src.enqueue_trial({"x": 0.5})
        expected = src.trials
    other = f"sqlite:///{tmp_path / 'other.db'}"
    hone.copy_study(from_study_name="src", from_storage=url, to_storage=other)
    hone.copy_study(from_study_name="src", from_storage=url, to_storage=other, to_study_name="dst")
    assert hone.load_study(study_name="src", storage=other).trials == expected
    copied = hone.load_study(study_name="dst", storage=other)
    assert copied.trials == expected
    assert copied.trials[2].intermediate_values == {2: 0.25}
    assert copied.trials[3].state == TrialState.WAITING
    with pytest.raises(hone.InvalidArgumentError, match="already exists"):
        hone.copy_study(from_study_name="src", from_storage=url, to_storage=other)


def test_bad_urls_and_foreign_files_are_clear_errors(tmp_path):
    with pytest.raises(hone.InvalidArgumentError, match="'mysql' is not supported"):
        hone.create_study(storage="mysql://root:hunter2@localhost/db")
    # Nothing listens on port 1.
    with pytest.raises(hone.StorageError, match="could not connect") as e:
        hone.create_study(storage="postgresql://root:hunter2@127.0.0.1:1/db")
    assert "hunter2" not in str(e.value)
    text = tmp_path / "notes.txt"
    text.write_bytes(b"just some notes, not a database\n" * 10)
    with pytest.raises(hone.StorageError, match="not a SQLite database"):
        hone.create_study(storage=f"sqlite:///{text}")
    assert text.read_bytes() == b"just some notes, not a database\n" * 10
    with pytest.raises(hone.StorageError, match="cannot open"):
        hone.get_all_study_summaries(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")


def test_a_damaged_row_is_a_storage_error_and_the_file_is_unchanged(tmp_path):
    path = tmp_path / "hand-edited.db"
    url = f"sqlite:///{path}"
    with hone.create_study(study_name="s", storage=url) as study:
        for _ in range(3):
            trial = study.ask()
            trial.suggest_categorical("c", ["a", "b", "c"])
            study.tell(trial, 1.0)
    for index in (-5, 0.5):
        with sqlite3.connect(path) as db:
            db.execute("UPDATE trial_params SET param_value = ? WHERE trial_id = "
                       "(SELECT trial_id FROM trials WHERE number = 1)", (index,))
        db.close()
        before = path.read_bytes()
        loaded = hone.load_study(study_name="s", storage=url)
        with pytest.raises(hone.StorageError, match=r"trial 1 of study 's': parameter 'c' has value") as e:
            loaded.trials
        assert isinstance(e.value, RuntimeError) and not isinstance(e.value, ValueError)
        assert "not modified" in str(e.value)
        with pytest.raises(hone.StorageError, match="parameter 'c'"):
            hone.get_all_study_summaries(url)
        loaded.close()
        assert path.read_bytes() == before


def test_reads_leave_a_zero_byte_file_empty_and_create_no_missing_file(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.db"
    for path in (empty, missing):
        url = f"sqlite:///{path}"
        with pytest.raises(KeyError):
            hone.load_study(study_name="s", storage=url)
        assert hone.get_all_study_summaries(url) == []
        with pytest.raises(KeyError):
            hone.delete_study(study_name="s", storage=url)
        with pytest.raises(KeyError):
            hone.copy_study(from_study_name="s", from_storage=url, to_storage=None)
    assert empty.read_bytes() == b""
    assert not missing.exists()
    # The first write creates the tables.
    hone.create_study(study_name="s", storage=f"sqlite:///{empty}").close()
    assert hone.load_study(study_name="s", storage=f"sqlite:///{empty}").study_name == "s"


def test_four_processes_share_one_study(url):
    workers = [_worker("work", url, "shared", 50) for _ in range(4)]
    for w in workers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    study = hone.load_study(study_name="shared", storage=url)
    trials = study.trials
    assert [t.number for t in trials] == list(range(200))
    assert all(t.state == TrialState.COMPLETE and "x" in t.params for t in trials)


def test_a_killed_worker_trial_fails_and_is_retried_with_its_params(url):
    worker = _worker("crash", url, "crash", 5)
    line = worker.stdout.readline()
    assert line.startswith("RUNNING"), worker.stderr.read()
    _, number, x = line.split()
    number, x = int(number), float(x)
    storage = hone.storages.RDBStorage(
        url,
        heartbeat_interval=0.2,
        grace_period=1.0,
        failed_trial_callback=hone.storages.RetryFailedTrialCallback(max_retry=2),
    )
    study = hone.load_study(study_name="crash", storage=storage)
    # The worker's heartbeat thread keeps its long trial alive past the grace period.
    time.sleep(1.5)
    assert hone.storages.fail_stale_trials(study) == 0
    assert study.trials[number].state == TrialState.RUNNING

    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    time.sleep(1.5)
    trials = study.trials
    assert [t.state for t in trials[:number]] == [TrialState.COMPLETE] * number
    assert trials[number].state == TrialState.RUNNING

    retry = study.ask()  # fails the stale trial first, then starts its retry
    assert study.trials[number].state == TrialState.FAIL
    assert retry.number == number + 1
    assert retry.suggest_float("x", -1, 1) == x
    frozen = study.trials[retry.number]
    assert hone.storages.RetryFailedTrialCallback.retried_trial_number(frozen) == number
    assert hone.storages.RetryFailedTrialCallback.retry_history(frozen) == [number]
    study.tell(retry, x * x)
    assert study.trials[retry.number].state == TrialState.COMPLETE
