"""The attribution rules' word lists, read once per process from ``attribution_words.csv``.

They are grammar (pronouns, auxiliaries, clause words) and source nouns (organisations,
documents, roles, anonymous groups), not stance judgements, but they are data: a user can
read each list's note and disagree. The file lives with the other lexicons
(``data/lexicons/``) and is part of the lexicon hash (``analysis.text.lexicons``), so
a changed list marks stored results stale. ``--lexicons DIR`` does not replace it: the
rules are written against these lists.
"""

from __future__ import annotations

import csv
from pathlib import Path

from analysis.config import LEXICON_DIR
from analysis.text.lexicons import LexiconError

#: The word-list file, beside the user-edited lexicons.
WORDS_FILE = LEXICON_DIR / "attribution_words.csv"


def load_word_lists(path: Path = WORDS_FILE) -> dict[str, frozenset[str]]:
    """``{list name: words}`` from a ``list,words,note`` CSV (words separated by spaces)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the attribution word lists ({exc})") from exc
    lists: dict[str, frozenset[str]] = {}
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or not {"list", "words", "note"} <= set(reader.fieldnames):
        raise LexiconError(f"{path}, line 1: the header must be list,words,note")
    for line, row in enumerate(reader, start=2):
        name = (row["list"] or "").strip()
        words = (row["words"] or "").lower().split()
        if not name or not words:
            raise LexiconError(f"{path}, line {line}: empty list name or words; fill both in")
        if name in lists:
            raise LexiconError(f"{path}, line {line}: list '{name}' appears twice; merge the rows")
        lists[name] = frozenset(words)
    return lists


def _require(lists: dict[str, frozenset[str]], name: str) -> frozenset[str]:
    if name not in lists:
        raise LexiconError(f"{WORDS_FILE}: no row for the list '{name}'; add one (list,words,note)")
    return lists[name]


_LISTS = load_word_lists()

PRONOUNS = _require(_LISTS, "pronouns")
PERSON_PRONOUNS = _require(_LISTS, "person_pronouns")
DETERMINERS = _require(_LISTS, "determiners")
INDEFINITE = _require(_LISTS, "indefinite")
NOUN_USE_BEFORE = _require(_LISTS, "noun_use_before")
AUX = _require(_LISTS, "aux")
BE = _require(_LISTS, "be")
NEGATION = _require(_LISTS, "negation")
ADVERBS = _require(_LISTS, "adverbs")
LY_NOUNS = _require(_LISTS, "ly_nouns")
TIME_WORDS = _require(_LISTS, "time_words")
TIME_PREPS = _require(_LISTS, "time_preps")
NP_STOP = _require(_LISTS, "np_stop")
PREP_STOP = _require(_LISTS, "prep_stop")
TO_ALLOWED_AFTER = _require(_LISTS, "to_allowed_after")
LEADING_TRIM = _require(_LISTS, "leading_trim")
HEAD_BREAK = _require(_LISTS, "head_break")
OBJECT_NOT_SPEECH = _require(_LISTS, "object_not_speech")
NON_SPEAKERS = _require(_LISTS, "non_speakers")
ANON_PLURAL = _require(_LISTS, "anon_plural")
ANON_SINGULAR = _require(_LISTS, "anon_singular")
ON_RECORD = _require(_LISTS, "on_record")
ORG_NOUNS = _require(_LISTS, "org_nouns")
DOC_NOUNS = _require(_LISTS, "doc_nouns")
PERSON_ROLES = _require(_LISTS, "person_roles")
GENERIC_PERSON = _require(_LISTS, "generic_person")
DESCRIPTORS = _require(_LISTS, "descriptors")
TITLE_WORDS = _require(_LISTS, "title_words")
ORG_WORDS = _require(_LISTS, "org_words")
CAP_FUNCTION = _require(_LISTS, "cap_function")
TELL = _require(_LISTS, "tell")
RECIPIENTS = _require(_LISTS, "recipients")
NOUN_HOMOGRAPHS = _require(_LISTS, "noun_homographs")
CLAUSE_OPENERS = _require(_LISTS, "clause_openers")
NEEDS_QUOTE = _require(_LISTS, "needs_quote")
NAMING = _require(_LISTS, "naming")
PASSIVE_NOT_SPEECH = _require(_LISTS, "passive_not_speech")
AGENT_END = _require(_LISTS, "agent_end")
PRONOUN_NOT_ENOUGH = _require(_LISTS, "pronoun_not_enough")
POLL_NOUNS = _require(_LISTS, "poll_nouns")
OBJECT_PRONOUNS = _require(_LISTS, "object_pronouns")
PLANS = _require(_LISTS, "plans")
PEOPLE_PARTICIPLES = _require(_LISTS, "people_participles")
REFUSALS = _require(_LISTS, "refusals")
ANONYMOUS_ACTS = _require(_LISTS, "anonymous_acts")
PARTICLES_AFTER_CALL = _require(_LISTS, "particles_after_call")
STATEMENT_WORDS = _require(_LISTS, "statement_words")
COORDINATORS = _require(_LISTS, "coordinators")
CUE_PARTICLES = _require(_LISTS, "cue_particles")
ELIDED_AFTER = _require(_LISTS, "elided_after")
OPENING_PREPS = _require(_LISTS, "opening_preps")
SUBJECT_MODIFIERS = _require(_LISTS, "subject_modifiers")
EVIDENCE_NOUNS = _require(_LISTS, "evidence_nouns")
FIRST_SECOND = _require(_LISTS, "first_second")
SPEAK = _require(_LISTS, "speak")
SAY = _require(_LISTS, "say")
ADD = _require(_LISTS, "add")
INFINITIVE_VERBS = _require(_LISTS, "infinitive_verbs")
SPEAK_NOT_SPEECH = _require(_LISTS, "speak_not_speech")
BY_MEDIUM = _require(_LISTS, "by_medium")
ASIDE_OPENERS = _require(_LISTS, "aside_openers")
RECALLED_OBJECTS = _require(_LISTS, "recalled_objects")
#: A capitalised head that is one of these may be a common noun at the sentence start.
COMMON_HEAD_NOUNS = ORG_NOUNS | DOC_NOUNS | PERSON_ROLES
_PERSON_OR_GROUP = ORG_NOUNS | DOC_NOUNS | PERSON_ROLES | GENERIC_PERSON
#: Head nouns a sentence-opening subject may end with ("The Florida senator", "Aides").
SOURCE_NOUNS = (
    _PERSON_OR_GROUP
    | frozenset(word + "s" for word in _PERSON_OR_GROUP)
    | ANON_PLURAL
    | ANON_SINGULAR
    | _require(_LISTS, "people_nouns")
)
