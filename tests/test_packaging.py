"""Every file the package reads at run time is declared as package data, so that `pip install .`
(what CI and users run, not an editable install) ships it."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "alliance_check"


def _globs() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["setuptools"]["package-data"]["alliance_check"])


def test_every_data_file_is_package_data() -> None:
    globs = _globs()
    files = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*") if p.is_file()]
    data = [f for f in files if not f.endswith((".py", ".pyc", ".typed")) and "__pycache__" not in f]
    assert data, "no data files found"

    def declared(f: str) -> bool:
        return any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/") for g in globs)

    missing = [f for f in data if not declared(f)]
    assert missing == [], f"not declared in [tool.setuptools.package-data]: {missing}"
