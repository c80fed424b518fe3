"""Page tree, moderation, people and validation rules editors rely on."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import WorkflowPage

from journal.models import ArticlePage, CasePage, IssuePage, JournalPage, Person, validate_orcid
from journal.models.pages import validate_doi, validate_pages
from journal.names import chinese_name, split_chinese, split_english


@pytest.mark.django_db
def test_page_tree(home_page, journal, issue):
    assert JournalPage.can_create_at(home_page)
    assert not IssuePage.can_create_at(home_page)
    assert IssuePage.can_create_at(journal)
    assert ArticlePage.can_create_at(issue)
    assert not ArticlePage.can_create_at(journal)
    assert not CasePage.can_create_at(home_page)


@pytest.mark.django_db
def test_journal_is_moderated(journal):
    workflow_page = WorkflowPage.objects.filter(page=journal).select_related("workflow").first()
    assert workflow_page is not None
    assert workflow_page.workflow.name == "审核发布"


def test_orcid_validation():
    validate_orcid("0000-0002-1825-0097")
    validate_orcid("0000-0002-1694-233X")
    for bad in ("0000-0002-1825-0098", "0000000218250097", "https://orcid.org/0000-0002-1825-0097"):
        with pytest.raises(ValidationError):
            validate_orcid(bad)


def test_doi_and_pages_validation():
    validate_doi("10.12345/sqjy.2019.02.003")
    validate_pages("1-8")
    validate_pages("12")
    with pytest.raises(ValidationError):
        validate_doi("https://doi.org/10.12345/x")
    with pytest.raises(ValidationError):
        validate_pages("第1页")


def test_names():
    assert chinese_name("王 小明") == "王小明"
    assert chinese_name("John  Smith") == "John  Smith".strip()
    assert split_chinese("欧阳春") == ("欧阳", "春")
    assert split_chinese("王小明") == ("王", "小明")
    assert split_english("Zhang San", family_first=True) == ("Zhang", "San")
    assert split_english("John Smith", family_first=False) == ("Smith", "John")
    assert split_english("van der Berg, Anna", family_first=False) == ("van der Berg", "Anna")


@pytest.mark.django_db
def test_person_saves_chinese_name_without_spaces():
    person = Person.objects.create(name="李 华", name_en="Li Hua")
    assert person.name == "李华"


@pytest.mark.django_db
def test_article_keeps_its_issue_year_for_listings(article, issue):
    article.refresh_from_db()
    assert (article.issue_year, article.issue_number) == (issue.year, issue.number)


@pytest.mark.django_db
def test_renumbering_an_issue_updates_its_articles(article, issue):
    issue.number = 3
    issue.save_revision().publish()
    article.refresh_from_db()
    assert article.issue_number == 3
