"""QuadClass and the Goldstein-like intensity of CAMEO codes."""

from __future__ import annotations

import pytest

from readout.export.scales import base_code, intensity, is_cooperation, quad_class, root_code


@pytest.mark.parametrize(
    ("cameo", "quad"),
    [("010", 1), ("040", 1), ("057", 1), ("061", 2), ("0841", 2), ("090", 3), ("112", 3),
     ("130", 3), ("141", 4), ("163", 4), ("195", 4), ("20", 4), (None, None), ("", None),
     ("X1", None), ("21", None), ("00", None)],
)  # fmt: skip
def test_quad_class_by_root(cameo: str | None, quad: int | None) -> None:
    assert quad_class(cameo) == quad


def test_codes_split() -> None:
    assert (root_code("0841"), base_code("0841")) == ("08", "084")
    assert is_cooperation("040") is True and is_cooperation("112") is False
    assert is_cooperation(None) is None


def test_every_root_has_an_intensity_in_range_with_cooperation_above_conflict() -> None:
    values = {f"{n:02d}": intensity(f"{n:02d}0") for n in range(1, 21)}
    assert all(v is not None and -10 <= v <= 10 for v in values.values())
    cooperation = [v for k, v in values.items() if quad_class(k) in (1, 2)]
    conflict = [v for k, v in values.items() if quad_class(k) in (3, 4)]
    assert min(cooperation) >= 0 > max(conflict)  # type: ignore[type-var,operator]


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [("040", 2.0), ("036", 2.5), ("057", 6.0), ("0871", 5.0), ("087", 5.0), ("186", -9.5),
     ("190", -10.0), ("1", None), (None, None)],
)  # fmt: skip
def test_sub_codes_override_their_root(cameo: str | None, expected: float | None) -> None:
    assert intensity(cameo) == expected


def test_material_conflict_is_more_intense_than_verbal() -> None:
    assert intensity("180") < intensity("130") < intensity("111") < intensity("040")  # type: ignore[operator]
