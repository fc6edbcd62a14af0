"""Sentiment: VADER per sentence (a faithful, faster port), aggregated per article."""
