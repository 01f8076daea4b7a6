"""The errors the package raises when the heatgrid tool fails or cannot be found."""

from __future__ import annotations

from typing import Optional


class HeatGridError(Exception):
    """The heatgrid tool refused the figure or failed.

    ``message`` is the tool's one-line message without its ``heatgrid: error:`` prefix (it names
    the spec key, file or value at fault), ``status`` the tool's exit status and ``stderr``
    everything it printed there. No output file was written or changed.
    """

    def __init__(self, message: str, status: Optional[int] = None, stderr: str = ""):
        super().__init__(message)
        self.message = message
        self.status = status
        self.stderr = stderr

    @classmethod
    def from_tool(cls, status: int, stderr: str, spec_path: Optional[str] = None) -> "HeatGridError":
        """The error for a run of the tool that exited with ``status`` after printing ``stderr``.

        A message that starts with ``spec_path`` (a temporary spec the caller never saw) starts
        with the key at fault instead.
        """
        lines = [line.strip() for line in stderr.splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("heatgrid: error: ")]
        if errors:
            message = errors[-1][len("heatgrid: error: "):]
            if spec_path and message.startswith(spec_path + ": "):
                message = message[len(spec_path) + 2:]
        elif lines:
            message = lines[-1]
        elif status < 0:
            message = f"the heatgrid tool was killed by signal {-status}"
        else:
            message = f"the heatgrid tool exited with status {status} without a message"
        return cls(message, status, stderr)


class BinaryNotFoundError(HeatGridError):
    """The heatgrid binary is neither named by ``HEATGRID_BIN`` nor on ``PATH``."""


class HeatGridWarning(UserWarning):
    """Something the tool drew but warns about: a colormap that is not perceptually uniform."""
