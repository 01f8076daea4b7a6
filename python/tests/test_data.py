"""The data as the tool receives it: the .npz holds the arrays themselves, named by title."""

from __future__ import annotations

import numpy as np

from heatgrid.data import ArrayData, FileData, as_data


def test_the_npz_holds_the_arrays_unconverted_under_their_titles(tmp_path):
    rng = np.random.default_rng(13)
    panels = {"Knowledge Recall": rng.random((4, 5)).astype(np.float32),
              "file": rng.integers(0, 9, (4, 5), dtype=np.int16),        # would clash with np.savez's arguments
              "allow_pickle": np.asfortranarray(rng.random((4, 5))),
              "Überblick / α": rng.random((4, 5)) > 0.5}
    data = as_data(panels)
    assert isinstance(data, ArrayData) and data.titles == tuple(panels)
    with np.load(data.write(str(tmp_path))) as archive:
        assert list(archive.keys()) == list(panels)
        for title, values in panels.items():
            assert archive[title].dtype == values.dtype
            assert np.array_equal(archive[title], values)


def test_a_3d_array_is_split_into_panels_titled_by_index_or_titles():
    stack = np.arange(24.0).reshape(2, 3, 4)
    assert as_data(stack).titles == ("0", "1")
    data = as_data(stack, titles=["a", "b"])
    assert data.titles == ("a", "b")
    assert np.array_equal(data.panels[1][1], stack[1])
    assert as_data(stack[0]).titles == ("",)           # one untitled panel


def test_masked_cells_become_nan_and_odd_dtypes_float64():
    masked = np.ma.masked_array([[1, 2], [3, 4]], mask=[[0, 1], [0, 0]])
    values = as_data({"m": masked}).panels[0][1]
    assert values.dtype == np.float64 and np.isnan(values[0, 1]) and values[1, 1] == 4
    assert as_data({"o": np.array([[1, 2.5]], dtype=object)}).panels[0][1].dtype == np.float64
    assert as_data({"l": np.ones((2, 2), dtype=np.longdouble)}).panels[0][1].dtype == np.float64


def test_a_path_is_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert as_data("heads.npz") == FileData(str(tmp_path / "heads.npz"))
