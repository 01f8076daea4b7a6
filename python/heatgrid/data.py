"""The figure's data: panels of arrays (written to an .npz for the tool) or a data file."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

#: A panel: its title and its 2-D array.
Panel = Tuple[str, np.ndarray]


@dataclass(frozen=True)
class ArrayData:
    """Panels held in memory, handed to the tool as an .npz archive (one array per panel, named
    by its title; the tool's NumPy source titles each panel by its array's name)."""

    panels: Tuple[Panel, ...]

    def write(self, folder: str) -> str:
        """Writes the panels to ``folder/data.npz`` and returns its path."""
        path = os.path.join(folder, "data.npz")
        write_npz(path, self.panels)
        return path

    @property
    def titles(self) -> Tuple[str, ...]:
        """The panels' titles, in order."""
        return tuple(title for title, _ in self.panels)


@dataclass(frozen=True)
class FileData:
    """A data file the tool reads itself (CSV, JSON, .npy, .npz); ``path`` is absolute."""

    path: str

    def write(self, folder: str) -> str:
        """The file's path (nothing to write)."""
        return self.path


Data = Union[ArrayData, FileData]


def as_data(data: Any, titles: Optional[Sequence[str]] = None) -> Data:
    """The figure's data from what the caller gave.

    - a mapping of title -> 2-D array: one panel each, in the mapping's order;
    - a 3-D array: one panel per index of the first axis, titled by ``titles`` (default "0",
      "1", ...); a 2-D array: one panel, titled by ``titles[0]`` (default untitled);
    - a path (``str`` or ``os.PathLike``): a data file, relative to the current directory.

    Arrays are anything ``numpy.asarray`` takes (PyTorch tensors are detached and moved to the
    CPU first; masked entries of a masked array become NaN, drawn in the bad colour). They
    must hold real numbers; ``ValueError`` says what is wrong with one that does not fit.
    """
    if isinstance(data, (str, os.PathLike)):
        if titles is not None:
            raise TypeError("titles= names the panels of an array; a data file titles its own panels")
        return FileData(os.path.abspath(os.fspath(data)))
    if isinstance(data, Mapping):
        if titles is not None:
            raise TypeError("titles= is for a 3-D array; a dict's keys are its panels' titles")
        panels = [(str(title), _matrix(value, f"panel {str(title)!r}")) for title, value in data.items()]
    else:
        panels = _split(_to_numpy(data), titles)
    if not panels:
        raise ValueError("no panels to draw: the data is empty")
    _check_titles([title for title, _ in panels])
    return ArrayData(tuple(panels))


def write_npz(path: str, panels: Sequence[Panel]) -> None:
    """Writes ``panels`` as an uncompressed .npz, each array named by its panel's title.

    This is what ``numpy.savez`` writes (ZIP64 members ``<name>.npy`` in NumPy's own format),
    without its keyword arguments: a title like "file" or "allow_pickle" would clash with them.
    """
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
        for title, matrix in panels:
            with archive.open(title + ".npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, matrix, allow_pickle=False)


def _to_numpy(value: Any) -> np.ndarray:
    """``value`` as a NumPy array, without copying where NumPy does not need to."""
    detach = getattr(value, "detach", None)
    if callable(detach) and callable(getattr(value, "cpu", None)):
        value = detach().cpu()  # a PyTorch tensor: off the autograd graph and any GPU
    if isinstance(value, np.ma.MaskedArray):
        return value.astype(np.float64).filled(np.nan)
    return np.asarray(value)


def _split(array: np.ndarray, titles: Optional[Sequence[str]]) -> list:
    """The panels of a 2-D or 3-D array."""
    if array.ndim not in (2, 3):
        raise ValueError(
            f"the data must be a 2-D array (one panel), a 3-D array (panels x rows x columns) or a "
            f"dict of title -> 2-D array; got a {array.ndim}-D array of shape {array.shape}")
    matrices = [array] if array.ndim == 2 else list(array)
    if titles is None:
        names = [""] if array.ndim == 2 else [str(index) for index in range(len(matrices))]
    else:
        names = [str(title) for title in titles]
        if len(names) != len(matrices):
            raise ValueError(f"titles= gives {len(names)} titles for {len(matrices)} panels")
    return [(name, _matrix(matrix, f"panel {name!r}" if name else "the array")) for name, matrix in zip(names, matrices)]


def _matrix(value: Any, which: str) -> np.ndarray:
    """One panel's values as a 2-D array of a dtype the tool reads (float16/32/64, integers,
    bool); other real dtypes are converted to float64."""
    array = _to_numpy(value)
    if array.ndim != 2:
        raise ValueError(f"{which} must be a 2-D array (rows x columns); got a {array.ndim}-D array of shape {array.shape}")
    if 0 in array.shape:
        raise ValueError(f"{which} is empty (shape {array.shape}); a panel needs at least one row and one column")
    kind = array.dtype.kind
    if kind in "iub" or (kind == "f" and array.dtype.itemsize <= 8):
        return array
    if kind in "fO":
        try:
            return array.astype(np.float64)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{which} holds values that are not numbers ({error})") from None
    raise ValueError(f"{which} has dtype {array.dtype}; expected real numbers (float, integer or bool)")


def _check_titles(titles: Sequence[str]) -> None:
    """Titles become the archive's member names: each must be unique and free of NUL."""
    seen = set()
    for title in titles:
        if "\0" in title:
            raise ValueError(f"the panel title {title!r} contains a NUL character")
        if title in seen:
            raise ValueError(f"two panels are titled {title!r}; each panel needs its own title")
        seen.add(title)
