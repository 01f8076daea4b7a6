"""Every example as a page: it opens without errors or requests, every panel answers a hover with
its title and the cell's names, every colorbar highlights a band; reordered rows and columns
name the data's own keys, whose values the tooltip gives."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from conftest import REPO, shortest

SPECS = sorted((REPO / "examples" / "gallery").glob("*.json")) + [REPO / "examples" / "cognitive-heads" / "figure.json"]


@pytest.mark.parametrize("spec", SPECS, ids=lambda path: path.stem)
def test_every_example_page_answers(open_page, render, spec):
    page = open_page(render(spec, spec.stem))
    model = page.model
    assert model["panels"], "the page knows the figure's panels"
    for panel in model["panels"]:
        row, column = panel["rows"] // 2, panel["columns"] // 2
        lines = page.hover_cell(panel, row, column)
        if panel["title"]:
            assert lines[0] == panel["title"]
            lines = lines[1:]
        row_name = panel["rowLabels"][row] if panel.get("rowLabels") else str(row)
        column_name = panel["columnLabels"][column] if panel.get("columnLabels") else str(column)
        assert lines[0] == f"{model['rowName']} {row_name}, {model['columnName']} {column_name}"
        assert lines[1].startswith(model["valueName"] + ": ")
    for k, _ in enumerate(model["colorbars"]):
        page.page.mouse.move(*page.bar_point(k, 0.5))
        page.settle()
        assert re.match(r"\d+ cells? with ", page.status()), page.status()
    page.page.mouse.move(2, 2)
    assert page.requests == [page.url]
    assert page.errors == []


def test_clustered_rows_and_columns_name_the_data_keys(open_page, render, flagship_heads):
    """Rows and columns drawn in cluster order: the tooltip names the original layer and head, and
    gives that cell's value."""
    page = open_page(render(REPO / "examples" / "gallery" / "clustered-heads.json", "clustered"))
    panel = page.panel("Retrieval")
    assert panel.get("rowLabels") and panel["rowLabels"] != [str(k) for k in range(32)], "the rows are reordered"
    for row, column in [(0, 0), (5, 17), (31, 31), (12, 3)]:
        lines = page.hover_cell(panel, row, column)
        layer, head = re.fullmatch(r"Layer (\d+), Head (\d+)", lines[1]).groups()
        assert (layer, head) == (panel["rowLabels"][row], panel["columnLabels"][column])
        assert lines[2] == f"Heads Importance: {shortest(flagship_heads['Retrieval'][int(layer), int(head)])}"


def test_categories_show_their_names(open_page, render, tmp_path):
    """A categorical scale: the tooltip names the cell's category, as the legend does."""
    calls = {("g0", "c0"): "up", ("g0", "c1"): "n.s.", ("g1", "c0"): "down", ("g1", "c1"): "up"}
    (tmp_path / "calls.csv").write_text("gene,condition,call\n" + "".join(f"{g},{c},{v}\n" for (g, c), v in calls.items()))
    spec = tmp_path / "calls.json"
    spec.write_text(json.dumps({"title": "calls", "data": {"path": "calls.csv", "row": "gene", "column": "condition", "value": "call"},
                                "scale": {"type": "categorical", "colors": {"up": "#d62728", "down": "#1f77b4", "n.s.": "#cccccc"}},
                                "size": {"width": "90mm", "height": "60mm"}}))
    page = open_page(render(spec, "calls"))
    panel = page.model["panels"][0]
    for (gene, condition), call in calls.items():
        row, column = panel["rowLabels"].index(gene), panel["columnLabels"].index(condition)
        assert page.hover_cell(panel, row, column)[-2:] == [f"Gene {gene}, Condition {condition}", f"Call: {call}"]
    # Hovering a category's line in the legend highlights its cells, and washes out the others.
    up = next(c for c in page.model["categories"] if c["name"] == "up")
    x, y, w, h = up["row"]
    page.page.mouse.move(*page.to_page(x + w / 2, y + h / 2))
    page.settle()
    assert page.status() == "2 cells with Call up"
    pixels = page.pixels().astype(int)
    for (gene, condition), call in calls.items():
        row, column = panel["rowLabels"].index(gene), panel["columnLabels"].index(condition)
        cx, cy = page.cell_center(panel, row, column)
        red = np.abs(pixels[int(cy), int(cx)] - [0xd6, 0x27, 0x28]).max() <= 6
        assert red == (call == "up"), (gene, condition, pixels[int(cy), int(cx)])
    assert page.errors == []
