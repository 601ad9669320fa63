// Signed triangles on a date, each marked balanced or not: the same answer as
// `relgraph analyze balance --date`, by the same rule (relgraph/analysis/ties.py).
// - Only actors take sides: agreements, resolutions and meetings (:Deal) are left out.
// - A tie is a relation of sign +1 or -1 shown on $date: a stance that holds that day
//   (first <= $date <= last), or an event of the window before it (first <= $date and
//   last > $since, where $since is $date minus the window: 30 days, as relgraph's default).
// - A stance gives way to a newer one on the pair whose start cannot be told apart from its
//   end at their precision ("hostile until 2016-summer", "cooperating from 2016-summer"):
//   their spans overlap, end_first <= the newer one's start_last.
// - Of the rest, between a pair, in either direction, one decides: stances before
//   events, then the highest confidence, then the latest first day, then negative before
//   positive, then the smallest id.
// A triangle is balanced when the product of its three signs is +1 ("the friend of my
// friend", "the enemy of my enemy"); the unbalanced ones are the tensions.
:param date => date('2016-12-20');
:param since => date('2016-12-20') - duration('P30D');

MATCH (a:Actor)--(b:Actor)--(c:Actor)--(a)
WHERE a.id < b.id < c.id AND NOT (a:Deal OR b:Deal OR c:Deal)
WITH DISTINCT a, b, c
UNWIND [['ab', a, b], ['bc', b, c], ['ac', a, c]] AS side
CALL {
  WITH side
  MATCH (x:Actor)-[r]-(y:Actor)
  WHERE x = side[1] AND y = side[2] AND r.sign <> 0 AND r.first <= $date
    AND CASE r.kind WHEN 'stance' THEN r.last >= $date ELSE r.last > $since END
    AND NOT (r.kind = 'stance' AND r.end_first IS NOT NULL AND EXISTS {
      MATCH (x)-[newer]-(y)
      WHERE newer <> r AND newer.kind = 'stance' AND newer.sign <> 0 AND newer.start_last IS NOT NULL
        AND newer.first <= $date AND newer.last >= $date
        AND newer.first > r.first AND newer.first <= r.last AND r.end_first <= newer.start_last
    })
  RETURN r AS tie
  ORDER BY r.kind = 'event', r.confidence DESC, r.first DESC, r.sign, r.id
  LIMIT 1
}
WITH a, b, c, collect([side[0], tie]) AS ties
WHERE size(ties) = 3
WITH a, b, c, [t IN ties WHERE t[0] = 'ab'][0][1] AS ab, [t IN ties WHERE t[0] = 'bc'][0][1] AS bc,
     [t IN ties WHERE t[0] = 'ac'][0][1] AS ac
RETURN a.id AS a, b.id AS b, c.id AS c, ab.sign AS ab_sign, bc.sign AS bc_sign, ac.sign AS ac_sign,
       ab.sign * bc.sign * ac.sign = 1 AS balanced, [ab.type, bc.type, ac.type] AS types
ORDER BY balanced, a, b, c;
