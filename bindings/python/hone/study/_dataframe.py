"""The trials as a table: :meth:`hone.Study.trials_dataframe` and :meth:`hone.Study.export`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, Union

from .._lib import LIB
from ..trial import TrialState

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


def _trials_dataframe(study: "Study", attrs: Tuple[str, ...], multi_index: bool) -> Any:
    """Runs :meth:`hone.Study.trials_dataframe`, whose docstring gives the contract.

    As Optuna's: each attribute gives columns ``(attr, key)`` (``(attr, "")`` for
    a plain one), sorted by key within an attribute, in the order of ``attrs``;
    a leading underscore is dropped from the name; flat names join the pair with
    ``_``.
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError("Study.trials_dataframe needs pandas: pip install pandas") from e
    trials = study.get_trials(deepcopy=False)
    if not trials:
        return pandas.DataFrame()
    n_objectives = len(study.directions)
    if n_objectives > 1:
        attrs = tuple("values" if a == "value" else a for a in attrs)
    metric_names = getattr(study, "metric_names", None)
    names = {a: a[1:] if a.startswith("_") else a for a in attrs}
    seen: Dict[str, set] = {}
    records = []
    for t in trials:
        record: Dict[Tuple[str, Any], Any] = {}

        def put(attr: str, key: Any, value: Any) -> None:
            record[(names[attr], key)] = value
            seen.setdefault(attr, set()).add((names[attr], key))

        for attr in attrs:
            value = getattr(t, attr)
            if isinstance(value, TrialState):
                value = value.name
            if isinstance(value, dict):
                for k, v in value.items():
                    put(attr, k, v)
            elif attr == "values":
                row = [None] * n_objectives if value is None else value
                keys = range(len(row)) if metric_names is None else metric_names
                for k, v in zip(keys, row):
                    put(attr, k, v)
            elif isinstance(value, list):
                for k, v in enumerate(value):
                    put(attr, k, v)
            elif attr == "value":
                put(attr, "" if metric_names is None else metric_names[0], value)
            else:
                put(attr, "", value)
        records.append(record)
    columns: List[Tuple[str, Any]] = []
    for attr in attrs:
        if attr not in seen:
            continue
        if attr == "values" and metric_names is not None:
            columns.extend((names[attr], m) for m in metric_names)
        else:
            columns.extend(sorted(seen[attr]))
    df = pandas.DataFrame(records, columns=pandas.MultiIndex.from_tuples(columns))
    if not multi_index:
        df.columns = ["_".join(str(c) for c in col if c != "") for col in columns]
    return df
