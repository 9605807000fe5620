"""Look-ups over a kg graph: papers by method/benchmark/model/dataset, entity cards, statistics."""
from queries.lookups import find_entities, papers, show, stats

__all__ = ["find_entities", "papers", "show", "stats"]
