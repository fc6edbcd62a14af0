"""Source types: who an attribution gives a voice to, read off the source's words.

``data/lexicons/source_types.csv`` (``word,source_type,note``) maps titles and nouns to
one of :data:`SOURCE_TYPES`; a word may be two words ("think tank"). An attribution's
type is, in order: ``anonymous`` when the source is unnamed (but ``ordinary`` for
unnamed residents, voters, witnesses: how ordinary people are usually quoted); the type of the source's
head noun ("a campaign spokesman" -> the head "spokesman"); else the first type, in
:data:`_PRECEDENCE` order, of any word of the source, its apposition included ("Rep. Jim
Jordan (R-Ohio), an oversight panel member" -> politician); else ``named_person`` for a
person's name with no role word, ``organisation`` for another name, ``document`` for a
document; else "" (unknown: a pronoun with no antecedent, "the group"). A pronoun takes
its antecedent's type. The file is hashed with the lexicons.
"""

from __future__ import annotations

import csv
from pathlib import Path

from analysis.config import LEXICON_DIR
from analysis.text.lexicons import LexiconError

#: The types, in the order the dashboard lists them.
SOURCE_TYPES = (
    "named_person",
    "official",
    "politician",
    "expert",
    "organisation",
    "document",
    "ordinary",
    "anonymous",
)
#: Which type wins when a source holds words of several ("Sen. X, a member of ...").
_PRECEDENCE = ("document", "politician", "official", "expert", "organisation", "ordinary")
TYPES_FILE = LEXICON_DIR / "source_types.csv"


def load_source_types(path: Path = TYPES_FILE) -> dict[tuple[str, ...], str]:
    """``{words: type}`` from a ``word,source_type,note`` CSV."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the source types ({exc})") from exc
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or not {"word", "source_type", "note"} <= set(reader.fieldnames):
        raise LexiconError(f"{path}, line 1: the header must be word,source_type,note")
    types: dict[tuple[str, ...], str] = {}
    for line, row in enumerate(reader, start=2):
        words = tuple((row["word"] or "").lower().split())
        kind = (row["source_type"] or "").strip()
        if not words or kind not in _PRECEDENCE:
            raise LexiconError(
                f"{path}, line {line}: need a word and a source_type, one of "
                f"{', '.join(_PRECEDENCE)} (named_person and anonymous are not listed by word)"
            )
        types[words] = kind
    return types


_TYPES = load_source_types()
_LONGEST = max((len(words) for words in _TYPES), default=1)
_RANK = {kind: i for i, kind in enumerate(_PRECEDENCE)}


def source_type(words: list[str], head: str, kind: str, anonymous: bool, speaker: str) -> str:
    """The type of a source: ``words`` its lower-cased words, ``head`` its head noun,
    ``kind`` the speaker kind (person, name, org, plural, document, other) and ``speaker``
    its name (a one-word "name" may be a person, a place or a group: unknown)."""
    found = _TYPES.get((head.removesuffix("'s"),))
    if anonymous:
        # Unnamed residents and voters are how ordinary people are quoted: their role says
        # more than "anonymous", which is kept for unnamed officials, sources and insiders.
        return "ordinary" if found == "ordinary" else "anonymous"
    if found is not None:
        return found
    best = None
    for i in range(len(words)):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            found = _TYPES.get(tuple(w.removesuffix("'s") for w in words[i : i + n]))
            if found is not None and (best is None or _RANK[found] < _RANK[best]):
                best = found
    if best is not None:
        return best
    if kind == "person" or (kind == "name" and " " in speaker):
        return "named_person"
    if kind == "org":
        return "organisation"
    if kind == "document":
        return "document"
    return ""
