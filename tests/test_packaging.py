"""The wheel works anywhere: it carries every package and the lexicons, and `slant analyze` runs
from it in a fresh environment, away from the source checkout."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import re
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

from tests.paths import ROOT


def _packages_in_tree() -> set[str]:
    folders = {
        path.parent
        for top in ("analysis", "dashboard")
        for path in (ROOT / top).rglob("*.py")
        if "__pycache__" not in path.parts
    }
    return {".".join(folder.relative_to(ROOT).parts) for folder in folders}


def test_pyproject_lists_every_package_of_the_tree():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    assert listed - {"analysis.package_data", "analysis.package_docs"} == _packages_in_tree()


def _third_party_modules_imported() -> set[str]:
    """Top-level modules that analysis/ and dashboard/ import, less the standard library's
    and the project's own."""
    found = set()
    for top in ("analysis", "dashboard"):
        for path in (ROOT / top).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"analysis", "dashboard", "__future__"}


def _distribution_name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_third_party_module_the_code_imports_is_a_declared_dependency():
    # A module that arrives only through another package's dependencies breaks the day that
    # package drops it.
    declared = {
        _distribution_name(r)
        for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    distributions = importlib.metadata.packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in _third_party_modules_imported()
        if not {d.lower().replace("_", "-") for d in distributions.get(module, [module])} & declared
    }
    assert undeclared == {}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        cwd=build,
        capture_output=True,
    )
    (found,) = out.glob("slant-*.whl")
    return found


def test_wheel_runs_slant_analyze_in_a_fresh_environment(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    fresh_site = Path(
        sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)})
    )
    # The wheel's dependencies come from the test environment's site-packages, appended as a
    # plain path (not a site dir: its editable-install hook is not run), so only the wheel
    # provides `analysis`.
    (fresh_site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", fresh_site, wheel],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "one.csv").write_text(
        "outlet,title,text\n"
        'Kestria Herald,Talks,"The minister said the so-called reforms were a breach of '
        "the country's sovereignty. Officials reportedly disagreed.\"\n"
    )
    done = subprocess.run(
        [
            python,
            "-c",
            "from analysis.cli.main import main; raise SystemExit(main())",
            "analyze",
            "one.csv",
            "--out",
            "out",
            "--workers",
            "1",
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    located = subprocess.run(
        [
            python,
            "-c",
            "import analysis, analysis.config as c; print(analysis.__file__, c.LEXICON_DIR)",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(ROOT) not in located  # the installed copy, not the checkout
    evidence = (work / "out" / "evidence.csv").read_text()
    assert "so-called" in evidence and "breach of the country's sovereignty" in evidence
    provenance = json.loads((work / "out" / "articles.json").read_text())
    assert provenance


def test_wheel_carries_the_benchmark_document(wheel):
    import zipfile

    assert "analysis/package_docs/validity.md" in zipfile.ZipFile(wheel).namelist()


def test_wheel_carries_the_dashboard_settings(wheel):
    import zipfile

    assert "dashboard/streamlit.toml" in zipfile.ZipFile(wheel).namelist()
