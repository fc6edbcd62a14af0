"""Specification of the text primitives: cleaning, tokens, sentences."""

import random

from analysis.text import (
    count_words,
    normalize,
    sentence_index,
    split_sentences,
    tokenize,
    tokenize_columns,
    tokenize_each,
)


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_normalize_turns_non_breaking_spaces_into_spaces():
    assert normalize("News\u00a0 /\u00a0 Iraq") == "News / Iraq"


def test_normalize_keeps_curly_quotes():
    assert normalize("\u201cWe agreed,\u201d he said") == "\u201cWe agreed,\u201d he said"


def test_normalize_composes_unicode_to_nfc():
    assert normalize("Cafe\u0301") == "Caf\u00e9"


def test_normalize_keeps_one_blank_line_between_paragraphs():
    assert normalize("One.\r\n\r\n\r\n\r\nTwo.  \n") == "One.\n\nTwo."


def test_normalize_drops_zero_width_and_control_characters():
    assert normalize("a\u200bb\x07c") == "abc"


def test_tokens_fold_curly_apostrophes_to_straight_ones():
    assert [t[2] for t in tokenize("country\u2019s")] == ["country's"]


def test_tokens_keep_hyphenated_words_whole():
    assert [t[2] for t in tokenize("the US-led coalition")] == ["the", "us-led", "coalition"]


def test_token_offsets_point_into_the_original_text():
    text = "Arab country\u2019s sovereignty"
    assert all(text[a:b].lower().replace("\u2019", "'") == form for a, b, form in tokenize(text))


def test_token_columns_are_the_tokens_starts_and_forms():
    # The three routes: the basic plane, characters above it, a capital that lower-cases
    # to two characters.
    for text in (
        "Arab country\u2019s US-led \u201cwar\u201d",
        "war\U0001f600crimes \U0001d400b",
        "\u0130stanbul's mayor",
    ):
        tokens, starts, forms = tokenize_columns(text)
        assert tokens == tokenize(text)
        assert starts == [t[0] for t in tokens]
        assert forms == [t[2] for t in tokens]


def test_tokens_of_a_batch_are_each_texts_own_tokens():
    # Every route in one batch (basic plane, above it, a capital that lower-cases to two
    # characters), empty texts, and marks and words at the texts' edges, which must not
    # join across the line break the batch is joined with.
    texts = [
        "Arab country\u2019s US-led \u201cwar\u201d-",
        "",
        "-led rock\u2019n\u2019roll '",
        "war\U0001f600crimes \U0001d400b",
        "\u0130stanbul's mayor",
        "x",
        "'tis",
        "\u0391\u03a3.\u0391 \u039f\u0394\u039f\u03a3",
    ]
    assert list(tokenize_each(texts)) == [tokenize_columns(t) for t in texts]
    assert list(tokenize_each(texts * 10)) == [tokenize_columns(t) for t in texts * 10]


def test_batches_get_the_token_patterns_tokens_on_every_character(monkeypatch):
    import analysis.text.tokens as tokens_module

    # Batches are tokenised together with NumPy, not text by text: every character but
    # the capital that lower-cases to two (its texts go apart) takes that route here.
    one_by_one = tokens_module.tokenize_columns
    chars = [chr(c) for c in range(0x10000) if c != 0x0130]
    texts = ["a".join(chars), " ".join(chars), "-".join(chars), "'x".join(chars), "A".join(chars)]
    expected = [one_by_one(text) for text in texts]
    monkeypatch.setattr(tokens_module, "tokenize_columns", None)  # no text goes apart
    assert list(tokenize_each(texts)) == expected


def test_tokens_of_random_batches_are_each_texts_own_tokens():
    rnd = random.Random(16)
    alphabet = [*"ab C-'.\n_9\u00e9\u03a3\u0130", "\u2019", "\u201c", "\U0001f600"]
    for _ in range(500):
        batch = [
            "".join(rnd.choices(alphabet, k=rnd.randrange(30))) for _ in range(rnd.randrange(6))
        ]
        assert list(tokenize_each(batch)) == [tokenize_columns(t) for t in batch]


def test_count_words_counts_tokens():
    assert count_words("The 78-year-old politician said 3.2 percent.") == 7


def test_sentences_do_not_split_after_titles():
    assert sentences("Gen. Tarev arrived. Dr. Solen left.") == [
        "Gen. Tarev arrived.",
        "Dr. Solen left.",
    ]


def test_sentences_do_not_split_after_month_abbreviations():
    assert sentences("On Jan. 5 the Assembly voted. It was close.") == [
        "On Jan. 5 the Assembly voted.",
        "It was close.",
    ]


def test_sentences_do_not_split_inside_a_dotted_acronym_before_a_name():
    assert sentences("The U.S. Patriot systems arrived.") == ["The U.S. Patriot systems arrived."]


def test_sentences_split_after_a_dotted_acronym_that_ends_a_sentence():
    assert sentences("Troops left the U.S. The base closed.") == [
        "Troops left the U.S.",
        "The base closed.",
    ]


def test_sentences_do_not_split_decimals():
    assert sentences("Prices rose 3.2 percent. Wages fell.") == [
        "Prices rose 3.2 percent.",
        "Wages fell.",
    ]


def test_sentences_do_not_split_after_initials():
    assert sentences("Jens J. Stoltenberg spoke.") == ["Jens J. Stoltenberg spoke."]


def test_a_closing_quote_stays_with_its_sentence():
    text = "\u201cWe agreed.\u201d He said it twice."
    assert sentences(text) == ["\u201cWe agreed.\u201d", "He said it twice."]


def test_a_quote_followed_by_its_attribution_is_one_sentence():
    text = "\u201cWe agreed,\u201d he said. Then he left."
    assert sentences(text) == ["\u201cWe agreed,\u201d he said.", "Then he left."]


def test_a_sentence_may_open_with_a_quote():
    assert sentences('He spoke. "We will stay," she said.') == [
        "He spoke.",
        '"We will stay," she said.',
    ]


def test_paragraph_breaks_always_end_a_sentence():
    assert sentences("A headline without a stop\n\nThe body begins.") == [
        "A headline without a stop",
        "The body begins.",
    ]


def test_question_and_exclamation_marks_end_sentences():
    assert sentences("Why now? Nobody knows! Fine.") == ["Why now?", "Nobody knows!", "Fine."]


def test_an_ellipsis_ends_a_sentence_like_a_full_stop():
    # Texts without one take a pattern without it: both must split the same way.
    assert sentences("He waited\u2026 Nobody came. Then\u2026 rain!") == [
        "He waited\u2026",
        "Nobody came.",
        "Then\u2026 rain!",
    ]
    assert sentences("He waited... Nobody came.") == ["He waited...", "Nobody came."]


def test_sentence_spans_exclude_surrounding_whitespace():
    text = "  One.   Two.  "
    assert [text[a:b] for a, b in split_sentences(text)] == ["One.", "Two."]


def test_sentence_index_finds_the_sentence_holding_an_offset():
    spans = [(0, 4), (5, 9), (11, 20)]
    assert [sentence_index(spans, o) for o in (0, 6, 15, 10, 25)] == [0, 1, 2, -1, -1]


def test_tokens_next_to_characters_above_the_basic_plane():
    # An emoji is no letter; a mathematical capital is (the tokenizer's slower route).
    assert tokenize("war\U0001f600crimes \U0001d400b") == [
        (0, 3, "war"),
        (4, 10, "crimes"),
        (11, 13, "\U0001d400b"),
    ]


def test_the_fast_token_pattern_agrees_with_the_token_pattern_on_every_character():
    from analysis.text.tokens import _TOKEN_SPLIT, _bmp_token_split

    # Every character of the basic plane between letters, alone, and next to inner
    # apostrophes and hyphens.
    chars = [chr(c) for c in range(0x10000)]
    for text in ("a".join(chars), " ".join(chars), "-".join(chars), "'x".join(chars)):
        assert _bmp_token_split().split(text) == _TOKEN_SPLIT.split(text)


def test_long_texts_get_the_token_patterns_tokens_on_every_character():
    from analysis.text.tokens import _TOKEN_SPLIT, _split_columns, _vector_columns

    # Long texts are tokenised over their code units with NumPy, not with the pattern.
    chars = [chr(c) for c in range(0x10000)]
    for text in ("a".join(chars), " ".join(chars), "-".join(chars), "'x".join(chars)):
        encoded = text.encode("utf-16-le", "surrogatepass")
        expected = _split_columns(_TOKEN_SPLIT.split(text))
        assert _vector_columns(encoded, "utf-16-le") == expected
    ascii_text = "".join(map(chr, range(128))) * 3 + "a-b 'c d' e--f g'h-i"
    expected = _split_columns(_TOKEN_SPLIT.split(ascii_text))
    assert _vector_columns(ascii_text.encode("ascii"), "ascii") == expected


def test_short_and_long_texts_are_tokenised_alike():
    text = "Arab country\u2019s US-led \u201cwar\u201d on the anti-Morsi camp\u2014again. "
    long_text = text * 20
    assert tokenize(long_text) == [
        (a + i * len(text), b + i * len(text), form)
        for i in range(20)
        for a, b, form in tokenize(text)
    ]


def test_a_paragraph_break_ends_a_sentence_even_after_an_abbreviation():
    assert sentences("He met Gen.\n\nThe talks ended.") == ["He met Gen.", "The talks ended."]


def test_a_single_line_break_after_a_stop_ends_a_sentence():
    assert sentences("One.\n Two.") == ["One.", "Two."]


def test_space_around_paragraphs_is_trimmed():
    assert sentences("  \n\nOne.\n\n  Two.  \n\n") == ["One.", "Two."]
