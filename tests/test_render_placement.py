"""Labels: their text and boxes, where placement puts them, the geometry it and the checker share, the view."""

import itertools
import math

import pytest

from relgraph.render.geometry import (
    Region,
    convex_hull,
    curve_via,
    line_points,
    polygon_hits_node,
    rect_hits_node,
    segment_hits_rect,
    trim,
)
from relgraph.render.labels import GAP, HALO, LabelText, TextLine, line_label, node_label, text_width
from relgraph.render.placement import ANGLES, RINGS, FrameGeometry, Item, label_box, place, spot_anchor, swept
from relgraph.render.view import MAX_SCALE, PAD_X, PAD_Y, View, extent, fit, standalone_canvas_width

# -- labels -------------------------------------------------------------------------------------------------


def test_text_width_is_dejavu_sans_at_the_size_asked():
    from matplotlib import ft2font
    from matplotlib.font_manager import FontProperties, findfont

    face = ft2font.FT2Font(findfont(FontProperties(family="DejaVu Sans")))
    face.set_size(12, 72)
    face.set_text("Recep Tayyip Erdoğan", 0.0)
    width = face.get_width_height()[0] / 64
    # the same face: hinting and kerning aside (the browser test holds it to what Chromium measures)
    assert abs(text_width("Recep Tayyip Erdoğan", 12) - width) < 0.03 * width
    assert text_width("Russia", 13, bold=True) > text_width("Russia", 13)


def test_a_name_wraps_and_a_role_follows_in_smaller_grey_type():
    label = node_label("Security Council measure on monitors for Aleppo", "Russia's leader", focus=True)
    assert [(t.text, t.px, t.bold) for t in label.lines] == [
        ("Security Council measure", 13.0, True), ("on monitors for Aleppo", 13.0, True),
        ("Russia's leader", 11.0, False)]
    assert label.height == 2 * round(13 * 1.2) + round(11 * 1.2) + 2 * HALO
    assert label.width > text_width("Security Council measure", 13, bold=True) + 2 * HALO
    assert line_label("backs, fights-alongside").lines == (TextLine("backs, fights-alongside", 11.0, False, "#444444"),)
    assert LabelText(()).width == 0.0


# -- geometry -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("p", "q", "hit"), [
    ((0, 5), (10, 5), True), ((0, 0), (4, 0), False), ((5, -5), (5, 15), True), ((0, 20), (20, 0), False),
    ((4, 4), (6, 6), True), ((2, 2), (2, 8), False),  # touching the edge is not crossing
])
def test_segments_through_a_box(p, q, hit):
    assert segment_hits_rect(p, q, (2, 2, 8, 8)) is hit
    assert Region([(2, 2), (8, 2), (8, 8), (2, 8)]).hits_segment(p, q) is hit


def test_a_turned_box_and_a_round_node():
    diamond = Region([(5, 0), (10, 5), (5, 10), (0, 5)])
    assert not diamond.hits_segment((0, 0), (2, 2)) and diamond.hits_segment((0, 0), (6, 6))
    assert diamond.hits_region(Region([(8, 8), (12, 8), (12, 12), (8, 12)])) is False
    assert diamond.hits_region(Region([(6, 6), (12, 6), (12, 12), (6, 12)])) is True
    assert not rect_hits_node((8, 8, 12, 12), (5, 5, 4, 4, True)) and rect_hits_node((8, 8, 12, 12), (5, 5, 4, 4, False))
    assert polygon_hits_node([(8, 8), (12, 8), (12, 12), (8, 12)], (5, 5, 4.3, 4.3, True))


def test_hull_and_the_curve_vis_network_draws():
    assert convex_hull([(0, 0), (1, 1), (2, 0), (1, -1), (1, 0)]) == [(0, 0), (1, -1), (2, 0), (1, 1)]
    # vis-network's curvedCW control point for an edge from (0, 0) to (100, 0), roundness 0.2
    via = curve_via((0, 0), (100, 0), 0.2)
    assert via == pytest.approx((60 * math.sin(0.6 * math.pi), 60 * math.cos(0.6 * math.pi)))
    assert curve_via((0, 0), (100, 0), -0.2)[1] == pytest.approx(-via[1])


def test_a_line_shows_from_edge_to_edge():
    a, b = (0.0, 0.0, 10.0, 10.0, True), (100.0, 0.0, 5.0, 5.0, False)
    points = line_points(a, b)
    assert points[0] == pytest.approx((10, 0), abs=1e-4) and points[-1] == pytest.approx((95, 0), abs=1e-4)
    bent = line_points(a, b, 0.3)
    assert len(bent) > 2 and min(y for _, y in bent) < -5
    start, end = trim([(0.0, 0.0), (50.0, 0.0)], (0.0, 0.0, 20.0, 20.0, True))
    assert start == pytest.approx((20, 0), abs=1e-4) and end == (50.0, 0.0)


# -- placement ----------------------------------------------------------------------------------------------


def geometry(nodes, lines=(), box=(0.0, 0.0, 400.0, 300.0)):
    return FrameGeometry(list(nodes), [list(p) for p, _ in lines], [e for _, e in lines], box)


def test_names_take_the_first_free_spot_below_then_above():
    g = geometry([(0.0, 0.0, 10.0, 10.0, True), (0.0, 70.0, 10.0, 10.0, True)])
    items = [Item("node", 0, node_label("Upper", None)), Item("node", 1, node_label("Lower", None))]
    (level0, spot0), (_, spot1) = place(g, items, [1.0])
    assert (level0, ANGLES[spot0]) == (0, 90)  # below the first actor
    assert ANGLES[spot1 % len(ANGLES)] != 270 or spot1 >= len(ANGLES)  # not on the name already there
    first = label_box(g, items[0], spot0, 1.0)
    assert first[1] == pytest.approx(10 + RINGS[0]) and first[3] - first[1] == pytest.approx(items[0].text.height)


def test_a_name_avoids_lines_and_a_line_label_only_its_own():
    line = ([(-100.0, 16.0), (100.0, 16.0)], (1, 2))
    g = geometry([(0.0, 0.0, 10.0, 10.0, True), (-110.0, 16.0, 10.0, 10.0, True), (110.0, 16.0, 10.0, 10.0, True)],
                 [line])
    items = [Item("node", 0, node_label("Centre", None)), Item("line", 0, line_label("backs"))]
    (_, spot), (level, _) = place(g, items, [1.0])
    assert ANGLES[spot % len(ANGLES)] != 90  # below would sit on the line
    assert level == 0  # the line's label sits on its own line, which is allowed


def test_placed_labels_stay_clear_at_every_larger_scale():
    """The containment that lets the page draw a level's labels at any zoom from it on."""
    import random

    rnd = random.Random(3)
    nodes = [(rnd.uniform(-150, 150), rnd.uniform(-100, 100), 6.0, 6.0, True) for _ in range(25)]
    lines = [([nodes[a][:2], nodes[b][:2]], (a, b)) for a, b in ((rnd.randrange(25), rnd.randrange(25)) for _ in range(20))
             if a != b]
    g = geometry(nodes, [(line_points(nodes[a], nodes[b]), (a, b)) for _, (a, b) in lines])
    items = [Item("node", k, node_label(f"Actor {k}", None)) for k in range(25)]
    scales = [0.5, 0.8, 1.2, 2.0]
    result = place(g, items, scales)
    for at in (1.0, 1.7, 3.0, 8.0):
        shown = [(items[k], spot) for k, (level, spot) in enumerate(result)
                 if level >= 0 and scales[level] <= at]
        boxes = [Region(swept(g, item, spot, at).points) for item, spot in shown]
        for i, a in enumerate(boxes):
            assert not any(a.hits_region(b) for b in boxes[i + 1:])
            for points in g.lines:
                assert not any(a.hits_segment(p, q) for p, q in itertools.pairwise(points))


def test_an_anchor_says_where_the_page_draws_a_label():
    g = geometry([(10.0, 20.0, 8.0, 8.0, True)])
    item = Item("node", 0, node_label("Turkey", None))
    for spot in (0, 5, 20):
        x, y, ux, uy, ring = spot_anchor(g, item, spot)
        reach = ring + abs(ux) * item.text.width / 2 + abs(uy) * item.text.height / 2
        for scale in (0.5, 1.0, 2.0):
            cx, cy = x + ux * reach / scale, y + uy * reach / scale
            box = label_box(g, item, spot, scale)
            assert ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) == pytest.approx((cx, cy))
    assert RINGS[0] == GAP


# -- view ---------------------------------------------------------------------------------------------------


def test_the_view_fits_the_width_and_follows_the_scenes_shape():
    wide, tall = (0.0, 0.0, 1000.0, 400.0), (0.0, 0.0, 400.0, 1000.0)
    view = fit(wide, 874)
    assert view.scale == pytest.approx((874 - 2 * PAD_X) / 1000)
    assert view.height == round((874 - 2 * PAD_X) * 0.4 + 2 * PAD_Y)
    assert fit(tall, 874).height == round(0.85 * 874) and fit(tall, 874).scale < fit(wide, 874).scale
    assert fit((0.0, 0.0, 10.0, 10.0), 874).scale <= MAX_SCALE
    assert View(100, 50, 2.0, 10.0, 10.0).screen(10.0, 10.0) == (50.0, 25.0)
    assert extent([(0, 0, 5, 5), (100, 20, 5, 5)]) == (50.0, 10.0, 240.0, 120.0)
    assert [standalone_canvas_width(w) for w in (600, 900, 1400, 2000)] == [574, 874, 1374, 1374]


def test_a_name_stands_nearer_its_own_actor_than_any_other():
    # below the first actor there is room, but the second one is right under it: the name goes above
    g = geometry([(0.0, 0.0, 10.0, 10.0, True), (0.0, 40.0, 10.0, 10.0, True)])
    [(_, spot)] = place(g, [Item("node", 0, node_label("Upper", None))], [1.0])
    assert ANGLES[spot % len(ANGLES)] == 270


def crowd(seed, n=30, spread=1.0):
    """Actors of several shapes, close together (``spread`` times farther apart), with long names, some
    of two lines, and a few lines."""
    import random

    rnd = random.Random(seed)
    nodes = [(spread * rnd.uniform(-120, 120), spread * rnd.uniform(-80, 80), rnd.uniform(5, 12),
              rnd.uniform(5, 12), rnd.random() < 0.5) for _ in range(n)]
    nodes = [(x, y, hx, hx if r else hy, r) for x, y, hx, hy, r in nodes]
    pairs = {(a, b) for a, b in ((rnd.randrange(n), rnd.randrange(n)) for _ in range(n // 2)) if a != b}
    g = geometry(nodes, [(line_points(nodes[a], nodes[b]), (a, b)) for a, b in sorted(pairs)],
                 (0.0, 0.0, 400.0 * spread, 300.0 * spread))
    words = ["Second", "Aleppo", "evacuation", "agreement", "Council", "measure", "militias", "Iranian-led"]
    items = [Item("node", k, node_label(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 4))), None))
             for k in range(n)]
    return g, items


@pytest.mark.parametrize("seed", range(6))
def test_a_name_keeps_to_its_own_actor_at_every_zoom_from_its_level_on(seed):
    """The rule that a name stands nearer its own actor than any other (KIN) holds at every scale at which
    the name shows, not only at the level it got: the box moves towards its actor as the scale grows."""
    from relgraph.render.placement import KIN

    g, items = crowd(seed)
    scales = [0.5 * 1.12**k for k in range(16)]
    for k, (level, spot) in enumerate(place(g, items, scales)):
        if level < 0:
            continue
        ring = RINGS[spot // len(ANGLES)]
        for at in [s for s in scales if s >= scales[level]] + [scales[-1] * 3]:
            margin = (ring + KIN) / at
            left, top, right, bottom = label_box(g, items[k], spot, at)
            grown = (left - margin, top - margin, right + margin, bottom + margin)
            near = [j for j, node in enumerate(g.nodes) if j != k and rect_hits_node(grown, node)]
            assert not near, (items[k].text.text, level, at, near)


@pytest.mark.parametrize("seed", range(6))
def test_the_level_a_name_gets_does_not_depend_on_the_ladder_above_it(seed):
    """A label that fits at a level fits at every larger one, so the lowest is found by halving, and
    placing on the lower part of a ladder (as the layout's check at the design width does) agrees with
    placing on the whole of it, up to the first label the lower part has no level for (after it, a label
    placed higher on the whole ladder takes room the lower part leaves free)."""
    g, items = crowd(seed, spread=2.5)
    scales = [0.5 * 1.12**k for k in range(16)]
    whole = place(g, items, scales)
    compared = 0
    for top in (9, 12):
        fresh = FrameGeometry(g.nodes, g.lines, g.line_ends, g.box)  # no grid or anchors kept from before
        lower = place(fresh, items, scales[:top + 1])
        first = next((k for k, (level, _) in enumerate(whole) if not 0 <= level <= top), len(items) - 1)
        assert [r if r[0] <= top else (-1, -1) for r in whole[:first + 1]] == lower[:first + 1]
        compared += first
    assert compared >= 8  # enough labels compared for the test to say something
