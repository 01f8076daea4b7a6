"""HeatGrid from Python: publication-quality heatmap-grid figures from NumPy arrays.

    import heatgrid
    heatgrid.render({"Retrieval": scores}, "fig.pdf", "fig.png", colormap="magma")
    heatgrid.Figure(heads, titles=tasks, scale={"domain": [0, 0.003]})   # shown inline in Jupyter

The figures are drawn by the ``heatgrid`` binary (``make install`` in the HeatGrid
repository), found through the ``HEATGRID_BIN`` environment variable or on ``PATH``.
"""

from .errors import BinaryNotFoundError, HeatGridError, HeatGridWarning
from .figure import Figure
from .rendering import render
from .tool import find_binary

__all__ = ["render", "Figure", "HeatGridError", "HeatGridWarning", "BinaryNotFoundError", "find_binary"]
__version__ = "0.1.0"
