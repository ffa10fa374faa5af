"""hone.hypervolume: closed forms, Optuna's compute_hypervolume on random sets, and bad arguments."""
import itertools
import math

import pytest

import hone

np = pytest.importorskip("numpy")


def inclusion_exclusion(points, reference):
    """Exact for small sets: the intersection of boxes [p, r] is [max p, r]."""
    boxes = [p for p in points if all(p < reference)]
    total = 0.0
    for size in range(1, len(boxes) + 1):
        for subset in itertools.combinations(boxes, size):
            volume = float(np.prod(reference - np.max(subset, axis=0)))
            total += volume if size % 2 else -volume
    return total


def test_closed_forms():
    assert hone.hypervolume([[1.0, 2.0]], [3.0, 5.0]) == 6.0
    assert hone.hypervolume([[1, 2], [2, 1]], [4, 4]) == 8.0
    assert hone.hypervolume([[i, 10 - i] for i in range(1, 10)], [10, 10]) == 45.0
    assert hone.hypervolume(np.array([[0.5]]), np.array([2.0])) == 1.5


@pytest.mark.parametrize("m", [2, 3, 4, 5])
def test_agrees_with_inclusion_exclusion(m):
    rng = np.random.default_rng(m)
    for n in range(1, 10):
        points = rng.uniform(0, 1, size=(n, m))
        reference = rng.uniform(0.7, 1.2, size=m)
        exact = inclusion_exclusion(points, reference)
        assert hone.hypervolume(points, reference) == pytest.approx(exact, rel=1e-12, abs=1e-300)


def test_float32_points_are_widened_exactly():
    points = np.array([[0.1, 0.7], [0.6, 0.2]], dtype=np.float32)
    assert hone.hypervolume(points, [1.0, 1.0]) == hone.hypervolume(points.astype(np.float64), [1.0, 1.0])


def test_dominated_points_duplicates_and_order_change_nothing():
    rng = np.random.default_rng(3)
    points = rng.uniform(0, 1, size=(50, 3))
    base = hone.hypervolume(points, [1, 1, 1])
    worse = points + (1 - points) * rng.uniform(0, 1, size=points.shape)
    larger = rng.permutation(np.vstack([points, worse, points]))
    assert hone.hypervolume(larger, [1, 1, 1]) == pytest.approx(base, rel=1e-12)


def test_empty_and_outside_sets_are_zero():
    assert hone.hypervolume(np.zeros((0, 2)), [1, 1]) == 0.0
    assert hone.hypervolume([[2, 0], [0, 1]], [1, 1]) == 0.0
    assert hone.hypervolume([[math.inf, 0]], [1, 1]) == 0.0
    assert hone.hypervolume([[-math.inf, 0]], [1, 1]) == math.inf


@pytest.mark.parametrize(
    "points, reference",
    [
        ([1.0, 2.0], [3.0, 3.0]),
        ([[1.0, 2.0]], [3.0]),
        ([[1.0, 2.0]], [[3.0, 3.0]]),
        ([[1.0, math.nan]], [3.0, 3.0]),
        ([[1.0, 2.0]], [3.0, math.inf]),
        (np.zeros((0, 2)), [3.0, math.nan]),
        (np.zeros((1, 0)), []),
    ],
)
def test_bad_arguments_raise_value_error(points, reference):
    with pytest.raises(ValueError):
        hone.hypervolume(points, reference)


@pytest.mark.parametrize("m", [2, 3, 4])
def test_agrees_with_optuna(m):
    optuna_hv = pytest.importorskip("optuna._hypervolume")
    rng = np.random.default_rng(10 + m)
    for n in [1, 5, 20, 60, 200]:
        points = rng.uniform(0, 1, size=(n, m))
        reference = np.full(m, 1.1)
        expected = optuna_hv.compute_hypervolume(points, reference)
        assert hone.hypervolume(points, reference) == pytest.approx(expected, rel=1e-12)
