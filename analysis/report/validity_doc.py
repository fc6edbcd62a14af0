"""``docs/validity.md``, the benchmark figures of each measure on public corpora, read at
run time for the dashboard's Methods page.

The file lives in the repository's ``docs/`` folder (a checkout or an editable install
reads it there); a wheel carries a copy inside the package (``analysis/package_docs/
validity.md``, see ``pyproject.toml``). :func:`read_validity` returns ``None`` when
neither is there, and the page says so.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

#: ``$SLANT_VALIDITY_DOC`` names another file (e.g. a newer copy of the document).
DOC_ENV = "SLANT_VALIDITY_DOC"
_REPOSITORY_DOC = Path(__file__).resolve().parents[2] / "docs" / "validity.md"
_HEADING = re.compile(r"^## +(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ValidityDoc:
    """The document: its introduction, its ``## `` sections in order, and where it came from."""

    intro: str
    sections: dict[str, str]
    origin: str

    def section(self, prefix: str) -> tuple[str, str] | None:
        """The first section whose title starts with ``prefix`` (case-insensitive)."""
        for title, body in self.sections.items():
            if title.lower().startswith(prefix.lower()):
                return title, body
        return None


def split_sections(markdown: str) -> tuple[str, dict[str, str]]:
    """The text before the first ``## `` heading (without the ``# `` title), and each
    ``## `` section's body by title.

    >>> split_sections("# T\\nintro\\n## A (x)\\none\\n## B\\ntwo\\n")
    ('intro', {'A (x)': 'one', 'B': 'two'})
    """
    headings = list(_HEADING.finditer(markdown))
    head = markdown[: headings[0].start()] if headings else markdown
    intro = re.sub(r"^# .*\n?", "", head.strip(), count=1).strip()
    sections = {}
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(markdown)
        sections[heading.group(1)] = markdown[heading.end() : end].strip()
    return intro, sections


def _candidates() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    if os.environ.get(DOC_ENV):
        found.append((os.environ[DOC_ENV], Path(os.environ[DOC_ENV])))
    found.append(("docs/validity.md", _REPOSITORY_DOC))
    try:
        packaged = resources.files("analysis.package_docs").joinpath("validity.md")
        found.append(("validity.md in the installed package", packaged))
    except (ModuleNotFoundError, TypeError):
        pass
    return found


def read_validity() -> ValidityDoc | None:
    """The benchmark document, or ``None`` when this installation has no copy."""
    for origin, path in _candidates():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        intro, sections = split_sections(text)
        return ValidityDoc(intro, sections, origin)
    return None
