"""/en/search/ finds articles by the English title, abstract and keywords they carry, and either
spelling of a British or American word finds both."""

import pytest

from cms.core.translation import translate
from search.analysis import american_spelling, index_terms, query_groups
from tests.journal.conftest import make_article, make_issue, make_journal

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(localised_site):
    issue = make_issue(make_journal(localised_site["zh"]), 2019, 2)
    korea = make_article(
        issue,
        "韩国终身学习城市建设的经验",
        slug="korea",
        title_en="Lessons from Lifelong Learning Cities in Korea",
        abstract_en="Korea has built a national network of lifelong learning cities.",
        keywords_en="Korea; learning city",
    )
    rural = make_article(
        issue,
        "社区教育服务乡村振兴",
        slug="rural",
        title_en="Community Education for Rural Revitalisation",
        abstract_en="The organisation of village schools supports rural revitalisation.",
    )
    return {"korea": korea, "rural": rural, "issue": issue}


def titles(client, url, text):
    html = client.get(url, {"q": text}).content.decode()
    return html.split('class="search-result-list"')[-1] if 'class="search-result-list"' in html else ""


def test_english_search_finds_articles_by_their_english_metadata(client, articles):
    english = titles(client, "/en/search/", "Korea")
    assert "Lessons from Lifelong Learning Cities in <mark>Korea</mark>" in english  # its English title, here
    assert articles["korea"].url in english
    chinese = client.get("/api/search/", {"q": "Korea", "lang": "zh-hans"}).json()
    assert client.get("/api/search/", {"q": "Korea", "lang": "en"}).json()["count"] == chinese["count"] == 1
    assert articles["korea"].url in titles(client, "/en/search/", '"learning city"')  # an English keyword


def test_british_and_american_spellings_find_each_other(client, articles):
    for language in ("en", "zh-hans"):
        for word in ("revitalisation", "revitalization", "organization"):
            data = client.get("/api/search/", {"q": word, "lang": language}).json()
            assert [item["url"] for item in data["results"]] == [articles["rural"].url], (language, word)


def test_a_translated_article_is_found_once_as_its_translation(client, articles, locales):
    english_journal = articles["issue"].get_parent()
    translate(english_journal, locales["en"], {})
    translate(articles["issue"], locales["en"], {})
    translation = translate(
        articles["korea"], locales["en"], {"韩国终身学习城市建设的经验": "Learning cities in Korea"}
    )
    data = client.get("/api/search/", {"q": "Korea", "lang": "en"}).json()
    assert [item["url"] for item in data["results"]] == [translation.url]


def test_spelling_folds_whole_words_with_their_inflections():
    assert american_spelling("revitalisation") == "revitalization"
    for british, american in (("realised", "realized"), ("centres", "centers"), ("behavioural", "behavioral")):
        assert index_terms(british)[0] == index_terms(american)[0]
    assert [group.required[0].text for group in query_groups("catalogue")] == index_terms("catalog")[:1]
    for word in ("hour", "your", "precise", "precisely", "analysis", "genre", "promise"):
        assert american_spelling(word) == word
