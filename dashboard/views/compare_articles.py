"""Classroom "Compare two articles": two outlets' pieces on the same event, side by side.

By default the first articles of two outlets on the most widely covered event
(``event_id``) within the filter; the event and both articles can be changed.
The summary of differences comes from ``analysis.compare.article_reads.compare_summary``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.compare import article_reads
from analysis.measures import registry
from dashboard import cache, classroom, components, sidebar, url_state
from dashboard.highlight import category_palette, render_article_html, render_legend
from dashboard.views.reader import (
    METRICS,
    _date,
    _fmt,
    _option_label,
    explain_marks,
    forget_picker,
    md,
    pick_article,
    show_title,
)

EVENT_KEY, LEFT_KEY, RIGHT_KEY = "event", "article_a", "article_b"
ANY_EVENT = ""  # the event picker's "no event: any two articles" choice
NAMES = ("Article A", "Article B")


def _reset_articles() -> None:
    # A new event: both pickers go back to that event's default pair.
    for key in (LEFT_KEY, RIGHT_KEY):
        forget_picker(key)


def choose_event(filters):
    """The event picker; returns the event's (or all filtered) articles, in reading order."""
    events = cache.run(article_reads.shared_events, filters)
    options = [ANY_EVENT, *events["event_id"]]
    titles = {
        row["event_id"]: f"{row['title'] or row['event_id']} — {row['outlets']} outlets, "
        f"{row['articles']} articles"
        for _, row in events.iterrows()
    }
    titles[ANY_EVENT] = "Any two articles (not tied to one event)"
    default = events["event_id"].iloc[0] if not events.empty else ANY_EVENT
    url_state.url_choice(EVENT_KEY, options, default=default)
    if st.session_state.get(EVENT_KEY) not in titles:
        st.session_state[EVENT_KEY] = default
    event = st.selectbox(
        "Event",
        options,
        key=EVENT_KEY,
        format_func=lambda e: titles.get(e, e),
        on_change=_reset_articles,
        help="Events are stories that several outlets covered (the corpus's event_id).",
    )
    if event == ANY_EVENT:
        return cache.run(article_reads.article_list, filters)
    return cache.run(article_reads.event_articles, filters, event)


def score_table(details: list[dict]) -> pd.DataFrame:
    """The two articles' stored scores side by side, formatted for reading."""
    rows = []
    for key, _short, kind in METRICS:
        label = registry.label(key)
        rows.append(
            {
                "Measure": label,
                **{n: _fmt(d.get(key), kind) for n, d in zip(NAMES, details, strict=True)},
            }
        )
    return pd.DataFrame(rows)


def show_side(column, name: str, detail: dict, evidence, sentences, palette) -> None:
    with column:
        st.subheader(name)
        st.markdown(
            f"**{md(classroom.label(detail['outlet']))}** · " + md(_date(detail["published"]))
        )
        show_title(detail, evidence, sentences, palette, heading_size="1.25rem")
        with st.container(height=560, border=True):
            st.html(render_article_html(detail["text"], evidence, sentences, palette=palette))


def main() -> None:
    st.title("Compare two articles")
    st.caption(
        "Two outlets report the same event. Which words did each choose, whom did each "
        "quote, and how?"
    )
    if cache.store_status() != "ready":
        st.info("No articles yet: load some with `slant ingest` first.")
        return
    if classroom.is_on():
        revealed = st.session_state.get("reveal_names", False)
        if st.button(
            "Hide outlet names" if revealed else "Reveal outlet names",
            icon=":material/visibility:",
            key="compare_reveal",
        ):
            st.session_state["reveal_names"] = not revealed
            st.rerun()

    filters = sidebar.filters()
    listing = choose_event(filters)
    pair = article_reads.pair_from(listing)
    if pair is None:
        components.nothing_selected("Fewer than two articles match the current filters.")
        return
    ids = list(listing["article_id"])
    labels = {row["article_id"]: _option_label(row) for _, row in listing.iterrows()}
    first, second = pair
    url_state.url_choice(LEFT_KEY, ids, default=first)
    url_state.url_choice(RIGHT_KEY, ids, default=second)
    for key, fallback in ((LEFT_KEY, first), (RIGHT_KEY, second)):
        if st.session_state.get(key) not in labels:
            st.session_state[key] = fallback

    left_pick, right_pick = st.columns(2)
    left_id = pick_article(left_pick, NAMES[0], LEFT_KEY, ids, labels)
    right_id = pick_article(right_pick, NAMES[1], RIGHT_KEY, ids, labels)
    url_state.publish(EVENT_KEY, LEFT_KEY, RIGHT_KEY)
    if left_id == right_id:
        st.warning("Both sides show the same article: pick a different one for Article B.")

    details = [cache.run(article_reads.article_detail, i) for i in (left_id, right_id)]
    if any(d is None for d in details):
        st.warning("One of these articles is not in the store any more. Pick another one.")
        return
    palette = category_palette(cache.run(article_reads.framing_categories))

    st.subheader("What differs")
    summary = cache.run(article_reads.compare_summary, left_id, right_id, NAMES)
    if summary:
        # Sentences quote article words (untrusted): escaped for markdown.
        st.markdown("\n".join(f"- {md(line)}" for line in summary))
    else:
        st.info("No difference in the measured evidence.")

    st.subheader("Scores")
    components.table(score_table(details))

    st.subheader("The two texts")
    st.html(render_legend(list(palette), palette))
    columns = st.columns(2, gap="large")
    for column, name, article_id, detail in zip(
        columns, NAMES, (left_id, right_id), details, strict=True
    ):
        evidence = cache.run(article_reads.article_evidence, article_id)
        sentences = cache.run(article_reads.article_sentences, article_id)
        show_side(column, name, detail, evidence, sentences, palette)
    explain_marks()


if __name__ == "__main__":
    main()
