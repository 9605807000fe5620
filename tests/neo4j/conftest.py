"""Fixtures for tests against a real Neo4j 5.26 Community server (see kg/neo4j_server.py).

One server per pytest session (first start: a Maven build if needed, then ~10 s); every test that uses
``neo4j_driver`` starts on an empty database. These fixtures never skip: if the server cannot be built or
started, each test that needs it errors with the reason (including the tail of the server log).

NOTE: never add an ``__init__.py`` to this folder: a package called ``neo4j`` would shadow the driver.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from kg.build import build_graph
from kg.neo4j_server import RunningServer, reset_database, start
from kg.neo4j_store import push_graph

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A running server for the whole session: ``.uri`` (bolt://127.0.0.1:PORT), ``.user``, ``.password``."""
    workdir = tmp_path_factory.mktemp("neo4j-server")
    failure = None
    try:
        server = start(workdir)
    except Exception as exc:  # noqa: BLE001 - report any failure as a test error, never a skip
        failure = f"could not start the Neo4j test server: {type(exc).__name__}: {exc}"
    if failure is not None:  # outside the except block, so the report is not printed twice
        pytest.fail(failure, pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def neo4j_driver(neo4j_server: RunningServer) -> Iterator[object]:
    """A ``neo4j.Driver`` on an emptied database (no nodes, relationships, constraints or indexes)."""
    driver = neo4j_server.driver()
    try:
        reset_database(driver)
        yield driver
    finally:
        driver.close()


@pytest.fixture(scope="session")
def seed_graph() -> nx.MultiDiGraph:
    """The graph of ../shared/seeds, built once per session (tests only read it)."""
    G, _ = build_graph([SEEDS])
    return G


@pytest.fixture
def seeds_in_neo4j(neo4j_server: RunningServer, seed_graph: nx.MultiDiGraph) -> Iterator[object]:
    """A driver on a database holding the seed graph; pushed once and kept across read-only tests (pushed
    again if another test emptied the database in between)."""
    driver = neo4j_server.driver()
    try:
        recs, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
        if recs[0]["n"] != seed_graph.number_of_nodes():
            reset_database(driver)
            push_graph(seed_graph, driver)
        yield driver
    finally:
        driver.close()
