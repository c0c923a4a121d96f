"""Find numeric and dated mentions in plain text: where they are and what they say.

Pure and model-free: ``extract.py`` runs this on each sentence and adds what the sentence's syntax
says (subject, event, whether a number is a label). ``scan`` proposes candidates where values can
begin (``values``) outside the stretches that hold none (``not_claims``); the leftmost, longest one
wins where they overlap, and the survivors are read together (``together``).
"""

from alliance_check.mentions.mention import Mention
from alliance_check.mentions.scan import NO_DOMAIN, explicit_year, find_mentions, has_signal

__all__ = ["NO_DOMAIN", "Mention", "explicit_year", "find_mentions", "has_signal"]
