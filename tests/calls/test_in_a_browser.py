"""In a real browser: an applicant submits with a file, a reviewer scores, a moderator decides."""

import pytest

from calls import reviewing
from calls.models import Submission
from cms.core.moderation import MODERATORS_GROUP

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-test-password"


def sign_in(page, url, username):
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")


def test_an_applicant_submits_a_reviewer_scores_and_a_moderator_decides(
    browser,
    live_server,
    call,
    applicant,
    make_reviewer,
    make_staff,
    regions,
    tmp_path,
):
    base = live_server.url
    index = call.call_index()
    application = tmp_path / "申报书.pdf"
    application.write_bytes(b"%PDF-1.4 application")

    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    sign_in(page, f"{base}{index.url}log-in/", applicant.username)
    page.goto(f"{base}{call.url}submit/")
    page.fill("input[name=title]", "文化礼堂里的乡村学堂")
    page.fill("textarea[name=summary]", "以村文化礼堂为阵地开展老年教育。")
    page.fill("input[name=organisation_name]", "安吉县社区学院")
    page.select_option("select[name=region]", str(regions["安吉县"].pk))
    page.set_input_files("input[name=files]", str(application))
    page.check("input[name=consent]")
    page.click("button[name=submit]")
    assert page.inner_text(".submission-status") == "已提交"
    context.close()

    submission = Submission.objects.get()
    reviewer = make_reviewer("王建华")
    assignment = reviewing.assign(submission, reviewer, None)

    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    sign_in(page, f"{base}{index.url}log-in/", reviewer.user.username)
    page.click(f"a[href$='reviews/{assignment.pk}/']")
    assert "安吉县社区学院" not in page.content(), "a blind call hides the applicant"
    for field, value in zip(page.locator("input[type=number]").all(), ["8", "6"], strict=True):
        field.fill(value)
    page.click("form.form button[type=submit]")
    context.close()
    assert assignment.weighted_total() == 75.0

    moderator = make_staff(MODERATORS_GROUP)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    sign_in(page, f"{base}/admin/login/", moderator.username)
    page.goto(f"{base}/admin/calls/{call.pk}/board/")
    assert page.inner_text(".total") == "75.0"
    page.click("button[value=accept]")
    page.wait_for_load_state()
    context.close()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
