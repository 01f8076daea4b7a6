"""The interactive HTML output in a real browser: Debian's chromium, headless, driven by playwright.

`make browser-test` (part of `make test`) installs chromium with apt-get and playwright with pip
(no browser download: the tests launch `CHROMIUM`, default /usr/bin/chromium) and runs these tests
against the debug `heatgrid` (`HEATGRID_BIN`).

`FigurePage` opens a rendered page and finds things on it from the figure's own geometry: the
model the page carries (scene points) and the figure box's position on the page.
"""

from __future__ import annotations

import base64
import csv
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
FLAGSHIP = REPO / "examples" / "cognitive-heads"


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("HEATGRID_BIN") or str(REPO / ".build" / "debug" / "heatgrid")
    if not os.access(path, os.X_OK):
        pytest.fail(f"these tests need the heatgrid binary (HEATGRID_BIN, or {path}): run `make browser-test`")
    return path


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium (as root it needs --no-sandbox)."""
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.access(executable, os.X_OK):
        pytest.fail(f"these tests need chromium at {executable} (apt-get install chromium; `make browser-test` does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def render(binary, tmp_path_factory):
    """render(spec, name) -> the path of the HTML page `heatgrid render spec -o name.html` writes."""
    folder = tmp_path_factory.mktemp("pages")

    def render(spec: Path, name: str) -> Path:
        out = folder / f"{name}.html"
        result = subprocess.run([binary, "render", str(spec), "-o", str(out)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return out

    return render


@pytest.fixture(scope="session")
def flagship_heads() -> dict:
    """examples/cognitive-heads/cognitive-heads.csv as {task: 32x32 array}, tasks in file order."""
    return read_long_csv(FLAGSHIP / "cognitive-heads.csv", "task", "layer", "head", "importance")


def read_long_csv(path: Path, panel: str, row: str, column: str, value: str) -> dict:
    with open(path, newline="") as file:
        rows = list(csv.DictReader(file))
    panels = list(dict.fromkeys(r[panel] for r in rows))
    shape = (max(int(r[row]) for r in rows) + 1, max(int(r[column]) for r in rows) + 1)
    out = {name: np.full(shape, np.nan) for name in panels}
    for r in rows:
        out[r[panel]][int(r[row]), int(r[column])] = float(r[value])
    return out


@pytest.fixture(scope="session")
def viridis() -> np.ndarray:
    """matplotlib's viridis (256 x 3, 0..255), from viridis.csv beside this file."""
    table = np.loadtxt(Path(__file__).with_name("viridis.csv"), delimiter=",", comments="#")
    assert table.shape == (256, 3)
    return table


def viridis_index(value: float, domain: float) -> int:
    """The viridis entry the tool draws `value` with on a linear [0, domain] clamped scale."""
    return min(int(min(max(value / domain, 0), 1) * 256), 255)


def shortest(value: float) -> str:
    """A Float32's shortest round-trip digits, positional (what the tooltip prints in 'plain')."""
    text = np.format_float_positional(np.float32(value), unique=True, trim="-")
    return text.replace("-", "\u2212")


class FigurePage:
    """A rendered page opened in a fresh browser page, with every request it makes recorded."""

    def __init__(self, browser, path: Path, viewport=(1280, 720)):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url, timeout=120_000)
        self.page.wait_for_selector("html[data-heatgrid=ready]", state="attached", timeout=120_000)
        self.model = json.loads(self.page.locator("#hg-model").text_content())
        self._frozen = None

    def close(self):
        self.page.close()

    # Geometry: scene points (the model's) -> page pixels, through the figure box and its view.
    # `frozen()` reads both once, for loops over many cells while nothing moves.
    def view(self) -> list[float]:
        return [float(v) for v in self.page.locator("#hg-figure svg").get_attribute("viewBox").split()]

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        if self._frozen:
            box, view = self._frozen
        else:
            box, view = self.page.locator("#hg-figure").bounding_box(), self.view()
        scale = box["width"] / view[2]
        return box["x"] + (x - view[0]) * scale, box["y"] + (y - view[1]) * scale

    def frozen(self):
        page = self

        class Frozen:
            def __enter__(self):
                page._frozen = (page.page.locator("#hg-figure").bounding_box(), page.view())

            def __exit__(self, *_):
                page._frozen = None

        return Frozen()

    def panel(self, title: str) -> dict:
        return next(p for p in self.model["panels"] if p["title"] == title)

    def cell_rect(self, panel: dict, row: int, column: int) -> tuple[float, float, float, float]:
        """The cell's rectangle in scene points, from its block."""
        for block in panel["blocks"]:
            if block["row"] <= row < block["row"] + block["rows"] and block["column"] <= column < block["column"] + block["columns"]:
                x, y, w, h = block["rect"]
                cw, ch = w / block["columns"], h / block["rows"]
                return x + (column - block["column"]) * cw, y + (row - block["row"]) * ch, cw, ch
        raise AssertionError(f"no block holds cell {row}, {column}")

    def cell_center(self, panel: dict, row: int, column: int) -> tuple[float, float]:
        x, y, w, h = self.cell_rect(panel, row, column)
        return self.to_page(x + w / 2, y + h / 2)

    def hover_cell(self, panel: dict, row: int, column: int) -> list[str]:
        """Moves the mouse onto the cell's centre; the tooltip's lines."""
        self.page.mouse.move(*self.cell_center(panel, row, column))
        return self.tooltip()

    def tooltip(self) -> list[str]:
        tooltip = self.page.locator("[role=tooltip]")
        tooltip.wait_for(state="visible")
        return tooltip.inner_text().split("\n")

    def bar_point(self, colorbar: int, t: float) -> tuple[float, float]:
        """The page point `t` of the way along a colorbar (0 at its start)."""
        bar = self.model["colorbars"][colorbar]
        x, y, w, h = bar["frame"]
        return self.to_page(x + w / 2, y + h * (1 - t)) if bar["vertical"] else self.to_page(x + w * t, y + h / 2)

    def status(self) -> str:
        return self.page.locator("#hg-status").inner_text()

    def settle(self):
        """Waits for the overlay's next drawing (it draws in animation frames)."""
        self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")

    def pixels(self) -> np.ndarray:
        """A screenshot as an (height, width, 3) array, decoded by the browser itself (no image library)."""
        return decode_png(self.page.context.browser, self.page.screenshot())


def decode_png(browser, png: bytes) -> np.ndarray:
    page = browser.new_page()
    try:
        page.set_content("<!DOCTYPE html><title>decode</title>")
        width, height, rgba = page.evaluate(
            """async (text) => {
                const bytes = Uint8Array.from(atob(text), c => c.charCodeAt(0));
                const image = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
                const canvas = new OffscreenCanvas(image.width, image.height), context = canvas.getContext("2d");
                context.drawImage(image, 0, 0);
                const data = context.getImageData(0, 0, image.width, image.height).data;
                let binary = "";
                for (let k = 0; k < data.length; k += 32768) binary += String.fromCharCode(...data.subarray(k, k + 32768));
                return [image.width, image.height, btoa(binary)];
            }""",
            base64.b64encode(png).decode(),
        )
    finally:
        page.close()
    return np.frombuffer(base64.b64decode(rgba), dtype=np.uint8).reshape(height, width, 4)[:, :, :3]


@pytest.fixture
def open_page(browser):
    """open_page(path, viewport=(w, h)) -> FigurePage, closed after the test."""
    pages = []

    def open_page(path: Path, viewport=(1280, 720)) -> FigurePage:
        page = FigurePage(browser, path, viewport)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()
