"""Colours, lines, arrowheads and shapes shared by every renderer."""

import pytest

from relgraph.model import ACTOR_KINDS, BUILTIN_TYPES
from relgraph.render.style import HEADS, KIND_STYLES, EdgeStyle, edge_style, head_for, kind_style, node_size

BLUE, VERMILION, GREY = "#0072B2", "#D55E00", "#8C8C8C"


def attrs(type_="backs", sign=1, kind="stance", symmetric=False, confidence=1.0):
    return {"type": type_, "sign": sign, "kind": kind, "symmetric": symmetric, "confidence": confidence}


@pytest.mark.parametrize(("sign", "colour"), [(1, BLUE), (-1, VERMILION), (0, GREY)])
def test_colour_says_the_sign(sign, colour):
    assert edge_style(attrs("made-up", sign=sign)).colour == colour


def test_the_sign_colours_are_three_different_colours():
    assert len({edge_style(attrs(sign=s)).colour for s in (1, 0, -1)}) == 3


@pytest.mark.parametrize(("kind", "dashed"), [("stance", False), ("event", True)])
def test_events_are_dashed(kind, dashed):
    assert edge_style(attrs(kind=kind)).dashed is dashed


def test_every_built_in_type_is_drawn_in_the_colour_of_its_sign_and_dashed_if_an_event():
    colours = {1: BLUE, -1: VERMILION, 0: GREY}
    for t in BUILTIN_TYPES.values():
        style = edge_style(attrs(t.name, t.sign, t.kind, t.symmetric))
        assert (style.colour, style.dashed) == (colours[t.sign], t.kind == "event"), t.name


HEAD_FAMILIES = {
    "arrow": ["backs", "brokers", "accepts", "tolerates"],
    "bar": ["opposes", "undermines", "vetoes", "excludes"],
    "vee": ["attacks", "defeats", "shoots-down", "assassinates"],
    "diamond": ["leads", "represents"],
    "circle": ["party-to", "attends"],
    "none": ["cooperates", "hostile-to", "fights", "fights-alongside", "negotiates-with", "meets",
             "reconciles-with", "affirms-cooperation"],
}
"""The head of each built-in type, from the meaning of each family (see HEADS)."""


def test_the_head_families_cover_the_vocabulary_once():
    listed = [name for names in HEAD_FAMILIES.values() for name in names]
    assert sorted(listed) == sorted(BUILTIN_TYPES)
    assert set(HEAD_FAMILIES) == set(HEADS)


@pytest.mark.parametrize(("head", "name"), [(h, n) for h, names in HEAD_FAMILIES.items() for n in names])
def test_heads_by_type_family(head, name):
    t = BUILTIN_TYPES[name]
    assert head_for(t.name, t.sign, t.symmetric) == head
    assert edge_style(attrs(t.name, t.sign, t.kind, t.symmetric)).head == head


def test_symmetric_types_have_no_head_whatever_their_name():
    assert head_for("backs", 1, True) == "none"
    assert head_for("evacuates", -1, True) == "none"


@pytest.mark.parametrize(("sign", "head"), [(1, "arrow"), (0, "arrow"), (-1, "bar")])
def test_custom_types_get_a_head_from_their_sign(sign, head):
    assert head_for("evacuates", sign, False) == head


@pytest.mark.parametrize(("confidence", "width"), [(0.0, 1.0), (0.5, 2.0), (0.8, 2.6), (0.95, 2.9), (1.0, 3.0)])
def test_width_grows_with_confidence(confidence, width):
    assert edge_style(attrs(confidence=confidence)).width == width


def test_a_full_style():
    assert edge_style(attrs("shoots-down", -1, "event", confidence=0.95)) == EdgeStyle(VERMILION, True, "vee", 2.9)


SHAPES = {"state": "dot", "government": "square", "person": "triangle", "armed-group": "diamond",
          "organisation": "hexagon", "coalition": "star", "agreement": "square", "resolution": "triangleDown",
          "meeting": "dot"}


@pytest.mark.parametrize("kind", list(ACTOR_KINDS))
def test_every_actor_kind_has_its_own_style(kind):
    style = kind_style(kind)
    assert style.shape == SHAPES[kind]
    assert style.colour.startswith("#") and len(style.colour) == 7
    # node fills keep clear of the colours that carry an edge's sign
    assert style.colour.upper() not in (BLUE, VERMILION)
    # deals (facts with several parties) have a dashed outline, as events have dashed lines
    assert style.dashed is (kind in ("agreement", "resolution", "meeting"))


def test_kinds_are_told_apart_without_colour_by_shape_and_outline():
    assert len({(kind_style(k).shape, kind_style(k).dashed) for k in ACTOR_KINDS}) == len(ACTOR_KINDS)
    assert set(KIND_STYLES) == set(ACTOR_KINDS)


@pytest.mark.parametrize("kind", ["no-such-kind", "", None])
def test_an_unknown_kind_is_a_white_dot(kind):
    style = kind_style(kind)
    assert (style.shape, style.colour, style.dashed) == ("dot", "#FFFFFF", False)


@pytest.mark.parametrize(("degree", "size"), [(0, 10.0), (1, 14.0), (2, 15.7), (9, 22.0), (56, 39.9), (57, 40.0),
                                              (1000, 40.0)])
def test_node_size(degree, size):
    assert node_size(degree) == size


def test_node_size_grows_and_stops_at_forty():
    sizes = [node_size(d) for d in range(200)]
    assert sizes == sorted(sizes)
    assert max(sizes) == 40.0 and sizes[0] == 10.0
    assert sizes.index(40.0) == 57  # 10 + 4 * sqrt(57) = 40.2, the first past the cap
