// Every entity a name or acronym denotes, with its kind, long form, aliases and number of papers: one row per meaning
// params: $name
MATCH (e:Method|Model|Benchmark|Dataset|Task|Metric) WHERE replace(replace(replace(replace(replace(toLower($name), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') IN e.norm_forms
OPTIONAL MATCH (p:Paper)-[]->(e)
WITH e, count(DISTINCT p) AS papers
RETURN e.name AS name, e.kind AS kind, e.long_form AS long_form, e.aliases AS aliases, papers, e.id AS id
ORDER BY papers DESC, id
