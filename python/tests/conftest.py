"""Shared fixtures: the heatgrid binary, the repository's flagship data and spec, a scratch folder."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from pathlib import Path

import numpy as np
import pytest

import heatgrid

REPO = Path(__file__).resolve().parents[2]
FLAGSHIP = REPO / "examples" / "cognitive-heads"


@pytest.fixture(scope="session")
def binary() -> str:
    """The binary under test (HEATGRID_BIN, as `make test` sets it, else heatgrid on PATH)."""
    try:
        return heatgrid.find_binary()
    except heatgrid.BinaryNotFoundError as error:
        pytest.fail(f"these tests need the heatgrid binary: {error}")


@pytest.fixture(scope="session")
def flagship_heads() -> dict:
    """examples/cognitive-heads/cognitive-heads.csv as {task: 32x32 float64 array}, tasks in file order."""
    with open(FLAGSHIP / "cognitive-heads.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    tasks = list(dict.fromkeys(row["task"] for row in rows))
    task_index = {task: index for index, task in enumerate(tasks)}
    values = np.full((len(tasks), 32, 32), np.nan)
    records = np.array([(task_index[r["task"]], int(r["layer"]), int(r["head"])) for r in rows])
    values[records[:, 0], records[:, 1], records[:, 2]] = np.array([float(r["importance"]) for r in rows])
    assert not np.isnan(values).any(), "the flagship CSV gives every cell"
    return {task: values[index] for task, index in task_index.items()}


@pytest.fixture(scope="session")
def flagship_sections() -> dict:
    """The flagship spec's sections, without its data section (the arrays replace it)."""
    spec = json.loads((FLAGSHIP / "figure.json").read_text())
    del spec["data"]
    return spec


@pytest.fixture(scope="session")
def viridis() -> np.ndarray:
    """The tool's viridis table (256 x 3, 0..255), read from its generated Swift source."""
    source = (REPO / "Plugins" / "Colormaps" / "Tables" / "ViridisTable.swift").read_text()
    numbers = [float(n) for n in re.findall(r"\b\d\.\d{6}\b", source)]
    assert len(numbers) == 256 * 3
    return np.round(np.array(numbers).reshape(256, 3) * 255)


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """An empty current directory, and a private temporary folder (checked empty at the end:
    the package leaves no temporary file behind)."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    yield work
    assert list(scratch.iterdir()) == [], "temporary files left behind"
