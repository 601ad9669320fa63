// Who backs an actor on a date?
// Every actor with a `backs` stance towards $actor that holds on $date, strongest first,
// with the evidence for it. A stance holds when r.start <= $date <= r.end (open ends are
// stored as 0001-01-01 and 9999-12-31, so the comparison needs no null checks).
:param actor => 'assad-regime'
:param date => date('2016-12-20')

MATCH (backer:Actor)-[r:BACKS]->(target:Actor {id: $actor})
WHERE r.start <= $date <= r.end
RETURN backer.id AS backer, backer.name AS name, r.sign AS sign, r.start_text AS since,
       r.confidence AS confidence, r.evidence AS evidence
ORDER BY confidence DESC, backer
