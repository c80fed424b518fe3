"""Contact data in the admin: editors manage experts and volunteers but see their telephone,
e-mail and ID number only with the contact permission (the moderators' group has it)."""

from network.models import Expert

from .conftest import SECRET_EMAIL, SECRET_ID, SECRET_PHONE


def _edit_page(client, user, expert):
    client.force_login(user)
    response = client.get(f"/admin/snippets/network/expert/edit/{expert.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_only_moderators_see_contact_data_in_the_edit_form(client, expert, editor, moderator):
    editor_html = _edit_page(client, editor, expert)
    assert "王建华" in editor_html
    for secret in (SECRET_PHONE, SECRET_EMAIL, SECRET_ID):
        assert secret not in editor_html
    moderator_html = _edit_page(client, moderator, expert)
    for secret in (SECRET_PHONE, SECRET_EMAIL, SECRET_ID):
        assert secret in moderator_html


def test_an_editor_saving_an_expert_keeps_the_contact_data(client, expert, editor):
    client.force_login(editor)
    response = client.post(
        f"/admin/snippets/network/expert/edit/{expert.pk}/",
        {"name": "王建华", "title": "研究员", "affiliation": "浙江开放大学", "fields": [], "biography": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    expert.refresh_from_db()
    assert expert.title == "研究员" and expert.phone == SECRET_PHONE and expert.id_number == SECRET_ID


def test_export_carries_contact_data_only_with_the_permission(client, expert, editor, moderator):
    params = {"export-kind": "experts", "export-format": "csv"}
    client.force_login(editor)
    editor_csv = client.get("/admin/network/export/", params).content.decode("utf-8-sig")
    assert "王建华" in editor_csv and SECRET_PHONE not in editor_csv and "id_number" not in editor_csv
    client.force_login(moderator)
    moderator_csv = client.get("/admin/network/export/", params).content.decode("utf-8-sig")
    assert SECRET_PHONE in moderator_csv and SECRET_ID in moderator_csv


def test_people_stay_out_of_reach_without_admin_rights(client, expert, django_user_model):
    assert client.get("/admin/network/export/", {"export-kind": "experts", "export-format": "csv"}).status_code == 302
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader"))
    assert client.get("/admin/snippets/network/expert/").status_code in (302, 403)


def test_admin_listing_searches_chinese_names(admin_client, expert):
    Expert.objects.create(name="李明", title="副教授", affiliation="宁波大学")
    html = admin_client.get("/admin/snippets/network/expert/", {"q": "王建华"}).content.decode()
    assert "王建华" in html and "李明" not in html
    html = admin_client.get("/admin/snippets/network/expert/", {"q": "开放大学"}).content.decode()
    assert "王建华" in html and "李明" not in html


def test_admin_import_reports_problems(admin_client, directory):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("orgs.csv", "name,type\n坏类型,学校\n".encode())
    response = admin_client.post("/admin/network/import/", {"import-kind": "organisations", "import-file": upload})
    html = response.content.decode()
    assert response.status_code == 200 and "学校" in html and "社区学院、社区学校" in html
