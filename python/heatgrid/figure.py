"""``Figure``: a figure to save in several formats or to show in Jupyter."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence

from .data import ArrayData, as_data
from .rendering import PathLike, render_data


class Figure:
    """A figure of ``data`` (as for :func:`heatgrid.render`) with the spec ``sections``.

    The data are checked when the figure is made; each :meth:`save` or display draws it anew
    with the heatgrid tool. In Jupyter the figure shows itself as its interactive HTML page
    (tooltips, colorbar bands, zoom), with SVG and PNG as fallbacks.
    """

    def __init__(self, data: Any, /, *, titles: Optional[Sequence[str]] = None,
                 row_labels: Optional[Sequence[str]] = None, column_labels: Optional[Sequence[str]] = None,
                 **sections: Any):
        self.data = as_data(data, titles)
        self.sections = dict(sections)
        self.row_labels = row_labels
        self.column_labels = column_labels

    def save(self, path: PathLike) -> Path:
        """Writes the figure to ``path`` (its extension, ``.png``, ``.pdf``, ``.svg`` or ``.html``,
        picks the format) and returns the path. Raises :class:`heatgrid.HeatGridError` as ``render`` does."""
        return render_data(self.data, [path], self.sections,
                           row_labels=self.row_labels, column_labels=self.column_labels)[0]

    def to_bytes(self, format: str) -> bytes:
        """The figure drawn as ``format`` (``"png"``, ``"pdf"``, ``"svg"`` or ``"html"``), as the file's bytes."""
        with tempfile.TemporaryDirectory(prefix="heatgrid-") as folder:
            return self.save(os.path.join(folder, f"figure.{format}")).read_bytes()

    def _repr_html_(self) -> str:
        """Jupyter's rich view: the interactive page, isolated in an iframe (``srcdoc``) so its
        script and styles stay its own and it needs no file or server."""
        page = self.to_bytes("html").decode("utf-8")
        return ('<iframe srcdoc="' + html.escape(page, quote=True) + '" title="HeatGrid figure" '
                'style="width: 100%; aspect-ratio: 2 / 1; min-height: 320px; border: 0"></iframe>')

    def _repr_svg_(self) -> str:
        """Jupyter's SVG view of the figure."""
        return self.to_bytes("svg").decode("utf-8")

    def _repr_png_(self) -> bytes:
        """Jupyter's PNG view of the figure (at the spec's ``dpi``, else 300)."""
        return self.to_bytes("png")

    def __repr__(self) -> str:
        what = f"{len(self.data.panels)} panels" if isinstance(self.data, ArrayData) else repr(self.data.path)
        sections = ", ".join(f"{key}={value!r}" for key, value in self.sections.items())
        return f"Figure({what}{', ' + sections if sections else ''})"
