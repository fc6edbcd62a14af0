"""Bias types: the kinds of media bias a reader can see, measured per outlet.

The names are AllSides' ("How to Spot 16 Types of Media Bias", allsides.com), the
typology teachers already use; the definitions, the exercises and the measures are
Slant's. Types made of words are the categories of ``data/lexicons/bias_types.csv``
(rates per 1,000 words, by default only in the outlet's own voice); types that are
not words come from other measures where Slant has one (negativity: sentiment;
omission of source attribution: anonymous sourcing), and say so where it has none.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analysis.compare import outlet_comparisons, queries, stats
from analysis.compare.queries import Filters

ALLSIDES = "AllSides, “How to Spot 16 Types of Media Bias” (allsides.com)"


@dataclass(frozen=True, slots=True)
class BiasType:
    """One type: ``key`` is a lexicon category (``measure`` empty), or ``measure`` is the
    score column it is read from, or both are empty when Slant does not measure it."""

    key: str
    name: str  # AllSides' name
    definition: str  # ours, in plain language
    exercise: str  # a classroom prompt
    how: str  # how Slant measures it, and the limits
    measure: str = ""
    words: bool = False
    family: str = ""  # a category_counts family whose counts, summed, make a rate
    category: str = ""  # with ``family``: only this category of it counts
    evidence_kind: str = ""  # the evidence kind of its examples (default: ``family``)


BIAS_TYPES: tuple[BiasType, ...] = (
    BiasType(
        "spin",
        "Spin",
        "Verbs and phrases that tell you how to take what someone said or did: criticism "
        "becomes an attack (“slammed”, “blasted”), a statement a doubtful “claim”, an answer "
        "an evasion (“dodged”), news an exposure (“came to light”).",
        "Find the verb that tells you how to feel about what someone said. Rewrite the "
        "sentence with “said” or “criticized”: what changes?",
        "Matches of the spin category of the bias-type lexicon, per 1,000 words.",
        words=True,
    ),
    BiasType(
        "sensationalism",
        "Sensationalism / emotionalism",
        "Words that dramatise: shock and disaster vocabulary (“bombshell”, “chaos”, "
        "“meltdown”), emotions stated as fact (“furious”), alarm (“spiraling out of "
        "control”).",
        "Which word in this sentence is there to make you feel something? Say the same "
        "fact in the calmest words you can.",
        "Matches of the sensationalism category, per 1,000 words.",
        words=True,
    ),
    BiasType(
        "subjective_qualifiers",
        "Subjective qualifying adjectives",
        "The writer's judgement inside the description: “bizarre”, “extreme”, "
        "“disastrous”, “obviously”, “baseless”, or flattery such as “brave”.",
        "Cross out every adjective and adverb that judges. Is the sentence still true? "
        "Who would disagree with the words you crossed out?",
        "Matches of the subjective-qualifier category, per 1,000 words.",
        words=True,
    ),
    BiasType(
        "mudslinging",
        "Mudslinging / ad hominem",
        "Attacks on a person instead of their argument: “liar”, “grifter”, “idiot”, "
        "“demagogue”, or a bigotry charge used as a label.",
        "Who is being called names here? What argument or act of theirs is not described?",
        "Matches of the mudslinging category, per 1,000 words.",
        words=True,
    ),
    BiasType(
        "loaded_labels",
        "Word choice: loaded labels",
        "Names for a group chosen by its opponents: “illegal aliens”, “radical left”, "
        "“woke mob”, “anti-vaxxers”, “gun grabbers”.",
        "What would the group call itself? Rewrite the sentence with that name.",
        "Matches of the loaded-labels category, per 1,000 words. The Word choice page "
        "compares outlets' choices between alternatives for the same thing.",
        words=True,
    ),
    BiasType(
        "unsubstantiated_claims",
        "Unsubstantiated claims",
        "Statements the outlet makes in its own voice, as fact or verdict, without saying "
        "who says so: “the plan failed to”, “it is clear that”, “the report shows that”.",
        "Find a sentence that states a conclusion but names no source. Who could the "
        "source be? How would you check it?",
        "Sentences per 1,000 words with a factive or evaluative cue (claims.csv) and no "
        "attribution, quotation mark or hedge. A cue is not a claim every time (“failed "
        "to” can be plain fact), and an attribution in the next sentence is not seen.",
        family="claim",
    ),
    BiasType(
        "negativity",
        "Negativity bias",
        "Telling the news with more negative than positive tone.",
        "Find the most negative sentence in this article. Is the negative tone in the "
        "facts or in the words?",
        "Share of an article's sentences with a negative VADER score (at most -0.05). "
        "Tone, not topic: a story about a disaster is negative however it is told.",
        measure="negative_share",
    ),
    BiasType(
        "omission_of_source_attribution",
        "Omission of source attribution",
        "Claims passed on without saying who made them: “officials said”, “critics say”, "
        "“sources told us”.",
        "Who said it? If the article does not say, how could you check the claim?",
        "Share of an article's attributions whose source is not named (anonymous "
        "sourcing). Claims with no attribution at all are not counted here.",
        measure="anonymous_share",
    ),
    BiasType(
        "mind_reading",
        "Mind reading",
        "Telling you what someone thinks, wants or fears, as if the writer could know.",
        "Find a sentence that says what someone believes or intends. How would the writer know?",
        "Attributions whose cue says what someone thinks, wants, hopes or fears "
        "(“believes”, “wants”, “is determined to”: the belief class of the cue lexicon), per "
        "1,000 words. The attribution rules find these cues (they miss about two thirds of "
        "them on annotated news, see the Methods page), and a belief the source stated "
        "themselves elsewhere is counted too: read the examples.",
        family="cue_class",
        category="belief",
        evidence_kind="attribution",
    ),
    BiasType(
        "story_choice",
        "Bias by story choice and placement",
        "Which stories an outlet covers, and which it leaves out or buries.",
        "Open the Stories page: which story did one outlet cover that another did not?",
        "Not a per-article rate: the Stories page lines up the same story across outlets "
        "and shows who covered it.",
    ),
)


def type_named(key: str) -> BiasType | None:
    return next((t for t in BIAS_TYPES if t.key == key), None)


def word_categories(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The word types the store has any match of (its lexicon may have none of them)."""
    stored = set(
        queries._query(
            con, "SELECT DISTINCT category FROM category_counts WHERE family = 'framing'", []
        )["category"]
    )
    return [t.key for t in BIAS_TYPES if t.words and t.key in stored]


def article_rates(
    con: duckdb.DuckDBPyConnection, filters: Filters, categories: tuple[str, ...], own_voice: bool
) -> pd.DataFrame:
    """One row per scored article with words: article_id, outlet, words, and per category
    its matches per 1,000 words (0 when none)."""
    chosen, params = queries._chosen(filters)
    family = "framing_own" if own_voice else "framing"
    articles = queries._query(
        con,
        f"""WITH {chosen}
        SELECT c.article_id, c.outlet, s.words
        FROM chosen c JOIN scores s USING (article_id) WHERE s.words > 0""",
        params,
    )
    counts = queries._query(
        con,
        f"""WITH {chosen}
        SELECT k.article_id, k.category, k.count
        FROM category_counts k JOIN chosen c USING (article_id)
        WHERE k.family = ? AND list_contains(?, k.category)""",
        [*params, family, list(categories)],
    )
    wide = counts.pivot_table(
        index="article_id", columns="category", values="count", aggfunc="sum", fill_value=0
    )
    wide = wide.reindex(index=articles["article_id"], columns=list(categories), fill_value=0)
    rates = articles.reset_index(drop=True)
    for category in categories:
        rates[category] = wide[category].to_numpy() * 1000.0 / rates["words"].to_numpy()
    return rates


def family_rates(
    con: duckdb.DuckDBPyConnection, filters: Filters, family: str, category: str = ""
) -> pd.DataFrame:
    """One row per scored article with words: article_id, outlet, words, rate (all the
    ``family`` counts of the article, or only those of ``category``, per 1,000 words).
    Empty when no article of the store has such a count (scored before it existed)."""
    chosen, params = queries._chosen(filters)
    frame = queries._query(
        con,
        f"""WITH {chosen},
        counts AS (
            SELECT k.article_id, sum(k.count) AS n FROM category_counts k
            JOIN chosen c USING (article_id)
            WHERE k.family = ? AND (? = '' OR k.category = ?) GROUP BY k.article_id)
        SELECT c.article_id, c.outlet, s.words,
               coalesce(n.n, 0) * 1000.0 / s.words AS rate
        FROM chosen c JOIN scores s USING (article_id) LEFT JOIN counts n USING (article_id)
        WHERE s.words > 0 AND EXISTS (
            SELECT 1 FROM category_counts WHERE family = ? AND (? = '' OR category = ?))""",
        [*params, family, category, category, family, category, category],
    )
    return frame


def type_estimates(
    con: duckdb.DuckDBPyConnection, filters: Filters, own_voice: bool = True
) -> pd.DataFrame:
    """Each outlet's mean per article for every measured bias type, with a 95% interval:
    bias_type, outlet, n, estimate, ci_low, ci_high, unit."""
    parts = []
    categories = tuple(word_categories(con))
    if categories:
        rates = article_rates(con, filters, categories, own_voice)
        for category in categories:
            estimates = stats.group_estimates(rates, category, group="outlet")
            parts.append(estimates.assign(bias_type=category, unit="per 1,000 words"))
    for bias_type in BIAS_TYPES:
        if bias_type.family:
            rates = family_rates(con, filters, bias_type.family, bias_type.category)
            if not rates.empty:
                estimates = stats.group_estimates(rates, "rate", group="outlet")
                parts.append(estimates.assign(bias_type=bias_type.key, unit="per 1,000 words"))
        if bias_type.measure:
            estimates = outlet_comparisons.outlet_estimates(con, filters, bias_type.measure)
            parts.append(estimates.assign(bias_type=bias_type.key, unit="share"))
    columns = ["bias_type", "outlet", "n", "estimate", "ci_low", "ci_high", "unit"]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(parts, ignore_index=True).rename(columns={"group": "outlet"})
    return frame[columns]


def type_examples(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    category: str,
    own_voice: bool = True,
    limit: int = 3,
    kind: str = "framing",
) -> pd.DataFrame:
    """Up to ``limit`` sentences with a match of ``category``, each from another article,
    spread over the outlets: article_id, outlet, title, sentence, term, term_start,
    term_end (the match's offsets in the sentence)."""
    chosen, params = queries._chosen(filters)
    return queries._query(
        con,
        f"""WITH {chosen},
        hits AS (
            SELECT e.article_id, c.outlet, c.title, e.text AS term,
                   e.start - se.start AS term_start, e."end" - se.start AS term_end,
                   substring(a.text, se.start + 1, se."end" - se.start) AS sentence,
                   row_number() OVER (PARTITION BY e.article_id ORDER BY e.start) AS nth
            FROM evidence e JOIN chosen c USING (article_id) JOIN articles a USING (article_id)
            JOIN sentences se ON se.article_id = e.article_id AND se.field = 'text'
                             AND se.idx = e.sentence
            WHERE e.kind = ? AND e.field = 'text' AND (e.label = ? OR ? = 'claim')
              AND (? OR e.voice = 'own' OR e.kind <> 'framing')),
        ranked AS (
            SELECT *, row_number() OVER (PARTITION BY outlet ORDER BY hash(article_id))
                       AS in_outlet
            FROM hits WHERE nth = 1)
        SELECT article_id, outlet, title, sentence, term, term_start, term_end
        FROM ranked ORDER BY in_outlet, hash(article_id) LIMIT {int(limit)}""",
        [*params, kind, category, kind, not own_voice],
    )
