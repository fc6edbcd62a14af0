"""Article reader: one article with every piece of evidence behind its scores marked.

The article comes from ``?article=<id>`` or the picker of filtered articles;
previous/next walk the current filter in reading order (date, then id).
"""

from __future__ import annotations

import re
from datetime import datetime

import streamlit as st

from analysis.compare import article_reads
from analysis.measures import registry
from dashboard import cache, classroom, components, sidebar, url_state
from dashboard.highlight import category_palette, render_article_html, render_legend

ARTICLE_KEY = "article"  # session state key and URL param of the chosen article
_MODES = ("names", "letters")


def _date(value) -> str:
    if value is None or value != value:  # None or NaT
        return "undated"
    return value.strftime("%Y-%m-%d") if isinstance(value, datetime) else str(value)[:10]


def _option_label(row, outside: bool = False) -> str:
    # Plain text: a selectbox renders its labels as text, never as HTML or markdown.
    title = (row["title"] or "(untitled)").replace("\n", " ")
    title = title if len(title) <= 90 else title[:89] + "…"
    text = f"{_date(row['published'])} — {classroom.label(row['outlet'])} — {title}"
    return text + ("  (outside the current filter)" if outside else "")


def picker_key(key: str) -> str:
    """The selectbox key for the choice stored under ``key``.

    It differs between shown and hidden outlet names: when only a selectbox's option
    labels change, the browser keeps showing the old text of the selected option (an
    outlet name after "Hide outlet names"), while a new key draws a new widget.
    """
    return f"{key}__{_MODES[classroom.names_hidden()]}"


def forget_picker(key: str) -> None:
    """Drop a choice and its selectboxes' state (both modes)."""
    for name in (key, *(f"{key}__{mode}" for mode in _MODES)):
        st.session_state.pop(name, None)


def pick_article(container, label: str, key: str, ids: list[str], labels: dict, **kwargs):
    """A selectbox of ``ids`` whose choice lives in ``st.session_state[key]``."""
    widget = picker_key(key)
    if st.session_state.get(widget) not in labels:
        st.session_state[widget] = st.session_state[key]
    choice = container.selectbox(
        label, ids, key=widget, format_func=lambda i: labels.get(i, i), **kwargs
    )
    st.session_state[key] = choice
    return choice


def _fmt(value, kind: str) -> str:
    if value is None or value != value:
        return "—"
    if kind == "signed":
        return f"{value:+.2f}"
    if kind == "share":
        return f"{value:.0%}"
    if kind == "int":
        return f"{int(value):,}"
    return f"{value:.1f}"


#: The scores shown as metrics: (score column, short label, format); the help text is the
#: measure's registry entry. Labels are short so six fit in a row.
METRICS = (
    ("sentiment", "Sentiment", "signed"),
    ("negative_share", "Negative", "share"),
    ("framing_per_1k", "Framing /1k", "rate"),
    ("attributions", "Attributions", "int"),
    ("anonymous_share", "Anonymous", "share"),
    ("hedges_per_1k", "Hedges /1k", "rate"),
)


def show_metrics(detail: dict, columns: int = 6) -> None:
    """The article's scores as metrics (``columns`` per row)."""
    rows = [METRICS[i : i + columns] for i in range(0, len(METRICS), columns)]
    for row in rows:
        for col, (key, label, kind) in zip(st.columns(columns), row, strict=False):
            described = registry.measure(key)
            help_text = f"**{described.label}.** {described.method}"
            col.metric(label, _fmt(detail.get(key), kind), help=help_text)


md = components.escape_md


def safe_url(url: str) -> str | None:
    """The article's URL if it is a plain http(s) link (a ``javascript:`` URL is not)."""
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s<>\"']+$", url, flags=re.IGNORECASE) else None


def file_stem(article_id: str) -> str:
    return "evidence_" + (re.sub(r"[^A-Za-z0-9_-]+", "_", article_id)[:48] or "article")


MARKS_EXPLAINED = f"""
**Coloured background** — a framing term: a word or phrase listed in the framing lexicon,
coloured by its category. {registry.FRAMING_LIMITS}

**Faint blue tint** — a statement attributed to someone; the **source** is underlined
and the **cue verb** ("said", "claimed", "slammed", "admitted") is boxed. Hover a mark for
its cue class and whether the source is anonymous. {registry.ATTRIBUTION_LIMITS}

**Dotted underline** — a hedge ("reportedly", "apparently"), from the hedge lexicon.

**Strip left of each sentence** — the sentence's VADER compound score, red for negative,
grey for neutral, green for positive. {registry.VADER_LIMITS}
"""


def explain_marks() -> None:
    with st.expander("What does this measure?"):
        st.markdown(MARKS_EXPLAINED)


def show_title(detail: dict, evidence, sentences, palette, heading_size: str = "1.6rem"):
    """The article's headline with its evidence marked.

    Rendered with ``st.html``, not ``st.markdown(unsafe_allow_html=True)``: the
    markup is built only from escaped pieces (dashboard.highlight), and st.html
    also passes it through DOMPurify, so a mistake in one layer is caught by the other.
    """
    title_html = render_article_html(
        detail["title"] or "(untitled)", evidence, sentences, field="title", palette=palette
    )
    st.html(
        f'<div class="slant-title" style="font-size: {heading_size}; font-weight: 600; '
        f'line-height: 1.3;">{title_html}</div>'
    )


def main() -> None:
    st.title("Article reader")
    status = cache.store_status()
    if status != "ready":
        st.info(
            "No articles to read yet. Create a store with "
            "`slant ingest data/sample --db data/slant.duckdb`, then reload."
            if status in ("missing", "empty")
            else "The store could not be opened (is another program writing to it?)."
        )
        return

    filters = sidebar.filters()
    listing = cache.run(article_reads.article_list, filters)
    wanted = st.query_params.get(ARTICLE_KEY)
    ids = list(listing["article_id"])
    labels = {row["article_id"]: _option_label(row) for _, row in listing.iterrows()}
    picked = st.session_state.get(picker_key(ARTICLE_KEY))
    if picked in labels:  # the user just chose it: prev/next are computed around it
        st.session_state[ARTICLE_KEY] = picked

    # An id from the URL (or a previous choice) outside the filtered list still opens.
    current = st.session_state.get(ARTICLE_KEY) or wanted
    if current and current not in labels:
        outside = cache.run(article_reads.article_detail, current)
        if outside is not None:
            ids.insert(0, current)
            labels[current] = _option_label(outside, outside=True)
    if not ids:
        components.nothing_selected()
        return
    url_state.url_choice(ARTICLE_KEY, ids, default=current if current in labels else ids[0])
    if st.session_state.get(ARTICLE_KEY) not in labels:
        st.session_state[ARTICLE_KEY] = ids[0]

    article_id = st.session_state[ARTICLE_KEY]
    around = cache.run(article_reads.neighbours, filters, article_id)

    def go(target: str) -> None:
        forget_picker(ARTICLE_KEY)
        st.session_state[ARTICLE_KEY] = target

    pick, prev_col, next_col = st.columns([6, 1.5, 1.5], vertical_alignment="bottom")
    article_id = pick_article(
        pick,
        "Article",
        ARTICLE_KEY,
        ids,
        labels,
        help="The articles of the current filter, oldest first (at most 2,000 listed).",
    )
    prev_col.button(
        "Previous",
        key="reader_previous",
        icon=":material/arrow_back:",
        disabled=around.previous is None,
        on_click=go,
        args=(around.previous,),
        width="stretch",
    )
    next_col.button(
        "Next",
        key="reader_next",
        icon=":material/arrow_forward:",
        disabled=around.next is None,
        on_click=go,
        args=(around.next,),
        width="stretch",
    )
    url_state.publish(ARTICLE_KEY)

    detail = cache.run(article_reads.article_detail, article_id)
    if detail is None:
        st.warning("That article is not in the store any more. Pick another one above.")
        return
    evidence = cache.run(article_reads.article_evidence, article_id)
    sentences = cache.run(article_reads.article_sentences, article_id)
    palette = category_palette(cache.run(article_reads.framing_categories))

    show_title(detail, evidence, sentences, palette)
    position = (
        f"article {around.position:,} of {around.total:,} in the current filter"
        if around.position
        else "outside the current filter"
    )
    meta = [
        f"**{md(classroom.label(detail['outlet']))}**",
        md(_date(detail["published"])),
    ]
    if detail["author"]:
        meta.append("by " + md(detail["author"]))
    if detail["section"]:
        meta.append("section: " + md(detail["section"]))
    meta.append(position)
    st.markdown(" · ".join(meta))
    url = safe_url(detail["url"])
    if url and not classroom.names_hidden():
        st.link_button("Open the original", url, icon=":material/open_in_new:")
    if detail.get("sentiment") is None and detail.get("words") is None:
        st.warning("This article has not been scored yet: run `slant analyze` on the store.")

    show_metrics(detail)

    st.subheader("Text with evidence")
    st.html(render_legend(list(palette), palette))
    with st.container(border=True):
        st.html(render_article_html(detail["text"], evidence, sentences, palette=palette))
    if detail.get("caption"):
        st.caption("Photo caption (not scored): " + md(detail["caption"]))
    explain_marks()

    st.subheader("Evidence")
    table = article_reads.evidence_table(evidence)
    if table.empty:
        st.info("No evidence in this article: no listed framing term, attribution or hedge.")
    else:
        components.n_badge(len(table), "evidence rows")
        components.table(table)
        components.csv_button(table, file_stem(article_id), label="Download evidence (CSV)")

    targets = cache.run(article_reads.article_targets, article_id)
    if not targets.empty:
        st.subheader("Sentiment toward targets")
        st.caption(
            "Toward the target: per mention, a model trained on NewsMTSC reads the words "
            "around the mention (P(positive) - P(negative), averaged over mentions). "
            "Sentence VADER: the mean score of the sentences mentioning it. Because: the "
            "words and [roles] that pushed its mean score most, summed over its mentions, "
            "(+) up, (-) down."
        )
        components.table(targets)


# Streamlit runs a page file as ``__main__``; the compare page imports the helpers above.
if __name__ == "__main__":
    main()
