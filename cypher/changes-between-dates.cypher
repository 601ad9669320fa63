// What changed between two dates: stances that began (hold on $to but not on $from) and
// stances that ended (hold on $from but not on $to), with the actors involved.
:param from => date('2016-01-01');
:param to => date('2016-12-20');

MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.kind = 'stance'
WITH s, r, t, r.first <= $from <= r.last AS before, r.first <= $to <= r.last AS after
WHERE before <> after
RETURN CASE WHEN after THEN 'began' ELSE 'ended' END AS change, s.id AS source, r.type AS type,
       t.id AS target, r.sign AS sign, r.start AS start, r.end AS end
ORDER BY change, source, type, target;
