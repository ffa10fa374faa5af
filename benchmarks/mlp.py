"""MLP training step beside PyTorch on the CPU, one thread each, in one run.

Usage: python mlp.py

Times whole epochs of mini-batch Adam on random data (the same shapes for both)
and reports milliseconds per training step: gather the batch, forward, loss,
backward and the update. Two shapes: 784-256-256-10 at batch 128, where GEMM
dominates, and 64-32-10 at batch 32, where the per-step overhead does.
"""
import time

import numpy as np

import hone

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


def main():
    print("== one Adam training step, 1 thread, ms (lower is better)")
    print(f"{'network':>16} {'batch':>6} {'Hone':>8} {'PyTorch':>8} {'PyTorch/Hone':>13}")
    for n_in, hidden, n_out, batch, steps in SHAPES:
        ours = hone_step_ms(n_in, hidden, n_out, batch, steps)
        try:
            theirs = torch_step_ms(n_in, hidden, n_out, batch, steps)
        except ImportError:
            theirs = float("nan")
        name = "-".join(str(v) for v in (n_in, *hidden, n_out))
        print(f"{name:>16} {batch:>6} {ours:>8.3f} {theirs:>8.3f} {theirs / ours:>12.2f}x", flush=True)


if __name__ == "__main__":
    main()
