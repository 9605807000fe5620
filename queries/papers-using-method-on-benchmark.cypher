// Papers that use a method (apply it, compare with it, propose it, or propose a variant built on it) and evaluate on a benchmark or a member of its family
// params: $method, $benchmark
// Names match a canonical name, alias or long form, ignoring case, spaces, hyphens, dots, underscores and slashes.
MATCH (m:Method) WHERE replace(replace(replace(replace(replace(toLower($method), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN m.norm_forms
MATCH (family:Benchmark|Dataset) WHERE replace(replace(replace(replace(replace(toLower($benchmark), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN family.norm_forms
MATCH (b:Benchmark|Dataset)-[:PART_OF*0..]->(family)
MATCH (p:Paper)-[:EVALUATES_ON]->(b)
WHERE EXISTS { MATCH (p)-[:USES|COMPARES_WITH|PROPOSES]->(m) }
   OR EXISTS { MATCH (p)-[:PROPOSES]->(v)-[r:BUILDS_ON]->(m) WHERE p.id IN r.papers }
RETURN DISTINCT p.id AS paper, p.title AS title, p.date AS date, m.name AS method, b.name AS benchmark
ORDER BY date DESC, paper, benchmark
