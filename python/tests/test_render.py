"""render(): arrays in, figure files out, checked by decoding what the tool drew."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest

import heatgrid
from conftest import FLAGSHIP
from pngimage import bodies, decode, dpi


def decode_cells(image: np.ndarray, body, shape, table: np.ndarray) -> np.ndarray:
    """The colormap index of each cell's centre pixel in ``body`` (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = body
    rows, columns = shape
    ys = (y0 + (np.arange(rows) + 0.5) * (y1 - y0 + 1) / rows).astype(int)
    xs = (x0 + (np.arange(columns) + 0.5) * (x1 - x0 + 1) / columns).astype(int)
    pixels = image[ys[:, None], xs[None, :]].astype(float)               # rows x columns x 3
    distances = ((pixels[:, :, None, :] - table[None, None]) ** 2).sum(axis=3)
    assert distances.min(axis=2).max() <= 12, "every cell centre shows a colormap colour"
    return distances.argmin(axis=2)


def test_flagship_from_arrays_decodes_back_to_the_data(workdir, binary, flagship_heads, flagship_sections, viridis):
    outputs = heatgrid.render(flagship_heads, "heads.png", "heads.pdf", "heads.svg", **flagship_sections)
    assert outputs == [Path("heads.png"), Path("heads.pdf"), Path("heads.svg")]

    png = Path("heads.png").read_bytes()
    image = decode(png)
    assert image.shape[:2] == (945, 2126)                  # 180 x 80 mm at 300 dpi
    assert dpi(png) == pytest.approx(300, abs=0.01)

    found = bodies(image)
    assert len(found) == 8, found                         # a 2 x 4 grid, in the dict's order
    domain = 0.003
    for (title, values), body in zip(flagship_heads.items(), found):
        indices = decode_cells(image, body, values.shape, viridis)
        expected = np.minimum((np.clip(values / domain, 0, 1) * 256).astype(int), 255)
        assert np.abs(indices - expected).max() <= 1, title
        # The clamp: values past the domain take the top colour.
        assert (indices[values >= domain] == 255).all(), title

    assert Path("heads.pdf").read_bytes().startswith(b"%PDF-")
    svg = ElementTree.parse("heads.svg").getroot()
    assert svg.tag.endswith("svg")


def test_arrays_draw_exactly_what_the_cli_draws_from_the_csv(workdir, binary, flagship_heads, flagship_sections):
    heatgrid.render(flagship_heads, "arrays.png", **flagship_sections)
    subprocess.run([binary, "render", str(FLAGSHIP / "figure.json"), "-o", "csv.png"], check=True)
    assert np.array_equal(decode(Path("arrays.png").read_bytes()), decode(Path("csv.png").read_bytes()))


def test_a_3d_array_with_titles_is_the_same_figure_as_the_dict(workdir, binary, flagship_heads, flagship_sections):
    stacked = np.stack(list(flagship_heads.values()))
    heatgrid.render(stacked, "stacked.png", titles=list(flagship_heads), **flagship_sections)
    heatgrid.render(flagship_heads, "dict.png", **flagship_sections)
    assert np.array_equal(decode(Path("stacked.png").read_bytes()), decode(Path("dict.png").read_bytes()))


def test_a_data_file_path_is_read_by_the_tool(workdir, binary, flagship_heads, flagship_sections):
    csv_path = Path("heads.csv")
    csv_path.write_bytes((FLAGSHIP / "cognitive-heads.csv").read_bytes())
    data = {"panel": "task", "row": "layer", "column": "head", "value": "importance"}
    heatgrid.render("heads.csv", "from-file.png", data=data, **flagship_sections)
    heatgrid.render(flagship_heads, "from-arrays.png", **flagship_sections)
    assert np.array_equal(decode(Path("from-file.png").read_bytes()), decode(Path("from-arrays.png").read_bytes()))


def test_titles_with_spaces_and_unicode_and_labels_reach_the_figure(workdir, binary):
    rng = np.random.default_rng(13)
    data = {"Knowledge Recall": rng.random((3, 4)), "Überblick / α": rng.random((3, 4))}
    heatgrid.render(data, "labels.svg", row_labels=["L0", "L1", "L2"], column_labels=["h0", "h1", "h2", "h3"],
                    svg={"text": "text"}, size={"width": "120mm", "height": "60mm"})
    texts = {"".join(element.itertext()) for element in ElementTree.parse("labels.svg").iter()
             if element.tag.endswith("text")}
    assert {"Knowledge Recall", "Überblick / α", "L0", "L2", "h0", "h3"} <= texts


def test_integer_bool_float16_torch_like_and_masked_data_are_accepted(workdir, binary):
    class TensorLike:
        """Quacks like a PyTorch tensor that requires grad: numpy only after detach().cpu()."""
        def __init__(self, values): self.values = values
        def detach(self): return self
        def cpu(self): return self
        def __array__(self, dtype=None, copy=None): return np.asarray(self.values, dtype=dtype)

    masked = np.ma.masked_array(np.arange(6.0).reshape(2, 3), mask=[[0, 1, 0], [0, 0, 0]])
    data = {"int": np.arange(6).reshape(2, 3), "bool": np.eye(2, 3, dtype=bool),
            "half": np.ones((2, 3), dtype=np.float16), "tensor": TensorLike([[1.0, 2, 3], [4, 5, 6]]),
            "masked": masked}
    heatgrid.render(data, "kinds.png", layout={"rows": 1, "columns": 5}, size={"width": "180mm", "height": "50mm"})
    assert decode(Path("kinds.png").read_bytes()).shape[2] == 3


def test_paths_in_sections_are_relative_to_the_current_directory(workdir, binary):
    Path("two.json").write_text('["#ff0000", "#0000ff"]')
    heatgrid.render(np.array([[0.0, 1.0], [1.0, 0.0]]), "two.png", colormap="two.json")
    image = decode(Path("two.png").read_bytes()).reshape(-1, 3)
    colours = {tuple(pixel) for pixel in image.tolist()}
    assert (255, 0, 0) in colours and (0, 0, 255) in colours


def test_numpy_values_in_sections_are_written_as_json(workdir, binary):
    rng = np.random.default_rng(13)
    heatgrid.render(rng.random((4, 4)), "np.png", scale={"domain": np.array([0.0, 0.5])}, dpi=np.int64(100))
    png = Path("np.png").read_bytes()
    assert dpi(png) == pytest.approx(100, abs=0.05)
