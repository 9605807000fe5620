// Reported results on a benchmark or a member of its family as a leaderboard: value, metric, paper and subject, best first
// params: $benchmark
// score is the value as a number (gains such as +2.7 and values like 7.3pp have none and come last).
MATCH (family:Benchmark|Dataset) WHERE replace(replace(replace(replace(replace(toLower($benchmark), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN family.norm_forms
MATCH (b:Benchmark|Dataset)-[:PART_OF*0..]->(family)
MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON_BENCHMARK]->(b)
OPTIONAL MATCH (r)-[:OF]->(s)
WITH DISTINCT b, r, p, s,
     CASE WHEN r.value STARTS WITH '+' THEN NULL ELSE toFloat(replace(r.value, '%', '')) END AS score
RETURN b.name AS benchmark, r.value AS value, r.metric AS metric, p.id AS paper, p.title AS title,
       s.name AS subject, score
ORDER BY benchmark, score IS NULL, score DESC, value, paper, subject
