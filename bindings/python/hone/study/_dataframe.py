"""The trials as a table: :meth:`hone.Study.trials_dataframe` and :meth:`hone.Study.export`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple, Union

from .._lib import LIB

if TYPE_CHECKING:  # pragma: no cover
    from .study import Study


def _export(study: "Study", format: str, path: Optional[Union[str, "os.PathLike[str]"]]) -> str:
    """Runs :meth:`hone.Study.export`, whose docstring gives the contract."""
    if not isinstance(format, str):
        raise TypeError(f"format must be 'csv' or 'json', not {type(format).__name__}")
    text = study._text(LIB.hone_study_export, format.encode())
    if path is not None:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return text


def _trials_dataframe(study: "Study", attrs: Tuple[str, ...]) -> Any:
    """Runs :meth:`hone.Study.trials_dataframe`, whose docstring gives the contract."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("Study.trials_dataframe needs pandas: pip install pandas") from e
    multi = len(study.directions) > 1
    rows = []
    for t in study.trials:
        row: Dict[str, Any] = {}
        for attr in attrs:
            if attr in ("params", "user_attrs", "system_attrs", "intermediate_values"):
                row.update((f"{attr}_{k}", v) for k, v in getattr(t, attr).items())
            elif attr in ("value", "values") and (multi or attr == "values"):
                row.update((f"values_{i}", v) for i, v in enumerate(t.values or ()))
            elif attr == "state":
                row["state"] = t.state.name
            else:
                row[attr] = getattr(t, attr)
        rows.append(row)
    return pandas.DataFrame(rows)
