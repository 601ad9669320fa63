// Who backs an actor on a date?
// Every actor with a `backs` stance towards $actor that holds on $date, strongest first, with
// the evidence for it. A relation holds on a day d when r.first <= d <= r.last (an open start
// is stored as 0001-01-01 and an ongoing end as 9999-12-31, so the test needs no null check).
:param actor => 'assad-regime';
:param date => date('2016-12-20');

MATCH (backer:Actor)-[r:BACKS]->(target:Actor {id: $actor})
WHERE r.first <= $date <= r.last
RETURN backer.id AS backer, backer.name AS name, r.sign AS sign, r.start AS since,
       r.confidence AS confidence, r.evidence AS evidence
ORDER BY confidence DESC, backer;
