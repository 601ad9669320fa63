"""Build examples/report/report.html: a short report that embeds two relgraph fragments.

    python examples/report/build.py            # writes examples/report/report.html

The same fragments come from the command line:

    relgraph render --date 2016-12-20 --fragment -o moscow.html
    relgraph render --from 2015-01-01 --to 2016-12-20 --step 1M --actor turkey --fragment -o turkey.html

This script does it through the Python API and pastes them into the report's
own page. The report's text is ours; the facts come from the example dataset.
"""

from __future__ import annotations

from pathlib import Path

import relgraph
from relgraph.render.html import CSP, render_html

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
<p>Blue lines are positive ties, orange ones negative, grey ones neutral; dashed lines are events of the
preceding thirty days. Allies are drawn close together and adversaries apart. Hover over an actor or a
line for its details and sources; click to keep them in the panel.</p>
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

<footer>Made with <code>python examples/report/build.py</code>. Both graphs are self-contained:
the report works offline and makes no request.</footer>
</body>
</html>
"""


def build(out: Path = HERE / "report.html") -> Path:
    with relgraph.open() as rg:
        day = rg.snapshot("2016-12-20")
        turkey = rg.series("2015-01-01", "2016-12-20", "1M", filters=relgraph.Filters(actor="turkey"))
    moscow = render_html(day, fragment=True, title="Relations on 20 December 2016")
    series = render_html(turkey, fragment=True, title="Turkey's neighbourhood, January 2015 to December 2016")
    out.write_text(PAGE.format(csp=CSP, moscow=moscow, turkey=series), encoding="utf-8")
    return out


if __name__ == "__main__":
    print(f"Wrote {build()}")
