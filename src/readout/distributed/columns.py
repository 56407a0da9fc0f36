"""Typed Parquet columns for readout's records, derived from the dataclasses themselves.

An ``Event`` becomes one row: actors, dates and places as structs, attribution,
evidence and extras as lists of structs, dates as dates. The Arrow type of each
field follows its annotation, so a field added to ``readout.model`` gets a column
without a change here, and ``from_row`` rebuilds the very same record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from typing import Any

import pyarrow as pa

from readout.model import Event

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}


def _optional_inner(tp: Any) -> Any:
    """``X | None`` -> X; anything else unchanged."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type of a field annotation (resolved, not a string)."""
    tp = _optional_inner(tp)
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return pa.string()
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return pa.list_(arrow_type(args[0]))
        # a fixed pair such as ("status", "occurred"): a list of its (alike) items
        return pa.list_(arrow_type(args[0]))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return pa.struct(fields_of(tp))
    raise TypeError(f"no Parquet column type for {tp!r}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def fields_of(cls: type) -> list[pa.Field]:
    hints = _hints(cls)
    return [pa.field(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(cls)]


def to_row(value: Any) -> Any:
    """A record as plain Python values Arrow can take: dicts, lists, dates."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_row(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_row(v) for v in value]
    return value


def from_row(tp: Any, value: Any) -> Any:
    """The inverse of ``to_row`` for a field of annotation ``tp``."""
    if value is None:
        return None
    tp = _optional_inner(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {
            f.name: from_row(hints[f.name], value.get(f.name)) for f in dataclasses.fields(tp)
        }
        return tp(**kwargs)
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        inner = args[0]
        return tuple(from_row(inner, v) for v in value)
    return value


def event_fields() -> list[pa.Field]:
    """The columns of one event mention."""
    return fields_of(Event)


def event_from_row(row: dict[str, Any]) -> Event:
    event: Event = from_row(Event, row)
    return event
