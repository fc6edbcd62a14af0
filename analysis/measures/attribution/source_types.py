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
from collections.abc import Iterable
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
        if len(words) > 2:
            raise LexiconError(f"{path}, line {line}: one or two words per row, not {len(words)}")
        types[words] = kind
    return types


_TYPES = load_source_types()
# One dict lookup per word (and per pair of words) in the hot loop, per attribution.
_SINGLE = {words[0]: kind for words, kind in _TYPES.items() if len(words) == 1}
_PAIRS = {words: kind for words, kind in _TYPES.items() if len(words) == 2}
_RANK = {kind: i for i, kind in enumerate(_PRECEDENCE)}


def source_type(words: Iterable[str], head: str, kind: str, anonymous: bool, speaker: str) -> str:
    """The type of a source: ``words`` its lower-cased words, ``head`` its head noun,
    ``kind`` the speaker kind (person, name, org, plural, document, other) and ``speaker``
    its name (a one-word "name" may be a person, a place or a group: unknown)."""
    found = _SINGLE.get(head[:-2] if head.endswith("'s") else head)
    if anonymous:
        # Unnamed residents and voters are how ordinary people are quoted: their role says
        # more than "anonymous", which is kept for unnamed officials, sources and insiders.
        return "ordinary" if found == "ordinary" else "anonymous"
    if found is not None:
        return found
    best = None
    best_rank = len(_PRECEDENCE)
    previous = None
    for word in words:
        if word.endswith("'s"):
            word = word[:-2]
        found = _SINGLE.get(word)
        if found is None and previous is not None:
            found = _PAIRS.get((previous, word))
        if found is not None and _RANK[found] < best_rank:
            best, best_rank = found, _RANK[found]
        previous = word
    if best is not None:
        return best
    if kind == "person" or (kind == "name" and " " in speaker):
        return "named_person"
    if kind == "org":
        return "organisation"
    if kind == "document":
        return "document"
    return ""
