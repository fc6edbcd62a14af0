"""Fixture stores shared by the dashboard and query tests (built without VADER).

``build_fixture_store`` writes 30 hand-made articles (4 outlets, January to
March 2025) with hand-set scores and evidence through ``analysis.store.write_batch``,
so every number a query returns can be recomputed from ``FIXTURE_ARTICLES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from analysis import store
from analysis.records import AnalysisResult, Article, Evidence, SentenceScore, TargetScore
from analysis.text import count_words, sentence_index, split_sentences

OUTLETS = ("Daily Ledger", "Harbor Times", "Northern Post", "Valley Voice")
TARGET = "Kestrian government"
LEXICON_HASH = "lexhash-fixture"
VERSION = "test-1"

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


@dataclass
class Spec:
    """What one fixture article is made of, kept to recompute expected numbers."""

    index: int
    outlet: str
    published: datetime
    section: str
    title: str
    text: str
    sentiment: float
    headline_sentiment: float
    words: int
    framing: dict  # category -> count
    cue: dict  # cue class -> count
    anonymous: int
    direct: int
    indirect: int
    target_sentiment: float


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while (pos := text.find(needle, start)) >= 0:
        out.append((pos, pos + len(needle)))
        start = pos + 1
    return out


def make_spec(k: int) -> tuple[Spec, Article, AnalysisResult]:
    outlet = OUTLETS[k % 4]
    published = datetime(2025, 1, 2, 12, tzinfo=UTC) + timedelta(days=3 * k)
    section = "World" if k % 2 == 0 else "Politics"
    title = f"Kestrian government faces protests, day {k}"
    parts = [
        "The Kestrian government announced a crackdown on protesters.",
        '"We will restore order," said the minister.',
    ]
    if k % 3 == 0:
        parts.append("Officials reportedly claimed the regime was stable.")
    if outlet == "Valley Voice":
        parts.append("Residents said the crackdown was brutal.")
    text = " ".join(parts)
    sentiment = round(-0.6 + (k % 5) * 0.25, 4)
    headline = round(-0.3 + (k % 4) * 0.1, 4)
    target_sent = round(-0.8 + (k % 7) * 0.2, 4)
    words = count_words(text)
    sentences = split_sentences(text)
    title_sentences = split_sentences(title)

    evidence: list[Evidence] = []
    framing: dict[str, int] = {}
    for term, category in (("crackdown", "conflict"), ("regime", "delegitimizing")):
        for start, end in _spans(text, term):
            framing[category] = framing.get(category, 0) + 1
            evidence.append(
                Evidence(
                    "",
                    "text",
                    "framing",
                    category,
                    start,
                    end,
                    term,
                    sentence_index(sentences, start),
                    pattern=term,
                    voice="own",
                )
            )
    for start, end in _spans(text, TARGET):
        evidence.append(
            Evidence(
                "",
                "text",
                "target",
                TARGET,
                start,
                end,
                TARGET,
                sentence_index(sentences, start),
                score=target_sent,
            )
        )
    for start, end in _spans(title, TARGET):
        evidence.append(
            Evidence(
                "",
                "title",
                "target",
                TARGET,
                start,
                end,
                TARGET,
                sentence_index(title_sentences, start),
                score=headline,
            )
        )
    cue: dict[str, int] = {}
    anonymous = direct = indirect = 0
    attributions = [
        (
            '"We will restore order," said the minister.',
            "the minister",
            "said",
            "neutral",
            "direct",
            False,
        ),
        (
            "Officials reportedly claimed the regime was stable.",
            "Officials",
            "claimed",
            "distancing",
            "indirect",
            True,
        ),
        (
            "Residents said the crackdown was brutal.",
            "Residents",
            "said",
            "neutral",
            "indirect",
            True,
        ),
    ]
    for span_text, source, verb, cue_class, quote_type, anon in attributions:
        for start, end in _spans(text, span_text):
            cue[cue_class] = cue.get(cue_class, 0) + 1
            anonymous += anon
            direct += quote_type == "direct"
            indirect += quote_type == "indirect"
            s_off = text.index(source, start)
            c_off = text.index(verb, start)
            evidence.append(
                Evidence(
                    "",
                    "text",
                    "attribution",
                    cue_class,
                    start,
                    end,
                    span_text,
                    sentence_index(sentences, start),
                    source=source,
                    speaker="" if anon else source,
                    cue=verb,
                    cue_class=cue_class,
                    quote_type=quote_type,
                    anonymous=anon,
                    source_start=s_off,
                    source_end=s_off + len(source),
                    cue_start=c_off,
                    cue_end=c_off + len(verb),
                )
            )
    hedges = len(_spans(text, "reportedly"))
    for start, end in _spans(text, "reportedly"):
        evidence.append(
            Evidence(
                "",
                "text",
                "hedge",
                "hedge",
                start,
                end,
                "reportedly",
                sentence_index(sentences, start),
                pattern="reportedly",
            )
        )

    article = Article(
        article_id=f"a{k:02d}",
        outlet=outlet,
        text=text,
        title=title,
        published=published,
        url=f"https://example.org/{k}",
        section=section,
        author="Staff",
    )
    for e in evidence:
        e.article_id = article.article_id
    n_attr = sum(cue.values())
    framing_count = sum(framing.values())
    scores = {
        "words": words,
        "sentences": len(sentences),
        "sentiment": sentiment,
        "headline_sentiment": headline,
        "negative_share": 1.0 if sentiment <= -0.05 else 0.0,
        "positive_share": 1.0 if sentiment >= 0.05 else 0.0,
        "framing_count": framing_count,
        "framing_per_1k": framing_count / words * 1000,
        "attributions": n_attr,
        "direct_share": direct / n_attr if n_attr else None,
        "indirect_share": indirect / n_attr if n_attr else None,
        "mixed_share": 0.0 if n_attr else None,
        "anonymous_share": anonymous / n_attr if n_attr else None,
        "hedges": hedges,
        "hedges_per_1k": hedges / words * 1000,
    }
    result = AnalysisResult(
        article_id=article.article_id,
        scores=scores,
        category_counts={
            **{("framing", c): n for c, n in framing.items()},
            **{("framing_own", c): n for c, n in framing.items()},  # no quotes in the fixture
            **{("cue_class", c): n for c, n in cue.items()},
        },
        evidence=evidence,
        sentences=[SentenceScore("text", i, s, e, sentiment) for i, (s, e) in enumerate(sentences)]
        + [SentenceScore("title", i, s, e, headline) for i, (s, e) in enumerate(title_sentences)],
        targets=[TargetScore(TARGET, 2, 2, target_sent, target_sent, "")],
        analysis_version=VERSION,
        lexicon_hash=LEXICON_HASH,
    )
    spec = Spec(
        k,
        outlet,
        published,
        section,
        title,
        text,
        sentiment,
        headline,
        words,
        framing,
        cue,
        anonymous,
        direct,
        indirect,
        target_sent,
    )
    return spec, article, result


FIXTURE = [make_spec(k) for k in range(30)]
FIXTURE_SPECS = [spec for spec, _, _ in FIXTURE]


def build_fixture_store(path: Path) -> Path:
    con = store.connect(path)
    try:
        store.write_batch(con, [a for _, a, _ in FIXTURE], [r for _, _, r in FIXTURE])
    finally:
        con.close()
    return path


def build_hostile_store(path: Path) -> Path:
    """One normal outlet and one whose name, title and text carry HTML/script payloads."""
    con = store.connect(path)
    try:
        _, article, result = make_spec(0)
        hostile = Article(
            article_id="evil",
            outlet=HOSTILE_IMG,
            title=f"{HOSTILE_SCRIPT} {HOSTILE_IMG} headline",
            text=f"{article.text} {HOSTILE_SCRIPT} and {HOSTILE_IMG} in the body.",
            published=article.published,
            section="World",
        )
        evil = AnalysisResult(
            article_id="evil",
            scores=dict(result.scores),
            category_counts=dict(result.category_counts),
            evidence=[
                Evidence(
                    "evil",
                    e.field,
                    e.kind,
                    e.label,
                    e.start,
                    e.end,
                    e.text,
                    e.sentence,
                    e.pattern,
                    e.score,
                    e.source,
                    e.speaker,
                    e.cue,
                    e.cue_class,
                    e.quote_type,
                    e.anonymous,
                    e.source_start,
                    e.source_end,
                    e.cue_start,
                    e.cue_end,
                )
                for e in result.evidence
                if e.field == "text"
            ],
            targets=list(result.targets),
            analysis_version=VERSION,
            lexicon_hash=LEXICON_HASH,
        )
        store.write_batch(con, [article, hostile], [result, evil])
    finally:
        con.close()
    return path


def many_outlet_name(index: int) -> str:
    return f"Outlet {index:04d}"


def build_many_outlets_store(path: Path, outlets: int, largest: int = 3) -> Path:
    """``outlets`` outlets: the first three with ``largest`` articles each, the rest with
    one, so the outlets with the most articles are known (``many_outlet_name(0..2)``).

    Every article is one of the 30 fixture articles under another outlet and id.
    """
    articles, results = [], []
    for index in range(outlets):
        for copy in range(largest if index < 3 else 1):
            k = (index + copy) % len(FIXTURE)
            _, article, result = make_spec(k)
            article_id = f"m{index:05d}-{copy}"
            article.article_id, article.outlet = article_id, many_outlet_name(index)
            result.article_id = article_id
            for e in result.evidence:
                e.article_id = article_id
            articles.append(article)
            results.append(result)
    con = store.connect(path)
    try:
        store.write_batch(con, articles, results)
    finally:
        con.close()
    return path
