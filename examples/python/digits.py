"""The UCI digits (1,797 × 64, ten classes) and a seeded, stratified split.

`scripts/fetch-digits.sh` fetches the data; see examples/data/README.md for its
source and licence (CC BY 4.0).
"""
import gzip
import os

import numpy as np

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "digits.csv.gz")


def load_digits():
    """Features as float32 (pixel counts 0–16) and labels as int64."""
    if not os.path.exists(PATH):
        raise FileNotFoundError(f"{PATH} is missing: run scripts/fetch-digits.sh (make demo does)")
    with gzip.open(PATH, "rt") as f:
        data = np.loadtxt(f, delimiter=",", dtype=np.float32)
    return np.ascontiguousarray(data[:, :-1]), data[:, -1].astype(np.int64)


def stratified_split(y, fractions, seed):
    """Index arrays, one per fraction, each holding that share of every class."""
    rng = np.random.default_rng(seed)
    parts = [[] for _ in fractions]
    edges = np.cumsum(fractions)
    for label in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == label))
        cuts = np.round(edges * len(idx)).astype(int)
        for k, piece in enumerate(np.split(idx, cuts[:-1])):
            parts[k].extend(piece.tolist())
    return [rng.permutation(np.array(p, dtype=np.int64)) for p in parts]
