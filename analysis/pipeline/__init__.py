"""Stage 5, pipeline: one pure ``analyze(article)`` and the process pool that maps it over batches.

:class:`~analysis.pipeline.analyzer.Analyzer` never reads the store, so it runs the
same in a test, a worker process or a Dask worker; :mod:`~analysis.pipeline.pool`
hands it batches.
"""

from analysis.pipeline.analyzer import ANALYSIS_VERSION, QUOTE_TYPES, Analyzer
from analysis.pipeline.pool import analyze_stream, default_workers, map_batches

__all__ = [
    "ANALYSIS_VERSION",
    "QUOTE_TYPES",
    "Analyzer",
    "analyze_stream",
    "default_workers",
    "map_batches",
]
