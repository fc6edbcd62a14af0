"""Stage 9, report: CSV tables and exports, formula-injection safe, each with a JSON companion."""
