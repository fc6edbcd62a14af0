"""Article text as HTML with its evidence spans marked, built only from escaped pieces.

Article text is untrusted (it comes from whatever files or sites a user ingested),
so every character of it, and every value that ends up in an attribute (labels,
patterns, sources), goes through :func:`html.escape`. The only markup in the
output is the markup written in this module. Pages render the result with
``st.html``, which additionally runs it through DOMPurify: two independent
layers, so one mistake in either does not execute an article's script.

How overlapping evidence is drawn: every mark's start and end is a cut point;
the text between two consecutive cut points is one segment, drawn inside one
nested ``<span>`` per mark active over it (outermost = widest kind: the quote
tint, then source/cue, hedge, framing). Nesting is therefore always well formed,
however attributions and framing terms overlap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

__all__ = [
    "BIAS_TYPE_PALETTE",
    "FRAMING_PALETTE",
    "category_palette",
    "render_article_html",
    "render_legend",
    "sentiment_colour",
]

#: Okabe-Ito colours (distinguishable with the common colour-vision deficiencies),
#: in the order categories receive them. Yellow last: it is the faintest on white.
FRAMING_PALETTE = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#009E73",  # bluish green
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#999999",  # grey
    "#F0E442",  # yellow
)

#: The bias-type families (data/lexicons/bias_types.csv) in colours of their own, from
#: Paul Tol's "muted" and "vibrant" schemes (made for the common colour-vision deficiencies),
#: drawn with a thicker underline so they stand apart from the conflict-news frames.
BIAS_TYPE_PALETTE = {
    "spin": "#882255",  # wine
    "sensationalism": "#EE3377",  # magenta (Tol "vibrant")
    "subjective_qualifiers": "#332288",  # indigo
    "mudslinging": "#999933",  # olive
    "loaded_labels": "#117733",  # green
}

# Sentence strip: vermillion for negative, grey for neutral, bluish green for
# positive (Okabe-Ito again, so the two ends differ in lightness, not only hue).
_NEGATIVE = (0xD5, 0x5E, 0x00)
_NEUTRAL = (0xB0, 0xB0, 0xB0)
_POSITIVE = (0x00, 0x9E, 0x73)

_QUOTE_TINT = "rgba(86, 180, 233, 0.10)"
_SOURCE_STYLE = "text-decoration: underline 2px; text-underline-offset: 3px;"
_CUE_STYLE = (
    "font-weight: 700; outline: 1.5px solid currentColor; border-radius: 3px; padding: 0 2px;"
)
_HEDGE_STYLE = "text-decoration: underline dotted 2px; text-underline-offset: 4px;"

# Outermost first: a quote contains its source and cue, which may contain framing terms.
_LAYERS = {"quote": 0, "source": 1, "cue": 2, "hedge": 3, "framing": 4}


def category_palette(categories: Iterable[str]) -> dict[str, str]:
    """Colour per framing category, stable for a given set of categories.

    Categories are sorted before colours are handed out, so the same lexicon gives
    the same colours on every page and in both columns of a comparison; pages pass
    every category in the store, not only those one article happens to use. The
    bias-type families keep their own colours (:data:`BIAS_TYPE_PALETTE`) and come last.

    >>> category_palette(["war", "spin", "crime"])
    {'crime': '#E69F00', 'war': '#56B4E9', 'spin': '#882255'}
    """
    unique = sorted({str(c) for c in categories if c is not None and str(c) != ""})
    frames = [c for c in unique if c not in BIAS_TYPE_PALETTE]
    palette = {c: FRAMING_PALETTE[i % len(FRAMING_PALETTE)] for i, c in enumerate(frames)}
    palette.update({c: BIAS_TYPE_PALETTE[c] for c in BIAS_TYPE_PALETTE if c in unique})
    return palette


_BORDER_STYLES = ("solid", "dashed", "dotted", "double")


def _framing_style(category: str, palette: Mapping[str, str]) -> str:
    """Background tint and underline for a category. Beyond eight categories colours
    repeat, so each round of the palette gets another underline style (solid, dashed...)."""
    colour = palette.get(category, FRAMING_PALETTE[-2])
    if category in BIAS_TYPE_PALETTE:
        return (
            f"background: {_hex_to_rgba(colour, 0.22)}; "
            f"border-bottom: 3px solid {colour}; border-radius: 2px;"
        )
    names = [c for c in palette if c not in BIAS_TYPE_PALETTE]
    round_ = names.index(category) // len(FRAMING_PALETTE) if category in names else 0
    border = _BORDER_STYLES[round_ % len(_BORDER_STYLES)]
    width = 3 if border == "double" else 2
    return (
        f"background: {_hex_to_rgba(colour, 0.32)}; "
        f"border-bottom: {width}px {border} {colour}; border-radius: 2px;"
    )


def sentiment_colour(compound: float | None) -> str:
    """CSS colour for a sentence's VADER compound: vermillion (-1) to grey (0) to green (+1)."""
    if compound is None or (isinstance(compound, float) and math.isnan(compound)):
        return "transparent"
    c = max(-1.0, min(1.0, float(compound)))
    end = _NEGATIVE if c < 0 else _POSITIVE
    # A square-root ramp keeps mildly toned sentences visibly coloured.
    t = math.sqrt(abs(c))
    rgb = (round(n + (e - n) * t) for n, e in zip(_NEUTRAL, end, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _hex_to_rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    kind: str  # one of _LAYERS
    title: str  # plain text; escaped when written
    style: str  # built here from constants and palette colours, never from input
    category: str = ""


def _records(rows) -> list[dict]:
    """Evidence/sentence rows as plain dicts, whatever container they came in."""
    if rows is None:
        return []
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):  # a DataFrame
        rows = rows.to_dict("records")
    out = []
    for row in rows:
        if isinstance(row, Mapping):
            out.append(dict(row))
        elif hasattr(row, "as_dict"):
            out.append(row.as_dict())
        else:
            out.append({k: getattr(row, k) for k in getattr(row, "__slots__", ())})
    return out


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN / pandas NA
    except (TypeError, ValueError):
        return True


def _int(value) -> int | None:
    if _missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _str(value) -> str:
    return "" if _missing(value) else str(value)


def _valid_span(start, end, length: int) -> tuple[int, int] | None:
    start, end = _int(start), _int(end)
    if start is None or end is None:
        return None
    start, end = max(0, start), min(length, end)
    return (start, end) if start < end else None


def _anonymous_phrase(value) -> str:
    if _missing(value):
        return ""
    return "anonymous source" if bool(value) else "named source"


def _marks(text: str, rows: list[dict], palette: Mapping[str, str]) -> list[_Mark]:
    marks: list[_Mark] = []
    length = len(text)
    for row in rows:
        kind = _str(row.get("kind"))
        span = _valid_span(row.get("start"), row.get("end"), length)
        if span is None:
            continue
        label = _str(row.get("label"))
        pattern = _str(row.get("pattern"))
        if kind == "framing":
            style = _framing_style(label, palette)
            title = f"Framing term, category: {label}"
            if pattern:
                title += f" (lexicon pattern '{pattern}')"
            voice = _str(row.get("voice"))
            if voice == "attributed":
                title += "; inside a quote or paraphrase: a source's words, not the outlet's"
            elif voice == "own":
                title += "; in the outlet's own words"
            marks.append(_Mark(*span, "framing", title, style, label))
        elif kind == "hedge":
            title = "Hedge" + (f", {label}" if label else "") + f": '{text[span[0] : span[1]]}'"
            marks.append(_Mark(*span, "hedge", title, _HEDGE_STYLE))
        elif kind == "attribution":
            cue_class = _str(row.get("cue_class")) or label
            quote_type = _str(row.get("quote_type"))
            anonymous = _anonymous_phrase(row.get("anonymous"))
            source = _str(row.get("source"))
            details = [
                f"cue class: {cue_class}" if cue_class else "",
                f"{quote_type} quote" if quote_type else "",
                anonymous,
                f"source: '{source}'" if source else "",
            ]
            title = "Attributed statement (" + "; ".join(d for d in details if d) + ")"
            marks.append(_Mark(*span, "quote", title, f"background: {_QUOTE_TINT};"))
            source_span = _valid_span(row.get("source_start"), row.get("source_end"), length)
            if source_span is not None:
                source_title = "Source" + (f" ({anonymous})" if anonymous else "")
                source_title += f": '{text[source_span[0] : source_span[1]]}'"
                marks.append(_Mark(*source_span, "source", source_title, _SOURCE_STYLE))
            cue_span = _valid_span(row.get("cue_start"), row.get("cue_end"), length)
            if cue_span is not None:
                cue_title = f"Attribution cue '{text[cue_span[0] : cue_span[1]]}'"
                cue_title += f" (cue class: {cue_class})" if cue_class else ""
                marks.append(_Mark(*cue_span, "cue", cue_title, _CUE_STYLE))
        # Other kinds (e.g. target mentions) are listed in the evidence table, not drawn.
    return marks


def _sentences(rows: list[dict], field: str, length: int) -> list[tuple[int, int, float | None]]:
    out = []
    for row in rows:
        if _str(row.get("field")) not in ("", field):
            continue
        span = _valid_span(row.get("start"), row.get("end"), length)
        if span is None:
            continue
        compound = row.get("compound")
        out.append((*span, None if _missing(compound) else float(compound)))
    out.sort()
    return out


def _render_segment(text: str, active: list[_Mark]) -> str:
    body = escape(text)
    if not active:
        return body
    active = sorted(active, key=lambda m: (_LAYERS[m.kind], m.start, -m.end))
    combined = " · ".join(m.title for m in reversed(active))
    opened = []
    for depth, mark in enumerate(active):
        title = combined if depth == len(active) - 1 else mark.title
        attrs = f' class="slant-mark slant-{mark.kind}" data-kind="{mark.kind}"'
        if mark.category:
            attrs += f' data-category="{escape(mark.category)}"'
        attrs += f' title="{escape(title)}" style="{escape(mark.style)}"'
        opened.append(f"<span{attrs}>")
    return "".join(opened) + body + "</span>" * len(active)


def _render_unit(text: str, start: int, end: int, marks: list[_Mark]) -> str:
    """Text ``[start, end)`` cut at every mark boundary, each piece wrapped in its marks."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = {start, end}
    for m in inside:
        cuts.update(c for c in (m.start, m.end) if start < c < end)
    points = sorted(cuts)
    pieces = []
    for a, b in zip(points, points[1:], strict=False):
        active = [m for m in inside if m.start <= a and m.end >= b]
        pieces.append(_render_segment(text[a:b], active))
    return "".join(pieces)


_PARAGRAPH = re.compile(r"[^\n]+")


def render_article_html(
    text: str,
    evidence_rows,
    sentence_scores,
    *,
    field: str = "text",
    palette: Mapping[str, str] | None = None,
) -> str:
    """HTML for one field of an article with its evidence marked.

    ``evidence_rows`` and ``sentence_scores`` may be DataFrames (as read from the
    store), dicts or records; rows of another ``field`` are ignored. Framing terms
    get their category's colour, attributions a faint tint with the source
    underlined and the cue boxed, hedges a dotted underline; each mark has a
    tooltip. Each sentence is a line with a strip on its left coloured by its
    VADER compound; paragraphs are kept.

    >>> "War &lt;b&gt;" in render_article_html("War <b>", [], [])
    True
    """
    text = text or ""
    rows = [r for r in _records(evidence_rows) if _str(r.get("field")) in ("", field)]
    if palette is None:
        palette = category_palette(r.get("label") for r in rows if r.get("kind") == "framing")
    marks = _marks(text, rows, palette)
    sentences = _sentences(_records(sentence_scores), field, len(text))

    paragraphs = []
    for paragraph in _PARAGRAPH.finditer(text):
        p0, p1 = paragraph.span()
        units: list[tuple[int, int, float | None, bool]] = []
        cursor = p0
        for s0, s1, compound in sentences:
            a, b = max(s0, p0), min(s1, p1)
            if a >= b or a < cursor:
                continue
            if a > cursor:
                units.append((cursor, a, None, False))
            units.append((a, b, compound, True))
            cursor = b
        if cursor < p1:
            units.append((cursor, p1, None, False))
        lines = []
        for a, b, compound, scored in units:
            if not text[a:b].strip():
                continue  # the space between two sentences: each sentence is its own line
            if scored:
                tooltip = (
                    f"Sentence sentiment (VADER compound): {compound:+.2f}"
                    if compound is not None
                    else "Sentence sentiment: not scored"
                )
                data = f' data-compound="{compound:.4f}"' if compound is not None else ""
            else:
                tooltip, data = "Not part of a scored sentence", ""
            style = (
                f"display: block; border-left: 5px solid {sentiment_colour(compound)}; "
                "padding: 1px 0 1px 9px; margin: 0 0 2px 0; line-height: 1.75;"
            )
            lines.append(
                f'<span class="slant-sentence"{data} title="{escape(tooltip)}" '
                f'style="{style}">{_render_unit(text, a, b, marks)}</span>'
            )
        if lines:
            paragraphs.append(
                '<div class="slant-paragraph" style="margin: 0 0 0.9em 0;">'
                + "".join(lines)
                + "</div>"
            )
    return (
        f'<div class="slant-article" data-field="{escape(field)}">' + "".join(paragraphs) + "</div>"
    )


def _swatch(label: str, style: str, sample: str, tooltip: str) -> str:
    return (
        '<span class="slant-legend-item" style="display: inline-block; margin: 0 14px 6px 0;" '
        f'title="{escape(tooltip)}"><span style="{escape(style)}">{escape(sample)}</span> '
        f'<span style="opacity: 0.8;">{escape(label)}</span></span>'
    )


def render_legend(categories: Sequence[str], palette: Mapping[str, str] | None = None) -> str:
    """HTML legend: one swatch per framing category, then the attribution, hedge and
    sentence-strip marks, so a reader can decode every mark in the article."""
    palette = palette if palette is not None else category_palette(categories)
    items = []
    present = {str(c) for c in categories if c}
    for category in [c for c in BIAS_TYPE_PALETTE if c in present]:
        style = _framing_style(category, palette) + " padding: 0 4px;"
        name = category.replace("_", " ")
        items.append(_swatch(name, style, "word", f"Bias type (loaded language): {name}"))
    for category in sorted(present - BIAS_TYPE_PALETTE.keys()):
        style = _framing_style(category, palette) + " padding: 0 4px;"
        items.append(_swatch(category, style, "term", f"Framing category: {category}"))
    items.append(
        _swatch(
            "attributed statement",
            f"background: {_QUOTE_TINT}; padding: 0 4px;",
            "“…”",
            "Text attributed to a source (direct or indirect quote)",
        )
    )
    items.append(
        _swatch("source", _SOURCE_STYLE, "officials", "Who the statement is attributed to")
    )
    items.append(
        _swatch(
            "cue",
            _CUE_STYLE,
            "said",
            "The attribution verb (its class: neutral, distancing, emotive, conceding)",
        )
    )
    items.append(_swatch("hedge", _HEDGE_STYLE, "reportedly", "A hedging word or phrase"))
    strip = "".join(
        f'<span style="display: inline-block; width: 14px; height: 12px; '
        f'background: {sentiment_colour(v)};"></span>'
        for v in (-1.0, -0.5, -0.15, 0.0, 0.15, 0.5, 1.0)
    )
    items.append(
        '<span class="slant-legend-item" style="display: inline-block; margin: 0 14px 6px 0;" '
        'title="Colour of the strip left of each sentence: its VADER compound score">'
        f'<span style="opacity: 0.8;">negative</span> {strip} '
        '<span style="opacity: 0.8;">positive</span> '
        '<span style="opacity: 0.8;">(sentence sentiment)</span></span>'
    )
    return '<div class="slant-legend" style="font-size: 0.9em;">' + "".join(items) + "</div>"
