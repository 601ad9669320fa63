// Signed triangles on a date, each marked balanced or not.
// Ties: the stances that hold on $date with a sign of +1 or -1, between actors that are not
// agreements, resolutions or meetings. Parallel stances between a pair (in either
// direction) collapse into one tie with the sign of the strongest: highest confidence, then
// the most recent start. A triangle is balanced when the product of its three signs is +1
// ("the friend of my friend", "the enemy of my enemy"); unbalanced ones are the tensions.
:param date => date('2016-12-20')

MATCH (a:Actor)-[r]-(b:Actor)
WHERE r.kind = 'stance' AND r.sign <> 0 AND r.start <= $date <= r.end AND a.id < b.id
  AND NOT a.kind IN ['agreement', 'resolution', 'meeting']
  AND NOT b.kind IN ['agreement', 'resolution', 'meeting']
WITH a, b, r ORDER BY r.confidence DESC, r.start DESC
WITH a.id AS a, b.id AS b, head(collect(r.sign)) AS sign
WITH collect([a, b, sign]) AS ties
UNWIND ties AS ab
UNWIND ties AS ac
WITH ties, ab, ac WHERE ab[0] = ac[0] AND ab[1] < ac[1]
UNWIND [t IN ties WHERE t[0] = ab[1] AND t[1] = ac[1]] AS bc
RETURN ab[0] AS a, ab[1] AS b, ac[1] AS c, ab[2] AS ab_sign, ac[2] AS ac_sign, bc[2] AS bc_sign,
       ab[2] * ac[2] * bc[2] = 1 AS balanced
ORDER BY balanced, a, b, c
