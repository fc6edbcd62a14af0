"""Stage 7, runs: scoring runs that feed the store (ingest, re-score), locally or on a Dask cluster."""
