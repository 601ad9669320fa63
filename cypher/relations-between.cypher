// All relations between two actors over time, in either direction, oldest first:
// stances with their interval, events with their date, each with its sign and sources.
:param a => 'russia'
:param b => 'turkey'

MATCH (x:Actor {id: $a})-[r]-(y:Actor {id: $b})
WHERE r.id IS NOT NULL
RETURN startNode(r).id AS source, r.type AS type, endNode(r).id AS target, r.sign AS sign,
       r.kind AS kind, coalesce(r.date_text, r.start_text) AS from, r.end_text AS until,
       r.source_ids AS sources
ORDER BY coalesce(r.date, r.start), type
