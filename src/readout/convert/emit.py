"""Deterministic writing of generated data: YAML in flow style and JSON, one entry per line.

The YAML written here is a small, regular subset (mappings, lists, text,
numbers, null) so a rerun gives the same bytes and a diff shows which entries
changed. Text is left plain only where YAML 1.1 cannot misread it ("no", "on"
and "073" are quoted). Large files are JSON: Python reads JSON some 40 times
faster than YAML, even with libyaml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._'/&-]*")
_RESERVED = {
    "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
}  # fmt: skip


def scalar(text: str) -> str:
    if (
        _PLAIN.fullmatch(text)
        and text == text.strip()
        and "  " not in text
        and text.lower() not in _RESERVED
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(value: Any) -> str:
    """One value in YAML flow style."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return scalar(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def comment_block(lines: Iterable[str]) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def yaml_mapping_section(name: str, items: Iterable[tuple[str, Any]]) -> str:
    """``name:`` then one ``  key: value`` line per item."""
    body = "".join(f"  {scalar(key)}: {flow(value)}\n" for key, value in items)
    return f"{name}:\n{body}" if body else f"{name}: {{}}\n"


def yaml_list_section(name: str, items: Iterable[Any]) -> str:
    """``name:`` then one ``- value`` line per item."""
    body = "".join(f"- {flow(item)}\n" for item in items)
    return f"{name}:\n{body}" if body else f"{name}: []\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def json_lines(value: Any, levels: int, indent: int = 0) -> str:
    """``value`` as JSON with its first ``levels`` levels of lists and mappings one item per line."""
    pad = " " * indent
    inner = " " * (indent + 2)
    if levels <= 0 or not isinstance(value, dict | list) or not value:
        return _json(value)
    if isinstance(value, dict):
        items = [
            f"{inner}{_json(str(k))}: {json_lines(v, levels - 1, indent + 2)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    rows = [f"{inner}{json_lines(v, levels - 1, indent + 2)}" for v in value]
    return "[\n" + ",\n".join(rows) + "\n" + pad + "]"


def json_document(sections: dict[str, tuple[Any, int]]) -> str:
    """A JSON object of named sections, each written with its own number of broken levels."""
    parts = [
        f"  {_json(name)}: {json_lines(value, levels, 2)}"
        for name, (value, levels) in sections.items()
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"
