"""The vis-network that pages inline is relgraph's own pinned copy, with its licences, shipped as package data."""

import hashlib
import re
from pathlib import Path

from relgraph.render.vis import VIS_PATH, VIS_SHA256, VIS_VERSION, bundle

VENDOR = VIS_PATH.parent
PINNED = "1f20f0736f32cb9bedf8f6383b25cfea2f839e1abe80d6e8040b4d5bea378c69"


def test_the_vendored_file_is_the_pinned_build():
    assert hashlib.sha256(VIS_PATH.read_bytes()).hexdigest() == PINNED == VIS_SHA256
    assert f"@version {VIS_VERSION}" in VIS_PATH.read_text(encoding="utf-8")[:400]


def test_its_licences_and_provenance_are_beside_it():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    assert VIS_VERSION in readme and PINNED in readme
    assert "Apache License" in (VENDOR / "LICENSE-APACHE-2.0").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in (VENDOR / "LICENSE-MIT").read_text(encoding="utf-8")
    assert "dual licensed" in VIS_PATH.read_text(encoding="utf-8")[:1000]


def test_pages_no_longer_read_pyvis_internals():
    render = Path(__file__).resolve().parents[1] / "relgraph" / "render"
    for module in render.glob("*.py"):
        assert not re.search(r"pyvis.*templates.*lib", module.read_text(encoding="utf-8")), module


def test_the_vendor_folder_is_package_data():
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"render/vendor/*"' in pyproject
    assert str(bundle()).startswith("/**\n * vis-network")
