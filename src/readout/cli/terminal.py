"""Article text on a terminal: shown, never obeyed.

Text read from articles can hold terminal escape codes (ESC [ 2 J clears the
screen; OSC 8 makes links) and Rich markup (``[blink]``). Tables get Rich
``Text`` cells, which are never parsed as markup, with control characters
shown as ``\\xNN``; JSON lines escape the C1 controls and DEL that ``json``
leaves raw.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.text import Text

from readout.errors import printable

_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029]")


def cell(value: object) -> Text:
    """A table cell (or title) that shows ``value`` exactly, escapes and all, as text."""
    return Text(printable(str(value)).replace("\t", " ").replace("\n", " "))


def json_line(value: Any) -> str:
    """``value`` as one line of JSON that prints nothing but its own characters."""
    text = json.dumps(value, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_text(value: Any, *, indent: int) -> str:
    """Indented JSON, escaped as ``json_line`` escapes it."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
