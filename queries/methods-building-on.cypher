// Methods that build directly on a method (extend it or are a variant of it), with how many papers say so
// params: $method
MATCH (base:Method) WHERE replace(replace(replace(replace(replace(toLower($method), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN base.norm_forms
MATCH (m:Method)-[r:BUILDS_ON]->(base)
RETURN m.name AS method, base.name AS builds_on, size(r.papers) AS papers, m.id AS id
ORDER BY papers DESC, method, id
