"""`kg export --format neo4j-csv`: the files, and a real `neo4j-admin database import full` of them.

The import test runs the generated import.sh with the neo4j-admin of the test server's jars, starts a
Neo4j server on the imported store and checks that it holds what `kg push` writes and answers the look-ups
like the graph file.
"""
from __future__ import annotations

import csv
import os
import shutil
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.neo4j_csv import ARRAY_DELIMITER, write_csv
from kg.neo4j_server import DEFAULT_JVM_FLAGS
from kg.neo4j_server import build as build_server
from kg.neo4j_store import NODE_LABELS, neo4j_papers, neo4j_show, push_graph
from kg.store import save_graph
from queries.lookups import papers, show

REPO = Path(__file__).resolve().parents[2]

csv.field_size_limit(1 << 24)


@pytest.fixture(scope="module")
def csv_dir(tmp_path_factory, seed_graph) -> Path:
    """The seed graph exported through the CLI."""
    tmp = tmp_path_factory.mktemp("neo4j-csv")
    save_graph(seed_graph, tmp / "seeds.kg")
    out = tmp / "import"
    r = CliRunner().invoke(app, ["export", str(tmp / "seeds.kg"), "--format", "neo4j-csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


def read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_files_and_headers(csv_dir, seed_graph):
    kinds = Counter(d["kind"] for _, d in seed_graph.nodes(data=True))
    rels = Counter(k for _, _, k in seed_graph.edges(keys=True))
    for label, n in kinds.items():
        header, rows = read(csv_dir / f"nodes_{label}.csv")
        assert header[:2] == ["id:ID", ":LABEL"], header
        assert len(rows) == n, label
        assert {r[1] for r in rows} == {label}
        assert {r[0] for r in rows} == {x for x, d in seed_graph.nodes(data=True) if d["kind"] == label}
    for rel, n in rels.items():
        header, rows = read(csv_dir / f"rels_{rel}.csv")
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"], header
        assert "out_index:long" in header and "confidence:double" in header
        assert len(rows) == n and {r[2] for r in rows} == {rel}
    assert {p.name for p in csv_dir.glob("*.csv")} == {f"nodes_{k}.csv" for k in kinds} | {f"rels_{k}.csv" for k in rels}

    header, _ = read(csv_dir / "nodes_Method.csv")
    for col in ["name:string", "aliases:string[]", "confidence:double", "norm_forms:string[]", "kind:string"]:
        assert col in header
    header, _ = read(csv_dir / "nodes_Paper.csv")
    assert {"title:string", "authors:string[]", "sources:string[]", "upvotes:long"} <= set(header)
    header, _ = read(csv_dir / "rels_BUILDS_ON.csv")
    assert {"evidence:string", "evidence_sentences:string[]", "papers:string[]"} <= set(header)

    script = (csv_dir / "import.sh").read_text()
    assert os.access(csv_dir / "import.sh", os.X_OK)
    assert "neo4j-admin} database import full" in script
    assert "--array-delimiter=U+001F" in script and "--multiline-fields=true" in script
    assert script.count("--nodes=") == len(kinds) and script.count("--relationships=") == len(rels)
    readme = (csv_dir / "README.md").read_text()
    assert "neo4j-admin database import full" in readme and "--id-type=string" in readme
    assert (csv_dir / "schema.cypher").read_text().count("CREATE CONSTRAINT") == len(NODE_LABELS)
    assert not list(csv_dir.glob(".*.tmp"))  # atomic writes leave no temporary files


def test_array_columns_parse_back(csv_dir, seed_graph):
    header, rows = read(csv_dir / "nodes_Method.csv")
    col = header.index("aliases:string[]")
    got = {r[0]: (r[col].split(ARRAY_DELIMITER) if r[col] else []) for r in rows}
    want = {n: d["aliases"] for n, d in seed_graph.nodes(data=True) if d["kind"] == "Method"}
    assert got == want
    assert any(len(v) > 1 for v in want.values())
    conf = header.index("confidence:double")
    assert {r[0]: float(r[conf]) for r in rows} == {n: seed_graph.nodes[n]["confidence"] for n in want}

    header, rows = read(csv_dir / "rels_USES.csv")
    col = header.index("evidence_sentences:string[]")
    got = {(r[0], r[1]): r[col].split(ARRAY_DELIMITER) for r in rows}
    want = {(u, v): [e["sentence"] for e in d["evidence"]] for u, v, k, d in seed_graph.edges(keys=True, data=True)
            if k == "USES"}
    assert got == want
    # why not neo4j-admin's default ';': sentences contain it
    assert any(";" in s for v in want.values() for s in v) or any(
        ";" in e["sentence"] for _, _, d in seed_graph.edges(data=True) for e in d["evidence"])

    header, rows = read(csv_dir / "nodes_Paper.csv")
    col = header.index("abstract:string")
    abstracts = {r[0]: r[col] for r in rows}
    assert abstracts == {n: d["abstract"] for n, d in seed_graph.nodes(data=True) if d["kind"] == "Paper"}


def test_write_csv_is_repeatable(tmp_path, seed_graph, csv_dir):
    written = write_csv(seed_graph, tmp_path / "again")
    assert sum(v for k, v in written.items() if k.startswith("nodes_")) == seed_graph.number_of_nodes()
    assert sum(v for k, v in written.items() if k.startswith("rels_")) == seed_graph.number_of_edges()
    for f in csv_dir.glob("*.csv"):
        assert (tmp_path / "again" / f.name).read_bytes() == f.read_bytes()


# --------------------------------------------------------------------------------- a real import


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    assert java, "java not found"
    return java


def _tail(path: Path, n: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-n:]) if path.exists() else "(no log)"


def test_neo4j_admin_import_gives_what_push_gives(csv_dir, seed_graph, tmp_path, neo4j_driver):
    import neo4j

    classpath = build_server()  # a no-op when the test server's jars are built (neo4j_driver needs them)
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    admin = tmp_path / "neo4j-admin"
    admin.write_text(f'#!/bin/sh\nexec "{_java()}" -Xmx512m -cp "{classpath}" org.neo4j.cli.AdminTool "$@"\n')
    admin.chmod(0o755)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf"), "NEO4J_ADMIN": str(admin)}
    r = subprocess.run([str(csv_dir / "import.sh"), "neo4j", "--max-off-heap-memory=256m",
                        f"--report-file={tmp_path / 'import.report'}"],
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert f"{seed_graph.number_of_nodes()} nodes" in r.stdout
    assert f"{seed_graph.number_of_edges()} relationships" in r.stdout
    assert (tmp_path / "import.report").read_text().strip() == ""  # no bad entries

    port = _free_port()
    (home / "conf" / "neo4j.conf").write_text(
        f"server.bolt.listen_address=127.0.0.1:{port}\nserver.bolt.advertised_address=127.0.0.1:{port}\n"
        "server.http.enabled=false\nserver.https.enabled=false\ndbms.security.auth_enabled=false\n"
        "server.memory.pagecache.size=64m\n")
    log = tmp_path / "server.out"
    with log.open("wb") as out:
        proc = subprocess.Popen([_java(), *DEFAULT_JVM_FLAGS, "-Xmx512m", "-cp", classpath,
                                 "org.neo4j.server.CommunityEntryPoint", f"--home-dir={home}",
                                 f"--config-dir={home / 'conf'}"],
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        driver = neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=None,
                                            notifications_min_severity="OFF")
        deadline = time.monotonic() + 180
        while True:
            try:
                driver.verify_connectivity()
                break
            except Exception:  # noqa: BLE001 - not up yet
                assert proc.poll() is None, f"server exited: {_tail(log)}\n{_tail(home / 'logs' / 'neo4j.log')}"
                assert time.monotonic() < deadline, f"server did not start: {_tail(home / 'logs' / 'neo4j.log')}"
                time.sleep(0.5)
        with driver:
            # the same graph pushed over Bolt to the test server
            push_graph(seed_graph, neo4j_driver)

            def dump(drv):
                nodes = {r["p"]["id"]: (r["l"], r["p"]) for r in drv.execute_query(
                    "MATCH (n) RETURN labels(n) AS l, properties(n) AS p")[0]}
                rels = {(r["a"], r["t"], r["b"]): r["p"] for r in drv.execute_query(
                    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p")[0]}
                return nodes, rels

            def present(props: dict) -> dict:  # CSV import cannot express "" or []: those are absent
                return {k: v for k, v in props.items() if v != "" and v != []}

            imported_nodes, imported_rels = dump(driver)
            pushed_nodes, pushed_rels = dump(neo4j_driver)
            assert imported_nodes.keys() == pushed_nodes.keys()
            for n, (labels, props) in pushed_nodes.items():
                assert imported_nodes[n] == (labels, present(props)), n
            assert imported_rels.keys() == pushed_rels.keys()
            for key, props in pushed_rels.items():
                assert imported_rels[key] == present(props), key

            # the look-ups work on the imported database as on the graph file
            for q in [{"method": "GRPO", "benchmark": "AIME"}, {"model": "Qwen2.5"}, {"benchmark": "GAIA"}]:
                assert neo4j_papers(**q, driver=driver) == papers(seed_graph, **q), q
            for name in ["GRPO", "ARPO", "AIME 2024"]:
                assert neo4j_show(name, driver=driver) == show(seed_graph, name), name
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
