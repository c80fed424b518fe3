"""Evaluate one rule on one resource, with outcomes as in W3C's ACT rules format.

passed / failed: the file was read and meets, or misses, the rule;
inapplicable: the rule does not concern this kind of resource (or this resource has no such part);
cantTell: the file is missing, damaged or unknown, so the honest answer is "can't tell".
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _

from . import probe

PASSED, FAILED, INAPPLICABLE, CANT_TELL = "passed", "failed", "inapplicable", "cantTell"
OUTCOMES = (PASSED, FAILED, INAPPLICABLE, CANT_TELL)


@dataclass
class Outcome:
    outcome: str
    message: str = ""


class Probes:
    """What the readers found in one resource's files, read at most once per resource."""

    def __init__(self, resource):
        self.resource = resource

    @staticmethod
    def _attempt(reader, file):
        try:
            return reader(file), None
        except probe.Unreadable as error:
            return None, str(error)

    @cached_property
    def media(self):
        return self._attempt(probe.probe_media, self.resource.file)

    @cached_property
    def pdf(self):
        return self._attempt(probe.probe_pdf, self.resource.file)

    @cached_property
    def captions(self):
        return self._attempt(probe.probe_captions, self.resource.captions)

    @cached_property
    def size(self):
        return self._attempt(probe.size_in_bytes, self.resource.file)

    @cached_property
    def format(self):
        if self.resource.kind in ("video", "audio"):
            info, error = self.media
            return (info.format, None) if info else (None, error)
        return self._attempt(probe.sniff_document, self.resource.file)


def _number(value):
    return float(value) if value not in (None, "") else None


def _list(value):
    return [part.strip().lower() for part in str(value or "").replace("，", ",").split(",") if part.strip()]


def _minutes(seconds):
    return f"{seconds / 60:.1f}"


def _media_or_cant_tell(probes):
    info, error = probes.media
    return info, (Outcome(CANT_TELL, error) if info is None else None)


def video_min_height(params, probes):
    info, unknown = _media_or_cant_tell(probes)
    if unknown:
        return unknown
    if info.height is None:
        return Outcome(CANT_TELL, _("no video picture size could be read"))
    minimum = int(params["min_height"])
    outcome = PASSED if info.height >= minimum else FAILED
    return Outcome(
        outcome, _("height %(height)s px (at least %(minimum)s)") % {"height": info.height, "minimum": minimum}
    )


def video_min_frame_rate(params, probes):
    info, unknown = _media_or_cant_tell(probes)
    if unknown:
        return unknown
    if info.fps is None:
        return Outcome(CANT_TELL, _("no frame rate could be read"))
    minimum = float(params["min_fps"])
    outcome = PASSED if info.fps + 0.01 >= minimum else FAILED
    return Outcome(outcome, _("%(fps).2f fps (at least %(minimum)s)") % {"fps": info.fps, "minimum": minimum})


def video_codec_in(params, probes):
    info, unknown = _media_or_cant_tell(probes)
    if unknown:
        return unknown
    if info.video_codec is None:
        return Outcome(CANT_TELL, _("no video stream found"))
    allowed = _list(params["codecs"])
    outcome = PASSED if info.video_codec.lower() in allowed else FAILED
    return Outcome(
        outcome,
        _("codec %(codec)s (allowed: %(allowed)s)") % {"codec": info.video_codec, "allowed": ", ".join(allowed)},
    )


def duration_between(params, probes):
    info, unknown = _media_or_cant_tell(probes)
    if unknown:
        return unknown
    if info.duration is None:
        return Outcome(CANT_TELL, _("the running time could not be read"))
    low, high = _number(params.get("min_minutes")), _number(params.get("max_minutes"))
    minutes = info.duration / 60
    ok = (low is None or minutes >= low) and (high is None or minutes <= high)
    bounds = f"{'' if low is None else low}–{'' if high is None else high}"
    return Outcome(
        PASSED if ok else FAILED,
        _("%(minutes)s min (allowed %(bounds)s min)") % {"minutes": _minutes(info.duration), "bounds": bounds},
    )


def audio_min_sample_rate(params, probes):
    info, unknown = _media_or_cant_tell(probes)
    if unknown:
        return unknown
    if info.sample_rate is None:
        if probes.resource.kind == "video":
            return Outcome(INAPPLICABLE, _("the video has no sound track"))
        return Outcome(CANT_TELL, _("no audio stream found"))
    minimum = int(params["min_hz"])
    outcome = PASSED if info.sample_rate >= minimum else FAILED
    return Outcome(outcome, _("%(rate)s Hz (at least %(minimum)s)") % {"rate": info.sample_rate, "minimum": minimum})


def _has_captions(resource):
    return bool(resource.captions) and bool(getattr(resource.captions, "name", True))


def captions_present(params, probes):
    if not _has_captions(probes.resource):
        return Outcome(FAILED, _("no captions file"))
    info, error = probes.captions
    if info is None:
        return Outcome(CANT_TELL, error)
    if info.cues == 0:
        return Outcome(FAILED, _("the captions file has no cues"))
    return Outcome(PASSED, _("%(cues)s cues") % {"cues": info.cues})


def captions_coverage(params, probes):
    if not _has_captions(probes.resource):
        return Outcome(FAILED, _("no captions file"))
    captions, error = probes.captions
    if captions is None:
        return Outcome(CANT_TELL, error)
    info, unknown = _media_or_cant_tell(probes)
    if unknown:
        return unknown
    if not info.duration:
        return Outcome(CANT_TELL, _("the running time could not be read"))
    percent = min(100.0, 100 * captions.covered / info.duration)
    minimum = int(params["min_percent"])
    outcome = PASSED if percent >= minimum else FAILED
    return Outcome(
        outcome, _("captions cover %(percent).0f%% (at least %(minimum)s%%)") % {"percent": percent, "minimum": minimum}
    )


def metadata_filled(params, probes):
    name = params["field"]
    value = (probes.resource.metadata or {}).get(name)
    filled = bool(value.strip()) if isinstance(value, str) else bool(value)
    if filled:
        return Outcome(PASSED, _("“%(field)s” is filled") % {"field": name})
    return Outcome(FAILED, _("“%(field)s” is empty") % {"field": name})


def file_size_max(params, probes):
    size, error = probes.size
    if size is None:
        return Outcome(CANT_TELL, error)
    limit = float(params["max_mb"])
    megabytes = size / 1024 / 1024
    outcome = PASSED if megabytes <= limit else FAILED
    return Outcome(outcome, _("%(size).2f MB (at most %(limit)s MB)") % {"size": megabytes, "limit": limit})


def format_in(params, probes):
    found, error = probes.format
    if found is None:
        return Outcome(CANT_TELL, error)
    allowed = _list(params["formats"])
    outcome = PASSED if found in allowed else FAILED
    return Outcome(
        outcome, _("format %(format)s (allowed: %(allowed)s)") % {"format": found, "allowed": ", ".join(allowed)}
    )


def _pdf_or_outcome(probes):
    found, error = probes.format
    if found is None:
        return None, Outcome(CANT_TELL, error)
    if found != "pdf":
        return None, Outcome(INAPPLICABLE, _("not a PDF (%(format)s)") % {"format": found})
    info, error = probes.pdf
    return info, (Outcome(CANT_TELL, error) if info is None else None)


def pdf_pages_between(params, probes):
    info, outcome = _pdf_or_outcome(probes)
    if outcome:
        return outcome
    low, high = params.get("min_pages"), params.get("max_pages")
    ok = (low is None or info.pages >= low) and (high is None or info.pages <= high)
    return Outcome(PASSED if ok else FAILED, _("%(pages)s pages") % {"pages": info.pages})


def pdf_text_layer(params, probes):
    info, outcome = _pdf_or_outcome(probes)
    if outcome:
        return outcome
    if info.has_text:
        return Outcome(PASSED, _("the PDF has selectable text"))
    return Outcome(FAILED, _("no text found: scanned pages without a text layer"))


# Rule type -> (kinds it applies to unless the rule says otherwise, evaluator).
EVALUATORS = {
    "video_min_height": (["video"], video_min_height),
    "video_min_frame_rate": (["video"], video_min_frame_rate),
    "video_codec_in": (["video"], video_codec_in),
    "duration_between": (["video", "audio"], duration_between),
    "audio_min_sample_rate": (["video", "audio"], audio_min_sample_rate),
    "captions_present": (["video"], captions_present),
    "captions_coverage": (["video"], captions_coverage),
    "metadata_filled": (["video", "audio", "document"], metadata_filled),
    "file_size_max": (["video", "audio", "document"], file_size_max),
    "format_in": (["video", "audio", "document"], format_in),
    "pdf_pages_between": (["document"], pdf_pages_between),
    "pdf_text_layer": (["document"], pdf_text_layer),
}


def evaluate(rule_type, params, probes):
    """The outcome of one rule on the resource behind ``probes``."""
    if rule_type not in EVALUATORS:
        return Outcome(CANT_TELL, _("unknown rule type “%(type)s”") % {"type": rule_type})
    default_kinds, evaluator = EVALUATORS[rule_type]
    kinds = params.get("kinds") or default_kinds
    if probes.resource.kind not in kinds:
        return Outcome(INAPPLICABLE, _("does not apply to %(kind)s") % {"kind": probes.resource.kind})
    try:
        return evaluator(params, probes)
    except (KeyError, TypeError, ValueError) as error:
        return Outcome(CANT_TELL, _("the rule's parameters are incomplete: %(error)s") % {"error": error})
