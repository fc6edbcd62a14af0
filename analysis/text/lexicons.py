"""Lexicons are data: load, validate and fingerprint the CSV files under ``data/lexicons/``.

A malformed lexicon is a user's mistake, so every problem is reported with
the file, the line and the fix (:class:`LexiconError`), never a traceback.
The lexicon hash covers the bytes of every file used, so the store can tell
which results a changed lexicon makes stale.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.config import LEXICON_DIR
from analysis.errors import InputError
from analysis.text.patterns import PatternError, compile_pattern

DEFAULT_DIR = LEXICON_DIR


class LexiconError(InputError):
    """A lexicon file that cannot be used; the message names the file, line and fix."""


#: Category and cue-class names become column names (``framing_<category>_per_1k``)
#: in exports and labels on every page, so they keep to a plain set (data/lexicons/README.md).
NAME_LENGTH = 40
_NAME = re.compile(rf"[A-Za-z][A-Za-z0-9_-]{{0,{NAME_LENGTH - 1}}}")
#: Target names are display names (any script's letters, spaces, ' . & -), shown on pages.
TARGET_NAME_LENGTH = 60
_TARGET_NAME = re.compile(rf"[^\W_][\w '.&-]{{0,{TARGET_NAME_LENGTH - 1}}}")


def _shown(value: str, limit: int = 60) -> str:
    """A user's value quoted for a message, cut short so a hostile one stays readable."""
    return repr(value if len(value) <= limit else value[:limit] + "...")


def check_name(value: str, path, line: int, column: str) -> str:
    """``value`` if it is a valid category or class name, else a :class:`LexiconError`."""
    if _NAME.fullmatch(value):
        return value
    raise LexiconError(
        f"{path}, line {line}: {column} {_shown(value)} is not a valid name; use 1-{NAME_LENGTH} "
        "letters, digits, _ or -, starting with a letter (for example moral_outrage)"
    )


def check_target_name(value: str, path, line: int) -> str:
    """``value`` if it is a valid target name, else a :class:`LexiconError`."""
    if _TARGET_NAME.fullmatch(value):
        return value
    raise LexiconError(
        f"{path}, line {line}: target {_shown(value)} is not a valid name; use 1-"
        f"{TARGET_NAME_LENGTH} letters, digits, spaces, ' . & or -, starting with a letter or "
        "digit (for example United Nations)"
    )


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon row: a pattern, its category and why it is listed."""

    pattern: str
    category: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    """An entity whose sentiment is tracked: a name and the patterns that mention it."""

    name: str
    aliases: tuple[str, ...]


@dataclass(slots=True)
class Lexicons:
    framing: list[Term]
    hedges: list[Term]
    cues: dict[str, str]
    targets: list[Target]
    anonymous: list[Term] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    hash: str = ""
    #: Claim cues (``claims.csv``): factive and evaluative verbs and phrases, for the
    #: unattributed-claims measure.
    claims: list[Term] = field(default_factory=list)
    #: The framing categories that are bias types (``bias_types.csv``), in file order;
    #: the other framing categories are the conflict-news frames of ``framing.csv``.
    bias_types: list[str] = field(default_factory=list)

    @property
    def framing_categories(self) -> list[str]:
        return sorted({t.category for t in self.framing})

    @property
    def cue_classes(self) -> list[str]:
        return sorted(set(self.cues.values()))


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 (byte {exc.start}); save the file as UTF-8") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise LexiconError(
            f"{path}: missing column {', '.join(missing)} (found: {', '.join(header) or 'none'}); "
            f"the header must be {','.join(required)}"
        )
    reader.fieldnames = header
    rows = []
    for row in reader:
        clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if any(clean.values()):
            rows.append((reader.line_num, clean))
    return rows


def _key(pattern: str) -> str:
    return " ".join(pattern.lower().split())


def _terms(
    path: Path, pattern_column: str = "pattern", elsewhere: dict[str, str] | None = None
) -> list[Term]:
    """Rows of ``path``; ``elsewhere`` maps patterns already listed in another file
    (normalised by :func:`_key`) to where, so a pattern is never listed twice."""
    terms, seen = [], {}
    elsewhere = elsewhere or {}
    for line, row in _rows(path, (pattern_column, "category")):
        pattern, category = row[pattern_column], row["category"]
        if not pattern or not category:
            raise LexiconError(
                f"{path}, line {line}: empty {pattern_column} or category; fill both in"
            )
        check_name(category, path, line, "category")
        try:
            compile_pattern(pattern)
        except PatternError as exc:
            raise LexiconError(f"{path}, line {line}: {exc}") from exc
        key = _key(pattern)
        if key in elsewhere:
            raise LexiconError(
                f"{path}, line {line}: '{pattern}' is already listed ({elsewhere[key]}); "
                "keep it in one file"
            )
        if key in seen:
            raise LexiconError(
                f"{path}, line {line}: '{pattern}' repeats line {seen[key]}; keep one of them"
            )
        seen[key] = line
        terms.append(Term(pattern, category, row.get("note", "")))
    return terms


def load_framing(path: Path) -> list[Term]:
    """Framing terms (``pattern,category,note``)."""
    terms = _terms(Path(path))
    if not terms:
        raise LexiconError(f"{path}: no terms; add rows of pattern,category,note")
    return terms


def merge_bias_types(framing: list[Term], path: Path) -> list[Term]:
    """Framing terms followed by the bias-type terms of ``path`` (``pattern,category,note``).

    The two files are one framing lexicon (one pattern list, overlaps resolved across
    both), so a pattern may be in only one of them.
    """
    listed = {_key(t.pattern): f"framing.csv, category {t.category}" for t in framing}
    terms = _terms(Path(path), elsewhere=listed)
    shared = sorted({t.category for t in terms} & {t.category for t in framing})
    if shared:
        raise LexiconError(
            f"{path}: category {', '.join(shared)} is also a framing.csv category; "
            "give the bias type a name of its own"
        )
    return [*framing, *terms]


def load_cues(path: Path) -> dict[str, str]:
    """Attribution cues (``cue,cue_class,note``) as ``{cue phrase: class}``."""
    cues: dict[str, str] = {}
    for line, row in _rows(Path(path), ("cue", "cue_class")):
        cue = " ".join(row["cue"].lower().replace("\u2019", "'").split())
        if not cue or not row["cue_class"]:
            raise LexiconError(f"{path}, line {line}: empty cue or cue_class; fill both in")
        if "*" in cue:
            raise LexiconError(
                f"{path}, line {line}: list each form of '{cue}' on its own row, no *"
            )
        cues[cue] = check_name(row["cue_class"], path, line, "cue_class").lower()
    return cues


def load_targets(path: Path) -> list[Target]:
    """Targets (``target,aliases,note``); aliases separated by ``|``, the name included."""
    targets = []
    for line, row in _rows(Path(path), ("target", "aliases")):
        name = row["target"]
        if not name:
            raise LexiconError(f"{path}, line {line}: empty target name")
        check_target_name(name, path, line)
        aliases = [name] + [a.strip() for a in row["aliases"].split("|") if a.strip()]
        for alias in aliases:
            try:
                compile_pattern(alias)
            except PatternError as exc:
                raise LexiconError(f"{path}, line {line}: {exc}") from exc
        targets.append(Target(name, tuple(dict.fromkeys(aliases))))
    return targets


def load_lexicons(
    directory: str | Path | None = None,
    framing: str | Path | None = None,
    targets: str | Path | None = None,
) -> Lexicons:
    """Load every lexicon from ``directory`` (default ``data/lexicons``).

    ``framing`` replaces the directory's ``framing.csv`` with a user's file, ``targets``
    its ``targets.csv`` (``target,aliases,note``). The
    directory's optional ``bias_types.csv`` (loaded-language families: spin,
    sensationalism, ...) joins the framing lexicon; ``anonymous.csv`` and ``claims.csv``
    are optional too.
    Every file used is in the hash.
    """
    directory = Path(directory) if directory else DEFAULT_DIR
    if not directory.is_dir():
        raise LexiconError(f"{directory}: no lexicon folder here; pass --lexicons DIR")
    files = {
        "framing": Path(framing) if framing else directory / "framing.csv",
        "cues": directory / "cues.csv",
        "hedges": directory / "hedges.csv",
        "targets": Path(targets) if targets else directory / "targets.csv",
    }
    optional = {
        "anonymous": directory / "anonymous.csv",
        "bias_types": directory / "bias_types.csv",
        "claims": directory / "claims.csv",
    }
    for role, path in files.items():
        if not path.exists():
            raise LexiconError(f"{path}: the {role} lexicon is missing")
    files.update({role: path for role, path in optional.items() if path.exists()})
    # The attribution rules' word lists come from the bundled folder whatever ``directory``
    # is (``analysis.measures.attribution.vocabulary``), and change results like the rest.
    rule_lists = {
        "attribution_words": DEFAULT_DIR / "attribution_words.csv",
        "source_types": DEFAULT_DIR / "source_types.csv",
    }
    files.update({role: path for role, path in rule_lists.items() if path.exists()})
    digest = hashlib.sha256()
    for role in sorted(files):
        digest.update(role.encode() + b"\0" + files[role].read_bytes() + b"\0")
    framing_terms = load_framing(files["framing"])
    bias_types: list[str] = []
    if "bias_types" in files:
        framing_count = len(framing_terms)
        framing_terms = merge_bias_types(framing_terms, files["bias_types"])
        bias_types = list(dict.fromkeys(t.category for t in framing_terms[framing_count:]))
    return Lexicons(
        framing=framing_terms,
        hedges=_terms(files["hedges"]),
        cues=load_cues(files["cues"]),
        targets=load_targets(files["targets"]),
        anonymous=_terms(files["anonymous"]) if "anonymous" in files else [],
        files={role: str(path) for role, path in files.items()},
        hash=digest.hexdigest()[:12],
        bias_types=bias_types,
        claims=_terms(files["claims"]) if "claims" in files else [],
    )
