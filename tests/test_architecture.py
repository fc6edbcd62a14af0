"""The maps stay true: docs/ARCHITECTURE.md lists every module, the README's command table
every command-line option, and the code cites documents inside the repository only."""

from __future__ import annotations

import ast
import re

from analysis.cli.main import build_parser
from tests.paths import ROOT

ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"


def _holds_code(path) -> bool:
    """Modules count; a package ``__init__`` only when it defines something of its own."""
    if path.name != "__init__.py":
        return True
    tree = ast.parse(path.read_text())
    return any(isinstance(node, ast.FunctionDef | ast.ClassDef) for node in tree.body)


def _modules_in_tree() -> set[str]:
    return {
        path.relative_to(ROOT).as_posix()
        for top in ("analysis", "dashboard")
        for path in (ROOT / top).rglob("*.py")
        if "__pycache__" not in path.parts and _holds_code(path)
    }


def _modules_in_architecture() -> set[str]:
    """Bullets name a module by its path, or relative to the package their section names."""
    listed, package = set(), ""
    for line in ARCHITECTURE.read_text().splitlines():
        if line.startswith("Stage "):
            folders = re.findall(r"`((?:analysis|dashboard)/(?:[\w/]*/)?)`", line)
            package = folders[0] if folders else ""
        elif line.startswith("- `"):
            for name in re.findall(r"`([\w/*.]+\.py)`", line.split(":")[0]):
                path = name if name.startswith(("analysis/", "dashboard/")) else package + name
                listed.add(path)
    return listed


def test_architecture_lists_every_module():
    listed = _modules_in_architecture()
    expanded = {p for p in listed if "*" not in p}
    for pattern in listed - expanded:
        expanded |= {
            path.relative_to(ROOT).as_posix() for path in ROOT.glob(pattern) if path.is_file()
        }
    missing = _modules_in_tree() - expanded
    assert not missing, f"add these modules to docs/ARCHITECTURE.md: {sorted(missing)}"
    gone = {p for p in expanded if not (ROOT / p).exists()}
    assert not gone, f"docs/ARCHITECTURE.md lists modules that no longer exist: {sorted(gone)}"


def _readme_command_rows() -> dict[str, str]:
    rows = {}
    for line in (ROOT / "README.md").read_text().splitlines():
        found = re.match(r"\| `slant (\w+)", line)
        if found:
            rows[found.group(1)] = line
    return rows


def test_readme_command_table_names_every_command_and_option():
    parser = build_parser()
    (subparsers,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    rows = _readme_command_rows()
    missing = []
    for command, sub in subparsers.choices.items():
        if command not in rows:
            missing.append(f"slant {command}")
            continue
        for action in sub._actions:
            longs = [o for o in action.option_strings if o.startswith("--") and o != "--help"]
            if longs and not any(re.search(rf"{o}\b", rows[command]) for o in longs):
                missing.append(f"slant {command} {longs[0]}")
    assert not missing, f"add to the README's command table: {missing}"


def test_code_cites_no_document_outside_the_repository():
    offenders = [
        path.relative_to(ROOT).as_posix()
        for top in ("analysis", "dashboard", "bench", "tests")
        for path in (ROOT / top).rglob("*.py")
        if re.search(r"(?<![\w/])DESIGN\.md|\.\./shared/[A-Z]", path.read_text())
        and path.name != "test_architecture.py"
    ]
    assert not offenders, f"cite docs/ARCHITECTURE.md instead: {offenders}"
