"""The status word lists load completely, and a broken file fails in one line."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
import yaml

from readout.context import status_lexicon as sl
from readout.context.status import PRIORITY


def test_lexicon_loads_every_entry() -> None:
    raw = yaml.safe_load(sl.LEXICON_PATH.read_text(encoding="utf-8"))
    lex = sl.lexicon()
    for key, value in raw.items():
        loaded = getattr(lex, key)
        if isinstance(value, dict):
            assert set(loaded) == set(value)
            for group, words in value.items():
                assert {w.lower() for w in words} == loaded[group]
                assert group in PRIORITY
        else:
            assert {w.lower() for w in value} == loaded


@pytest.mark.parametrize(
    "content",
    [
        "future_aux: will\n",
        "- just a list\n",
        "future_aux: [will]\n",
        "governors: [a]\n",
        "a: [b\n",
    ],
)
def test_bad_lexicon_is_one_line_error(
    check_bad_lexicon: Callable[[ModuleType, str, str], None], content: str
) -> None:
    check_bad_lexicon(sl, "status.yaml", content)
