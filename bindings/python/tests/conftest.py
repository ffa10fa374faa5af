"""Tests run against the installed package, or else against the source tree beside them.

From the source tree the library must come from ``HONE_LIBRARY``; an installed
package carries its own.
"""
import importlib.util
import os
import sys
import threading

import pytest

if importlib.util.find_spec("hone") is None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import hone  # noqa: E402


@pytest.fixture
def study():
    """A single-objective study with a seeded random sampler, closed afterwards."""
    with hone.create_study(sampler=hone.samplers.RandomSampler(seed=7)) as s:
        yield s


@pytest.fixture
def within():
    """``within(seconds, fn)`` runs ``fn()`` and fails, instead of hanging, if it does not return in time."""

    def run(seconds, fn):
        outcome = []

        def target():
            try:
                outcome.append(("ok", fn()))
            except BaseException as e:  # handed back to the test's thread below
                outcome.append(("error", e))

        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        thread.join(seconds)
        assert not thread.is_alive(), f"still running after {seconds} s"
        kind, value = outcome[0]
        if kind == "error":
            raise value
        return value

    return run
