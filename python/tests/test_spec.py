"""The spec handed to the tool: sections as given, paths relative to the current directory."""

from __future__ import annotations

import json

import numpy as np
import pytest

from heatgrid.spec import build_spec, spec_json


def test_relative_files_become_absolute_and_names_stay_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dark").mkdir()                       # a folder named like the theme
    (tmp_path / "p.csv").write_text("row,column,p\n")
    (tmp_path / "layers.txt").write_text("L0\n")
    spec = build_spec("/tmp/data.npz", {
        "theme": "dark", "colormap": "viridis", "title": "p.csv",
        "marks": [{"type": "symbols", "data": {"path": "p.csv", "value": "p"}}, {"type": "outline", "select": {"top": 3}}],
    }, row_labels="layers.txt", column_labels=np.array(["h0", "h1"]))
    assert spec["theme"] == "dark" and spec["colormap"] == "viridis" and spec["title"] == "p.csv"
    assert spec["marks"][0]["data"]["path"] == str(tmp_path / "p.csv")
    assert spec["marks"][1] == {"type": "outline", "select": {"top": 3}}
    assert spec["data"] == {"path": "/tmp/data.npz", "rowLabels": str(tmp_path / "layers.txt"), "columnLabels": ["h0", "h1"]}


def test_data_options_are_kept_but_not_a_second_path():
    spec = build_spec("/d.csv", {"data": {"panel": "task"}})
    assert spec["data"] == {"panel": "task", "path": "/d.csv"}
    with pytest.raises(ValueError, match="data= must not set 'path'"):
        build_spec("/d.csv", {"data": {"path": "other.csv"}})


def test_numpy_values_become_json_numbers_and_lists():
    text = spec_json({"scale": {"domain": np.array([0.0, 0.003])}, "dpi": np.int64(150), "rows": {"order": ("mean",)}})
    assert json.loads(text) == {"scale": {"domain": [0.0, 0.003]}, "dpi": 150, "rows": {"order": ["mean"]}}
    with pytest.raises(TypeError, match="cannot be written as JSON"):
        spec_json({"size": {"width": object()}})
