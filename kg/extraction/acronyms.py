"""Acronym definitions in running text, Schwartz & Hearst (2003) style, in both orders:
"Group Relative Policy Optimization (GRPO)" and "GRPO (Group Relative Policy Optimization)"."""
from __future__ import annotations

import re

_PAREN = re.compile(r"\(([^()]{1,120})\)")
_SHORT = re.compile(r"^[A-Za-z$\\][\w\-+.'$\\{}^]{0,19}(?: [A-Z][\w\-]{0,12})?$")
_BOUNDARY = re.compile(r"[.;:!?]\s|[()\[\]]")
_PLURAL_CAPS = re.compile(r"[A-Za-z]*[A-Z]s")
_ALTERNATIVES = re.compile(r"[;,]\s|\s(?:or|and|for short)\s")
_STOP_SHORT = {"e.g.", "i.e.", "et al.", "etc.", "ie", "eg", "cf."}


def _is_short_form(s: str) -> bool:
    if s.lower() in _STOP_SHORT or not _SHORT.match(s):
        return False
    letters = [c for c in _spelled(s) if c.isalpha()]
    if _PLURAL_CAPS.fullmatch(s):
        return False  # a plural ("LLMs", "VANETs") names a class of things, not one named thing
    return len(letters) >= 2 and any(c.isupper() for c in s) and len(s.split()) <= 2


# a letter written with a count: "C^2DLM", "C²DLM", "D2Plan", "R3", "GR$^3$" (that many words start with it)
_DOUBLED = re.compile(r"([A-Za-z])(?:\$?\^\{?([23])\}?\$?|([²³]))|([A-Z])(2)(?=[A-Z])")
_COUNTED_LAST = re.compile(r"[A-Z]{1,4}[23]")  # "R3", "GR2"; not "Qwen2", a name's version
_COUNTS = {"2": 2, "3": 3, "²": 2, "³": 3}


def _spelled(short: str) -> str:
    """``short`` with each counted letter written out: "R3" -> "RRR", "C^2DLM" -> "CCDLM".

    >>> [_spelled(s) for s in ("R3", "GR$^3$", "C²DLM", "D2Plan", "TD3", "Qwen2")]
    ['RRR', 'GRRR', 'CCDLM', 'DDPlan', 'TDDD', 'Qwen2']
    """
    if _COUNTED_LAST.fullmatch(short):
        return short[:-1] + short[-2] * (_COUNTS[short[-1]] - 1)
    return _DOUBLED.sub(lambda m: (m.group(1) or m.group(4)) * _COUNTS[m.group(2) or m.group(3) or m.group(5)], short)


def best_long_form(short: str, long: str) -> int | None:
    """Start index in ``long`` of the shortest tail that spells ``short`` (Schwartz–Hearst), or None.

    >>> long = "we use Group Relative Policy Optimization"
    >>> long[best_long_form("GRPO", long):]
    'Group Relative Policy Optimization'
    """
    short = _spelled(short)  # "C^2DLM", "R3": two or three words start with that letter
    s_idx, l_idx = len(short) - 1, len(long) - 1
    while s_idx >= 0:
        c = short[s_idx].lower()
        if not c.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (long[l_idx].lower() != c or (s_idx == 0 and l_idx > 0 and long[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    return long.rfind(" ", 0, l_idx + 1) + 1


_GLUE = {"of", "for", "and", "the", "with", "in", "to", "via", "on", "a", "an", "by", "from", "as", "at"}


def initials_long_form(short: str, long: str) -> int | None:
    """Start index in ``long`` of the words whose initials spell ``short`` (small words like "of" may be
    skipped, hyphenated parts count as words), or None. Schwartz–Hearst alone takes the shortest tail,
    which loses words when a letter recurs inside the last word ("Robust Subspace Registration (RSR)").

    >>> long = "we introduce Robust Subspace Registration"
    >>> long[initials_long_form("RSR", long):]
    'Robust Subspace Registration'
    >>> long = "we introduce Control and Interpretation of Production via Hybrid Expertise and Reasoning"
    >>> long[initials_long_form("CIPHER", long):]
    'Control and Interpretation of Production via Hybrid Expertise and Reasoning'
    >>> initials_long_form("GRPO", "we use policy optimisation") is None
    True
    """
    spelled = _spelled(short)
    letters = [c.lower() for c in spelled if c.isalpha()]
    if len(letters) < 2 or len(letters) != sum(c.isalnum() for c in spelled):
        return None  # digits or symbols in the short form: leave it to Schwartz–Hearst
    parts = list(re.finditer(r"[A-Za-z][A-Za-z']*", long))
    i, start = len(letters) - 1, None
    for w in reversed(parts):
        if i < 0:
            break
        word = w.group(0)
        if word[0].lower() == letters[i]:
            i -= 1
            start = w.start()
        elif word.lower() in _GLUE and start is not None:
            continue
        else:
            return None
    if i >= 0 or start is None:
        return None
    return long.rfind(" ", 0, start) + 1


def _words(s: str) -> int:
    return len(s.split())


# emphasis wrappers looked through: \textbf{R}elative, {\bf C}ausal, **D**ual (markdown)
_LATEX_WRAP = re.compile(r"\\(?:textbf|textit|texttt|textsc|emph|mathbf|mathrm|text|underline)\{([^{}]*)\}"
                         r"|\{\\(?:bf|it|em|sc)\s+([^{}]*)\}|\*\*([^*\n]*)\*\*")


def _without_latex(text: str) -> tuple[str, list[int]]:
    """``text`` with ``\\textbf{R}elative``-style wrappers removed, and each kept char's original offset."""
    out, where, pos = [], [], 0
    for m in _LATEX_WRAP.finditer(text):
        g = m.lastindex or 1
        out.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        out.append(m.group(g))
        where.extend(range(m.start(g), m.end(g)))
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(out), where


_TITLE_DEF = re.compile(r"\s*([A-Za-z][\w\-+]*[\w+])\s*:\s+([^\n]+)")


def title_definition(text: str) -> list[tuple[int, int, int, int]]:
    r""""GIPO: Gaussian Importance Sampling Policy Optimization" -- a title whose subtitle opens by spelling
    out its prefix defines it (the subtitle's first capitalised words are the long form).

    >>> t = "XPO: Xeno Policy Optimization for Agents\n\nAbstract."
    >>> [(t[a:b], t[c:d]) for a, b, c, d in title_definition(t)]
    [('XPO', 'Xeno Policy Optimization')]
    """
    m = _TITLE_DEF.match(text[:text.find("\n\n")] if "\n\n" in text else "")
    if not m or not _is_short_form(m.group(1)):
        return []
    short, sub = m.group(1), m.group(2)
    last = [c for c in short if c.isalnum()][-1].lower()
    words = list(re.finditer(r"\S+", sub))
    # up to the first small word that starts a phrase of its own ("for", "with"); "and", "of" join words
    words = words[:next((i for i, w in enumerate(words) if w.group(0).islower()
                         and w.group(0) not in {"and", "of", "&"}), len(words))]
    for n in range(2, min(len(words), 10) + 1):
        end = words[n - 1].end()
        if words[n - 1].group(0)[0].lower() == last and best_long_form(short, sub[:end]) == 0:
            return [(m.start(1), m.end(1), m.start(2), m.start(2) + end)]
    return []


def find_definitions(text: str) -> list[tuple[int, int, int, int]]:
    """All definitions as char offsets ``(short_start, short_end, long_start, long_end)`` into ``text``;
    LaTeX emphasis inside a long form ("\\textbf{R}elative \\textbf{S}core ...") is looked through."""
    if "\\" not in text and "**" not in text:
        return title_definition(text) + _find(text)
    clean, where = _without_latex(text)
    wraps = list(_LATEX_WRAP.finditer(text))
    opened = {m.start(m.lastindex or 1): m.start() for m in wraps}  # a span starting in "\\textbf{R}" starts at "\\"
    closed = {m.end(m.lastindex or 1): m.end() for m in wraps}

    def span(a: int, b: int) -> tuple[int, int]:
        s0, s1 = where[a], where[b - 1] + 1
        return opened.get(s0, s0), closed.get(s1, s1)

    return title_definition(text) + [(*span(a, b), *span(c, d)) for a, b, c, d in _find(clean)]


def _find(text: str) -> list[tuple[int, int, int, int]]:
    """All definitions as char offsets ``(short_start, short_end, long_start, long_end)``.

    >>> t = "We propose Entropy Balanced Policy Optimization (EBPO). HES (High-Entropy Sum) helps."
    >>> [(t[a:b], t[c:d]) for a, b, c, d in find_definitions(t)]
    [('EBPO', 'Entropy Balanced Policy Optimization'), ('HES', 'High-Entropy Sum')]
    """
    out: list[tuple[int, int, int, int]] = []
    for m in _PAREN.finditer(text):
        inner_full = m.group(1)
        inner = _ALTERNATIVES.split(inner_full)[0].strip()
        i0 = m.start(1) + inner_full.find(inner)
        found = _long_before(text, m, inner, i0) if _is_short_form(inner) else None
        whole = inner_full.strip()
        if found is None and whole != inner and not re.search(r"[;,]", whole):
            # "TREK (Travel Reasoning and Evaluation Kit)": the "and" is inside the long form
            found = _short_before(text, m, whole, m.start(1) + inner_full.find(whole))
        if found is None and _words(inner) >= 2:
            found = _short_before(text, m, inner, i0)
        if found is not None:
            out.append(found)
    return out


_LAST_WORD = re.compile(r"(\S+)\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w\-+.]*[\w+])\s*$")


def _long_before(text: str, m: re.Match, inner: str, i0: int) -> tuple[int, int, int, int] | None:
    """"Long Form (LF)": the long form ends right before the parenthesis."""
    window_start = 0
    for b in _BOUNDARY.finditer(text, max(0, m.start() - 300), m.start()):
        window_start = b.end()
    before = text[window_start:m.start()].rstrip()
    n_letters = sum(c.isalnum() for c in _spelled(inner))
    max_words = min(n_letters + 5, 2 * n_letters)
    words = before.split()
    cand = " ".join(words[-max_words:]) if words else ""
    if not cand:
        return None
    cand_start = window_start + len(before) - len(cand)
    k = initials_long_form(inner, cand)
    if k is None and not _COUNTED_LAST.fullmatch(inner):  # "R3" only from initials: not "Protocol Compliance (P2)"
        k = best_long_form(inner, cand)
        prev = _LAST_WORD.search(cand, 0, k) if k is not None else None
        if _DOUBLED.match(inner) and prev and prev.group(1)[:1].lower() == inner[:1].lower():
            k = prev.start(1)  # the doubled letter's first word: S-H alone takes the shortest tail
    if k is None:
        return None
    long = cand[k:]
    if (_words(long) < 2 and "-" not in long and len(long) <= len(inner) + 1) or long.lower() == inner.lower():
        return None
    return (i0, i0 + len(inner), cand_start + k, cand_start + len(cand))


def _short_before(text: str, m: re.Match, inner: str, i0: int) -> tuple[int, int, int, int] | None:
    """"LF (Long Form)": the short form is the word right before the parenthesis."""
    pre = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if not pre or not _is_short_form(pre.group(1)):
        return None
    short = pre.group(1)
    if best_long_form(short, inner) != 0:
        return None
    s0 = pre.start(1)
    return (s0, s0 + len(short), i0, i0 + len(inner))
