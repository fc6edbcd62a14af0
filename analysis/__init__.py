"""Slant: media-bias and source-comparison analytics, laid out by stage of the data flow.

See docs/ARCHITECTURE.md for the stages, their layers and where each kind of change goes.
"""
