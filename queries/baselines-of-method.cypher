// The baselines a method is compared with: what the papers that propose or apply it compare against, by number of papers
// params: $method
MATCH (m:Method) WHERE replace(replace(replace(replace(replace(toLower($method), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN m.norm_forms
MATCH (p:Paper)-[:PROPOSES|USES]->(m)
MATCH (p)-[:COMPARES_WITH]->(baseline:Method|Model)
WHERE baseline.id <> m.id
RETURN baseline.name AS baseline, baseline.kind AS kind, count(DISTINCT p) AS papers
ORDER BY papers DESC, baseline, kind
