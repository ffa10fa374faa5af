"""MLP training beside PyTorch and scikit-learn on the CPU, one thread each, in one run.

Usage: python mlp.py [SGEMM_PEAK_GFLOPS]

1. One training step: whole epochs of mini-batch Adam on random data (the same
   shapes for both) in milliseconds per step, best of three runs: gather the batch, forward, loss,
   backward and the update. Two shapes: 784-256-256-10 at batch 128, where GEMM
   dominates, and 64-32-10 at batch 32, where the per-step overhead does. Hone's
   GEMM rate is set against the single-thread sgemm peak that
   benchmarks/sgemm_peak.c measured, when given.
2. A whole training on the UCI digits (scripts/fetch-digits.sh): 64-128-10, ReLU,
   Adam at 1e-3, batch 32, 60 epochs, features scaled to [0, 1], a stratified
   80/20 split. Wall time and held-out accuracy for each framework.
"""
import json
import os
import sys
import time

import hone  # before numpy: see hone.blas_info
import numpy as np

SHAPES = ((784, (256, 256), 10, 128, 40), (64, (32,), 10, 32, 400))


def data(n_in, n_out, steps, batch, seed=0):
    rng = np.random.default_rng(seed)
    rows = steps * batch
    return rng.standard_normal((rows, n_in)).astype(np.float32), rng.integers(0, n_out, rows)


def hone_step_ms(n_in, hidden, n_out, batch, steps, epochs=3):
    x, y = data(n_in, n_out, steps, batch)
    t0 = time.perf_counter()
    hone.mlp.train(
        x, y.astype(np.float64), task="multiclass", hidden_layers=list(hidden), optimizer="adam",
        learning_rate=1e-3, batch_size=batch, epochs=epochs, threads=1, seed=0,
        early_stopping_patience=0)
    return 1e3 * (time.perf_counter() - t0) / (epochs * steps)


def torch_step_ms(n_in, hidden, n_out, batch, steps, epochs=3):
    import torch

    torch.set_num_threads(1)
    x, y = data(n_in, n_out, steps, batch)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    layers, width = [], n_in
    for h in hidden:
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        width = h
    model = torch.nn.Sequential(*layers, torch.nn.Linear(width, n_out))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(0)
    t0 = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(xt.shape[0], generator=g)
        for s in range(steps):
            idx = order[s * batch:(s + 1) * batch]
            opt.zero_grad()
            loss = loss_fn(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
    return 1e3 * (time.perf_counter() - t0) / (epochs * steps)


def digits_split():
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "python"))
    from digits import load_digits, stratified_split

    X, y = load_digits()
    X = X / np.float32(16)
    train, test = stratified_split(y, [0.8, 0.2], seed=0)
    return X[train], y[train], X[test], y[test]


def digits_hone(xtr, ytr, xte, yte):
    t0 = time.perf_counter()
    model, _ = hone.mlp.train(
        xtr, ytr, task="multiclass", hidden_layers=[128], optimizer="adam", learning_rate=1e-3,
        batch_size=32, epochs=60, threads=1, seed=0, early_stopping_patience=0, standardize=False)
    seconds = time.perf_counter() - t0
    return seconds, float(np.mean(model.predict(xte) == yte))


def digits_torch(xtr, ytr, xte, yte):
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(0)
    xt, yt = torch.from_numpy(xtr), torch.from_numpy(ytr)
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    t0 = time.perf_counter()
    for _ in range(60):
        order = torch.randperm(xt.shape[0])
        for s in range(0, xt.shape[0], 32):
            idx = order[s:s + 32]
            opt.zero_grad()
            loss_fn(model(xt[idx]), yt[idx]).backward()
            opt.step()
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        predicted = model(torch.from_numpy(xte)).argmax(1).numpy()
    return seconds, float(np.mean(predicted == yte))


def digits_sklearn(xtr, ytr, xte, yte):
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(
        hidden_layer_sizes=(128,), solver="adam", learning_rate_init=1e-3, batch_size=32, max_iter=60,
        alpha=0.0, tol=0.0, n_iter_no_change=60, random_state=0)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(xtr, ytr)
    seconds = time.perf_counter() - t0
    return seconds, float(np.mean(clf.predict(xte) == yte))


def step_flops(n_in, hidden, n_out, batch):
    """GEMM flops of one step: forward, weight gradients, and input gradients past the first layer."""
    widths = (n_in, *hidden, n_out)
    pairs = list(zip(widths, widths[1:]))
    gemm = sum(2 * batch * a * b for a, b in pairs)
    return 3 * gemm - 2 * batch * pairs[0][0] * pairs[0][1]


def main():
    peak = float(sys.argv[1]) if len(sys.argv) > 1 else float("nan")
    print(f"blas_info: {json.dumps(hone.blas_info())}")
    print("== one Adam training step, 1 thread, ms (lower is better)")
    print(f"{'network':>16} {'batch':>6} {'Hone':>8} {'PyTorch':>8} {'PyTorch/Hone':>13} "
          f"{'Hone GFLOP/s':>13} {'of sgemm peak':>14}")
    for n_in, hidden, n_out, batch, steps in SHAPES:
        # Best of three runs each: the machine's other load only ever adds time.
        ours = min(hone_step_ms(n_in, hidden, n_out, batch, steps) for _ in range(3))
        try:
            theirs = min(torch_step_ms(n_in, hidden, n_out, batch, steps) for _ in range(3))
        except ImportError:
            theirs = float("nan")
        name = "-".join(str(v) for v in (n_in, *hidden, n_out))
        rate = step_flops(n_in, hidden, n_out, batch) / ours / 1e6
        print(f"{name:>16} {batch:>6} {ours:>8.3f} {theirs:>8.3f} {theirs / ours:>12.2f}x "
              f"{rate:>13.1f} {rate / peak:>13.0%}", flush=True)

    print("== digits, 64-128-10, Adam, batch 32, 60 epochs, 1 thread")
    print(f"{'framework':>14} {'seconds':>8} {'test acc':>9} {'time / Hone':>12}")
    split = digits_split()
    ours = None
    for name, run in (("Hone", digits_hone), ("PyTorch", digits_torch), ("scikit-learn", digits_sklearn)):
        try:
            seconds, accuracy = run(*split)
        except ImportError:
            print(f"{name:>14} {'(not installed)':>18}")
            continue
        ours = ours or seconds
        print(f"{name:>14} {seconds:>8.3f} {accuracy:>9.4f} {seconds / ours:>11.1f}x", flush=True)


if __name__ == "__main__":
    main()
