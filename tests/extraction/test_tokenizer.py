from kg.extraction.tokenizer import blank_english

NLP = blank_english()


def test_text_round_trips_exactly_whatever_the_whitespace():
    for text in ["", "x", "  Lead and trail  ", "A Title\n\nBody  with\ttabs.\n", "(a) b) c("]:
        doc = NLP(text)
        assert doc.text == text
        assert doc.user_data["kg_text"] == text


def test_boundaries_split_punctuation_but_keep_versions_and_apostrophe_years():
    words = [t.text for t in NLP("Our Qwen-2.5 run beat GRPO-based PPO/DPO on AIME'24, MiniF2F's split (v1.5).")]
    assert words == ["Our", "Qwen", "-", "2.5", "run", "beat", "GRPO", "-", "based", "PPO", "/", "DPO", "on",
                     "AIME'24", ",", "MiniF2F", "'", "s", "split", "(", "v1.5", ")", "."]


def test_char_offsets_of_tokens_match_the_text():
    text = "We  test\n\nQwen3-8B on HLE."
    doc = NLP(text)
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
