"""Data in: machine-coded event data, and candidate relations read from news articles.

* :mod:`relgraph.ingest.events`: GDELT, ICEWS and ACLED files to a dataset folder (DuckDB);
* :mod:`relgraph.ingest.articles`: articles to candidate relations for review (Stanford CoreNLP).

Both produce ordinary datasets (:mod:`relgraph.dataset`), which validate, load and render
like curated ones.
"""
