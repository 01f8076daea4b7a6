"""Building the figure spec (the tool's JSON) from keyword arguments."""

from __future__ import annotations

import json
import os
from typing import Any, Mapping, Optional, Sequence

import numpy as np

#: Spec keys whose string values may be file paths (``data.path``, ``rows.labels``, a theme or
#: colormap file, a mark's or track's side file, ``theme.fontFile``, ``plugins``...).
PATH_KEYS = frozenset({"path", "rowLabels", "columnLabels", "labels", "theme", "base", "fontFile",
                       "colormap", "name", "plugins"})


def build_spec(data_path: str, sections: Mapping[str, Any], *, row_labels: Optional[Sequence[str]] = None,
               column_labels: Optional[Sequence[str]] = None) -> dict:
    """The spec: ``sections`` as given (``colormap="magma"``, ``scale={...}``, ``marks=[...]``),
    with ``data.path`` set to ``data_path`` (a ``data=`` section adds options such as a CSV's
    column names) and ``row_labels`` / ``column_labels`` as ``data.rowLabels`` / ``columnLabels``.

    The tool reads paths in a spec relative to the spec file, which is temporary here; so a
    relative path (under one of :data:`PATH_KEYS`) that names a file in the current
    directory is made absolute, as a Python user expects.
    """
    spec = {key: _absolute_paths(value, key) for key, value in sections.items()}
    data = dict(spec.get("data") or {})
    if "path" in data:
        raise ValueError("data= must not set 'path': the data argument gives it")
    data["path"] = data_path
    for key, labels in (("rowLabels", row_labels), ("columnLabels", column_labels)):
        if labels is not None:
            data[key] = _absolute_paths(os.fspath(labels), key) if isinstance(labels, (str, os.PathLike)) \
                else [str(label) for label in labels]
    spec["data"] = data
    return spec


def spec_json(spec: Mapping[str, Any]) -> str:
    """``spec`` as JSON; NumPy scalars and arrays inside it become plain numbers and lists."""
    return json.dumps(spec, default=_plain, ensure_ascii=False, indent=1)


def _plain(value: Any) -> Any:
    """A JSON-ready form of NumPy values and paths (``json.dumps``'s ``default`` hook)."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"a spec value of type {type(value).__name__} cannot be written as JSON: {value!r}")


def _absolute_paths(value: Any, key: Optional[str]) -> Any:
    """``value`` with relative paths to existing files made absolute (see :func:`build_spec`)."""
    if isinstance(value, Mapping):
        return {k: _absolute_paths(v, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_absolute_paths(item, key) for item in value]
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, str) and key in PATH_KEYS and not os.path.isabs(value) and _names_file(value, key):
        return os.path.abspath(value)
    return value


def _names_file(value: str, key: Optional[str]) -> bool:
    """Whether ``value`` names a file in the current directory (or a folder, for ``plugins``), so
    that names like ``"dark"`` stay names unless they are a file."""
    return os.path.isfile(value) or (key == "plugins" and os.path.isdir(value))
