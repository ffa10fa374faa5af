"""Test functions the samplers were not developed on, to check they generalize.

Standard definitions (Surjanovic & Bingham's Virtual Library of Simulation
Experiments) with their usual domains and known minima, in the shape of
../shared/benchmarks/functions.py: name -> (bounds, f, f_opt).

SPACES holds the kinds that shape cannot express: a search space with log,
integer and categorical parameters, and a noisy objective. Each is
name -> (space, f, f_true, f_opt): space maps a parameter name to
("float", low, high, log), ("int", low, high) or ("categorical", choices);
f and f_true take a dict of parameter values; f is what the sampler observes,
f_true its noise-free value. Simple regret is f_true at the trial with the best
observed f, minus f_opt (for a noise-free function, f_true is f).
"""
import hashlib

import numpy as np


def styblinski_tang(x):
    x = np.asarray(x)
    return float(0.5 * np.sum(x**4 - 16 * x**2 + 5 * x))


def levy(x):
    w = 1 + (np.asarray(x) - 1) / 4
    head = np.sin(np.pi * w[0]) ** 2
    middle = np.sum((w[:-1] - 1) ** 2 * (1 + 10 * np.sin(np.pi * w[:-1] + 1) ** 2))
    return float(head + middle + (w[-1] - 1) ** 2 * (1 + np.sin(2 * np.pi * w[-1]) ** 2))


def six_hump_camel(x):
    a, b = x
    return float((4 - 2.1 * a * a + a**4 / 3) * a * a + a * b + (-4 + 4 * b * b) * b * b)


_A6 = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8],
                [17, 8, 0.05, 10, 0.1, 14]])
_P6 = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                       [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
_C6 = np.array([1.0, 1.2, 3.0, 3.2])


def hartmann6(x):
    x = np.asarray(x)
    return float(-np.sum(_C6 * np.exp(-np.sum(_A6 * (x - _P6) ** 2, axis=1))))


def rastrigin(x):
    x = np.asarray(x)
    return float(10 * len(x) + np.sum(x * x - 10 * np.cos(2 * np.pi * x)))


def dixon_price(x):
    x = np.asarray(x)
    return float((x[0] - 1) ** 2 + np.sum(np.arange(2, len(x) + 1) * (2 * x[1:] ** 2 - x[:-1]) ** 2))


# A fixed rotation and shift, drawn once from a fixed seed (PCG64 streams are
# stable across numpy versions): the ellipsoid is neither separable nor centred.
_ROT10 = np.linalg.qr(np.random.default_rng(20261201).standard_normal((10, 10)))[0]
_SHIFT10 = np.random.default_rng(20261202).uniform(-3, 3, 10)
_ELLIPSOID_WEIGHTS = 10.0 ** (6 * np.arange(10) / 9)


def rotated_ellipsoid(x):
    """Hansen's ill-conditioned ellipsoid (condition number 1e6), rotated; minimum 0 at _SHIFT10."""
    z = _ROT10 @ (np.asarray(x) - _SHIFT10)
    return float(np.sum(_ELLIPSOID_WEIGHTS * z * z))


# Per activation: its offset, the log10 learning rate and the depth it prefers.
_MIXED_ARMS = {"relu": (0.0, -3.0, 5), "tanh": (0.3, -2.0, 3), "sigmoid": (0.8, -1.5, 2), "linear": (1.5, -4.0, 1)}


def mixed_hpo(p):
    """A made-up tuning problem: log learning rate, integer depth, categorical activation, dropout.

    The best learning rate and depth depend on the activation and the best
    dropout on the depth; every term is a square, so the minimum is the best
    activation's offset, 0, at lr = 1e-3, layers = 5, dropout = 0.25.
    """
    offset, log_lr, depth = _MIXED_ARMS[p["activation"]]
    return float(offset + (np.log10(p["lr"]) - log_lr) ** 2 + 0.3 * (p["layers"] - depth) ** 2
                 + 4 * (p["dropout"] - 0.05 * p["layers"]) ** 2)


def _hash_normal(values):
    """A standard normal drawn from a hash of the point: the same point gets the same noise
    in every library and run, distinct points independent-looking noise."""
    digest = hashlib.blake2b(np.asarray(values, dtype=np.float64).tobytes(), digest_size=16).digest()
    u1 = (int.from_bytes(digest[:8], "little") + 0.5) / 2.0**64
    u2 = (int.from_bytes(digest[8:], "little") + 0.5) / 2.0**64
    return float(np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * u2))


def _hartmann6_point(p):
    return np.array([p[f"x{i}"] for i in range(6)])


def noisy_hartmann6(p):
    """Hartmann-6 observed with Gaussian noise of standard deviation 0.1 (its range is about 3.3)."""
    x = _hartmann6_point(p)
    return hartmann6(x) + 0.1 * _hash_normal(x)


SPACES = {
    "mixed4": ({"lr": ("float", 1e-5, 1.0, True), "layers": ("int", 1, 8),
                "activation": ("categorical", ["relu", "tanh", "sigmoid", "linear"]),
                "dropout": ("float", 0.0, 0.9, False)}, mixed_hpo, mixed_hpo, 0.0),
    "hartmann6noisy": ({f"x{i}": ("float", 0.0, 1.0, False) for i in range(6)}, noisy_hartmann6,
                       lambda p: hartmann6(_hartmann6_point(p)), -3.32237),
}

UNSEEN = {
    "styblinski4": ([(-5, 5)] * 4, styblinski_tang, -39.16617 * 4),
    "levy4": ([(-10, 10)] * 4, levy, 0.0),
    "camel2": ([(-3, 3), (-2, 2)], six_hump_camel, -1.0316),
    "hartmann6": ([(0, 1)] * 6, hartmann6, -3.32237),
    "rastrigin3": ([(-5.12, 5.12)] * 3, rastrigin, 0.0),
    "dixonprice5": ([(-10, 10)] * 5, dixon_price, 0.0),
    "ellipsoid10": ([(-5, 5)] * 10, rotated_ellipsoid, 0.0),
}
