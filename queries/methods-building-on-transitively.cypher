// Methods that build on a method directly or through other methods, with the length of the shortest chain
// params: $method
MATCH (base:Method) WHERE replace(replace(replace(replace(replace(toLower($method), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN base.norm_forms
MATCH (m:Method) WHERE m.id <> base.id
MATCH chain = shortestPath((m)-[:BUILDS_ON*]->(base))
RETURN m.name AS method, base.name AS builds_on, length(chain) AS depth, m.id AS id
ORDER BY depth, method, id
