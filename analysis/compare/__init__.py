"""Stage 8, compare: aggregations, statistics, distinctive terms, contrasts and stories over the store.

The dashboard and the CLI reports both call these; neither computes a statistic itself.
"""
