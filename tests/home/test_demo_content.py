"""The demo site builds, can be built twice without duplicates, and reads in both languages."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page

from calls.accounts import APPLICANTS_GROUP
from calls.models import AnnouncementPage, Assignment, CallPage, Submission
from calls.questions import read_back
from cms.core.models import NavigationMenu
from home.models import NewsPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_demo_content_is_complete_and_idempotent(client):
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    pages = Page.objects.count()
    news = NewsPage.objects.live().count()
    made = (Submission.objects.count(), Assignment.objects.count(), get_user_model().objects.count())
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    assert Page.objects.count() == pages
    assert (Submission.objects.count(), Assignment.objects.count(), get_user_model().objects.count()) == made
    calls_at_work(client)
    assert news >= 10
    assert NewsPage.objects.filter(kind="notice").count() >= 5
    assert NavigationMenu.objects.filter(slot="main").count() == 2

    home = client.get("/")
    assert home.status_code == 200 and "浙江省社区教育指导中心" in home.content.decode()
    english = client.get("/en/").content.decode()
    assert "Zhejiang Provincial Community Education Guidance Center" in english
    assert client.get("/en/about/").status_code == 200
    english_about = client.get("/en/about/").content.decode()
    assert "About the Center" in english_about
    assert "We guide community-education practice" in english_about and "开展社区教育实践指导" not in english_about
    assert "The center works in six areas" in english
    assert client.get("/api/v2/pages/?type=home.NewsPage").json()["meta"]["total_count"] == news
    manuscripts = CallPage.objects.get(slug="journal-2027-1-manuscripts", locale=Locale.get_default())
    assert [f.name for f in manuscripts.expertise.all()] == ["社区教育理论", "终身学习政策", "老年教育"]
    assert manuscripts.blind_review
    for url in ("/news/", "/news/rss/", "/sitemap.xml", "/about/"):
        assert client.get(url).status_code == 200, url

    # Links point where the site is served (WAGTAILADMIN_BASE_URL), not Wagtail's placeholder.
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/about/</loc>" in sitemap and "localhost" not in sitemap
    assert "<title>浙江省社区教育指导中心</title>" in home.content.decode()
    assert "<title>中心简介 - 浙江省社区教育指导中心</title>" in client.get("/about/").content.decode()


EVERY_STAGE = set(Submission.Status.values)


def calls_at_work(client):
    """The demo's calls have submissions at every stage, from accounts nobody can sign in to, and
    only the announcement shows any of it: the accepted titles and their organisations."""
    default = Locale.get_default()
    status = {
        call.slug: set(call.submissions.values_list("status", flat=True))
        for call in CallPage.objects.filter(locale=default)
    }
    assert status["2026-characteristic-courses"] == status["2026-rural-revitalisation-cases"] == EVERY_STAGE
    assert status["journal-2027-1-manuscripts"] == {"under_review", "revision_requested"}
    assert Submission.objects.filter(assignments__completed_at__isnull=False, status="under_review").exists()
    demo_accounts = get_user_model().objects.filter(username__startswith="demo-")
    assert demo_accounts.count() == 28 and not any(user.has_usable_password() for user in demo_accounts)

    courses = CallPage.objects.get(slug="2026-characteristic-courses", locale=default)
    accepted = courses.submissions.filter(status="accepted").order_by("title")
    assert [s.outcome.live for s in accepted] == [False, False], "the courses wait for a moderator"
    assert "课程学时" in client.get(courses.url).content.decode(), "the call page lists its own questions"
    smartphones = courses.submissions.get(title="文化礼堂里的智能手机课")
    assert [value for label, value in read_back(courses.questions.all(), smartphones.answers)] == [
        "20",
        "老年人",
        "80",
        "138-0000-0103",
    ]
    announcement = AnnouncementPage.objects.child_of(courses).get()
    shown = client.get(announcement.url).content.decode()
    assert all(s.title in shown and s.organisation_name in shown for s in accepted)

    hidden = Submission.objects.exclude(status="accepted")
    public = [
        shown,
        client.get("/api/v2/pages/", {"fields": "*", "limit": 100}).content.decode(),
        client.get("/api/v2/pages/", {"type": "calls.AnnouncementPage", "fields": "*"}).content.decode(),
        client.get("/sitemap.xml").content.decode(),
        client.get("/news/rss/").content.decode(),
        client.get("/en/courses/").content.decode(),
    ]
    for submission in hidden:
        found = client.get("/search/", {"q": submission.title}).content.decode()
        public.append(found.split('class="search-layout"')[-1])  # after the search box, which echoes the words
        public.append(client.get("/api/search/", {"q": submission.title}).content.decode())
        public.append(client.get("/api/v2/pages/", {"search": submission.title}).content.decode())
    everything = "".join(public)
    for submission in hidden:
        assert submission.title not in everything and submission.summary not in everything
    for user in demo_accounts:
        assert user.email not in everything and user.username not in everything
    assert "138-0000-01" not in everything, "nor the answers to the calls' questions"
    for applicant in demo_accounts.filter(groups__name=APPLICANTS_GROUP):
        assert applicant.first_name not in everything
