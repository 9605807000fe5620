// kg's Neo4j schema: one uniqueness constraint on `id` per node label, plus indexes for look-ups.
// Every statement is idempotent (IF NOT EXISTS). `kg push` runs this file before writing; to apply it by hand:
//   cypher-shell -a "$NEO4J_URI" -u "$NEO4J_USER" -f kg/data/schema.cypher
// (cypher-shell prompts for the password when -p is left out). Statements end with `;`; lines starting
// with `//` are comments.

// ---- node identity: MERGE (n:Label {id: ...}) uses these, so pushes stay idempotent and fast
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_id IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT benchmark_id IF NOT EXISTS FOR (n:Benchmark) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metric_id IF NOT EXISTS FOR (n:Metric) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT result_id IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE;

// ---- look-ups by name (MATCH (m:Method {name: 'GRPO'})), and papers by arXiv id and date
CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name);
CREATE INDEX model_name IF NOT EXISTS FOR (n:Model) ON (n.name);
CREATE INDEX benchmark_name IF NOT EXISTS FOR (n:Benchmark) ON (n.name);
CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name);
CREATE INDEX task_name IF NOT EXISTS FOR (n:Task) ON (n.name);
CREATE INDEX metric_name IF NOT EXISTS FOR (n:Metric) ON (n.name);
CREATE INDEX author_name IF NOT EXISTS FOR (n:Author) ON (n.name);
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxiv_id);
CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);

// ---- words in titles (WHERE p.title CONTAINS 'reasoning')
CREATE TEXT INDEX paper_title IF NOT EXISTS FOR (n:Paper) ON (n.title);
