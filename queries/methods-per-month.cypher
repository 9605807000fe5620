// Methods proposed per month: each method counted once, in the month of the earliest dated paper proposing it
// params: none
// A paper's date counts when it is ISO (YYYY-MM-DD); papers with no date or another form are left out.
MATCH (p:Paper)-[:PROPOSES]->(m:Method)
WHERE p.date =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}'
WITH m, min(p.date) AS first
RETURN left(first, 7) AS month, count(m) AS methods
ORDER BY month
