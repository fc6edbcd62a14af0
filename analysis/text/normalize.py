"""Text normalisation, done once at ingest, and the one quote fold every analyzer uses.

All offsets are character offsets into the normalised string. Curly quotes and
apostrophes stay in the text (readers see what the outlet printed) but token
forms fold them to straight ones, so lexicons and rules see a single spelling.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that render as a space but are not one; news sites are full of them.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t"), " ")
# Invisible characters that break word matching and carry no meaning.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATION = {**_SPACE_LIKE, **_INVISIBLE}
# The same mapping as regexes: a character class scans in C, str.translate with a dict
# looks every character up in Python (it cost a third of ingest's cleaning).
_SPACE_LIKE_RE = re.compile("[" + "".join(map(chr, _SPACE_LIKE)) + "]")
_INVISIBLE_RE = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Any character normalize() replaces (carriage returns, and what the three patterns above
# replace): one scan finds whether there is work, where running the replacements costs a
# scan each (almost every text has none).
_ANY_TO_REPLACE = re.compile(
    "[\r\t" + "".join(map(chr, _TRANSLATION)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# A newline with a space before or after it, or two more newlines after it: where the two
# substitutions above have work. Opening with the newline, the engine skips in C from one
# newline to the next (a few dozen an article), where " \n" in text, "\n " in text and
# "\n\n\n" in text scan the whole text three times (5x the time).
_UNTIDY_NEWLINE = re.compile(r"\n(?:(?<= \n)| |\n\n)")

#: Curly quote and apostrophe forms and the straight ones they fold to, for matching only:
#: the one definition of the fold (:func:`fold_quotes`, :func:`match_form`).
QUOTE_PAIRS = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'))
#: The same fold as a ``str.translate`` table, for the attribution rules that still use it
#: (:func:`fold_quotes` is faster).
QUOTE_FOLD = str.maketrans(dict(QUOTE_PAIRS))


def normalize(text: str) -> str:
    """Clean text once, at ingest: NFC, space-like characters to spaces, tidy whitespace.

    Paragraphs stay separated by one blank line; curly quotes are kept.

    >>> normalize("News\\u00a0 /\\u00a0 Iraq\\r\\n\\r\\n\\r\\nNATO  says")
    'News / Iraq\\n\\nNATO says'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    # One scan says whether there is anything to replace (a carriage return, a tab, a
    # character of _TRANSLATION, a control character); almost every text has none.
    if _ANY_TO_REPLACE.search(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        if not text.isascii():  # the same as .translate(_TRANSLATION), faster
            text = _INVISIBLE_RE.sub("", _SPACE_LIKE_RE.sub(" ", text))
        text = _CONTROL.sub("", text)
    # Each regex only where it can change something: a substring test is a C scan,
    # a regex that may match empty-prefixed at every position is not.
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if _UNTIDY_NEWLINE.search(text):
        if " \n" in text or "\n " in text:
            text = _SPACE_AROUND_NEWLINE.sub("\n", text)
        if "\n\n\n" in text:
            text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def fold_quotes(text: str) -> str:
    """Curly quotes and apostrophes folded to straight ones (:data:`QUOTE_PAIRS`); offsets
    are unchanged (one character for one). ``text.translate(QUOTE_FOLD)``, faster: a C-level
    replace per form present instead of a per-character table lookup, nothing for ASCII.

    >>> print(fold_quotes("it’s “fine”"))
    it's "fine"
    """
    if text.isascii():
        return text
    for curly, straight in QUOTE_PAIRS:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def match_form(text: str) -> str:
    """Lower-cased and quote-folded: the form distinctive terms and story clustering count
    words in (a few characters lower-case to two, so offsets may shift).

    >>> print(match_form("Biden’s “Plan”"))
    biden's "plan"
    """
    return fold_quotes(text.lower())
