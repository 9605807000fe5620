"""kg's exceptions. The library raises these; the CLI turns them into one-line messages."""


class KGError(Exception):
    """Base class: a problem the user can fix. The message says what to do."""


class GraphFileError(KGError):
    """A graph file is missing or unreadable."""


class UnknownEntity(KGError):
    """A look-up named something the graph does not have."""


class LexiconError(KGError):
    """A lexicon file has a bad line."""
