"""Finding and running the heatgrid binary."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from typing import Optional, Sequence

from .errors import BinaryNotFoundError, HeatGridError, HeatGridWarning

#: The environment variable naming the binary; it wins over ``PATH``.
BINARY_VARIABLE = "HEATGRID_BIN"


def find_binary() -> str:
    """The path of the heatgrid binary: ``$HEATGRID_BIN`` if set, else ``heatgrid`` on ``PATH``.

    Raises :class:`BinaryNotFoundError` naming both places when neither holds it (or when
    ``HEATGRID_BIN`` names something that is not an executable file).
    """
    named = os.environ.get(BINARY_VARIABLE)
    if named:
        if os.path.isfile(named) and os.access(named, os.X_OK):
            return named
        raise BinaryNotFoundError(
            f"{BINARY_VARIABLE} is set to {named!r}, which is not an executable file; "
            f"point it at the heatgrid binary, or unset it to use 'heatgrid' on PATH")
    found = shutil.which("heatgrid")
    if found:
        return found
    raise BinaryNotFoundError(
        f"the heatgrid binary was not found: {BINARY_VARIABLE} is not set and there is no "
        f"'heatgrid' on PATH; run 'make install' in the HeatGrid repository, or set "
        f"{BINARY_VARIABLE} to the binary's path")


def run_tool(binary: str, arguments: Sequence[str], spec_path: Optional[str] = None) -> str:
    """Runs ``binary`` with ``arguments`` and returns its standard output.

    Raises :class:`HeatGridError` with the tool's one-line message and exit status when it
    fails (without the name of ``spec_path``, a temporary spec, in front of the message).
    """
    try:
        done = subprocess.run([binary, *arguments], stdin=subprocess.DEVNULL, capture_output=True)
    except OSError as error:
        raise BinaryNotFoundError(f"could not run the heatgrid binary {binary!r}: {error}") from error
    stderr = done.stderr.decode("utf-8", errors="replace")
    if done.returncode != 0:
        raise HeatGridError.from_tool(done.returncode, stderr, spec_path)
    # The tool's warnings (a colormap that is not perceptually uniform) become Python warnings.
    for line in stderr.splitlines():
        if line.startswith("heatgrid: warning: "):
            message = line[len("heatgrid: warning: "):]
            if spec_path and message.startswith(spec_path + ": "):
                message = message[len(spec_path) + 2:]
            warnings.warn(message, HeatGridWarning, stacklevel=3)
    return done.stdout.decode("utf-8", errors="replace")
