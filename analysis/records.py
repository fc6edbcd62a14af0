"""Typed records at the boundaries between ingest, analyze and store.

Everything downstream of ingest refers to the cleaned ``Article.text`` and
``Article.title``: evidence offsets are character offsets into those strings,
and ``article.<field>[start:end] == evidence.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from operator import attrgetter

#: Columns of the articles table, in order.
ARTICLE_COLUMNS = (
    "article_id",
    "outlet",
    "published",
    "title",
    "text",
    "url",
    "section",
    "author",
    "caption",
    "event_id",
    "source_file",
)

#: Article-level measures: the keys of ``AnalysisResult.scores``, the columns of the
#: store's ``scores`` table (besides article_id and the stamps) and of articles.csv.
SCORE_COLUMNS = (
    "words",
    "sentences",
    "sentiment",
    "headline_sentiment",
    "negative_share",
    "positive_share",
    "framing_count",
    "framing_per_1k",
    "attributions",
    "direct_share",
    "indirect_share",
    "mixed_share",
    "anonymous_share",
    "hedges",
    "hedges_per_1k",
)

#: The scores that are counts (the others are rates, shares or means).
INTEGER_SCORES = {"words", "sentences", "framing_count", "attributions", "hedges"}

#: Columns of an evidence row, in order (attribution-only columns are empty elsewhere).
EVIDENCE_COLUMNS = (
    "article_id",
    "field",
    "kind",
    "label",
    "start",
    "end",
    "text",
    "sentence",
    "pattern",
    "score",
    "source",
    "speaker",
    "cue",
    "cue_class",
    "quote_type",
    "anonymous",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "voice",
    "source_type",
)


@dataclass(slots=True)
class Article:
    """One news article after ingest and cleaning.

    ``published`` is timezone-aware UTC or ``None`` (never invented).
    ``caption`` holds a photo credit kept for display but not scored.
    ``event_id`` is an optional ground-truth story label some corpora carry.
    """

    article_id: str
    outlet: str
    text: str
    title: str = ""
    published: datetime | None = None
    url: str = ""
    section: str = ""
    author: str = ""
    caption: str = ""
    event_id: str = ""
    source_file: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Evidence:
    """One span of an article that produced (part of) a score.

    kinds: ``framing`` (label = category, pattern = lexicon pattern),
    ``hedge`` (label = hedge category, pattern = lexicon pattern),
    ``target`` (label = target name, score = compound of its sentence),
    ``attribution`` (label = cue class; source/cue offsets inside the span).
    ``sentence`` is the index of the sentence (within the field) holding ``start``.
    """

    article_id: str
    field: str
    kind: str
    label: str
    start: int
    end: int
    text: str
    sentence: int = -1
    pattern: str = ""
    score: float | None = None
    source: str = ""
    speaker: str = ""
    cue: str = ""
    cue_class: str = ""
    quote_type: str = ""
    anonymous: bool | None = None
    source_start: int | None = None
    source_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    voice: str = ""
    source_type: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class SentenceScore:
    """A sentence's span in a field and its VADER compound score."""

    field: str
    index: int
    start: int
    end: int
    compound: float


@dataclass(slots=True)
class TargetScore:
    """Sentiment toward one target in one article.

    ``sentiment``: mean VADER compound over the sentences mentioning it (every name in a
    sentence gets the sentence's score). ``scoped_sentiment``: mean over its mentions of
    the target-scoped score (``analysis.measures.sentiment.toward_target``: P(positive) -
    P(negative), in [-1, 1]); ``because``: the features whose pushes, summed over its
    mentions, moved that mean most in its direction, ``"; "``-separated, all ``(-)`` for
    a negative mean (``"accused (-); [clause] (-)"``).
    """

    target: str
    mentions: int
    sentences: int
    sentiment: float
    scoped_sentiment: float | None = None
    because: str = ""


@dataclass(slots=True)
class Rejected:
    """An input row that was skipped, with a message naming the file, the row and the fix."""

    source_file: str
    row: int | None
    problem: str
    #: The file line where the record starts, when records may span lines (CSV cells
    #: with line breaks): the message then says "record 11 (line 271)".
    line: int | None = None

    def message(self) -> str:
        if self.row is None:
            where = self.source_file
        elif self.line is None:
            where = f"{self.source_file}, row {self.row}"
        else:
            where = f"{self.source_file}, record {self.row} (line {self.line})"
        return f"{where}: {self.problem}"


@dataclass(slots=True)
class AnalysisResult:
    """Everything ``analyze`` derives from one article.

    ``scores`` holds the article-level measures (plain floats/ints, see
    ``analysis.pipeline.SCORE_COLUMNS``); ``category_counts`` maps
    ``(family, category) -> count`` for framing categories and cue classes.
    """

    article_id: str
    scores: dict
    category_counts: dict = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    sentences: list[SentenceScore] = field(default_factory=list)
    targets: list[TargetScore] = field(default_factory=list)
    analysis_version: str = ""
    lexicon_hash: str = ""


# A record's fields as a plain tuple, in field order, read in C: how results travel
# between processes (analysis.pipeline) and become table rows (analysis.store).
evidence_row = attrgetter(*(f.name for f in fields(Evidence)))
sentence_row = attrgetter(*(f.name for f in fields(SentenceScore)))
target_row = attrgetter(*(f.name for f in fields(TargetScore)))
