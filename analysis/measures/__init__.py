"""Stage 4, measures: what Slant scores in one article (sentiment, attribution), each with evidence spans.

Framing, hedges and target mentions are lexicon matches (:mod:`analysis.text.patterns`);
the rules and models that need more than a lexicon live here, one subpackage each.
"""
