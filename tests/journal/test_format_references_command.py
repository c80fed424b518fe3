"""`manage.py format_references`: a CSL-JSON list in, one GB/T 7714—2025 entry per line out."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from .gbt7714_examples import EXAMPLES, completed


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("format_references", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.fixture
def examples_file(tmp_path):
    path = tmp_path / "references.json"
    path.write_text(json.dumps([completed(example) for example in EXAMPLES], ensure_ascii=False), encoding="utf-8")
    return path


def test_prints_the_examples_one_per_line_in_input_order_without_numbers(examples_file):
    lines = run("--style", "gb-t-7714-2025", str(examples_file))
    assert lines == [example["expected"] for example in EXAMPLES]


def test_reads_standard_input(monkeypatch):
    items = [completed(EXAMPLES[2]), completed(EXAMPLES[0])]
    lines = run("-", stdin=json.dumps(items), monkeypatch=monkeypatch)
    assert lines == [EXAMPLES[2]["expected"], EXAMPLES[0]["expected"]]


def test_author_year_system_and_sorted_list(monkeypatch):
    boobier = next(example for example in EXAMPLES if example["id"] == "gbt7714.5.1:3")
    zhang = next(example for example in EXAMPLES if example["id"] == "gbt7714.8.1:1")
    stdin = json.dumps([boobier["csl"], zhang["csl"]])
    lines = run("--system", "author-year", "-", stdin=stdin, monkeypatch=monkeypatch)
    assert lines == [
        "Boobier T. 2020. AI and the future of banking[M]. Chichester：John Wiley & Sons：35.",
        "张伯伟. 2002. 全唐五代诗格汇考[M]. 南京：江苏古籍出版社：288.",
    ]
    sorted_lines = run("--system", "author-year", "--sort", "-", stdin=stdin, monkeypatch=monkeypatch)
    assert sorted_lines == lines[::-1]


def test_invalid_json_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"type": "book",', encoding="utf-8")
    with pytest.raises(CommandError, match=r"broken.json is not valid JSON: .*line 1"):
        run(str(path))


def test_unreadable_file_and_wrong_top_level_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*missing.json"):
        run(str(tmp_path / "missing.json"))
    path = tmp_path / "object.json"
    path.write_text('{"type": "book"}', encoding="utf-8")
    with pytest.raises(CommandError, match="must hold a JSON list of CSL-JSON items, not a dict"):
        run(str(path))


def test_bad_items_are_named_by_index_and_problem(monkeypatch):
    items = [
        completed(EXAMPLES[0]),
        {"type": "book"},
        "杨洪升. 四库馆私家抄校书考略[J].",
        {"type": "book", "title": "书", "author": "王小明", "issued": {"date-parts": [["二〇一三"]]}},
    ]
    with pytest.raises(CommandError) as raised:
        run("-", stdin=json.dumps(items, ensure_ascii=False), monkeypatch=monkeypatch)
    message = str(raised.value)
    assert "item 0" not in message
    assert "item 1: no “title”" in message
    assert "item 2: expected a CSL-JSON object, got str" in message
    assert "item 3: “author” must be a list of name objects" in message
    assert "item 3: “issued” has a date part that is not a number" in message


def test_unknown_style_is_refused_by_the_command_line():
    with pytest.raises(CommandError, match="invalid choice: 'apa'"):
        run("--style", "apa", "-")
