"""alliance-check: find numeric and dated claims in news articles and the places where sources disagree."""

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/OWNER/alliance-check"
"""Where the project lives; SARIF's informationUri and each rule's helpUri point into its README."""
