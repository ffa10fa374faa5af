"""Turning a ``storage`` argument into the URL and study options the library takes."""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Union

from ._base import BaseStorage


def _split(storage: Union[None, str, BaseStorage]) -> Tuple[Optional[str], Dict[str, Any]]:
    """The URL of a storage argument and the study options it adds."""
    if storage is None or isinstance(storage, str):
        return storage, {}
    if isinstance(storage, BaseStorage):
        return storage._url(), storage._options()
    raise TypeError(
        f"storage must be None, a URL string or a hone.storages storage object, not {type(storage).__name__}"
    )


def _redacted(url: str) -> str:
    """The URL with its password hidden, for reprs."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    userinfo, _, host = rest.rpartition("@")
    user, colon, _ = userinfo.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"
