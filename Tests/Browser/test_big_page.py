"""8 panels of 1024 x 1024 as a page: it opens, hovers and highlights without a DOM node per cell,
and every hovered value is the data's."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from conftest import shortest

SHAPE = (8, 1024, 1024)


@pytest.fixture(scope="module")
def big(tmp_path_factory, render):
    folder = tmp_path_factory.mktemp("big")
    values = np.random.default_rng(13).random(SHAPE)
    np.save(folder / "big.npy", values)
    spec = folder / "big.json"
    spec.write_text(json.dumps({"title": "8 x 1024²", "data": {"path": "big.npy"}, "layout": {"rows": 2, "columns": 4},
                                "size": {"width": "180mm", "height": "90mm"}}))
    return render(spec, "big"), values


def test_a_big_figure_opens_and_hovers_smoothly(open_page, big):
    path, values = big
    started = time.monotonic()
    page = open_page(path)
    opened = time.monotonic() - started
    assert opened < 30, f"the page took {opened:.1f} s to open"
    assert page.page.evaluate("document.querySelectorAll('*').length") < 5000, "a DOM node per cell?"

    # Hovered values are the data's, in any panel.
    rng = np.random.default_rng(5)
    with page.frozen():
        cells = [(int(p), int(r), int(c)) for p, r, c in zip(rng.integers(0, 8, 12), rng.integers(0, 1024, 12), rng.integers(0, 1024, 12))]
    for p, row, column in cells:
        panel = page.model["panels"][p]
        page.page.mouse.move(*page.cell_center(panel, row, column))
        page.page.wait_for_function(f"document.getElementById('hg-tooltip').innerText.includes('Row {row}, Column {column}')")
        assert page.tooltip() == [str(p), f"Row {row}, Column {column}", f"Value: {shortest(values[p, row, column])}"]

    # The pointer handler costs well under a frame: the cell is arithmetic, not a DOM lookup.
    x, y = page.cell_center(page.model["panels"][2], 500, 500)
    per_move = page.page.evaluate("""([x, y]) => {
        const figure = document.getElementById("hg-figure"), started = performance.now();
        for (let k = 0; k < 300; k++) {
            figure.dispatchEvent(new PointerEvent("pointermove", { clientX: x + (k % 40), clientY: y + (k % 30), bubbles: true }));
        }
        return (performance.now() - started) / 300;
    }""", [x, y])
    assert per_move < 4, f"{per_move:.2f} ms per pointer move"


def test_a_big_figure_highlights_a_band_in_all_its_cells(open_page, big):
    path, values = big
    page = open_page(path)
    bar = page.model["colorbars"][0]
    # The first band decodes every panel; later ones only recount.
    started = time.monotonic()
    page.page.mouse.move(*page.bar_point(0, 0.5))
    page.page.wait_for_function("document.getElementById('hg-status').textContent.includes('cells with')")
    assert time.monotonic() - started < 10
    x, y = page.bar_point(0, 0.3)
    drawn = page.page.evaluate("""async ([x, y]) => {
        const figure = document.getElementById("hg-figure"), started = performance.now();
        figure.dispatchEvent(new PointerEvent("pointermove", { clientX: x, clientY: y, bubbles: true }));
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        return performance.now() - started;
    }""", [x, y])
    assert drawn < 1000, f"a band took {drawn:.0f} ms to draw"
    # The count is the data's: values within the band's ends (the bar's stops interpolated).
    words = page.status().split()
    (t0, v0), (t1, v1) = bar["stops"][0], bar["stops"][-1]
    lo, hi = v0 + (v1 - v0) * (0.275 - t0) / (t1 - t0), v0 + (v1 - v0) * (0.325 - t0) / (t1 - t0)
    as_drawn = values.astype(np.float32)
    expected = int(((as_drawn >= lo) & (as_drawn <= hi)).sum())
    assert abs(int(words[0]) - expected) <= expected * 1e-4, (words[0], expected)
    assert page.requests == [page.url] and page.errors == []
