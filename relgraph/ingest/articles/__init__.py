"""From article to candidate relations: Stanford CoreNLP reads, relgraph proposes, people review.

* :mod:`~relgraph.ingest.articles.server`: a local CoreNLP server assembled from Maven Central;
* :mod:`~relgraph.ingest.articles.corenlp`: its HTTP API, and the parsed document it returns;
* :mod:`~relgraph.ingest.articles.repairs`: mends to the parse where the parser is wrong in costly ways;
* :mod:`~relgraph.ingest.articles.actors`: who a mention names (the dataset, pycountry, CAMEO tables);
* :mod:`~relgraph.ingest.articles.lexicon`: the declared verb lexicon (``data/lexicon.yaml``);
* :mod:`~relgraph.ingest.articles.when`: SUTime's dates as relgraph partial dates;
* :mod:`~relgraph.ingest.articles.clauses`: who does what to whom, from the dependency parse;
* :mod:`~relgraph.ingest.articles.titles`: leaders and officials named by their title;
* :mod:`~relgraph.ingest.articles.discourse`: who "it", "they" and "the two sides" are;
* :mod:`~relgraph.ingest.articles.extract`: articles in, a dataset of candidates (``review: pending``) out;
* :mod:`~relgraph.ingest.articles.score`: candidates against curated relations (precision, recall, dates),
  and :mod:`~relgraph.ingest.articles.baseline`, the simple extractor scores are compared with.

Accepted candidates join a dataset through :mod:`relgraph.ingest.review`. Nothing here imports the
server's jars or a network library at import time.
"""
