"""The traces a resolution's view asks of the text it is made of (``resolution.view_of``), as
Hyperscan expressions, read in the one pass over a text that also finds where names may start
and the readers' marks (``names.read``).

Why here: ``names`` builds that pass and ``resolution`` reads these traces off it; ``resolution``
imports ``names``, so the expressions live apart from both.

The text is read as ``name_starts.NameStarts`` reads it: each character one byte, a character
outside ASCII ``?``. The OCR slips' traces (``resolution.OCR_SLIPS``): a digit is ``[0-9?]`` and
a white space character ``re``'s ASCII ones or ``?``, so that the pass holds each trace
wherever ``re`` finds it.
"""

from __future__ import annotations

DIGIT_SLIP_SCAN = r"[Iil][0-9?]|[0-9?][Il]|[(\t\n\x0b\x0c\r \x1c-\x1f?][0-9?]{3}\]"
LONE_SLIP_SCAN = r" [Il] "

# The slips' traces asked of the text a view is made of, with what the view's plain path asks:
# a white space character (the run it stands in collapses to one space in the view, so a trace
# of the view stands in the text with white space there), a digit or a letter as in
# ``DIGIT_SLIP_SCAN``. Each holds wherever its trace holds in the view: what is next to each
# other in the view is, white space aside, next to each other in the text. Then, the view's
# last question: white space that collapsing moves or turns into a space, as far as ASCII tells
# (two spaces or line breaks in a row, another ASCII white space character).
WHITE = r"[\t\n\x0b\x0c\r \x1c-\x1f?]"
VIEW_SCAN = (
    DIGIT_SLIP_SCAN,
    rf"{WHITE}[Il]{WHITE}",
    rf"[0-9?]{WHITE}+[0-9?]{{1,2}}(?:st|nd|rd|th){WHITE}+meeting",
    r"[ \n][ \n]|[\t\x0b\x0c\r\x1c-\x1f]",
)
# The slips whose traces ``VIEW_SCAN`` holds (its first expressions, in ``OCR_SLIPS``' order),
# and the index of its white space expression.
SCANNED_SLIPS = 3
MOVING = 3
