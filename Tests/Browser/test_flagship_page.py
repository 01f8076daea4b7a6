"""The flagship figure as an interactive page: tooltips, colorbar bands, panel zoom, keyboard,
the picture decoded back to the data, and not one request beyond the file itself."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import FLAGSHIP, REPO, read_long_csv, shortest, viridis_index

DOMAIN = 0.003  # the flagship's scale: linear over [0, 0.003], clamped above


@pytest.fixture(scope="module")
def flagship_page(render):
    return render(FLAGSHIP / "figure.json", "flagship")


@pytest.mark.parametrize("task, layer, head", [
    ("Retrieval", 19, 8), ("Knowledge Recall", 0, 0), ("Math Calculation", 31, 31), ("Inference", 12, 17),
    ("Syntactic Understanding", 17, 30),
])
def test_hovering_a_cell_shows_its_panel_names_and_value(open_page, flagship_page, flagship_heads, task, layer, head):
    page = open_page(flagship_page)
    lines = page.hover_cell(page.panel(task), layer, head)
    value = flagship_heads[task][layer, head]
    assert lines == [task, f"Layer {layer}, Head {head}", f"Heads Importance: {shortest(value)}"]


def test_the_tooltip_never_covers_its_target(open_page, flagship_page):
    page = open_page(flagship_page)
    tooltip = page.page.locator("[role=tooltip]")
    # Cells near every corner of the figure: the tooltip flips to stay on screen, never onto the cell.
    for task, layer, head in [("Knowledge Recall", 0, 0), ("Decision-making", 0, 31), ("Semantic Understanding", 31, 0),
                              ("Math Calculation", 31, 31), ("Retrieval", 16, 16)]:
        panel = page.panel(task)
        page.hover_cell(panel, layer, head)
        x, y, w, h = page.cell_rect(panel, layer, head)
        left, top = page.to_page(x, y)
        right, bottom = page.to_page(x + w, y + h)
        box = tooltip.bounding_box()
        assert box["x"] >= right or box["x"] + box["width"] <= left or box["y"] >= bottom or box["y"] + box["height"] <= top, \
            f"the tooltip covers {task} {layer},{head}"
        viewport = page.page.viewport_size
        assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"] and box["y"] + box["height"] <= viewport["height"]
    assert tooltip.evaluate("t => getComputedStyle(t).pointerEvents") == "none"
    # Leaving the figure hides it.
    page.page.mouse.move(2, 2)
    tooltip.wait_for(state="hidden")


def test_hovering_the_colorbar_highlights_that_band_in_every_panel(open_page, flagship_page, flagship_heads, viridis):
    page = open_page(flagship_page)
    t = 0.6
    page.page.mouse.move(*page.bar_point(0, t))
    page.settle()
    lo, hi = (t - 0.025) * DOMAIN, (t + 0.025) * DOMAIN
    values = {task: m.astype(np.float32) for task, m in flagship_heads.items()}
    inside = {task: (m >= np.float32(lo) - 1e-9) & (m <= np.float32(hi) + 1e-9) for task, m in values.items()}
    certain = {task: (m >= lo + 1e-7) & (m <= hi - 1e-7) for task, m in values.items()}
    count = int(page.status().split()[0])
    assert sum(int(c.sum()) for c in certain.values()) <= count <= sum(int(i.sum()) for i in inside.values())
    words = page.status().split()
    assert words[1:6] == ["cells", "with", "Heads", "Importance", "from"] and words[7] == "to"
    assert abs(float(words[6]) - lo) <= 6e-6 and abs(float(words[8]) - hi) <= 6e-6  # three digits of each end
    assert sum(1 for c in certain.values() if c.any()) >= 3, "the band should hold cells of several panels"

    # The screenshot: band cells keep their viridis colour, the others are washed towards the background.
    pixels = page.pixels()
    with page.frozen():
        for task, matrix in values.items():
            panel = page.panel(task)
            for row in range(32):
                for column in range(32):
                    x, y = page.cell_center(panel, row, column)
                    colour = pixels[int(y), int(x)].astype(float)
                    if certain[task][row, column]:
                        index = np.abs(viridis - colour).sum(axis=1).argmin()
                        assert abs(index - viridis_index(matrix[row, column], DOMAIN)) <= 1, f"{task} {row},{column}"
                    elif not inside[task][row, column]:
                        assert colour.min() >= 195, f"{task} {row},{column} should be washed out, is {colour}"

    # The band is boxed on the bar, and leaving clears everything.
    page.page.mouse.move(2, 2)
    page.settle()
    assert "Hover a cell" in page.status()


def test_a_click_enlarges_a_panel_and_escape_returns(open_page, flagship_page, flagship_heads):
    page = open_page(flagship_page)
    whole = page.view()
    inference = page.panel("Inference")
    before = page.page.locator("#hg-figure").bounding_box()
    page.page.mouse.click(*page.cell_center(inference, 10, 10))
    page.settle()
    view = page.view()
    assert view != whole and view[2] < whole[2] / 2
    x, y, w, h = inference["body"]
    assert view[0] <= x and view[1] <= y and x + w <= view[0] + view[2] and y + h <= view[1] + view[3]
    # Bigger cells: the body now spans most of the box; only this panel takes clicks and focus.
    box = page.page.locator("#hg-figure").bounding_box()
    assert w * box["width"] / view[2] > 2 * w * before["width"] / whole[2]
    buttons = page.page.locator("button.hg-panel")
    assert [buttons.nth(i).is_visible() for i in range(8)] == [title == "Inference" for title in flagship_heads]
    assert page.page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Inference")
    # Tooltips work on the enlarged panel.
    lines = page.hover_cell(inference, 20, 5)
    assert lines[:2] == ["Inference", "Layer 20, Head 5"]
    assert lines[2] == f"Heads Importance: {shortest(flagship_heads['Inference'][20, 5])}"
    page.page.keyboard.press("Escape")
    page.settle()
    assert page.view() == whole
    assert all(buttons.nth(i).is_visible() for i in range(8))


def test_an_enlarged_inner_panel_reads_alone(open_page, flagship_page):
    """Retrieval (top row, second column) shows no tick labels in the grid: its shared axes leave
    them to the outer panels. Enlarged, it gets its own, beside its own rows and columns, with axis
    titles, and everything else of the figure is covered with the background."""
    page = open_page(flagship_page)
    retrieval = page.panel("Retrieval")
    page.page.mouse.click(*page.cell_center(retrieval, 5, 5))
    page.settle()
    labels = page.page.evaluate("""() => [...document.querySelectorAll('#hg-zoom-labels text')].map(t => {
        const r = t.getBoundingClientRect();
        return [t.textContent, r.left, r.top, r.width, r.height];
    })""")
    ticks = [str(k) for k in range(0, 32, 6)]
    assert sorted(text for text, *_ in labels) == sorted(ticks * 2 + ["Head", "Layer"])
    x, y, w, h = retrieval["body"]
    left, top = page.to_page(x, y)
    right, bottom = page.to_page(x + w, y + h)
    cell = (bottom - top) / 32
    rows = [label for label in labels if label[1] + label[3] <= left]            # left of the body
    columns = [label for label in labels if label[2] >= bottom]                  # below it
    for text, lx, ly, lw, lh in rows:
        if text in ticks:
            assert abs(ly + lh / 2 - page.cell_center(retrieval, int(text), 0)[1]) < cell / 2, text
    for text, lx, ly, lw, lh in columns:
        if text in ticks:
            assert abs(lx + lw / 2 - page.cell_center(retrieval, 0, int(text))[0]) < cell / 2, text
    assert {text for text, *_ in rows} == set(ticks) | {"Layer"}
    assert {text for text, *_ in columns} == set(ticks) | {"Head"}
    # Outside the panel's region and its new labels, the figure box shows only the background:
    # the neighbours' cells and the shared titles are covered.
    pixels = page.pixels().astype(int)
    box = page.page.locator("#hg-figure").bounding_box()
    keep = np.zeros(pixels.shape[:2], dtype=bool)
    keep[int(box["y"]) + 1:int(box["y"] + box["height"]) - 1, int(box["x"]) + 1:int(box["x"] + box["width"]) - 1] = True
    rx, ry, rw, rh = retrieval["region"]
    (r0x, r0y), (r1x, r1y) = page.to_page(rx, ry), page.to_page(rx + rw, ry + rh)
    for ax, ay, bx, by in [(r0x, r0y, r1x, r1y)] + [(lx, ly, lx + lw, ly + lh) for _, lx, ly, lw, lh in labels]:
        keep[max(0, int(ay) - 2):int(by) + 3, max(0, int(ax) - 2):int(bx) + 3] = False
    assert (np.abs(pixels[keep] - 255).max(axis=1) <= 3).all(), "something besides the enlarged panel shows"
    page.page.keyboard.press("Escape")
    page.settle()
    assert page.page.locator("#hg-zoom-labels").count() == 0


def test_keyboard_moves_between_panels_enlarges_and_reads_cells(open_page, flagship_page, flagship_heads):
    page = open_page(flagship_page)
    keyboard = page.page.keyboard
    focused = lambda: page.page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
    keyboard.press("Tab")
    assert focused().startswith("Knowledge Recall")
    # The focused panel shows a focus ring.
    assert page.page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    keyboard.press("Tab")
    assert focused().startswith("Retrieval")
    # Arrow keys walk a cursor over the cells, its values in the tooltip.
    keyboard.press("ArrowDown")
    keyboard.press("ArrowDown")
    keyboard.press("ArrowRight")
    assert page.tooltip() == ["Retrieval", "Layer 1, Head 1", f"Heads Importance: {shortest(flagship_heads['Retrieval'][1, 1])}"]
    keyboard.press("Enter")
    page.settle()
    assert page.page.locator("#hg-back").is_visible()
    assert page.view()[2] < page.model["width"] / 2
    keyboard.press("Escape")
    page.settle()
    assert page.view() == [0, 0, page.model["width"], page.model["height"]]
    assert focused().startswith("Retrieval")
    keyboard.press("Shift+Tab")
    assert focused().startswith("Knowledge Recall")


def test_the_picture_decodes_back_to_the_data(open_page, flagship_page, flagship_heads, viridis):
    """Every cell of the page's screenshot, read through viridis, gives the data (clamped at 0.003)."""
    page = open_page(flagship_page)
    pixels = page.pixels()
    with page.frozen():
        for task, matrix in flagship_heads.items():
            panel = page.panel(task)
            for row in range(32):
                for column in range(32):
                    x, y = page.cell_center(panel, row, column)
                    colour = pixels[int(y), int(x)].astype(float)
                    distance = np.abs(viridis - colour).sum(axis=1)
                    assert distance.min() <= 6, f"{task} {row},{column}: {colour} is no viridis colour"
                    assert abs(distance.argmin() - viridis_index(matrix[row, column], DOMAIN)) <= 1, f"{task} {row},{column}"


def test_the_page_makes_no_request_beyond_itself(open_page, flagship_page):
    page = open_page(flagship_page)
    page.hover_cell(page.panel("Retrieval"), 19, 8)
    page.page.mouse.move(*page.bar_point(0, 0.5))
    page.settle()
    page.page.mouse.click(*page.cell_center(page.panel("Inference"), 3, 3))
    page.page.keyboard.press("Escape")
    page.settle()
    assert page.requests == [page.url]
    assert page.errors == []


def test_marks_values_join_the_tooltip(open_page, render, flagship_heads):
    """Significance stars from a p-value matrix: the tooltip gives the p-value too."""
    page = open_page(render(REPO / "examples" / "gallery" / "marked-heads.json", "marked"))
    pvalues = read_long_csv(REPO / "examples" / "gallery" / "data" / "head-pvalues.csv", "task", "layer", "head", "p")
    for task, layer, head in [("Retrieval", 19, 8), ("Inference", 2, 30)]:
        lines = page.hover_cell(page.panel(task), layer, head)
        assert lines == [task, f"Layer {layer}, Head {head}", f"Heads Importance: {shortest(flagship_heads[task][layer, head])}",
                         f"p: {shortest(pvalues[task][layer, head])}"]
