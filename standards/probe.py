"""Read a resource's real properties from its files: PyAV for video and audio, pypdf, webvtt-py, Pillow.

Any reader failure becomes ``Unreadable`` with a reason a person can act on; the rules turn
it into "cantTell". Nothing here guesses from a file name when the content can be read.
"""

import contextlib
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _


class Unreadable(Exception):
    """The file is missing, damaged or of a kind no reader here understands."""


@dataclass
class MediaInfo:
    format: str
    container: str
    duration: float | None
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    audio_codec: str | None = None
    sample_rate: int | None = None


@dataclass
class CaptionsInfo:
    cues: int
    covered: float  # seconds of running time with a caption on screen
    end: float


@dataclass
class PdfInfo:
    pages: int
    has_text: bool


@contextlib.contextmanager
def opened(file):
    """A binary file object, read from the start, for a Django File/FieldFile, a path or bytes.

    A file that was closed (a stored FieldFile) is opened here and closed again; an open one
    (an upload, a ContentFile) is only rewound, because closing it would lose its content.
    """
    if isinstance(file, bytes):
        yield io.BytesIO(file)
        return
    if isinstance(file, str):
        try:
            handle = open(file, "rb")  # noqa: SIM115 - closed by the with below
        except OSError as error:
            raise Unreadable(_("cannot open the file: %(error)s") % {"error": error.strerror}) from error
        with handle:
            yield handle
        return
    if not file:
        raise Unreadable(_("no file"))
    was_closed = getattr(file, "closed", True)
    if was_closed:
        try:
            file.open("rb")
        except (OSError, ValueError) as error:
            raise Unreadable(_("cannot open the file: %(error)s") % {"error": error}) from error
    try:
        file.seek(0)
        yield file
    finally:
        if was_closed:
            file.close()


def size_in_bytes(file):
    try:
        return file.size
    except (OSError, ValueError, AttributeError) as error:
        raise Unreadable(_("cannot read the file size: %(error)s") % {"error": error}) from error


MP4_FAMILY = "mov,mp4,m4a,3gp,3g2,mj2"


def _media_format(container, has_video):
    if container == MP4_FAMILY:
        return "mp4" if has_video else "m4a"
    if container == "matroska,webm":
        return "webm"
    return container.split(",")[0]


def probe_media(file):
    import av

    with opened(file) as handle:
        try:
            with av.open(handle, mode="r") as container:
                video = container.streams.video[0] if container.streams.video else None
                sound = container.streams.audio[0] if container.streams.audio else None
                if video is None and sound is None:
                    raise Unreadable(_("no video or audio stream in the file"))
                duration = container.duration / av.time_base if container.duration else None
                if duration is None:
                    stream = video or sound
                    if stream.duration and stream.time_base:
                        duration = float(stream.duration * stream.time_base)
                info = MediaInfo(
                    format=_media_format(container.format.name, video is not None),
                    container=container.format.name,
                    duration=duration,
                )
                if video is not None:
                    info.video_codec = video.codec_context.name
                    info.width, info.height = video.codec_context.width or None, video.codec_context.height or None
                    rate = video.average_rate or video.guessed_rate
                    info.fps = float(rate) if rate else None
                if sound is not None:
                    info.audio_codec = sound.codec_context.name
                    info.sample_rate = sound.codec_context.sample_rate or None
                return info
        except Unreadable:
            raise
        except Exception as error:  # PyAV raises many FFmpeg error types; all mean "unreadable"
            raise Unreadable(_("the media file could not be read: %(error)s") % {"error": error}) from error


def _seconds(timestamp):
    return timestamp.hours * 3600 + timestamp.minutes * 60 + timestamp.seconds + timestamp.milliseconds / 1000


def probe_captions(file):
    import webvtt

    name = (getattr(file, "name", "") or "").lower()
    with opened(file) as handle:
        data = handle.read()
    try:
        parsed = webvtt.from_buffer(io.BytesIO(data), format="srt" if name.endswith(".srt") else "vtt")
        intervals = sorted((_seconds(c.start_time), _seconds(c.end_time)) for c in parsed.captions)
    except Exception as error:  # webvtt-py raises its own and decoding errors
        raise Unreadable(_("the captions file could not be parsed: %(error)s") % {"error": error}) from error
    covered, reach = 0.0, 0.0
    for start, end in intervals:
        start = max(start, reach)
        if end > start:
            covered += end - start
            reach = end
    return CaptionsInfo(cues=len(intervals), covered=covered, end=max((end for _, end in intervals), default=0.0))


def probe_pdf(file):
    from pypdf import PdfReader

    with opened(file) as handle:
        try:
            reader = PdfReader(handle)
            if reader.is_encrypted:
                raise Unreadable(_("the PDF is encrypted"))
            pages = len(reader.pages)
            has_text = any((page.extract_text() or "").strip() for page in list(reader.pages)[:5])
        except Unreadable:
            raise
        except Exception as error:  # pypdf raises PdfReadError and plain parsing errors
            raise Unreadable(_("the PDF could not be read: %(error)s") % {"error": error}) from error
    return PdfInfo(pages=pages, has_text=has_text)


SIGNATURES = [
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
]


def _is_text(file):
    """Plain text: no NUL byte and valid UTF-8 in the first 4 KB (a cut multi-byte character is allowed)."""
    with opened(file) as handle:
        sample = handle.read(4096)
    if not sample or b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(sample) - 3
    return True


def sniff_document(file):
    """A document's format from its first bytes (Pillow checks images; plain UTF-8 text is "txt")."""
    with opened(file) as handle:
        head = handle.read(16)
    for signature, name in SIGNATURES:
        if head.startswith(signature):
            if name != "pdf":
                _verify_image(file)
            return name
    if head.startswith(b"PK\x03\x04"):
        name = (getattr(file, "name", "") or "").lower().rsplit(".", 1)[-1]
        if name in ("docx", "pptx", "xlsx", "epub"):
            return name
    if _is_text(file):
        return "txt"
    raise Unreadable(_("the document's format is not recognised"))


def _verify_image(file):
    from PIL import Image

    with opened(file) as handle:
        try:
            with Image.open(handle) as picture:
                picture.verify()
        except Exception as error:  # Pillow raises many error types for damaged images
            raise Unreadable(_("the image could not be read: %(error)s") % {"error": error}) from error
