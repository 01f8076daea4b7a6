"""What goes wrong says what is wrong, and leaves no file half-written."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import heatgrid


@pytest.fixture
def heads() -> np.ndarray:
    return np.random.default_rng(13).random((3, 6, 5))


def test_a_1d_array_is_refused_before_the_tool_runs(workdir, heads):
    with pytest.raises(ValueError, match=r"2-D array .* 3-D array .* got a 1-D array of shape \(7,\)"):
        heatgrid.render(np.arange(7.0), "x.png")
    with pytest.raises(ValueError, match=r"panel 'a' must be a 2-D array .* got a 3-D array"):
        heatgrid.render({"a": heads}, "x.png")
    assert list(Path().iterdir()) == []


@pytest.mark.parametrize("data, message", [
    ({"a": np.zeros((0, 3))}, r"panel 'a' is empty \(shape \(0, 3\)\)"),
    ({"a": np.ones((2, 2)) * 1j}, r"panel 'a' has dtype complex128; expected real numbers"),
    ({"a": np.array([["x", "y"]], dtype=object)}, r"panel 'a' holds values that are not numbers"),
    ({}, r"no panels to draw"),
])
def test_data_that_cannot_be_a_figure_is_named(workdir, data, message):
    with pytest.raises(ValueError, match=message):
        heatgrid.render(data, "x.png")


def test_titles_must_match_the_panels_and_be_unique(workdir, heads):
    with pytest.raises(ValueError, match="titles= gives 2 titles for 3 panels"):
        heatgrid.render(heads, "x.png", titles=["a", "b"])
    with pytest.raises(ValueError, match="two panels are titled 'a'"):
        heatgrid.render(heads, "x.png", titles=["a", "b", "a"])
    with pytest.raises(TypeError, match="dict's keys are its panels' titles"):
        heatgrid.render({"a": heads[0]}, "x.png", titles=["b"])


def test_a_bad_section_raises_the_tools_message_naming_the_key(workdir, binary, heads):
    with pytest.raises(heatgrid.HeatGridError) as raised:
        heatgrid.render(heads, "x.png", colourmap="magma")
    error = raised.value
    assert error.status == 1
    assert error.message.startswith("colourmap: unknown key; did you mean 'colormap'?")
    assert str(error) == error.message
    assert "heatgrid: error: " in error.stderr and "colourmap" in error.stderr
    assert not Path("x.png").exists()

    with pytest.raises(heatgrid.HeatGridError, match=r"^scale\.tpye: .*did you mean 'type'\?"):
        heatgrid.render(heads, "x.png", scale={"tpye": "log"})
    with pytest.raises(heatgrid.HeatGridError, match=r"unknown colormap 'magam'; did you mean 'magma'\?"):
        heatgrid.render(heads, "x.png", colormap="magam")
    with pytest.raises(heatgrid.HeatGridError, match=r"^data\.rowLabels: 2 labels, but panel '0' has 6 rows"):
        heatgrid.render(heads, "x.png", row_labels=["a", "b"])


def test_a_failed_render_leaves_existing_outputs_untouched(workdir, binary, heads):
    Path("keep.png").write_bytes(b"previous figure")
    Path("keep.svg").write_bytes(b"previous figure")
    with pytest.raises(heatgrid.HeatGridError, match="layout"):
        heatgrid.render(heads, "keep.png", "keep.svg", layout={"type": "grid", "rows": 1, "columns": 1, "gutr": 2})
    assert Path("keep.png").read_bytes() == b"previous figure"
    assert Path("keep.svg").read_bytes() == b"previous figure"
    assert sorted(p.name for p in Path().iterdir()) == ["keep.png", "keep.svg"]


def test_outputs_in_a_missing_folder_or_of_an_unknown_format(workdir, binary, heads):
    with pytest.raises(heatgrid.HeatGridError, match="does not exist"):
        heatgrid.render(heads, "missing/x.png")
    with pytest.raises(heatgrid.HeatGridError, match="unknown output format 'gif'"):
        heatgrid.render(heads, "x.gif")
    with pytest.raises(TypeError, match="at least one output"):
        heatgrid.render(heads)


def test_a_missing_binary_names_heatgrid_bin_and_path(workdir, monkeypatch, heads):
    monkeypatch.delenv("HEATGRID_BIN", raising=False)
    monkeypatch.setenv("PATH", str(workdir))
    with pytest.raises(heatgrid.BinaryNotFoundError) as raised:
        heatgrid.render(heads, "x.png")
    assert "HEATGRID_BIN" in str(raised.value) and "PATH" in str(raised.value)
    assert isinstance(raised.value, heatgrid.HeatGridError)

    monkeypatch.setenv("HEATGRID_BIN", str(workdir / "nowhere" / "heatgrid"))
    with pytest.raises(heatgrid.BinaryNotFoundError, match=r"HEATGRID_BIN is set to '.*nowhere/heatgrid', which is not an executable"):
        heatgrid.Figure(heads).save("x.png")
    assert list(Path().iterdir()) == []


def test_the_binary_is_found_on_path(workdir, monkeypatch, binary, heads):
    monkeypatch.delenv("HEATGRID_BIN", raising=False)
    Path("bin").mkdir()
    Path("bin/heatgrid").symlink_to(Path(binary).resolve())
    monkeypatch.setenv("PATH", str(workdir / "bin"))
    assert heatgrid.find_binary() == str(workdir / "bin" / "heatgrid")
    heatgrid.render(heads, "x.png")
    assert Path("x.png").read_bytes().startswith(b"\x89PNG")


def test_the_tools_warnings_become_python_warnings(workdir, binary, heads):
    # jet's lightness turns back: the tool draws it and warns; uniform viridis draws silently.
    with pytest.warns(heatgrid.HeatGridWarning, match=r"colormap 'jet' is not perceptually uniform") as caught:
        heatgrid.render(heads, "jet.png", colormap="jet")
    assert Path("jet.png").exists() and not str(caught[0].message).startswith("/")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        heatgrid.render(heads, "viridis.png", colormap="viridis")
