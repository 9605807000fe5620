"""kg: a knowledge-graph builder for the machine-learning literature."""
from kg.build import BuildReport, build, build_graph
from kg.store import load_graph, save_graph

__all__ = ["BuildReport", "build", "build_graph", "load_graph", "save_graph"]
__version__ = "0.1.0"
