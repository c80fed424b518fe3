"""StreamField blocks every app's body can use: one StructBlock per component."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock

from .table_block import LocalisedTableBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading; it also appears in the page outline.")
        preview_value = {"text": "社区教育进农村文化礼堂", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it; the image title is used if empty."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with an optional caption.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("The document title is used if empty."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document link")
        description = _("A download link with the file type and size.")


class VideoBlock(blocks.StructBlock):
    """A video played by the browser itself: from the media library or a document, no embeds."""

    video = VideoChooserBlock(label=_("Video from the media library"), required=False)
    document = DocumentChooserBlock(
        label=_("Or a video document"),
        required=False,
        help_text=_("An MP4 file uploaded to the documents library."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A video served by this site (no third-party players).")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("video")) == bool(value.get("document")):
            message = _("Choose either a video from the media library or a document, not both.")
            raise blocks.StructBlockValidationError(block_errors={"video": ErrorList([ValidationError(message)])})
        return value


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    table = LocalisedTableBlock(label=_("Table"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Table")
        description = _("A data table; the first row can be used as a header.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A highlighted quotation with its source.")


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    document = DocumentLinkBlock()
    table = TableWithCaptionBlock()
    video = VideoBlock()
    quote = QuoteBlock()
