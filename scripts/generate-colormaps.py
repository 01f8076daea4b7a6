#!/usr/bin/env python3
"""Generates HeatGrid's built-in colormap library from the tables published on PyPI.

Reads Crameri's Scientific Colour Maps (cmcrameri), cmocean, ColorBrewer (palettable), CET
(colorcet) and matplotlib's own maps, and writes:

  Plugins/Colormaps/Library/StoredColormapTables.swift    one line per map: names, kind, source,
                                                          colour count and the 8-bit RGB table in base64
  Tests/ColormapsTests/Fixtures/published-colormaps.json  the published tables (full precision) of a
                                                          sample of maps from every source, for the tests
  LICENSES/colormaps/*.txt                                each source's license, copied from its package

Usage: scripts/generate-colormaps.py
Without the packages importable, it makes a virtual environment in /tmp (never in the repository),
installs the pinned versions below with pip and runs itself there. The outputs are committed: the
build and the tests need neither Python nor these packages.
"""
import base64, importlib.metadata, json, os, pathlib, re, subprocess, sys

PINNED = {"cmcrameri": "1.10", "cmocean": "4.0.3", "palettable": "3.3.3", "colorcet": "3.2.1",
          "matplotlib": "3.11.2"}
VENV = pathlib.Path("/tmp/heatgrid-colormaps-venv")
ROOT = pathlib.Path(__file__).resolve().parent.parent


def ensure_packages():
    """Re-runs this script inside a /tmp virtual environment holding the pinned packages."""
    try:
        for package, version in PINNED.items():
            if importlib.metadata.version(package) != version:
                raise ImportError(package)
        import cmcrameri, cmocean, palettable, colorcet, matplotlib  # noqa: F401
        return
    except (ImportError, importlib.metadata.PackageNotFoundError):
        if os.environ.get("HEATGRID_COLORMAPS_VENV"):
            sys.exit("the virtual environment lacks the pinned packages")
    python = VENV / "bin/python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet"]
                   + [f"{package}=={version}" for package, version in PINNED.items()], check=True)
    os.execve(str(python), [str(python), __file__] + sys.argv[1:],
              dict(os.environ, HEATGRID_COLORMAPS_VENV="1"))


ensure_packages()

import numpy as np  # noqa: E402
import matplotlib as mpl  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402
import cmcrameri, cmocean, colorcet  # noqa: E402
import palettable.colorbrewer as colorbrewer  # noqa: E402

KINDS = ("sequential", "diverging", "cyclic", "qualitative")


class Entry:
    """One built-in colormap: its names (the first is shown, the others are aliases), kind,
    source and the published colours (floats in 0...1, as many as the source draws with)."""

    def __init__(self, names, kind, source, colors):
        assert kind in KINDS, (names, kind)
        self.names, self.kind, self.source = list(names), kind, source
        self.colors = np.asarray(colors, dtype=float)[:, :3]
        assert self.colors.ndim == 2 and len(self.colors) >= 2, names
        assert self.colors.min() >= 0 and self.colors.max() <= 1, names

    def bytes(self):
        # Rounded half up, as HeatGrid's ColorMapping rounds (Python's round() would round half to even).
        return np.floor(self.colors * 255 + 0.5).astype(np.uint8).tobytes()


def lut(colormap):
    """The table a matplotlib colormap draws with: its own N entries, or 256 sampled evenly from a
    longer list (twilight's 510), as matplotlib's `resampled(256)` does."""
    if colormap.N > 256:
        return colormap(np.linspace(0, 1, 256))
    return colormap(np.arange(colormap.N))


# Crameri's Scientific Colour Maps: the text tables cmcrameri ships. *S are the categorical versions
# (100 colours), *O the cyclic ones; bukavu, fes and oleron (multi-sequential, for land and sea) and
# the diverging maps meet at a centre.
CRAMERI_DIVERGING = {"bam", "berlin", "broc", "cork", "lisbon", "managua", "roma", "tofino", "vanimo", "vik",
                     "bukavu", "fes", "oleron"}
CRAMERI_SEQUENTIAL = {"acton", "bamako", "batlow", "batlowK", "batlowW", "bilbao", "buda", "davos", "devon",
                      "glasgow", "grayC", "hawaii", "imola", "lajolla", "lapaz", "lipari", "navia", "nuuk", "oslo",
                      "tokyo", "turku"}


def crameri():
    folder = pathlib.Path(cmcrameri.__file__).parent / "cmaps"
    entries = []
    for path in sorted(folder.glob("*.txt")):
        name = path.stem
        if name.endswith("O") and name[:-1] in CRAMERI_DIVERGING:
            kind = "cyclic"
        elif name.endswith("S") and name[:-1] in CRAMERI_SEQUENTIAL:
            kind = "qualitative"
        elif name in CRAMERI_DIVERGING:
            kind = "diverging"
        elif name in CRAMERI_SEQUENTIAL:
            kind = "sequential"
        else:
            raise SystemExit(f"cmcrameri ships {name}, which this script does not classify")
        entries.append(Entry([name], kind, "crameri", np.loadtxt(path)))
    return entries


# cmocean's 22 maps, as its matplotlib colormaps draw them (256 entries; curl and delta are
# published with 512). cmocean's gray is named cmo_gray: matplotlib's gray keeps the plain name.
CMOCEAN_KINDS = {"diverging": {"balance", "delta", "curl", "diff", "tarn", "topo"}, "cyclic": {"phase"}}


def cmocean_maps():
    entries = []
    for name in sorted(cmocean.cm.cmapnames):
        kind = next((k for k, names in CMOCEAN_KINDS.items() if name in names), "sequential")
        shown = "cmo_gray" if name == "gray" else name
        entries.append(Entry([shown], kind, "cmocean", lut(cmocean.cm.cmap_d[name])))
    return entries


# ColorBrewer through palettable: sequential and diverging schemes at their most classes,
# interpolated to 256 like matplotlib's (and palettable's) colormaps of them; qualitative schemes
# keep their own colours. Grays is matplotlib's alias of Greys.
BREWER_ALIASES = {"Greys": ["Grays"]}


def brewer():
    entries = []
    for kind in ("sequential", "diverging", "qualitative"):
        module = getattr(colorbrewer, kind)
        names = sorted({n.rsplit("_", 1)[0] for n in dir(module) if n[:1].isupper() and not n.endswith("_r")})
        for name in names:
            most = max(int(n.rsplit("_", 1)[1]) for n in dir(module)
                       if n.rsplit("_", 1)[0] == name and n.rsplit("_", 1)[1].isdigit())
            palette = colorbrewer.get_map(name, kind, most)
            if kind == "qualitative":
                colors = np.asarray(palette.colors, dtype=float) / 255
            else:
                colors = lut(LinearSegmentedColormap.from_list(name, np.asarray(palette.colors) / 255, N=256))
            entries.append(Entry([name] + BREWER_ALIASES.get(name, []), kind, "colorbrewer", colors))
    return entries


# CET perceptually uniform maps (Kovesi) through colorcet: every CET_ code, shown by colorcet's
# short name where it has one (fire for CET_L3), plus the named maps without a code and the
# glasbey categorical sets. Short names that another source already uses (gray, blues, coolwarm,
# rainbow) stay with that source; the CET code still reaches colorcet's map.
def colorcet_kind(algorithmic):
    if algorithmic.startswith("diverging"):
        return "diverging"
    if algorithmic.startswith(("cyclic", "circle")):
        return "cyclic"
    if algorithmic.startswith("glasbey"):
        return "qualitative"
    assert algorithmic.startswith(("linear", "rainbow", "isoluminant")), algorithmic
    return "sequential"


def natural_order(name):
    """CET_L2 before CET_L10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def colorcet_maps(taken):
    short = {alg: [a for a in names if a.count("_") <= 1 and a.lower() not in taken]
             for alg, names in colorcet.aliases.items()}
    short["glasbey_category10"] = ["glasbey_category10"]
    entries, done = [], set()
    for code, alg in sorted(((code, alg) for alg, code in colorcet.cetnames_flipped.items()),
                            key=lambda pair: natural_order(pair[0])):
        names = short.get(alg, []) + [code]
        entries.append(Entry(names, colorcet_kind(alg), "colorcet", getattr(colorcet, alg)))
        done.add(alg)
    for alg, names in sorted(short.items()):
        if alg not in done and names:
            entries.append(Entry(names, colorcet_kind(alg), "colorcet", getattr(colorcet, alg)))
    return entries


# matplotlib's own maps (ColorBrewer's and Crameri's come from their sources; flag and prism are
# repeating bands, not colormaps for data). Aliases share their map's table.
MATPLOTLIB_KINDS = {
    "diverging": {"coolwarm", "bwr", "seismic"},
    "cyclic": {"twilight", "twilight_shifted", "hsv"},
    "qualitative": {"tab10", "tab20", "tab20b", "tab20c", "okabe_ito"},
}
MATPLOTLIB_ALIASES = {"gray": ["grey"], "gist_gray": ["gist_grey"], "gist_yarg": ["gist_yerg"]}
MATPLOTLIB_SKIPPED = {"flag", "prism"}


def matplotlib_names():
    """matplotlib's own colormap names (importing cmcrameri, cmocean and colorcet registers
    theirs too, as cmc.*, cmo.* and cet_*)."""
    return sorted(n for n in mpl.colormaps
                  if not n.endswith("_r") and "." not in n and not n.startswith("cet_"))


def matplotlib_maps(elsewhere):
    aliases = {alias for names in MATPLOTLIB_ALIASES.values() for alias in names} | {"Grays"}
    entries = []
    for name in matplotlib_names():
        if name in elsewhere or name in aliases or name in MATPLOTLIB_SKIPPED:
            continue
        kind = next((k for k, names in MATPLOTLIB_KINDS.items() if name in names), "sequential")
        colors = lut(mpl.colormaps[name])
        for alias in MATPLOTLIB_ALIASES.get(name, []):
            assert np.array_equal(lut(mpl.colormaps[alias]), colors), alias
        entries.append(Entry([name] + MATPLOTLIB_ALIASES.get(name, []), kind, "matplotlib", colors))
    return entries


def check_against_matplotlib(entries):
    """Where matplotlib ships the same map (ColorBrewer's, Crameri's berlin, managua, vanimo), its
    table must agree with the source's to one 8-bit step (matplotlib keeps 5 decimals of Crameri's
    6), so a name means the same colours in both."""
    for entry in entries:
        name = entry.names[0]
        if entry.source in ("colorbrewer", "crameri") and name in mpl.colormaps:
            theirs = np.floor(lut(mpl.colormaps[name])[:, :3] * 255 + 0.5)
            ours = np.frombuffer(entry.bytes(), dtype=np.uint8).reshape(-1, 3)
            assert np.abs(theirs - ours).max() <= 1, f"matplotlib's {name} differs from {entry.source}'s"


def library():
    entries = crameri() + cmocean_maps() + brewer()
    taken = {n.lower() for e in entries for n in e.names} | {n.lower() for n in matplotlib_names()}
    entries += colorcet_maps(taken)
    elsewhere = {n for e in entries for n in e.names}
    entries += matplotlib_maps(elsewhere)
    check_against_matplotlib(entries)
    seen = {}
    for entry in entries:
        for name in entry.names:
            key = name.lower()
            assert key not in seen, f"{name} ({entry.source}) is also {seen[key]}"
            assert " " not in name and "." not in name and "/" not in name and not key.endswith("_r"), name
            seen[key] = f"{entry.names[0]} ({entry.source})"
    return entries


def versions():
    return ", ".join(f"{p} {importlib.metadata.version(p)}" for p in PINNED) + \
        f" (numpy {importlib.metadata.version('numpy')})"


def write_swift(entries):
    lines = [" ".join([",".join(e.names), e.kind, e.source, str(len(e.colors)),
                       base64.b64encode(e.bytes()).decode()]) for e in entries]
    body = "\n".join("    " + line for line in lines)
    text = f"""// Generated by scripts/generate-colormaps.py from {versions()}.
// Do not edit by hand: change the script and run it again.

extension ColormapStore {{
    /// The PyPI packages the tables were read from, with their versions.
    static let packageVersions = "{versions()}"

    /// {len(entries)} colormaps, one per line: names (comma-separated, the first shown, the others
    /// aliases), kind, source, number of colours, and the colours as 8-bit RGB triples in base64.
    static let storedTables = \"\"\"
{body}
    \"\"\"
}}
"""
    path = ROOT / "Plugins/Colormaps/Library/StoredColormapTables.swift"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# Fixtures: a sample from every source and kind, with the colours exactly as published.
FIXTURE_NAMES = ["batlow", "batlowK", "vik", "romaO", "batlowS", "lajolla", "oleron",
                 "thermal", "balance", "phase", "curl", "cmo_gray",
                 "Blues", "RdBu", "Spectral", "Set1", "Paired",
                 "fire", "bmy", "CET_L1", "CET_D1A", "CET_C6", "glasbey_category10",
                 "viridis", "jet", "hot", "tab10", "twilight", "coolwarm", "seismic", "okabe_ito"]


def write_fixtures(entries):
    by_name = {e.names[0]: e for e in entries}
    maps = []
    for name in FIXTURE_NAMES:
        entry = by_name[name]
        maps.append({"name": name, "kind": entry.kind, "source": entry.source,
                     "colors": [[float(c) for c in rgb] for rgb in entry.colors]})
    kinds = {(by_name[n].source, by_name[n].kind) for n in FIXTURE_NAMES}
    assert {s for s, _ in kinds} == {"crameri", "cmocean", "colorbrewer", "colorcet", "matplotlib"}
    assert {k for _, k in kinds} == set(KINDS)
    rows = ",\n".join("    " + json.dumps(m, separators=(",", ": ")) for m in maps)
    path = ROOT / "Tests/ColormapsTests/Fixtures/published-colormaps.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{{"generatedFrom": {json.dumps(versions())}, "total": {len(entries)},\n'
                    f' "names": {json.dumps([e.names for e in entries])},\n "colormaps": [\n{rows}\n]}}\n')
    return path


def write_licenses():
    """Each source's license as its package ships it (matplotlib: its own agreement plus the
    ColorBrewer and Yorick sections that cover its colormap data)."""
    folder = ROOT / "LICENSES/colormaps"
    folder.mkdir(parents=True, exist_ok=True)

    def shipped(package, name):
        for file in importlib.metadata.files(package):
            if file.name.startswith("LICENSE") and "dist-info" in str(file.parent):
                return pathlib.Path(file.locate()).read_text()
        raise SystemExit(f"{package} ships no {name}")

    (folder / "cmcrameri-MIT.txt").write_text(shipped("cmcrameri", "license"))
    (folder / "cmocean-MIT.txt").write_text(shipped("cmocean", "license"))
    (folder / "colorcet-CC-BY-4.0.txt").write_text(shipped("colorcet", "license"))
    brewer_notice = pathlib.Path(colorbrewer.__file__).parent / "data/colorbrewer_licence.txt"
    (folder / "colorbrewer-Apache-2.0.txt").write_text(
        brewer_notice.read_text().rstrip() + "\n\n" + "-" * 72 + "\n\n"
        + pathlib.Path("/usr/share/common-licenses/Apache-2.0").read_text())
    text = shipped("matplotlib", "license")
    own = text.split("\n----\n")[0]
    sections = text.split("\nName: ")
    keep = [s for s in sections if s.startswith(("ColorBrewer Color Schemes", "Yorick Colormaps"))]
    assert len(keep) == 2, "matplotlib's license no longer has its ColorBrewer and Yorick sections"
    (folder / "matplotlib.txt").write_text(
        own.rstrip() + "\n\n----\n\nColormap data matplotlib bundles:\n\n"
        + "\n".join("Name: " + s.rstrip() + "\n" for s in keep))
    return folder


entries = library()
counts = {k: sum(e.kind == k for e in entries) for k in KINDS}
sources = {s: sum(e.source == s for e in entries) for s in dict.fromkeys(e.source for e in entries)}
print(f"{len(entries)} colormaps, {sum(len(e.names) for e in entries)} names; {counts}; {sources}")
print("wrote", write_swift(entries).relative_to(ROOT))
print("wrote", write_fixtures(entries).relative_to(ROOT))
print("wrote", write_licenses().relative_to(ROOT))
