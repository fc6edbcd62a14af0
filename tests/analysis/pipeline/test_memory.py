"""What a batch allocates is freed by reference counts alone.

The command's workers pause Python's cycle collector for each batch
(``analysis.pipeline.pool``): an object graph with a reference cycle made per article
would stay in memory until the batch ends and then cost a walk over all of it (session
9 of issue 16: an article and its speakers holding each other made ``slant analyze``
~11% slower and 28 MB larger).
"""

from __future__ import annotations

import gc


def test_analyzing_a_batch_leaves_nothing_for_the_cycle_collector(analyzer, sample_articles):
    batch = sample_articles[:40]
    analyzer.analyze_batch(batch)  # the analyzer's caches filled first: they are kept on purpose
    gc.collect()
    gc.disable()
    try:
        analyzer.analyze_batch(batch)
        left_for_the_collector = gc.collect()
    finally:
        gc.enable()
    assert left_for_the_collector == 0
