"""The copy of vis-network that relgraph ships (``vendor/``), and the two ways a page inlines it.

relgraph does not take vis-network from pyvis's package: a pyvis release
could move or change it. The file in ``vendor/`` is pinned by its SHA-256
(:data:`VIS_SHA256`, checked by the tests); its licences and provenance are
in ``vendor/README.md``.

>>> VIS_VERSION, VIS_PATH.name
('9.1.2', 'vis-network.min.js')
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markupsafe import Markup

__all__ = ["VIS_PATH", "VIS_SHA256", "VIS_VERSION", "bundle", "loader"]

VIS_VERSION = "9.1.2"
VIS_PATH = Path(__file__).parent / "vendor" / "vis-network.min.js"
VIS_SHA256 = "1f20f0736f32cb9bedf8f6383b25cfea2f839e1abe80d6e8040b4d5bea378c69"


@functools.cache
def bundle() -> Markup:
    """vis-network's standalone build, to inline in a ``<script>`` as it is; never data."""
    from markupsafe import Markup

    text = VIS_PATH.read_text(encoding="utf-8")
    if re.search(r"</script", text, re.I):
        raise ValueError(f"{VIS_PATH} would end its <script> early")
    return Markup(text)  # noqa: S704 - a library file, checked above, never data


@functools.cache
def loader() -> Markup:
    """vis-network, run as a CommonJS module so that a host page's AMD loader cannot capture it.

    It defines ``window.vis`` unless the page already has a usable one, so
    several fragments on one page share a single copy.
    """
    from markupsafe import Markup

    start = ("(function () {\n"
             "var v = window.vis; if (v && v.Network && v.DataSet && v.DataView) return;\n"
             "var module = { exports: {} }, exports = module.exports;\n"
             # the bundled regenerator runtime would otherwise make itself a global
             "var regeneratorRuntime;\n")
    end = "\nwindow.vis = module.exports;\n})();"
    return Markup(start) + bundle() + Markup(end)  # noqa: S704 - constants
