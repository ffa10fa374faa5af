"""The main job of `make demo`: the tuned MLP reaches 97% test accuracy on digits."""
import os
import sys

import numpy as np

import hone

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "python")
sys.path.insert(0, os.path.abspath(EXAMPLES))

import demo  # noqa: E402
from digits import load_digits, stratified_split  # noqa: E402


def test_split_is_stratified_disjoint_and_seeded():
    X, y = load_digits()
    assert X.shape == (1797, 64) and X.dtype == np.float32 and set(np.unique(y)) == set(range(10))
    parts = stratified_split(y, [0.6, 0.2, 0.2], seed=3)
    joined = np.concatenate(parts)
    assert sorted(joined.tolist()) == list(range(1797))
    for part, share in zip(parts, [0.6, 0.2, 0.2]):
        counts = np.bincount(y[part], minlength=10)
        assert np.all(np.abs(counts - share * np.bincount(y)) <= 1)
    again = stratified_split(y, [0.6, 0.2, 0.2], seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(parts, again))


def test_tuned_mlp_reaches_97_percent_on_held_out_digits():
    result = demo.tune(n_trials=40, seed=0, verbose=False)
    states = [t.state for t in result["study"].trials]
    assert len(states) == 40
    # Hyperband stopped some trials early, and the budget shows it.
    assert states.count(hone.TrialState.PRUNED) > 0
    assert result["epochs"] < 40 * demo.MAX_EPOCHS / 2
    assert result["test_accuracy"] >= 0.97, result["config"]
