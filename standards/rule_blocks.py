"""The rule types an editor picks and parameterises under a requirement.

Each block's name is the rule type the checker knows (``standards.rules.EVALUATORS``); its
fields are the parameters. The values are stored with the standard's body, so a rule is
versioned with the clause it checks and appears in the clauses JSON.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

KIND_CHOICES = [("video", _("Video")), ("audio", _("Audio")), ("document", _("Document"))]


def _kinds(default):
    return blocks.MultipleChoiceBlock(
        label=_("Applies to"),
        choices=KIND_CHOICES,
        default=default,
        help_text=_("Resources of other kinds are reported as inapplicable."),
    )


class RuleBlock(blocks.StructBlock):
    class Meta:
        icon = "cog"


class VideoMinHeightRule(RuleBlock):
    min_height = blocks.IntegerBlock(label=_("Minimum height (pixels)"), min_value=1, default=720)

    class Meta:
        label = _("Video height at least N pixels")


class VideoMinFrameRateRule(RuleBlock):
    min_fps = blocks.DecimalBlock(label=_("Minimum frame rate (fps)"), min_value=1, default=25, decimal_places=2)

    class Meta:
        label = _("Video frame rate at least N fps")


class VideoCodecRule(RuleBlock):
    codecs = blocks.CharBlock(
        label=_("Allowed codecs"),
        default="h264",
        help_text=_("Comma-separated FFmpeg codec names, e.g. h264, hevc."),
    )

    class Meta:
        label = _("Video codec in a list")


class DurationRule(RuleBlock):
    kinds = _kinds(["video", "audio"])
    min_minutes = blocks.DecimalBlock(label=_("At least (minutes)"), required=False, min_value=0, decimal_places=2)
    max_minutes = blocks.DecimalBlock(label=_("At most (minutes)"), required=False, min_value=0, decimal_places=2)

    class Meta:
        label = _("Duration between a and b minutes")

    def clean(self, value):
        value = super().clean(value)
        low, high = value.get("min_minutes"), value.get("max_minutes")
        if low is None and high is None:
            raise blocks.StructBlockValidationError(
                block_errors={"min_minutes": ErrorList([ValidationError(_("Give at least one bound."))])}
            )
        if low is not None and high is not None and low > high:
            raise blocks.StructBlockValidationError(
                block_errors={"max_minutes": ErrorList([ValidationError(_("The upper bound is below the lower."))])}
            )
        return value


class AudioMinSampleRateRule(RuleBlock):
    kinds = _kinds(["video", "audio"])
    min_hz = blocks.IntegerBlock(label=_("Minimum sample rate (Hz)"), min_value=1, default=44100)

    class Meta:
        label = _("Audio sample rate at least N Hz")


class CaptionsPresentRule(RuleBlock):
    kinds = _kinds(["video"])

    class Meta:
        label = _("Captions file present and readable")


class CaptionsCoverageRule(RuleBlock):
    kinds = _kinds(["video"])
    min_percent = blocks.IntegerBlock(label=_("Minimum coverage (%)"), min_value=1, max_value=100, default=80)

    class Meta:
        label = _("Captions cover at least N percent of the running time")


class MetadataFilledRule(RuleBlock):
    kinds = _kinds(["video", "audio", "document"])
    field = blocks.CharBlock(
        label=_("Metadata field"),
        max_length=60,
        help_text=_("The key in the resource's metadata, e.g. title, author, language, license, keywords."),
    )

    class Meta:
        label = _("Metadata field filled")


class FileSizeMaxRule(RuleBlock):
    kinds = _kinds(["video", "audio", "document"])
    max_mb = blocks.DecimalBlock(label=_("Maximum size (MB)"), min_value=0, default=500, decimal_places=2)

    class Meta:
        label = _("File size at most N MB")


class FormatInRule(RuleBlock):
    kinds = _kinds(["video", "audio", "document"])
    formats = blocks.CharBlock(
        label=_("Allowed formats"),
        default="mp4, mp3, pdf",
        help_text=_("Comma-separated, read from the file's content: mp4, webm, mp3, m4a, wav, ogg, pdf, jpeg, png."),
    )

    class Meta:
        label = _("Format in a list")


class PdfPagesRule(RuleBlock):
    kinds = _kinds(["document"])
    min_pages = blocks.IntegerBlock(label=_("At least (pages)"), required=False, min_value=1)
    max_pages = blocks.IntegerBlock(label=_("At most (pages)"), required=False, min_value=1)

    class Meta:
        label = _("PDF page count between a and b")


class PdfTextLayerRule(RuleBlock):
    kinds = _kinds(["document"])

    class Meta:
        label = _("PDF has a text layer (not only scanned images)")


class RuleStreamBlock(blocks.StreamBlock):
    video_min_height = VideoMinHeightRule()
    video_min_frame_rate = VideoMinFrameRateRule()
    video_codec_in = VideoCodecRule()
    duration_between = DurationRule()
    audio_min_sample_rate = AudioMinSampleRateRule()
    captions_present = CaptionsPresentRule()
    captions_coverage = CaptionsCoverageRule()
    metadata_filled = MetadataFilledRule()
    file_size_max = FileSizeMaxRule()
    format_in = FormatInRule()
    pdf_pages_between = PdfPagesRule()
    pdf_text_layer = PdfTextLayerRule()
