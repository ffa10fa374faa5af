"""A thin alias that lets code written for Optuna import Hone as ``optuna``.

It exists to run Optuna's own test suite and tutorials against Hone
(``scripts/optuna-parity.py``). It adds nothing: ``optuna.X`` is ``hone.X``
and ``optuna.X.Y`` is ``hone.X.Y``; a name Hone lacks is missing here too.
The one exception is Optuna's test harness, which is not a feature: with
``HONE_OPTUNA_HARNESS`` set to an Optuna checkout's ``optuna`` directory,
``optuna.testing`` and the ``optuna._imports`` helper it imports come from there.
"""

import importlib
import importlib.abc
import importlib.util
import os
import sys

import hone
from hone import *  # noqa: F401,F403
from hone import __version__  # noqa: F401

_HARNESS = ("optuna.testing", "optuna._imports")
_harness_dir = os.environ.get("HONE_OPTUNA_HARNESS")
# Submodules are looked up here only for the harness; the finder below serves the rest.
__path__ = [_harness_dir] if _harness_dir else []


def _is_harness(fullname):
    return any(fullname == h or fullname.startswith(h + ".") for h in _HARNESS)


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves ``optuna.rest`` as the module ``hone.rest``, or says it does not exist."""

    def __init__(self):
        self._specs = {}

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith("optuna.") or _is_harness(fullname):
            return None
        target_name = "hone." + fullname[len("optuna."):]
        try:
            found = importlib.util.find_spec(target_name)
        except ModuleNotFoundError:
            found = None
        if found is None:
            raise ModuleNotFoundError(f"No module named {fullname!r}: Hone has no {target_name!r}", name=fullname)
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        module = importlib.import_module("hone." + spec.name[len("optuna."):])
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module):
        # Importing set the alias spec on Hone's module; give it back its own.
        module.__spec__ = self._specs.pop(module.__spec__.name, module.__spec__)


sys.meta_path.insert(0, _Alias())
