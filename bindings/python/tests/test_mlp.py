"""hone.mlp: training through the C ABI, prediction, evaluation, files and trials."""
import math

import pytest

import hone

np = pytest.importorskip("numpy")

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
XOR_Y = np.array([0, 1, 1, 0])
XOR_CONFIG = dict(
    task="binary", hidden_layers=[16], activation="tanh", learning_rate=0.05, batch_size=4, epochs=400, seed=1
)


def linear_data(rows, seed):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(rows, 3)).astype(np.float32)
    y = 2.0 * X[:, 0] - 1.0 * X[:, 1] + 0.5 * X[:, 2] + 0.25
    return X, y


@pytest.fixture
def xor_model():
    model, _ = hone.mlp.train(XOR_X, XOR_Y, **XOR_CONFIG)
    with model:
        yield model


def test_learns_xor(xor_model):
    assert xor_model.task == "binary"
    assert xor_model.n_classes == 2 and xor_model.n_features == 2
    assert xor_model.predict(XOR_X).tolist() == [0, 1, 1, 0]
    p = xor_model.predict_proba(XOR_X)
    assert p.shape == (4, 2)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-6)
    assert (p[[1, 2], 1] > 0.5).all() and (p[[0, 3], 1] < 0.5).all()
    metrics = xor_model.evaluate(XOR_X, XOR_Y)
    assert metrics["accuracy"] == 1.0
    assert set(metrics) >= {"loss", "accuracy", "precision", "recall", "f1", "log_loss"}


def test_multiclass_probabilities():
    rng = np.random.default_rng(0)
    centers = np.array([[0, 0], [4, 0], [0, 4]], dtype=np.float64)
    labels = rng.integers(0, 3, size=150)
    X = centers[labels] + rng.normal(scale=0.5, size=(150, 2))
    model, _ = hone.mlp.train(X, labels, task="multiclass", hidden_layers=[8], epochs=60, learning_rate=0.01)
    p = model.predict_proba(X)
    assert p.shape == (150, 3)
    assert (model.predict(X) == labels).mean() > 0.95


def test_regression_on_a_linear_function():
    X, y = linear_data(400, seed=0)
    Xv, yv = linear_data(100, seed=1)
    model, history = hone.mlp.train(
        X, y, validation_data=(Xv, yv), hidden_layers=[32], epochs=80, learning_rate=0.01, seed=3
    )
    pred = model.predict(Xv)
    assert pred.shape == (100,)
    mse = float(np.mean((pred - yv) ** 2))
    assert mse < 0.01, mse
    metrics = model.evaluate(Xv, yv)
    assert metrics["mse"] == pytest.approx(mse, rel=1e-3, abs=1e-6)
    assert metrics["r2"] > 0.98
    with pytest.raises(hone.InvalidArgumentError, match="no class probabilities"):
        model.predict_proba(Xv)


def test_history_and_validation_metrics():
    X, y = linear_data(200, seed=2)
    Xv, yv = linear_data(50, seed=3)
    _, history = hone.mlp.train(X, y, validation_data=(Xv, yv), hidden_layers=[8], epochs=7, metric="mae")
    assert history["status"] == "completed"
    assert history["epochs"] == 7
    assert [e["epoch"] for e in history["history"]] == list(range(1, 8))
    for e in history["history"]:
        assert math.isfinite(e["train_loss"]) and e["learning_rate"] > 0
        assert set(e["validation"]) >= {"loss", "mse", "mae", "r2"}
        assert e["monitored"] == e["validation"]["mae"]
    best = min(history["history"], key=lambda e: e["monitored"])
    assert history["best_epoch"] == best["epoch"]
    assert history["best_value"] == best["monitored"]
    _, no_validation = hone.mlp.train(X, y, hidden_layers=[8], epochs=3)
    assert all(e["validation"] is None for e in no_validation["history"])


def test_early_stopping_status():
    X, y = linear_data(100, seed=4)
    _, history = hone.mlp.train(
        X, y, validation_data=(X, y), epochs=500, early_stopping_patience=2, min_delta=100.0
    )
    assert history["status"] == "early_stopped"
    assert history["epochs"] == 3  # the first epoch sets the best, two more run out of patience


def test_float64_and_float32_agree():
    X, y = linear_data(64, seed=5)
    config = dict(hidden_layers=[8], epochs=5, seed=9)
    m32, _ = hone.mlp.train(X, y, **config)
    m64, _ = hone.mlp.train(X.astype(np.float64), y, **config)
    np.testing.assert_array_equal(m32.predict(X), m64.predict(X))
    # A non-contiguous view and a list of lists are converted, not refused.
    Xf = np.asfortranarray(X)
    m_f, _ = hone.mlp.train(Xf, y, **config)
    np.testing.assert_array_equal(m32.predict(X), m_f.predict(X.tolist()))


def test_every_dtype_makes_the_same_data():
    # float64 features holding float32 values, and labels as int32, int64, uint8,
    # bool or float64, are the same data set once converted: the same model, bit for bit.
    config = dict(XOR_CONFIG, epochs=20)
    base, _ = hone.mlp.train(XOR_X, XOR_Y.astype(np.float64), validation_data=(XOR_X, XOR_Y), **config)
    want = base.predict_proba(XOR_X)
    for X in (XOR_X, XOR_X.astype(np.float64)):
        for y in (XOR_Y.astype(np.int32), XOR_Y.astype(np.int64), XOR_Y.astype(np.uint8), XOR_Y.astype(bool),
                  XOR_Y.astype(np.float32)):
            model, _ = hone.mlp.train(X, y, validation_data=(X, y), **config)
            np.testing.assert_array_equal(model.predict_proba(X), want)
            assert model.evaluate(X, y) == base.evaluate(XOR_X, XOR_Y)
    # Prediction from float64 features equals prediction from the same float32 ones.
    np.testing.assert_array_equal(base.predict_proba(XOR_X.astype(np.float64)), want)


def test_arrays_pass_without_a_python_copy():
    x64 = np.arange(8, dtype=np.float64).reshape(4, 2)
    assert np.shares_memory(hone.mlp._features(x64, "X"), x64)
    y64 = np.arange(4, dtype=np.int64)
    assert np.shares_memory(hone.mlp._targets(y64, 4, "y"), y64)
    assert hone.mlp._targets(np.arange(4, dtype=np.uint16), 4, "y").dtype == np.int64
    assert hone.mlp._targets(np.arange(4, dtype=np.uint64), 4, "y").dtype == np.float64
    assert hone.mlp._targets([0.5, 1, 2, 3], 4, "y").dtype == np.float64


def test_descriptor_layout_matches_the_header():
    import ctypes

    from hone._abi import hone_array

    assert ctypes.sizeof(hone_array) == 32
    assert [getattr(hone_array, f).offset for f in ("data", "dtype", "rows", "cols")] == [0, 8, 16, 24]


def test_integers_must_be_exact_in_float32():
    with pytest.raises(hone.InvalidArgumentError, match="integer 9007199254740993 at row 2, column 0"):
        hone.mlp.train(XOR_X, np.array([0, 1, 2**53 + 1, 0]), epochs=1)
    with pytest.raises(hone.InvalidArgumentError, match="beyond float32's range"):
        hone.mlp.train(np.array([[0, 0], [0, 1e300], [1, 0], [1, 1]]), XOR_Y, epochs=1)


def test_save_load_round_trip(xor_model, tmp_path):
    path = tmp_path / "xor.mlp"
    xor_model.save(path)
    with hone.mlp.load(path) as again:
        np.testing.assert_array_equal(again.predict_proba(XOR_X), xor_model.predict_proba(XOR_X))
        assert again.sizes == xor_model.sizes == [2, 16, 1]
        assert again.evaluate(XOR_X, XOR_Y) == xor_model.evaluate(XOR_X, XOR_Y)


def test_multi_output_regression():
    # A linear network on noiseless linear targets has the least-squares map as its
    # minimum. The cosine schedule decays the rate to zero, so training converges to
    # it instead of ending on a noisy minibatch iterate whose error depends on the
    # BLAS kernel's rounding; float32 training gets within ~1e-6 of it.
    rng = np.random.default_rng(1)
    x = rng.uniform(-1, 1, (200, 3))
    y = np.stack([x[:, 0] + x[:, 1], x[:, 2] - 2 * x[:, 0]], axis=1)
    epochs = 300
    model, history = hone.mlp.train(
        x[:150], y[:150], validation_data=(x[150:], y[150:]), hidden_layers=[16], activation="linear",
        learning_rate=0.02, epochs=epochs, batch_size=16, seed=0,
        schedule={"type": "cosine", "period": epochs})
    assert model.sizes == [3, 16, 2]
    predicted = model.predict(x[150:])
    assert predicted.shape == (50, 2)
    # The network's affine map, read off at the origin and the unit vectors.
    at = model.predict(np.vstack([np.zeros(3), np.eye(3)]))
    weights, intercept = at[1:] - at[0], at[0]
    solution, *_ = np.linalg.lstsq(np.c_[x[:150], np.ones(150)], y[:150], rcond=None)
    np.testing.assert_allclose(weights, solution[:3], atol=1e-3)
    np.testing.assert_allclose(intercept, solution[3], atol=1e-3)
    assert model.evaluate(x[150:], y[150:])["r2"] > 0.9999
    with pytest.raises(ValueError, match="2 outputs"):
        model.evaluate(x[150:], y[150:, :1].repeat(3, axis=1))
    with pytest.raises(hone.InvalidArgumentError, match="one label per row"):
        hone.mlp.train(x, y, task="multiclass", epochs=1)


def test_one_activation_per_hidden_layer(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 3)).astype(np.float32)
    y = (x[:, 0] * x[:, 1] > 0).astype(np.float64)
    model, _ = hone.mlp.train(
        x, y, task="binary", hidden_layers=[8, 6], activation=["tanh", "relu"], epochs=5, seed=2)
    assert model.activation == ["tanh", "relu"]
    path = tmp_path / "mixed.mlp"
    model.save(path)
    with hone.mlp.load(path) as again:
        assert again.activation == ["tanh", "relu"]
        np.testing.assert_array_equal(again.predict_proba(x), model.predict_proba(x))
    with pytest.raises(hone.InvalidArgumentError, match="'activation'"):
        hone.mlp.train(x, y, task="binary", hidden_layers=[8, 6], activation=["tanh"], epochs=1)


def test_corrupt_and_missing_files(xor_model, tmp_path):
    path = tmp_path / "xor.mlp"
    xor_model.save(str(path))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(hone.HoneError, match="checksum"):
        hone.mlp.load(path)
    path.write_bytes(bytes(data[:20]))
    with pytest.raises(hone.InvalidArgumentError, match="truncated|magic"):
        hone.mlp.load(path)
    path.write_bytes(b"not a model at all")
    with pytest.raises(hone.InvalidArgumentError, match="magic"):
        hone.mlp.load(path)
    with pytest.raises(hone.StorageError):
        hone.mlp.load(tmp_path / "missing" / "x.mlp")


def test_unknown_config_key_is_named():
    with pytest.raises(hone.InvalidArgumentError, match="learning_rat"):
        hone.mlp.train(XOR_X, XOR_Y, learning_rat=0.1)
    with pytest.raises(hone.InvalidArgumentError, match="optimizer"):
        hone.mlp.train(XOR_X, XOR_Y, optimizer="lbfgs")
    with pytest.raises(ValueError):
        hone.mlp.train(XOR_X, XOR_Y, epochs=-1)


def test_numpy_scalars_in_config():
    _, history = hone.mlp.train(XOR_X, XOR_Y, task="binary", epochs=np.int64(2), learning_rate=np.float32(0.01))
    assert history["epochs"] == 2


def test_bad_shapes():
    with pytest.raises(ValueError, match="2-D"):
        hone.mlp.train(np.zeros(4, dtype=np.float32), XOR_Y)
    with pytest.raises(ValueError, match="4 rows"):
        hone.mlp.train(XOR_X, XOR_Y[:3])
    with pytest.raises(ValueError, match="at least one row"):
        hone.mlp.train(np.zeros((0, 2), dtype=np.float32), np.zeros(0))
    with pytest.raises(ValueError, match="features"):
        hone.mlp.train(XOR_X, XOR_Y, validation_data=(np.zeros((2, 3)), [0, 1]))
    with pytest.raises(ValueError, match="pair"):
        hone.mlp.train(XOR_X, XOR_Y, validation_data=XOR_X)
    with pytest.raises(hone.InvalidArgumentError, match="label"):
        hone.mlp.train(XOR_X, [0, 1, 2, 0.5], task="binary")


def test_predict_shape_errors(xor_model):
    with pytest.raises(hone.InvalidArgumentError, match="x has 3 cols, the model takes 2 features"):
        xor_model.predict(np.zeros((2, 3), dtype=np.float32))
    with pytest.raises(ValueError, match="2-D"):
        xor_model.predict(np.zeros(2, dtype=np.float32))
    with pytest.raises(ValueError, match="2 values for 4 rows"):
        xor_model.evaluate(XOR_X, [0, 1])


def test_closed_model_raises():
    model, _ = hone.mlp.train(XOR_X, XOR_Y, task="binary", epochs=1)
    model.close()
    model.close()
    with pytest.raises(hone.StateError):
        model.predict(XOR_X)


def test_reports_each_epoch_to_the_trial(study):
    trial = study.ask()
    Xv, yv = XOR_X, XOR_Y
    _, history = hone.mlp.train(
        XOR_X, XOR_Y, validation_data=(Xv, yv), trial=trial, task="binary", epochs=6, metric="accuracy"
    )
    study.tell(trial, history["best_value"])
    frozen = study.trials[0]
    assert sorted(frozen.intermediate_values) == [1, 2, 3, 4, 5, 6]
    for e in history["history"]:
        assert frozen.intermediate_values[e["epoch"]] == e["validation"]["accuracy"]


def test_in_optimize(study):
    X, y = linear_data(100, seed=6)

    def objective(trial):
        lr = trial.suggest_float("learning_rate", 1e-3, 1e-1, log=True)
        model, history = hone.mlp.train(
            X, y, validation_data=(X, y), trial=trial, hidden_layers=[4], epochs=3, learning_rate=lr
        )
        with model:
            return model.evaluate(X, y)["mse"]

    study.optimize(objective, n_trials=3)
    assert len(study.trials) == 3
    assert all(len(t.intermediate_values) == 3 for t in study.trials)


def test_finished_trial_is_refused(study):
    trial = study.ask()
    study.tell(trial, 1.0)
    with pytest.raises(hone.StateError):
        hone.mlp.train(XOR_X, XOR_Y, trial=trial, epochs=1)
    with pytest.raises(TypeError):
        hone.mlp.train(XOR_X, XOR_Y, trial=object(), epochs=1)


def test_pruned_training_raises_trial_pruned():
    # Every epoch's value is below the threshold's lower bound, so the first epoch prunes.
    with hone.create_study(pruner=hone.pruners.ThresholdPruner(lower=1e9)) as study:

        def objective(trial):
            hone.mlp.train(XOR_X, XOR_Y, validation_data=(XOR_X, XOR_Y), trial=trial, task="binary", epochs=5)
            return 0.0

        study.optimize(objective, n_trials=1)
        assert study.trials[0].state == hone.TrialState.PRUNED
        assert sorted(study.trials[0].intermediate_values) == [1]


def test_threads_share_a_model(xor_model):
    import threading

    want = xor_model.predict_proba(XOR_X)
    results = []

    def work():
        for _ in range(50):
            results.append(np.array_equal(xor_model.predict_proba(XOR_X), want))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 200 and all(results)
