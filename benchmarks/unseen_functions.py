"""Test functions the GP sampler was not developed on, to check it generalizes.

Standard definitions (Surjanovic & Bingham's Virtual Library of Simulation
Experiments) with their usual domains and known minima, in the shape of
../shared/benchmarks/functions.py: name -> (bounds, f, f_opt).
"""
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


UNSEEN = {
    "styblinski4": ([(-5, 5)] * 4, styblinski_tang, -39.16617 * 4),
    "levy4": ([(-10, 10)] * 4, levy, 0.0),
    "camel2": ([(-3, 3), (-2, 2)], six_hump_camel, -1.0316),
    "hartmann6": ([(0, 1)] * 6, hartmann6, -3.32237),
    "rastrigin3": ([(-5.12, 5.12)] * 3, rastrigin, 0.0),
    "dixonprice5": ([(-10, 10)] * 5, dixon_price, 0.0),
}
