"""Specification of the evidence highlighter: marks, nesting, escaping, paragraphs, legend."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd

from analysis.records import Evidence, SentenceScore
from dashboard.highlight import (
    FRAMING_PALETTE,
    category_palette,
    render_article_html,
    render_legend,
    sentiment_colour,
)

HOSTILE = "Intro. <script>alert(1)</script> and <img src=x onerror=alert(1)> end."


class _Tree(HTMLParser):
    """Collects elements with their attributes and the text directly under marks."""

    VOID = {"br", "img", "hr", "meta", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.elements: list[tuple[str, dict]] = []
        self.balanced = True
        self.text_by_kind: dict[str, str] = {}
        self.plain = []

    def handle_starttag(self, tag, attrs):
        entry = (tag, dict(attrs))
        self.elements.append(entry)
        if tag not in self.VOID:
            self.stack.append(entry)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.balanced = False
            return
        self.stack.pop()

    def handle_data(self, data):
        self.plain.append(data)
        for _, attrs in self.stack:
            kind = attrs.get("data-kind")
            if kind:
                self.text_by_kind[kind] = self.text_by_kind.get(kind, "") + data


def parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(markup)
    tree.close()
    return tree


def framing(text, start, end, label="war", field="text"):
    return Evidence("a1", field, "framing", label, start, end, text[start:end], pattern="x*")


def test_framing_term_is_wrapped_in_a_mark_with_its_category_colour():
    text = "The assassination shocked the region."
    html = render_article_html(text, [framing(text, 4, 17)], [], palette={"war": "#E69F00"})
    tree = parse(html)
    assert tree.text_by_kind == {"framing": "assassination"}
    (mark,) = [attrs for tag, attrs in tree.elements if attrs.get("data-kind") == "framing"]
    assert mark["data-category"] == "war"
    assert "rgba(230, 159, 0" in mark["style"]


def test_framing_tooltip_names_category_and_pattern():
    text = "The assassination shocked the region."
    html = render_article_html(text, [framing(text, 4, 17)], [])
    (mark,) = [a for _, a in parse(html).elements if a.get("data-kind") == "framing"]
    assert "category: war" in mark["title"]
    assert "'x*'" in mark["title"]


def test_hedge_is_marked_with_a_dotted_underline():
    text = "Troops reportedly crossed the border."
    row = Evidence("a1", "text", "hedge", "hearsay", 7, 17, "reportedly")
    tree = parse(render_article_html(text, [row], []))
    (mark,) = [a for _, a in tree.elements if a.get("data-kind") == "hedge"]
    assert tree.text_by_kind["hedge"] == "reportedly"
    assert "dotted" in mark["style"]
    assert "Hedge" in mark["title"]


def attribution(text):
    """'Officials claimed the strike was illegal.' with source and cue offsets."""
    return Evidence(
        "a1",
        "text",
        "attribution",
        "distancing",
        0,
        len(text) - 1,
        text[: len(text) - 1],
        source="Officials",
        cue="claimed",
        cue_class="distancing",
        quote_type="indirect",
        anonymous=True,
        source_start=0,
        source_end=9,
        cue_start=10,
        cue_end=17,
    )


def test_attribution_marks_source_cue_and_quote_distinctly():
    text = "Officials claimed the strike was illegal."
    tree = parse(render_article_html(text, [attribution(text)], []))
    assert tree.text_by_kind["source"] == "Officials"
    assert tree.text_by_kind["cue"] == "claimed"
    assert tree.text_by_kind["quote"] == "Officials claimed the strike was illegal"
    styles = {a["data-kind"]: a["style"] for _, a in tree.elements if "data-kind" in a}
    assert "underline" in styles["source"]
    assert "outline" in styles["cue"] and "font-weight: 700" in styles["cue"]
    assert "background" in styles["quote"]


def test_attribution_tooltip_says_cue_class_and_anonymous():
    text = "Officials claimed the strike was illegal."
    tree = parse(render_article_html(text, [attribution(text)], []))
    titles = {a["data-kind"]: a["title"] for _, a in tree.elements if "data-kind" in a}
    assert "cue class: distancing" in titles["quote"]
    assert "anonymous source" in titles["quote"]
    assert "anonymous" in titles["source"]


def test_framing_inside_an_attribution_nests_inside_the_quote_mark():
    text = "Officials claimed the strike was illegal."
    rows = [attribution(text), framing(text, 33, 40, label="law")]
    html = render_article_html(text, rows, [])
    tree = parse(html)
    assert tree.balanced
    assert tree.text_by_kind["framing"] == "illegal"
    # the quote tint spans the framing term: the framing span opens inside the quote span
    assert re.search(r'data-kind="quote"[^>]*>[^<]*<span[^>]*data-kind="framing"', html)


def test_partially_overlapping_marks_split_into_well_formed_segments():
    text = "alpha beta gamma delta"
    rows = [framing(text, 0, 10, "one"), framing(text, 6, 16, "two")]
    tree = parse(render_article_html(text, rows, []))
    assert tree.balanced
    categories = [a["data-category"] for _, a in tree.elements if a.get("data-kind") == "framing"]
    # "alpha " (one) | "beta" (one+two) | " gamma" (two)
    assert categories.count("one") == 2 and categories.count("two") == 2
    assert "".join(tree.plain) == text


def test_innermost_mark_tooltip_lists_every_active_mark():
    text = "alpha beta gamma delta"
    rows = [framing(text, 0, 10, "one"), framing(text, 6, 16, "two")]
    tree = parse(render_article_html(text, rows, []))
    titles = [a["title"] for _, a in tree.elements if a.get("data-kind") == "framing"]
    assert any("one" in t and "two" in t for t in titles)


def test_rows_of_the_other_field_are_ignored():
    text = "War in the title and the body."
    rows = [framing(text, 0, 3, field="title")]
    assert "data-kind" not in render_article_html(text, rows, [], field="text")
    assert 'data-kind="framing"' in render_article_html(text, rows, [], field="title")


def test_out_of_range_or_empty_spans_are_skipped():
    text = "Short text."
    rows = [framing(text, 5, 500), framing(text, 3, 3), framing(text, 8, 2)]
    tree = parse(render_article_html(text, rows, []))
    assert tree.balanced
    assert tree.text_by_kind == {"framing": " text."}


def test_hostile_markup_in_text_comes_out_escaped():
    html = render_article_html(HOSTILE, [], [])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "".join(parse(html).plain) == HOSTILE


def test_no_unescaped_event_handler_attribute_survives():
    html = render_article_html(HOSTILE, [framing(HOSTILE, 7, 15)], [])
    # every "onerror=" sits in text, i.e. after an escaped "&lt;img", never inside a tag
    for tag in re.findall(r"<[^>]*>", html):
        assert "onerror" not in tag.lower()
        assert "<script" not in tag.lower()


def test_hostile_labels_and_patterns_are_escaped_in_attributes():
    text = "A term here."
    row = Evidence(
        "a1", "text", "framing", '"><script>x</script>', 2, 6, "term", pattern='" onmouseover="x'
    )
    html = render_article_html(text, [row], [])
    tree = parse(html)
    assert [t for t, _ in tree.elements].count("script") == 0
    assert all("onmouseover" not in attrs for _, attrs in tree.elements)


def test_paragraphs_are_preserved_as_blocks():
    text = "First paragraph.\n\nSecond paragraph.\nThird line."
    tree = parse(render_article_html(text, [], []))
    paragraphs = [a for t, a in tree.elements if a.get("class") == "slant-paragraph"]
    assert len(paragraphs) == 3


def test_each_sentence_gets_a_strip_coloured_by_its_compound():
    text = "Awful attack. Lovely day."
    sentences = [SentenceScore("text", 0, 0, 13, -0.8), SentenceScore("text", 1, 14, 25, 0.7)]
    tree = parse(render_article_html(text, [], sentences))
    strips = [a for _, a in tree.elements if a.get("class") == "slant-sentence"]
    assert [s["data-compound"] for s in strips] == ["-0.8000", "0.7000"]
    assert sentiment_colour(-0.8) in strips[0]["style"]
    assert sentiment_colour(0.7) in strips[1]["style"]
    assert "-0.80" in strips[0]["title"]


def test_sentence_scores_from_a_store_frame_are_accepted():
    text = "Awful attack. Lovely day."
    frame = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1"],
            "field": ["text", "text", "title"],
            "idx": [0, 1, 0],
            "start": [0, 14, 0],
            "end": [13, 25, 5],
            "compound": [-0.8, 0.7, 0.1],
        }
    )
    tree = parse(render_article_html(text, pd.DataFrame(), frame))
    strips = [a for _, a in tree.elements if a.get("class") == "slant-sentence"]
    assert len(strips) == 2


def test_sentiment_colour_runs_from_red_through_grey_to_green():
    assert sentiment_colour(-1.0) == "#d55e00"
    assert sentiment_colour(0.0) == "#b0b0b0"
    assert sentiment_colour(1.0) == "#009e73"
    assert sentiment_colour(None) == "transparent"


def test_evidence_frame_with_missing_values_is_accepted():
    text = "Officials claimed the strike was illegal."
    frame = pd.DataFrame([framing(text, 33, 40).as_dict(), attribution(text).as_dict()])
    frame["source_start"] = frame["source_start"].astype("Int64")
    tree = parse(render_article_html(text, frame, []))
    assert tree.balanced
    assert set(tree.text_by_kind) == {"framing", "quote", "source", "cue"}


def test_palette_is_stable_and_independent_of_input_order():
    assert category_palette(["war", "crime", "law"]) == category_palette(["law", "war", "crime"])
    assert category_palette(["a"])["a"] == FRAMING_PALETTE[0]


def test_legend_has_a_swatch_per_category_and_each_mark_kind():
    html = render_legend(["war", "crime"])
    tree = parse(html)
    text = "".join(tree.plain)
    for label in ("war", "crime", "source", "cue", "hedge", "attributed statement", "negative"):
        assert label in text


def test_legend_escapes_category_names():
    html = render_legend(["<script>x</script>"])
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_categories_beyond_the_palette_get_another_underline_style():
    categories = [f"c{i:02d}" for i in range(len(FRAMING_PALETTE) + 1)]
    palette = category_palette(categories)
    text = "first last"
    rows = [framing(text, 0, 5, "c00"), framing(text, 6, 10, categories[-1])]
    marks = [a for _, a in parse(render_article_html(text, rows, [], palette=palette)).elements]
    styles = {a["data-category"]: a["style"] for a in marks if a.get("data-kind") == "framing"}
    assert palette["c00"] == palette[categories[-1]]
    assert "solid" in styles["c00"] and "dashed" in styles[categories[-1]]
