"""The registry of measures: what each stored score is, its unit, how it is computed, its
limits, how to say it in plain words, and when a group is too small to read.

One definition per measure, read by the statistics (plain-language comparisons), the
report tables and the dashboard (labels, units, explanations, small-n warnings), so a
measure is described the same way everywhere. Per-category measures
(``framing_<category>_per_1k``, ``cue_<class>_share``) are described by :func:`measure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Groups with fewer articles than this get a visible warning wherever they are shown.
SMALL_N = 5


@dataclass(frozen=True, slots=True)
class Measure:
    """How to show and talk about one measure.

    ``phrase`` names it inside a sentence; ``higher`` and ``lower`` complete
    "Outlet A's articles ... than Outlet B's". ``method`` says how it is computed and
    its limits; ``plain`` says it for a classroom. ``count`` is the count column behind
    a rate per 1,000 words (so a pooled rate exists); ``small_n`` the smallest group
    read without a warning.
    """

    column: str
    label: str
    phrase: str
    higher: str
    lower: str
    unit: str
    method: str = ""
    plain: str = ""
    count: str | None = None
    small_n: int = SMALL_N

    @property
    def is_rate(self) -> bool:
        """A rate per 1,000 words (a pooled rate over all words exists too)."""
        return self.unit == PER_1K


PER_1K = "per 1,000 words"
SHARE_OF_SENTENCES = "share of body sentences (0-1)"
SHARE_OF_ATTRIBUTIONS = "share of attributions (0-1)"
COMPOUND = "VADER compound (-1 to +1)"

VADER_LIMITS = (
    "VADER is a lexicon method built for social media: every word has a fixed score and "
    "the sentence score sums them with a few rules. News is longer and more formal than "
    "tweets, negation and sarcasm are handled coarsely, and a report *about* violence "
    "scores negative whatever the outlet's stance."
)
FRAMING_LIMITS = (
    "Lexicon framing finds only the terms listed in the framing lexicon (shown on the Data "
    "page with its hash); a loaded idea phrased in other words is not counted, and a listed "
    "word in a neutral sense is. Rates are matches per 1,000 words of the outlet's articles."
)
ATTRIBUTION_LIMITS = (
    "Attribution is rule-based: a cue verb (said, claimed, admitted...) next to a source "
    "phrase. Unusual sentence shapes are missed, and 'anonymous' means the source phrase "
    'names no person or organisation ("officials", "a source").'
)
HEDGE_METHOD = (
    "Hedging words ('reportedly', 'apparently', 'allegedly') per 1,000 words, from the "
    "hedge lexicon; lists only, no sense of context."
)


def _m(column, label, phrase, higher, lower, unit, method="", plain="", count=None) -> Measure:
    return Measure(column, label, phrase, higher, lower, unit, method, plain, count)


_MEASURES = (
    _m("words", "Words", "article length in words", "are longer", "are shorter", "words",
       "Word tokens in the article body (the denominator of every rate).",
       "How long the article is."),
    _m("sentences", "Sentences", "sentences per article", "have more sentences",
       "have fewer sentences", "sentences", "Sentences in the article body.",
       "How many sentences the article has."),
    _m("sentiment", "Sentiment", "mean sentence sentiment", "are more positive",
       "are more negative", COMPOUND,
       "Mean VADER compound score of the body's sentences (-1 most negative, +1 most "
       "positive). " + VADER_LIMITS,
       "How positive or negative the words in the article are, on a scale from -1 "
       "(very negative) to +1 (very positive)."),
    _m("headline_sentiment", "Headline sentiment", "headline sentiment",
       "have more positive headlines", "have more negative headlines", COMPOUND,
       "VADER compound score of the headline alone. " + VADER_LIMITS,
       "How positive or negative the headline sounds."),
    _m("negative_share", "Negative share", "share of negative sentences",
       "have more negative sentences", "have fewer negative sentences", SHARE_OF_SENTENCES,
       "Share of body sentences with a compound score of -0.05 or lower. " + VADER_LIMITS,
       "Out of every 10 sentences, how many sound negative."),
    _m("positive_share", "Positive share", "share of positive sentences",
       "have more positive sentences", "have fewer positive sentences", SHARE_OF_SENTENCES,
       "Share of body sentences with a compound score of 0.05 or higher. " + VADER_LIMITS,
       "Out of every 10 sentences, how many sound positive."),
    _m("framing_count", "Framing terms", "framing terms", "use more framing terms",
       "use fewer framing terms", "matches per article", FRAMING_LIMITS,
       "How many loaded words from our list the article uses."),
    _m("framing_per_1k", "Framing terms per 1k words", "framing terms per 1,000 words",
       "use more framing terms", "use fewer framing terms", PER_1K, FRAMING_LIMITS,
       "How often the article uses loaded words from our list, per 1,000 words.",
       count="framing_count"),
    _m("attributions", "Attributions", "attributions to sources",
       "attribute more statements to sources", "attribute fewer statements to sources",
       "attributions per article",
       "Statements attributed to a source (quoted or paraphrased). " + ATTRIBUTION_LIMITS,
       "How many times the article tells you who said something."),
    _m("direct_share", "Direct quotes", "share of direct quotes",
       "quote sources directly more often", "quote sources directly less often",
       SHARE_OF_ATTRIBUTIONS,
       "Share of attributions that quote the source's own words in quotation marks. "
       + ATTRIBUTION_LIMITS,
       "How often the outlet prints people's exact words instead of retelling them."),
    _m("indirect_share", "Paraphrases", "share of paraphrased attributions",
       "paraphrase sources more often", "paraphrase sources less often", SHARE_OF_ATTRIBUTIONS,
       "Share of attributions that retell what the source said without quotation marks. "
       + ATTRIBUTION_LIMITS,
       "How often the outlet retells what people said in its own words."),
    _m("mixed_share", "Mixed quotes", "share of mixed quotes",
       "mix quotation and paraphrase more often", "mix quotation and paraphrase less often",
       SHARE_OF_ATTRIBUTIONS,
       "Share of attributions that mix a quoted fragment with paraphrase. "
       + ATTRIBUTION_LIMITS,
       "How often the outlet quotes a few words and retells the rest."),
    _m("anonymous_share", "Anonymous sources", "share of anonymous sources",
       "rely more on anonymous sources", "rely less on anonymous sources",
       SHARE_OF_ATTRIBUTIONS,
       "Share of attributions whose source is unnamed. " + ATTRIBUTION_LIMITS,
       "Out of every 10 quotes or claims, how many come from someone who is not named."),
    _m("hedges", "Hedges", "hedges", "hedge more", "hedge less", "hedges per article",
       HEDGE_METHOD, "How many words signal doubt, like 'reportedly'."),
    _m("hedges_per_1k", "Hedges per 1k words", "hedges per 1,000 words", "hedge more",
       "hedge less", PER_1K, HEDGE_METHOD,
       "How often the article signals doubt with words like 'reportedly'.", count="hedges"),
    _m("target_sentiment", "Target sentiment", "sentiment toward the target",
       "speak more positively of the target", "speak more negatively of the target",
       COMPOUND,
       "Mean VADER compound score of the sentences that mention a target (a person, "
       "group or government from the targets lexicon, with its aliases). A sentence that "
       "mentions two targets counts for both. " + VADER_LIMITS,
       "How positive or negative the sentences about this person or group sound."),
    _m("target_scoped_sentiment", "Sentiment toward the target",
       "sentiment toward the target", "speak more positively of the target",
       "speak more negatively of the target", "P(positive) - P(negative), -1 to 1",
       "Per mention of a target, a logistic regression trained on NewsMTSC (sentences "
       "from US political news labelled by annotators for the sentiment toward each "
       "person) reads VADER's word sentiments in the target's own clause and around it "
       "(bounded by clause and quote boundaries), whether the target is the speaker, the "
       "subject or the object of the sentiment, sentiment inside someone else's quotation, "
       "and the words near the mention; the score is P(positive) - P(negative), averaged "
       "over the article's mentions. On a dev split of NewsMTSC's train data its macro F1 "
       "is 0.655 against 0.506 for the sentence score (docs/validity.md). Limits: trained "
       "on US political news about people; irony, long-range context and quotations "
       "spanning several sentences are not understood.",
       "How positive or negative the article is about this person or group, reading the "
       "words around each mention rather than whole sentences."),
    _m("cue_class", "Cue verbs", "cue verbs", "use more loaded cue verbs",
       "use fewer loaded cue verbs", "share of attributions by cue class",
       "Each attribution's cue verb is classed by stance: neutral (said), distancing "
       "(claimed), emotive (slammed), conceding (admitted), asserting (insisted). "
       + ATTRIBUTION_LIMITS,
       "The verb a reporter picks to introduce a quote changes how believable it sounds: "
       "'said' is neutral, 'claimed' casts doubt."),
)  # fmt: skip

#: Every named measure, by column.
MEASURES: dict[str, Measure] = {m.column: m for m in _MEASURES}

#: The measures shown first (Overview, the Data page's summary, the bench's dashboard run).
KEY_MEASURES = (
    "sentiment",
    "negative_share",
    "framing_per_1k",
    "anonymous_share",
    "direct_share",
    "hedges_per_1k",
)

_FRAMING_CATEGORY = re.compile(r"^framing_(.+)_per_1k$")
_CUE_CLASS = re.compile(r"^cue_(.+)_share$")


def framing_category(column: str) -> str | None:
    """The category of a ``framing_<category>_per_1k`` column, else None."""
    match = _FRAMING_CATEGORY.match(column)
    return match.group(1) if match else None


def cue_class(column: str) -> str | None:
    """The class of a ``cue_<class>_share`` column, else None."""
    match = _CUE_CLASS.match(column)
    return match.group(1) if match else None


def category_column(family: str, category: str) -> str:
    """The per-article measure column of a framing category or a cue class.

    >>> category_column("framing", "sovereignty"), category_column("cue_class", "emotive")
    ('framing_sovereignty_per_1k', 'cue_emotive_share')
    """
    return f"framing_{category}_per_1k" if family == "framing" else f"cue_{category}_share"


def measure(column: str) -> Measure:
    """The :class:`Measure` for ``column``, including per-category columns.

    >>> measure("cue_distancing_share").higher
    "use more 'distancing' cue verbs"
    >>> measure("framing_sovereignty_per_1k").unit
    'per 1,000 words'
    """
    if column in MEASURES:
        return MEASURES[column]
    if (category := framing_category(column)) is not None:
        name = category.replace("_", " ")
        return Measure(
            column,
            f"'{name}' framing per 1k words",
            f"'{name}' framing terms per 1,000 words",
            f"use more '{name}' framing terms",
            f"use fewer '{name}' framing terms",
            PER_1K,
            FRAMING_LIMITS,
            f"How often the article uses loaded '{name}' words, per 1,000 words.",
        )
    if (found_class := cue_class(column)) is not None:
        cue_class_name = found_class.replace("_", " ")
        return Measure(
            column,
            f"'{cue_class_name}' cue verbs",
            f"share of '{cue_class_name}' cue verbs",
            f"use more '{cue_class_name}' cue verbs",
            f"use fewer '{cue_class_name}' cue verbs",
            SHARE_OF_ATTRIBUTIONS,
            MEASURES["cue_class"].method,
            MEASURES["cue_class"].plain,
        )
    name = column.replace("_", " ")
    return Measure(
        column,
        name[:1].upper() + name[1:],
        name,
        f"score higher on {name}",
        f"score lower on {name}",
        "",
        "Counted per article from the stored scores.",
    )


def label(column: str) -> str:
    """The short display label of ``column`` ("Sentiment", "Hedges per 1k words")."""
    return measure(column).label
