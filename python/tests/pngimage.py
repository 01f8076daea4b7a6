"""A small PNG reader for the tests (zlib and struct only): 8-bit RGB / RGBA, not interlaced."""

from __future__ import annotations

import struct
import zlib
from typing import Dict, List, Optional, Tuple

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunks(png: bytes) -> List[Tuple[bytes, bytes]]:
    """The (type, data) chunks of ``png``, each checked against its CRC."""
    assert png[:8] == SIGNATURE, "not a PNG file"
    found, position = [], 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        data = png[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", png[position + 8 + length:position + 12 + length])
        assert zlib.crc32(kind + data) == crc, f"bad CRC in chunk {kind!r}"
        found.append((kind, data))
        position += 12 + length
    return found


def dpi(png: bytes) -> Optional[float]:
    """The resolution the pHYs chunk records, in dots per inch (None without one)."""
    for kind, data in chunks(png):
        if kind == b"pHYs":
            x, y, unit = struct.unpack(">IIB", data)
            assert unit == 1 and x == y
            return x * 0.0254
    return None


def decode(png: bytes) -> np.ndarray:
    """The image as a (height, width, 3) uint8 array of RGB (alpha dropped)."""
    parts: Dict[bytes, bytes] = {}
    idat = b""
    for kind, data in chunks(png):
        if kind == b"IDAT":
            idat += data
        else:
            parts.setdefault(kind, data)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", parts[b"IHDR"])
    assert depth == 8 and colour in (2, 6) and interlace == 0, "only 8-bit RGB(A), not interlaced"
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    assert len(raw) == height * (stride + 1)
    rows = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, data = line[0], np.frombuffer(line[1:], dtype=np.uint8)
        rows[y] = previous = _unfilter(kind, data, previous, channels)
    return rows.reshape(height, width, channels)[:, :, :3]


def _unfilter(kind: int, data: np.ndarray, above: np.ndarray, bpp: int) -> np.ndarray:
    if kind == 0:
        return data.copy()
    if kind == 2:
        return (data.astype(np.uint16) + above).astype(np.uint8)
    out = bytearray(len(data))
    for i, value in enumerate(data.tolist()):
        left = out[i - bpp] if i >= bpp else 0
        up = int(above[i])
        corner = int(above[i - bpp]) if i >= bpp else 0
        if kind == 1:
            predictor = left
        elif kind == 3:
            predictor = (left + up) // 2
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
        else:
            raise AssertionError(f"unknown PNG filter {kind}")
        out[i] = (value + predictor) & 0xFF
    return np.frombuffer(bytes(out), dtype=np.uint8)


def bodies(image: np.ndarray, min_size: int = 100) -> List[Tuple[int, int, int, int]]:
    """The panel bodies of a heatmap figure: rectangles (x0, y0, x1, y1), inclusive, of coloured
    pixels (text, frames and background are grey), at least ``min_size`` pixels wide, in reading
    order (top to bottom, then left to right)."""
    rgb = image.astype(np.int16)
    coloured = (rgb.max(axis=2) - rgb.min(axis=2)) > 30
    found = []
    for top, bottom in _runs(coloured.sum(axis=1) > 2 * min_size, 1):
        middle = (top + bottom) // 2
        for left, right in _runs(coloured[middle], min_size):
            centre = (left + right) // 2
            y0, y1 = next((a, b) for a, b in _runs(coloured[:, centre], 1) if a <= middle <= b)
            found.append((left, y0, right, y1))
    return found


def _runs(mask: np.ndarray, min_length: int) -> List[Tuple[int, int]]:
    """Runs of True in a 1-D mask, (first, last) inclusive, at least ``min_length`` long."""
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2]) if b - a >= min_length]
