"""alliance-check: find numeric and dated claims in news articles and the places where sources disagree."""

__version__ = "0.1.0"
