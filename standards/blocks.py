"""The blocks a standard is written in, following GB/T 1.1-2020.

A standard's body is a stream of 前言, 引言, the numbered chapters (范围, 规范性引用文件,
术语和定义 and the technical chapters) and annexes. Chapters hold clauses, clauses hold
clauses, down to ``MAX_CLAUSE_DEPTH`` levels (GB/T 1.1 allows a chapter and five levels of
条). Editors never type numbers: ``standards.structure`` computes them from this nesting.

Every clause is a stream child, so Wagtail gives it a uuid ``id`` that survives reordering,
renumbering and copying the page into a new version: that id is the clause's stable key.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from cms.core.table_block import LocalisedTableBlock

from .rule_blocks import RuleStreamBlock

# A chapter (5) and four levels of clauses below it (5.1.2.3.4).
MAX_CLAUSE_DEPTH = 5

INLINE_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "ol", "ul"]


class Level:
    SHALL = "shall"
    SHOULD = "should"
    MAY = "may"
    CHOICES = [(SHALL, _("应 (shall)")), (SHOULD, _("宜 (should)")), (MAY, _("可 (may)"))]
    WORDS = {SHALL: "应", SHOULD: "宜", MAY: "可"}


class CheckMethod:
    AUTOMATIC = "automatic"
    SEMI_AUTOMATIC = "semi"
    MANUAL = "manual"
    CHOICES = [
        (AUTOMATIC, _("自动 (automatic)")),
        (SEMI_AUTOMATIC, _("半自动 (semi-automatic)")),
        (MANUAL, _("人工 (manual)")),
    ]


class RequirementBlock(blocks.StructBlock):
    level = blocks.ChoiceBlock(label=_("Level"), choices=Level.CHOICES, default=Level.SHALL)
    text = blocks.TextBlock(
        label=_("Requirement"),
        help_text=_("The provision itself, written with its verb: 应…, 宜…, 可…"),
    )
    check_method = blocks.ChoiceBlock(label=_("Check method"), choices=CheckMethod.CHOICES, default=CheckMethod.MANUAL)
    rules = RuleStreamBlock(
        label=_("Machine-checkable rules"),
        required=False,
        help_text=_("Rules the conformance checker applies to course resources for this requirement."),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Requirement")
        description = _("A provision marked by level (应/宜/可) with its check method and rules.")
        preview_value = {"level": "shall", "text": "视频的垂直分辨率应不低于720像素。", "check_method": "automatic"}


class NoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Note"))

    class Meta:
        icon = "help"
        label = _("Note")
        description = _("注: informative; numbered 注1, 注2 when a clause has several.")


class ExampleBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("example", _("Example")), ("positive", _("Good practice")), ("negative", _("Bad practice"))],
        default="example",
    )
    text = blocks.TextBlock(label=_("Example"))

    class Meta:
        icon = "openquote"
        label = _("Example")
        description = _("示例: an illustration; good and bad practice are shown as such.")


class StandardTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Table title"), max_length=200)
    table = LocalisedTableBlock(label=_("Table"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        label = _("Table")
        description = _("A table numbered 表1, 表2… (表A.1 in an annex).")


def _content_blocks():
    return [
        (
            "paragraph",
            blocks.RichTextBlock(label=_("Paragraph"), features=INLINE_FEATURES, icon="pilcrow"),
        ),
        ("requirement", RequirementBlock()),
        ("note", NoteBlock()),
        ("example", ExampleBlock()),
        ("table", StandardTableBlock()),
    ]


def make_clause_block(depth):
    """The clause block at ``depth`` (1 = chapter): its content may hold clauses one level down."""
    children = _content_blocks()
    if depth < MAX_CLAUSE_DEPTH:
        children.append(("clause", make_clause_block(depth + 1)))

    class ClauseBlock(blocks.StructBlock):
        title = blocks.CharBlock(
            label=_("Title"),
            required=depth == 1,
            max_length=200,
            help_text=_("Numbers are added automatically; a clause below a chapter may be untitled."),
        )
        content = blocks.StreamBlock(children, label=_("Content"), required=False, collapsed=True)
        explanation = blocks.RichTextBlock(
            label=_("Explanation (条文说明)"),
            required=False,
            features=INLINE_FEATURES,
            help_text=_("Why the clause matters and how to apply it; shown apart from the normative text."),
        )

        class Meta:
            icon = "list-ol"
            label = pgettext_lazy("standard", "Chapter") if depth == 1 else _("Clause")

    ClauseBlock.__name__ = f"ClauseBlock{depth}"
    return ClauseBlock()


class TermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=100)
    term_en = blocks.CharBlock(label=_("English equivalent"), required=False, max_length=150)
    definition = blocks.TextBlock(label=_("Definition"))
    note = blocks.TextBlock(label=_("Note"), required=False)

    class Meta:
        icon = "bold"
        label = _("Term")


class TermsChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), default="术语和定义", max_length=200)
    introduction = blocks.TextBlock(
        label=_("Lead-in"),
        required=False,
        default="下列术语和定义适用于本文件。",
    )
    terms = blocks.StreamBlock(
        [("term", TermBlock())], label=pgettext_lazy("terms and definitions", "Terms"), collapsed=True
    )

    class Meta:
        icon = "bold"
        label = _("Terms and definitions")


class ReferenceBlock(blocks.StructBlock):
    code = blocks.CharBlock(label=pgettext_lazy("document code", "Code"), max_length=60)
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    class Meta:
        icon = "link"
        label = _("Referenced document")


class ReferencesChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), default="规范性引用文件", max_length=200)
    introduction = blocks.TextBlock(
        label=_("Lead-in"),
        required=False,
        default=(
            "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
            "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"
        ),
    )
    references = blocks.ListBlock(
        ReferenceBlock(), label=pgettext_lazy("referenced documents", "Documents"), collapsed=True
    )

    class Meta:
        icon = "link"
        label = _("Normative references")


class AnnexBlock(make_clause_block(1).__class__):
    """附录A（规范性）: lettered, with clauses numbered A.1, A.1.1…"""

    normative = blocks.BooleanBlock(
        label=_("Normative annex"),
        required=False,
        default=False,
        help_text=_("Ticked: 规范性附录 (its provisions apply); otherwise 资料性附录 (informative)."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Annex")


class UnnumberedSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=100)
    body = blocks.RichTextBlock(label=_("Text"), features=INLINE_FEATURES)

    class Meta:
        icon = "doc-empty"
        label = _("Foreword or introduction")


class StandardBodyBlock(blocks.StreamBlock):
    foreword = UnnumberedSectionBlock(label=_("Foreword (前言)"))
    introduction = UnnumberedSectionBlock(label=_("Introduction (引言)"))
    chapter = make_clause_block(1)
    references = ReferencesChapterBlock()
    terms = TermsChapterBlock()
    annex = AnnexBlock()
    bibliography = UnnumberedSectionBlock(label=_("Bibliography (参考文献)"))

    class Meta:
        # A 60-clause standard opens as a list of numbered headers (clause_numbers.js), not as
        # every field of every clause; an editor opens the clause they came for.
        collapsed = True
