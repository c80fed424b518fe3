"""The analysis module: the same terms at index and query time."""

from search import analysis
from search.analysis import analyse_for_index, index_terms, normalise, phrase_terms, query_groups


def test_normalise_folds_width_case_and_traditional_script():
    assert normalise("ＡＢＣ１２３") == "abc123"
    assert normalise("社區教育與終身學習") == "社区教育与终身学习"
    assert normalise("Lifelong LEARNING") == "lifelong learning"


def test_cjk_runs_give_bigrams_in_order_then_words_from_the_domain_dictionary():
    terms = index_terms("推进社区教育")
    assert terms[:5] == ["推进", "进社", "社区", "区教", "教育"]
    assert "社区教育" in terms  # a user-dictionary word, appended after the sequence
    assert "育" in terms  # the last character, so a one-character query finds it


def test_domain_words_are_kept_whole():
    for word in ("文化礼堂", "终身学习", "长三角", "乡村振兴"):
        assert word in analysis.domain_words()
        assert word in index_terms(f"我们推进{word}工作")


def test_english_is_stemmed_and_the_plain_form_kept():
    terms = index_terms("Learning Cities")
    assert terms[:2] == ["learn", "citi"]
    assert {"learning", "cities"} <= set(terms)


def test_the_dictionary_is_loaded_once_per_process():
    assert analysis._segmenter() is analysis._segmenter()


def test_query_groups_need_every_bigram_and_boost_with_words():
    (group,) = query_groups("社區教育")
    assert [term.text for term in group.required] == ["社区", "区教", "教育"]
    assert [term.text for term in group.boosts] == ["社区教育"]


def test_single_characters_and_autocomplete_words_are_prefixes():
    (single,) = query_groups("学")
    assert single.required[0].prefix
    *_, last = query_groups("lifelong learn", prefix_last=True)
    assert last.required[0].text == "learn" and last.required[0].prefix


def test_syntax_characters_and_symbols_give_no_terms():
    assert query_groups('" * ( ) : - ^ ~') == []
    assert analyse_for_index("！？。——") == ""
    assert query_groups("NEAR AND") != []  # plain words, not operators


def test_very_long_words_are_capped():
    (group,) = query_groups("a" * 10_000)
    assert len(group.required[0].text) <= analysis.MAX_WORD_LENGTH


def test_phrase_terms_are_the_sequence_terms():
    assert phrase_terms("文化礼堂") == ["文化", "化礼", "礼堂"]
    assert " ".join(phrase_terms("文化礼堂")) in analyse_for_index("农村文化礼堂学习活动")
