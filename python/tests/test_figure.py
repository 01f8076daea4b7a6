"""Figure: save in any format, and show itself in Jupyter."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest

import heatgrid
from pngimage import decode, dpi


@pytest.fixture
def figure() -> heatgrid.Figure:
    heads = np.random.default_rng(13).random((2, 8, 8)) * 0.004
    return heatgrid.Figure(heads, titles=["Retrieval", "Inference"], colormap="magma",
                           scale={"domain": [0, 0.003]}, size={"width": "120mm", "height": "50mm"}, dpi=150)


def test_save_picks_the_format_from_the_extension(workdir, binary, figure):
    assert figure.save("fig.pdf") == Path("fig.pdf")
    assert Path("fig.pdf").read_bytes().startswith(b"%PDF-")
    figure.save(Path("fig.png"))
    png = Path("fig.png").read_bytes()
    assert dpi(png) == pytest.approx(150, abs=0.05)   # pixels per metre, a whole number
    assert decode(png).shape[:2] == (round(50 / 25.4 * 150), round(120 / 25.4 * 150))
    figure.save("fig.svg")
    assert ElementTree.parse("fig.svg").getroot().tag.endswith("svg")


def test_jupyter_views_are_the_rendered_files(workdir, binary, figure):
    svg = figure._repr_svg_()
    assert isinstance(svg, str)
    root = ElementTree.fromstring(svg.encode("utf-8"))
    assert root.tag.endswith("svg")
    figure.save("fig.svg")
    assert svg == Path("fig.svg").read_text(encoding="utf-8")

    png = figure._repr_png_()
    figure.save("fig.png")
    assert png == Path("fig.png").read_bytes()
    # The rich view: the interactive page, whole, in an iframe's srcdoc.
    view = figure._repr_html_()
    assert view.startswith('<iframe srcdoc="') and view.endswith("</iframe>")
    figure.save("fig.html")
    page = Path("fig.html").read_text(encoding="utf-8")
    srcdoc = view[len('<iframe srcdoc="'):view.index('" title=')]
    assert html.unescape(srcdoc) == page and '"' not in srcdoc
    assert sorted(p.name for p in Path().iterdir()) == ["fig.html", "fig.png", "fig.svg"]


def test_the_data_are_checked_when_the_figure_is_made():
    with pytest.raises(ValueError, match="got a 1-D array"):
        heatgrid.Figure([1.0, 2.0, 3.0])


def test_a_bad_section_fails_when_drawn_with_the_tools_message(workdir, binary):
    figure = heatgrid.Figure(np.eye(3), colorbar={"positon": "bottom"})
    with pytest.raises(heatgrid.HeatGridError, match=r"colorbar\.positon.*did you mean 'position'"):
        figure._repr_png_()


def test_repr_names_the_panels_and_sections(figure):
    assert repr(figure).startswith("Figure(2 panels, colormap='magma'")
