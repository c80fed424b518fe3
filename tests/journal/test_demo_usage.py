"""The COUNTER reports over the demo's month of usage (November 2026), as an editor exports
them from the admin: each article's figures are the log's visits by people, a reload within 30
seconds counted once, the two robots' visits not at all."""

import csv
import datetime
import io
from collections import Counter, defaultdict

import pytest
from django.contrib.auth import get_user_model

from demo import journal as demo
from demo.pages import read_json
from journal.models import ArticlePage

pytestmark = pytest.mark.django_db

ROBOTS = {"link-preview-robot", "crawler"}  # the log's names for its two robots
DOUBLE_CLICK = datetime.timedelta(seconds=30)


def counted_by_hand(log):
    """{article slug: (total, unique)} investigations: people only, a click within 30 seconds of the
    same reader's last click on the same article in the same hour (COUNTER's session) counted once."""
    last_click, totals, sessions = {}, Counter(), defaultdict(set)
    for visit in log["visits"]:
        if visit["reader"] in ROBOTS:
            continue
        when = datetime.datetime.fromisoformat(visit["at"])
        session = (visit["reader"], when.strftime("%Y-%m-%d %H"))
        previous = last_click.get((session, visit["article"]))
        last_click[(session, visit["article"])] = when
        if previous is not None and when - previous <= DOUBLE_CLICK:
            continue
        totals[visit["article"]] += 1
        sessions[visit["article"]].add(session)
    return {slug: (totals[slug], len(sessions[slug])) for slug in totals}


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


def test_the_demo_months_reports_leave_out_reloads_and_robots(client, home_page):
    demo.load(home_page, io.StringIO())
    log = read_json(demo.USAGE)
    expected = counted_by_hand(log)
    robot_visits = sum(visit["reader"] in ROBOTS for visit in log["visits"])
    reloads = len(log["visits"]) - robot_visits - sum(total for total, _unique in expected.values())
    assert (len(log["visits"]), robot_visits, reloads) == (79, 16, 15)  # both kinds are in the month

    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    title_of = dict(ArticlePage.objects.values_list("slug", "title"))
    items = csv_rows(client.get("/admin/reports/counter/items/", {"month": "2026-11", "export": "csv"}))
    reported = {
        row["Item"]: (int(row["Total_Item_Investigations"]), int(row["Unique_Item_Investigations"])) for row in items
    }
    assert reported == {title_of[slug]: figures for slug, figures in expected.items()}
    # Every demo article has its full text on its page, so each view is also a request.
    assert all(row["Total_Item_Requests"] == row["Total_Item_Investigations"] for row in items)

    (journal,) = csv_rows(client.get("/admin/reports/counter/titles/", {"month": "2026-11", "export": "csv"}))
    assert journal["Title"] == "社区教育研究"
    assert int(journal["Total_Item_Investigations"]) == len(log["visits"]) - robot_visits - reloads == 48
    assert csv_rows(client.get("/admin/reports/counter/titles/", {"month": "2026-10", "export": "csv"})) == []
