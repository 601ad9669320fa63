// All relations between two actors over time, in either direction, oldest first:
// stances with the dates they hold as recorded (start and end), events with their date,
// each with its sign and the ids of its sources.
:param a => 'russia';
:param b => 'turkey';

MATCH (x:Actor {id: $a})-[r]-(y:Actor {id: $b})
RETURN startNode(r).id AS source, r.type AS type, endNode(r).id AS target, r.sign AS sign,
       r.kind AS kind, coalesce(r.start, r.date) AS from, r.end AS until, r.source_ids AS sources
ORDER BY r.first, type;
