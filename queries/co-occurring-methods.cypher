// Methods that occur in the same papers as a method (used, compared with or proposed there), by number of shared papers
// params: $method
MATCH (m:Method) WHERE replace(replace(replace(replace(replace(toLower($method), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN m.norm_forms
MATCH (p:Paper)-[:USES|COMPARES_WITH|PROPOSES]->(m)
MATCH (p)-[:USES|COMPARES_WITH|PROPOSES]->(other:Method)
WHERE other.id <> m.id
RETURN other.name AS method, count(DISTINCT p) AS papers
ORDER BY papers DESC, method
