// Allies and enemies of an actor on a date: the actors it has a positive or a negative
// stance with (in either direction) that holds on $date. Neutral stances (sign 0, such as
// `tolerates`) and events are left out.
:param actor => 'turkey';
:param date => date('2016-12-20');

MATCH (x:Actor {id: $actor})-[r]-(other:Actor)
WHERE r.kind = 'stance' AND r.sign <> 0 AND r.first <= $date <= r.last
RETURN CASE r.sign WHEN 1 THEN 'ally' ELSE 'enemy' END AS side, other.id AS actor,
       other.name AS name, collect(DISTINCT r.type) AS relations
ORDER BY side, actor;
