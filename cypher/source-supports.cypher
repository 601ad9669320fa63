// Everything a source supports: each relation that cites $source, with the evidence note the
// curator wrote for that citation (the i-th note goes with the i-th id in r.source_ids).
// A source is linked to every actor its claims are about, so Browser can also expand from it:
// MATCH p = (:Source {id: $source})-[:SPEAKS_ABOUT]->(:Actor) RETURN p
:param source => 'un-veto-list';

MATCH (src:Source {id: $source})-[:SPEAKS_ABOUT]->(s:Actor)-[r]->(t:Actor)
WHERE src.id IN r.source_ids
RETURN src.title AS title, s.id AS source, r.type AS type, t.id AS target,
       coalesce(r.date, r.start) AS when,
       [i IN range(0, size(r.source_ids) - 1) WHERE r.source_ids[i] = src.id | r.evidence[i]][0] AS evidence
ORDER BY r.first, source, type, target;
