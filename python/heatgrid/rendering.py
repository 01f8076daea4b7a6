"""``render``: one call from arrays to figure files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, List, Mapping, Optional, Sequence, Union

from .data import Data, as_data
from .spec import build_spec, spec_json
from .tool import find_binary, run_tool

PathLike = Union[str, "os.PathLike[str]"]


def render(data: Any, /, *outputs: PathLike, titles: Optional[Sequence[str]] = None,
           row_labels: Optional[Sequence[str]] = None, column_labels: Optional[Sequence[str]] = None,
           **sections: Any) -> List[Path]:
    """Draws ``data`` into each of ``outputs`` (``.png``, ``.pdf`` or ``.svg``: the extension
    picks the format; all share one layout) and returns their paths.

    ``data`` is a dict of title -> 2-D array, a 3-D array (panels x rows x columns, titled by
    ``titles``), a 2-D array, or the path of a data file the tool reads (CSV, JSON, .npy,
    .npz). Arrays reach the tool as a temporary .npz, never as text.

    Keyword arguments are the spec's sections, passed through as the README describes them:
    ``colormap="magma"``, ``scale={"domain": [0, 0.003]}``, ``layout={"rows": 2, "columns":
    4}``, ``marks=[...]``, ``rows=...``, ``size=...``, ``theme=...``; ``data={...}`` adds data
    options (a CSV's column names). ``row_labels`` / ``column_labels`` name the rows and
    columns of every panel (NumPy data). Paths inside sections are relative to the current
    directory.

    Raises :class:`heatgrid.HeatGridError` with the tool's message (naming the spec key or
    file at fault) and exit status when the tool refuses the figure; then no output was
    written or changed. ``ValueError`` / ``TypeError`` report data that cannot be a figure
    before the tool runs.
    """
    return render_data(as_data(data, titles), outputs, sections, row_labels=row_labels, column_labels=column_labels)


def render_data(data: Data, outputs: Sequence[PathLike], sections: Mapping[str, Any], *,
                row_labels: Optional[Sequence[str]] = None,
                column_labels: Optional[Sequence[str]] = None) -> List[Path]:
    """``render`` for data already checked by :func:`heatgrid.data.as_data`."""
    if not outputs:
        raise TypeError("give at least one output file: render(data, 'figure.png', ...)")
    paths = [Path(output) for output in outputs]
    binary = find_binary()
    with tempfile.TemporaryDirectory(prefix="heatgrid-") as folder:
        spec = build_spec(data.write(folder), sections, row_labels=row_labels, column_labels=column_labels)
        spec_path = os.path.join(folder, "figure.json")
        with open(spec_path, "w", encoding="utf-8") as file:
            file.write(spec_json(spec))
        arguments = ["render", spec_path]
        for path in paths:
            arguments += ["-o", os.fspath(path)]
        run_tool(binary, arguments, spec_path)
    return paths
