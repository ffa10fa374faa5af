"""Storage objects with Optuna's names: InMemoryStorage shared by studies, RDBStorage's
engine_kwargs, JournalStorage's URL, and get_all_study_names."""
import gc
import os
import sqlite3
import threading

import pytest

import hone
from hone.storages import BaseStorage, InMemoryStorage, JournalStorage, RDBStorage, _split
from hone.storages.journal import JournalFileBackend, JournalFileOpenLock, JournalFileSymlinkLock


def _objective(trial):
    return trial.suggest_float("x", -1, 1) ** 2


def test_optunas_in_memory_pattern_loads_the_created_study():
    storage = InMemoryStorage()
    created = hone.create_study(storage=storage, study_name="a", sampler=hone.samplers.RandomSampler(seed=0))
    created.optimize(_objective, n_trials=3)
    loaded = hone.load_study(study_name="a", storage=storage)
    assert [t.params for t in loaded.trials] == [t.params for t in created.trials]
    loaded.optimize(_objective, n_trials=2)
    assert len(created.trials) == 5
    # study_name=None finds the one study.
    assert hone.load_study(study_name=None, storage=storage).study_name == "a"


def test_get_all_study_names_and_summaries_of_an_in_memory_storage():
    storage = InMemoryStorage()
    assert hone.get_all_study_names(storage) == []
    for name in ["b", "a", "c"]:
        hone.create_study(storage=storage, study_name=name)
    assert hone.get_all_study_names(storage) == ["b", "a", "c"]
    assert hone.study.get_all_study_names(storage=storage) == ["b", "a", "c"]
    assert [s.study_name for s in hone.get_all_study_summaries(storage)] == ["b", "a", "c"]
    hone.delete_study(study_name="a", storage=storage)
    assert hone.get_all_study_names(storage) == ["b", "c"]
    with pytest.raises(KeyError):
        hone.load_study(study_name="a", storage=storage)


def test_an_existing_name_is_a_duplicated_study_error():
    storage = InMemoryStorage()
    hone.create_study(storage=storage, study_name="a")
    with pytest.raises(hone.DuplicatedStudyError):
        hone.create_study(storage=storage, study_name="a")
    again = hone.create_study(storage=storage, study_name="a", load_if_exists=True)
    assert again.study_name == "a"


def test_distinct_in_memory_storages_are_distinct():
    one, two = InMemoryStorage(), InMemoryStorage()
    hone.create_study(storage=one, study_name="a")
    assert hone.get_all_study_names(two) == []
    # The string "memory" stays a new private storage.
    hone.create_study(storage="memory", study_name="p")
    assert hone.get_all_study_names("memory") == []


def test_copy_study_into_and_out_of_in_memory_storages(tmp_path):
    source = InMemoryStorage()
    study = hone.create_study(storage=source, study_name="s", sampler=hone.samplers.RandomSampler(seed=1))
    study.optimize(_objective, n_trials=4)
    target = InMemoryStorage()
    hone.copy_study(from_study_name="s", from_storage=source, to_storage=target, to_study_name="t")
    assert len(hone.load_study(study_name="t", storage=target).trials) == 4
    url = f"sqlite:///{tmp_path / 'copy.db'}"
    hone.copy_study(from_study_name="t", from_storage=target, to_storage=url)
    assert hone.get_all_study_names(url) == ["t"]


def test_the_study_keeps_its_storage_and_its_data_alive():
    study = hone.create_study(storage=InMemoryStorage(), study_name="kept")
    study.optimize(_objective, n_trials=2)
    gc.collect()
    assert isinstance(study._storage, InMemoryStorage)
    assert len(hone.load_study(study_name="kept", storage=study._storage).trials) == 2


def test_a_default_study_has_its_own_in_memory_storage():
    study = hone.create_study()
    other = hone.create_study()
    assert isinstance(study._storage, InMemoryStorage)
    assert study._storage is not other._storage
    assert hone.get_all_study_names(study._storage) == [study.study_name]
    assert hone.load_study(study_name=study.study_name, storage=study._storage).study_name == study.study_name
    with pytest.raises(ValueError):
        hone.load_study(study_name=study.study_name, storage=None)


def test_a_closed_in_memory_storage_opens_no_study_but_open_ones_keep_working():
    with InMemoryStorage() as storage:
        study = hone.create_study(storage=storage, study_name="a")
    with pytest.raises(hone.StateError):
        hone.create_study(storage=storage)
    with pytest.raises(hone.StateError):
        hone.get_all_study_names(storage)
    study.optimize(_objective, n_trials=1)
    assert len(study.trials) == 1
    storage.close()  # closing twice is fine


def test_threads_share_one_in_memory_storage():
    storage = InMemoryStorage()
    hone.create_study(storage=storage, study_name="shared")
    errors = []

    def work():
        try:
            hone.load_study(study_name="shared", storage=storage).optimize(_objective, n_trials=5)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    trials = hone.load_study(study_name="shared", storage=storage).trials
    assert sorted(t.number for t in trials) == list(range(20))


def test_storage_objects_share_a_base_and_a_foreign_subclass_is_refused():
    assert all(issubclass(c, BaseStorage) for c in [InMemoryStorage, RDBStorage, JournalStorage])

    class Mine(BaseStorage):
        pass

    with pytest.raises(TypeError):
        hone.create_study(storage=Mine())
    with pytest.raises(TypeError):
        hone.create_study(storage=42)


def test_rdb_storage_takes_optunas_arguments(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    storage = RDBStorage(url, {"pool_pre_ping": True, "echo": False}, False, skip_table_creation=False)
    assert _split(storage) == (url, {})
    assert storage.url == url
    hone.create_study(storage=storage, study_name="x")
    assert hone.get_all_study_names(RDBStorage(url)) == ["x"]
    assert isinstance(hone.load_study(study_name="x", storage=url)._storage, RDBStorage)
    callback = hone.storages.RetryHeartbeatStaleTrialCallback(max_retry=1)
    with_heartbeat = RDBStorage(url, heartbeat_interval=1, heartbeat_stale_trial_callback=callback)
    assert _split(with_heartbeat)[1] == {"heartbeat_interval": 1.0, "failed_trial_retries": 1}
    with pytest.raises(ValueError):
        RDBStorage(url, heartbeat_interval=1, heartbeat_stale_trial_callback=callback, failed_trial_callback=callback)
    with pytest.raises(TypeError):
        RDBStorage(url, engine_kwargs=[("connect_args", {})])


def test_engine_kwargs_timeouts_go_into_the_url():
    sqlite = RDBStorage("sqlite:///a.db", engine_kwargs={"connect_args": {"timeout": 2.5, "check_same_thread": False}})
    assert sqlite._url() == "sqlite:///a.db?timeout=2.5"
    assert RDBStorage("sqlite:///a.db", {"connect_args": {"timeout": 3}})._url() == "sqlite:///a.db?timeout=3"
    pg = RDBStorage(
        "postgresql://u:p@h/db?sslmode=disable", {"connect_args": {"connect_timeout": 2.5, "application_name": "w"}}
    )
    assert pg._url() == "postgresql://u:p@h/db?sslmode=disable&connect_timeout=3&application_name=w"
    for bad in [{"timeout": -1}, {"timeout": "soon"}, {"timeout": float("inf")}]:
        with pytest.raises((TypeError, ValueError)):
            RDBStorage("sqlite:///a.db", {"connect_args": bad})


def test_a_sqlite_timeout_reaches_the_library(tmp_path):
    """With timeout 0 a write that finds the file locked fails at once; with the default it
    waits for the other writer, which lets go after a while."""
    path = tmp_path / "locked.db"
    url = f"sqlite:///{path}"
    hone.create_study(storage=url, study_name="seed")
    locker = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(hone.StorageError):
            hone.create_study(storage=RDBStorage(url, {"connect_args": {"timeout": 0}}), study_name="quick")
        release = threading.Timer(0.3, lambda: locker.execute("COMMIT"))
        release.start()
        patient = hone.create_study(storage=RDBStorage(url), study_name="patient")
        release.join()
    finally:
        if locker.in_transaction:
            locker.execute("COMMIT")
        locker.close()
    assert patient.study_name == "patient"
    assert hone.get_all_study_names(url) == ["seed", "patient"]


def test_journal_storage_names_the_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    backend = JournalFileBackend("runs/a.log")
    storage = JournalStorage(backend)
    assert _split(storage) == ("journal:///" + os.path.join(str(tmp_path), "runs/a.log"), {})
    assert _split(JournalStorage(JournalFileBackend("/tmp/a.log")))[0] == "journal:////tmp/a.log"
    for lock in [JournalFileSymlinkLock("/tmp/a.log"), JournalFileOpenLock("/tmp/a.log", grace_period=None)]:
        assert _split(JournalStorage(JournalFileBackend("/tmp/a.log", lock_obj=lock)))[0] == "journal:////tmp/a.log"
    assert hone.storages.JournalStorage is hone.storages.journal.JournalStorage
    with pytest.raises(ValueError):
        JournalFileSymlinkLock("/tmp/a.log", grace_period=0)
    with pytest.raises(TypeError):
        JournalStorage("journal.log")
    with pytest.raises(TypeError):
        JournalFileBackend("/tmp/a.log", lock_obj=object())
