"""CAMEO / PLOVER code tables: names, Goldstein weights, QuadClass and the CAMEO -> PLOVER mapping."""

from __future__ import annotations

import pytest

from dyadwatch import codes


@pytest.mark.parametrize(
    ("code", "plover", "quad"),
    [
        ("042", "CONSULT", 1),  # make a visit
        ("057", "SUPPORT", 1),  # sign formal agreement
        ("0841", "RETREAT", 2),  # release persons
        ("081", "CONCEDE", 2),  # ease administrative sanctions
        ("112", "ACCUSE", 3),
        ("130", "THREATEN", 3),
        ("141", "PROTEST", 3),
        ("154", "MOBILIZE", 4),
        ("163", "SANCTION", 4),  # project exception, documented in the data file
        ("173", "COERCE", 4),
        ("190", "ASSAULT", 4),
        ("020", "REQUEST", 1),  # appeals: project addition
    ],
)
def test_plover_and_quad(code, plover, quad):
    info = codes.lookup(code)
    assert info.plover == plover
    assert info.quad_class == quad == codes.quad_class(code)


def test_goldstein_from_gdelt_table():
    assert codes.goldstein("190") == -10.0
    assert codes.goldstein("042") == 1.9
    assert codes.goldstein("0231") == 3.4


def test_unknown_four_digit_code_falls_back_to_parent_name():
    assert codes.cameo_name("0842")
    assert codes.lookup("99").plover == ""


def test_statements_are_dropped_by_plover():
    assert codes.plover_type("010") == ""
