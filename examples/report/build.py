"""Build examples/report/report.html: a short report that embeds two relgraph fragments.

    python examples/report/build.py            # writes examples/report/report.html

The same fragments come from the command line:

    relgraph render --date 2016-12-20 --focus Russia,Iran,Turkey --fragment -o moscow.html
    relgraph render --from 2015-01-01 --to 2016-12-20 --step 1M --actor turkey --focus turkey \
        --fragment -o turkey.html

This script does it through the Python API and pastes them into the report's
own page (with the roles that ended in each date's window noted, as the
command does). The report's text is ours; the facts come from the example
dataset. The report's column is at most 1,180 px wide and narrows with the
window; the figures follow it (tests/test_browser.py opens it at 600, 900 and
1,400 px).
"""

from __future__ import annotations

from pathlib import Path

import relgraph
from relgraph.render.html import CSP, render_html
from relgraph.render.roles import recent_roles

HERE = Path(__file__).resolve().parent

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moscow talks on Syria, 20 December 2016: who stood where</title>
<style>
  body {{ font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1d1d1d; max-width: 1180px;
         margin: 0 auto; padding: 24px 20px 60px; }}
  h1 {{ font-size: 1.9em; line-height: 1.2; margin: 0 0 4px; }}
  .byline {{ color: #666; margin: 0 0 24px; font-style: italic; }}
  h2 {{ font-size: 1.3em; margin: 32px 0 8px; }}
  p {{ max-width: 46em; }}
  figure {{ margin: 16px 0 28px; }}
  figcaption {{ font-size: 0.9em; color: #555; max-width: 46em; }}
  footer {{ border-top: 1px solid #ddd; margin-top: 40px; padding-top: 8px; font-size: 0.85em; color: #666; }}
  button {{ font: inherit; font-size: 0.9em; margin: 0 4px 4px 0; }}
</style>
</head>
<body>
<h1>Moscow talks on Syria: who stood where on 20 December 2016</h1>
<p class="byline">An example report built with relgraph from its bundled dataset.</p>

<p>On 20 December 2016 the Russian, Iranian and Turkish foreign and defence ministers met in Moscow to
discuss Syria. The meeting came a day after the Russian ambassador was shot dead in Ankara, and days
after the last opposition districts of Aleppo fell to the regime and the forces backing it. Russia and
Iran back the Assad regime; Turkey backs the opposition. Yet Russia and Turkey had brokered the
evacuation agreements for Aleppo together, while Iran undermined them.</p>

<h2>The graph on the day of the talks</h2>
<p>The three countries at the table are drawn larger and named in bold; the rest is dimmed, not dropped.
Each line joins two actors and takes the colour of their tie: blue positive, orange negative, grey
neutral; dashed lines are events of the preceding thirty days, and a line's label lists every relation
between the pair. Allies are drawn close together and adversaries apart. Hover over an actor or a line for
its details and sources; click to keep them in the panel under the graph. <a href="#find-an-actor">Find an
actor</a> in the graph from the text: the links below highlight it.</p>
<figure id="moscow">
{moscow}
</figure>

<h2>Turkey, from the shoot-down to cooperation with Russia</h2>
<p>A year earlier, Turkey had shot down a Russian warplane and relations between Ankara and Moscow
were close to breaking. After the reconciliation of summer 2016 the two worked together around Aleppo.
Move the slider, or press play, to follow Turkey's neighbourhood month by month: the hostile line to
Russia gives way to cooperation, and Turkey's fight against the Islamic State begins in August.</p>
<figure id="turkey">
{turkey}
</figure>

<p id="find-an-actor">Find in the first graph: <button type="button" data-actor="Ankara">Turkey</button>
<button type="button" data-actor="Tehran">Iran</button>
<button type="button" data-actor="Karlov">the ambassador</button></p>

<footer>Made with <code>python examples/report/build.py</code>. Both graphs are self-contained:
the report works offline and makes no request.</footer>
<script>
// the fragment API (README, "Fragments for reports"): find an actor by name or alias, then highlight it
document.querySelectorAll("button[data-actor]").forEach(function (button) {{
  button.addEventListener("click", function () {{
    var graph = document.querySelector("#moscow .relgraph-graph").relgraph;
    var id = graph.find(button.getAttribute("data-actor"));
    if (id) {{ graph.highlight(id); document.getElementById("moscow").scrollIntoView(); }}
  }});
}});
</script>
</body>
</html>
"""


def build(out: Path = HERE / "report.html") -> Path:
    with relgraph.open() as rg:
        day = rg.snapshot("2016-12-20")
        turkey = rg.series("2015-01-01", "2016-12-20", "1M", filters=relgraph.Filters(actor="turkey"))
        recent_roles([day, *turkey], rg.snapshots)
    moscow = render_html(day, fragment=True, title="Relations on 20 December 2016",
                         focus=["Russia", "Iran", "Turkey"])
    series = render_html(turkey, fragment=True, title="Turkey's neighbourhood, January 2015 to December 2016",
                         focus=["Turkey"])
    out.write_text(PAGE.format(csp=CSP, moscow=moscow, turkey=series), encoding="utf-8")
    return out


if __name__ == "__main__":
    print(f"Wrote {build()}")
