// Papers by an author (the name as written, any case), newest first
// params: $author
MATCH (a:Author)-[:AUTHORED]->(p:Paper)
WHERE toLower(a.name) = toLower($author)
RETURN p.id AS paper, p.title AS title, p.date AS date, a.name AS author
ORDER BY date DESC, paper
