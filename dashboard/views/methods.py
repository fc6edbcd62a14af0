"""Methods: for every measure, what it is, how Slant computes it, where it fails, its
benchmark figures on public annotated corpora (from ``docs/validity.md``, read when the
page runs) and whether it has been validated on this corpus. Classroom mode shows the
plain-language version."""

from __future__ import annotations

import streamlit as st

from analysis.measures.registry import ATTRIBUTION_LIMITS, FRAMING_LIMITS, VADER_LIMITS
from analysis.report.validity_doc import read_validity
from dashboard import classroom, validation_note

#: (title, evidence kind validated on the Validate page or None, validity.md section
#: prefix, definition, computation, limits, plain-language version)
METHODS = (
    (
        "Sentiment (VADER)",
        None,
        "Sentiment",
        "How positive or negative the words of each sentence are, from -1 to +1.",
        "VADER's compound score per sentence (headline apart); per article the mean over "
        "the body's sentences and the shares of sentences at or below -0.05 (negative) and "
        "at or above +0.05 (positive).",
        VADER_LIMITS,
        "Every word has a score for how positive or negative it sounds; a sentence's "
        'score adds them up with a few rules ("not good" is negative). An article\'s '
        "score is the average of its sentences.",
    ),
    (
        "Target sentiment",
        "target",
        "Target sentiment",
        "How positive or negative the sentences that mention a named target (a person, "
        "party, country) are.",
        "A mention is a name or alias from the targets lexicon; the target's score in an "
        "article is the mean VADER compound of the sentences that mention it.",
        "The sentence's tone is not necessarily the tone toward the target: in \"X "
        'condemned the attack" the sentence is negative, X is not criticised. ' + VADER_LIMITS,
        "We find the sentences that name a person or group and average how positive or "
        "negative those sentences sound.",
    ),
    (
        "Framing terms (loaded language)",
        "framing",
        "Loaded language",
        "Words and phrases from the framing lexicon, each with a category and a note on "
        "why it is loaded.",
        "Lexicon patterns matched on word boundaries (a lone * is a gap of 0-4 words, a "
        "trailing * any ending); overlaps resolve to the longest match; rates per 1,000 "
        "words of the body.",
        FRAMING_LIMITS,
        "We keep a list of loaded words (like 'regime' instead of 'government') and count "
        "how often each outlet uses them.",
    ),
    (
        "Attribution",
        "attribution",
        "Attribution",
        "Who is quoted or paraphrased, with which cue verb (said, claimed, slammed), "
        "directly or indirectly, named or anonymous.",
        "Rules over the text: quotation marks, cue verbs from the cues lexicon with their "
        "stance class, 'according to', inverted and parenthetical forms; the source phrase "
        "is linked to a canonical speaker.",
        ATTRIBUTION_LIMITS,
        "We look for sentences where the article says someone said something, and note "
        "who it was and which verb introduced it ('said' sounds neutral, 'claimed' "
        "doubtful).",
    ),
    (
        "Hedges",
        "hedge",
        "Hedges",
        "Words that signal doubt or distance: reportedly, apparently, allegedly.",
        "Hedge lexicon patterns, matched like framing terms; rates per 1,000 words.",
        "A listed word counts whatever its context; hedges phrased otherwise are missed.",
        "We count words that show the writer is not sure, like 'reportedly'.",
    ),
)


def main() -> None:
    st.title("Methods")
    doc = read_validity()
    plain_words = classroom.is_on()
    if plain_words:
        st.info(
            "Plain-language version (classroom mode). Turn classroom mode off in the sidebar "
            "for the technical one.",
            icon=":material/school:",
        )
    elif doc is not None and doc.intro:
        st.markdown(doc.intro)
    if doc is None:
        st.warning(
            "The benchmark document (docs/validity.md) is not part of this installation, so "
            "the figures on public corpora cannot be shown here. Read it in the project's "
            "repository, or point the SLANT_VALIDITY_DOC environment variable at a copy."
        )
    shown: set[str] = set()
    for title, kind, prefix, definition, computation, limits, plain in METHODS:
        st.header(title)
        if plain_words:
            st.markdown(plain)
        else:
            st.markdown(f"**What it is.** {definition}")
            st.markdown(f"**How it is computed.** {computation}")
            st.markdown(f"**Limits.** {limits}")
        if kind:
            validation_note.show(kind)
        section = doc.section(prefix) if doc else None
        if section is not None and section[1].lower().startswith("not measured yet"):
            shown.add(section[0])
            section = None
        if section is None:
            st.caption("No benchmark on a public annotated corpus yet.")
            continue
        heading, body = section
        shown.add(heading)
        if plain_words:
            st.caption(f"How well it agrees with people on a public corpus: {heading}.")
            with st.expander("The figures"):
                st.markdown(body)
        else:
            st.markdown(f"**Benchmark: {heading}**")
            with st.container(border=True):
                st.markdown(body)
    others = {t: b for t, b in (doc.sections.items() if doc else []) if t not in shown}
    if others:
        st.header("Other benchmarks")
        for heading, body in others.items():
            st.subheader(heading)
            st.markdown(body)
    if doc is not None:
        st.caption(f"Benchmark figures read from {doc.origin} when this page ran.")


if __name__ == "__main__":
    main()
