"""Pruners: configuration objects that describe themselves as the library's pruner spec.

The library has one pruner so far, :class:`NopPruner`, which is also the default
(Optuna's default is the median pruner, which Hone does not have yet).
"""

from __future__ import annotations

from typing import Any, Dict

__all__ = ["BasePruner", "NopPruner"]


class BasePruner:
    """Base class of the pruners."""

    _type = ""

    def _to_spec(self) -> Dict[str, Any]:
        """The library's spec of this pruner."""
        return {"type": self._type}

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class NopPruner(BasePruner):
    """Never prunes: ``should_prune()`` is always False."""

    _type = "nop"
