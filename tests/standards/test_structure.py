"""Numbers come from the structure: insertions and reordering renumber, ids stay."""

from standards import authoring as a
from standards.blocks import StandardBodyBlock
from standards.structure import outline


def body(*blocks):
    return StandardBodyBlock().to_python(list(blocks))


def numbers(document):
    return {clause.id: clause.number for clause in document.clauses}


def sample(extra_first_clause=False, swap=False):
    clauses = [
        a.clause("5.1", "分辨率", a.shall("r1", "视频的垂直分辨率应不低于720像素。", "automatic")),
        a.clause(
            "5.2",
            "时长",
            a.clause("5.2.1", "微课", a.should("r2", "微课时长宜为5~20分钟。")),
            a.clause("5.2.2", "讲座", a.may("r3", "讲座可分段录制。")),
        ),
    ]
    if swap:
        clauses.reverse()
    if extra_first_clause:
        clauses.insert(0, a.clause("new", "总体要求", a.paragraph("资源应符合本章要求。")))
    return body(
        a.section("foreword", "前言", "本文件按照GB/T 1.1—2020的规定起草。"),
        a.chapter("scope", "范围", a.paragraph("本文件规定了数字学习资源的建设要求。")),
        a.references("refs", ("GB/T 1.1—2020", "标准化工作导则")),
        a.terms(
            "terms", a.term("t1", "微课", "围绕单一知识点的短视频课程。"), a.term("t2", "字幕", "与语音同步的文字。")
        ),
        a.chapter("general", "总则", a.paragraph("总体说明。")),
        a.chapter("video", "视频资源", *clauses),
        a.annex("annexA", "检查方法", a.clause("A1", "抽样", a.paragraph("按课程抽样。")), normative=True),
        a.annex("annexB", "示例", a.clause("B1", "示例课程", a.paragraph("一门示例课程。"))),
    )


def test_chapters_clauses_terms_and_annexes_are_numbered_from_the_structure():
    document = outline(sample())
    by_id = numbers(document)
    assert [chapter.number for chapter in document.chapters] == ["1", "2", "3", "4", "5"]
    assert [chapter.title for chapter in document.chapters][:3] == ["范围", "规范性引用文件", "术语和定义"]
    assert by_id[a.uid("t1")] == "3.1" and by_id[a.uid("t2")] == "3.2"
    assert by_id[a.uid("5.1")] == "5.1"
    assert by_id[a.uid("5.2.2")] == "5.2.2"
    assert [annex.number for annex in document.annexes] == ["A", "B"]
    assert by_id[a.uid("A1")] == "A.1"
    assert document.annexes[0].heading == "附录A（规范性）检查方法"
    assert document.annexes[1].heading == "附录B（资料性）示例"
    assert document.front[0].title == "前言"


def test_inserting_a_clause_renumbers_the_ones_after_it_and_keeps_their_ids():
    before = numbers(outline(sample()))
    after = numbers(outline(sample(extra_first_clause=True)))
    assert after[a.uid("new")] == "5.1"
    assert after[a.uid("5.1")] == "5.2"
    assert after[a.uid("5.2.1")] == "5.3.1"
    assert before[a.uid("5.2.1")] == "5.2.1"
    assert set(before) <= set(after)


def test_reordering_clauses_renumbers_them_and_their_children():
    swapped = numbers(outline(sample(swap=True)))
    assert swapped[a.uid("5.2")] == "5.1"
    assert swapped[a.uid("5.2.2")] == "5.1.2"
    assert swapped[a.uid("5.1")] == "5.2"


def test_inserting_a_chapter_shifts_every_later_number():
    document = outline(
        body(
            a.chapter("scope", "范围", a.paragraph("范围。")),
            a.chapter("inserted", "基本原则", a.paragraph("原则。")),
            a.chapter("video", "视频资源", a.clause("5.1", "分辨率", a.paragraph("分辨率。"))),
        )
    )
    assert numbers(document)[a.uid("5.1")] == "3.1"


def test_notes_examples_and_tables_get_their_labels():
    document = outline(
        body(
            a.chapter(
                "c",
                "要求",
                a.note("第一条注。"),
                a.note("第二条注。"),
                a.example("唯一的示例。"),
                a.table("视频参数", [["参数", "要求"], ["分辨率", "≥720"]]),
            ),
            a.annex("x", "附表", a.table("抽样比例", [["课程数", "抽样数"]]), normative=True),
        )
    )
    labels = [item.label for item in document.chapters[0].items]
    assert labels == ["注1：", "注2：", "示例：", "表1"]
    assert document.annexes[0].items[0].label == "表A.1"


def test_requirements_carry_level_method_and_rules():
    document = outline(
        body(
            a.chapter(
                "c",
                "视频",
                a.shall(
                    "r",
                    "视频应不低于720像素。",
                    "automatic",
                    rules=[a.rule("video_min_height", min_height=720)],
                ),
                a.should("s", "宜提供字幕。"),
            )
        )
    )
    chapter = document.chapters[0]
    assert chapter.level == "shall"
    first = chapter.requirements[0]
    assert (first.level, first.check_method) == ("shall", "automatic")
    assert first.rules[0]["type"] == "video_min_height"
    assert first.rules[0]["params"] == {"min_height": 720}
    assert "视频应不低于720像素。" in chapter.text
