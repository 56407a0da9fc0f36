"""Spreadsheet-safe cells: text that a spreadsheet would run as a formula is neutralised.

A CSV cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some spreadsheets skip before looking) is a formula to Excel,
LibreOffice and Google Sheets, and article text is untrusted. Such cells get a
leading apostrophe, which spreadsheets show as text and do not display.
Numbers are left alone, so a negative intensity stays a number.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value``, with a leading apostrophe when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
