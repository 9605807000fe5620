"""Paper ids and matching keys (loaders.ids)."""
import hashlib

from loaders.ids import abstract_key, normalise_arxiv_id, normalise_title, paper_id


def test_paper_id_uses_arxiv_id_without_version():
    assert paper_id("2601.00001v3", "anything") == "arxiv:2601.00001"
    assert paper_id("2601.00001", "anything") == "arxiv:2601.00001"


def test_paper_id_without_arxiv_id_is_sha1_of_normalised_abstract():
    text = "We Propose  FooPO.\n It works."
    expected = hashlib.sha1(b"we propose foopo. it works.").hexdigest()[:16]
    assert abstract_key(text) == expected
    assert paper_id(None, text) == "sha1:" + expected
    assert paper_id("", text) == "sha1:" + expected


def test_abstract_key_ignores_case_and_whitespace_only():
    assert abstract_key("A  b\tc\n") == abstract_key("a b c")
    assert abstract_key("a b c") != abstract_key("a b c.")
    assert len(abstract_key("x")) == 16


def test_normalise_arxiv_id_forms():
    assert normalise_arxiv_id("https://arxiv.org/abs/2603.18074") == "2603.18074"
    assert normalise_arxiv_id("https://arxiv.org/pdf/2506.15651.pdf") == "2506.15651"
    assert normalise_arxiv_id("arXiv:2512.15258v1") == "2512.15258"
    assert normalise_arxiv_id("hep-th/9901001v2") == "hep-th/9901001"
    assert normalise_arxiv_id("S002") is None
    assert normalise_arxiv_id(None) is None


def test_paper_id_ignores_a_value_that_is_not_an_arxiv_id():
    assert paper_id("not-an-id", "abc").startswith("sha1:")


def test_normalise_title_ignores_case_punctuation_and_spacing():
    assert normalise_title("Dr. MAS: Stable RL") == normalise_title("dr mas -- stable  rl")
    assert normalise_title("Dr. MAS: Stable RL") != normalise_title("Dr. MAS: Stable RL 2")
    assert normalise_title(None) == ""
