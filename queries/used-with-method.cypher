// The benchmarks and models most used by the papers that use or propose a method (top 25 by number of papers)
// params: $method
MATCH (m:Method) WHERE replace(replace(replace(replace(replace(toLower($method), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN m.norm_forms
MATCH (p:Paper)-[:USES|COMPARES_WITH|PROPOSES]->(m)
MATCH (p)-[:EVALUATES_ON|USES_MODEL]->(x:Benchmark|Model)
RETURN x.kind AS kind, x.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, kind, name
LIMIT 25
