"""Small real media files made on the spot: for tests, the demo and examples of (non-)conforming resources.

PyAV encodes video and audio with the FFmpeg it ships, pypdf writes PDFs and Pillow images,
so nothing here needs a system tool. Each function returns the file's bytes.
"""

import io
import math
from fractions import Fraction


def video(width=320, height=180, seconds=1.0, fps=10, audio_rate=44100, container="mp4", codec="h264"):
    """An encoded video (moving colour bands) with a sine-tone audio track unless ``audio_rate`` is None."""
    import av
    from PIL import Image

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container) as output:
        stream = output.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast"} if codec == "h264" else {}
        sound = None
        if audio_rate:
            sound = output.add_stream("aac" if container == "mp4" else "libopus", rate=audio_rate)
            sound.layout = "mono"
        frames = max(1, round(seconds * fps))
        for index in range(frames):
            picture = Image.new("RGB", (width, height), ((index * 25) % 256, 40, 90))
            picture.paste((240, 180, 41), (0, 0, width, height // 2))
            frame = av.VideoFrame.from_image(picture)
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            output.mux(stream.encode(frame))
        output.mux(stream.encode())
        if sound is not None:
            _write_tone(output, sound, audio_rate, seconds)
    return buffer.getvalue()


def audio(seconds=1.0, rate=44100, container="mp3", codec="mp3"):
    """An encoded sine tone."""
    import av

    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container) as output:
        stream = output.add_stream(codec, rate=rate)
        stream.layout = "mono"
        _write_tone(output, stream, rate, seconds)
    return buffer.getvalue()


def _write_tone(output, stream, rate, seconds):
    import array

    import av

    samples = int(rate * seconds)
    chunk = 1024
    # One second of a 440 Hz tone is a whole number of periods, so it is computed once and repeated.
    second = array.array("h", (int(6000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(rate)))
    second.extend(second[:chunk])
    for start in range(0, samples, chunk):
        count = min(chunk, samples - start)
        tone = second[start % rate : start % rate + count]
        frame = av.AudioFrame(format="s16", layout="mono", samples=count)
        frame.planes[0].update(tone.tobytes())
        frame.sample_rate = rate
        frame.pts = start
        frame.time_base = Fraction(1, rate)
        output.mux(stream.encode(frame))
    output.mux(stream.encode())


def pdf(pages=2, text=True):
    """A PDF with ``pages`` pages; with ``text`` each page carries a line of real text."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    font_ref = writer._add_object(font)
    for number in range(1, pages + 1):
        page = writer.add_blank_page(width=595, height=842)
        if not text:
            continue
        content = DecodedStreamObject()
        content.set_data(f"BT /F1 18 Tf 72 770 Td (Lesson handout, page {number}) Tj ET".encode())
        page[NameObject("/Contents")] = writer._add_object(content)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image(width=640, height=360, format="PNG"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 83, 148)).save(buffer, format=format)
    return buffer.getvalue()


def captions(cues, format="vtt"):
    """A WebVTT (or SRT) file from ``[(start_seconds, end_seconds, text), …]``."""

    def stamp(seconds, separator):
        whole = int(seconds)
        millis = round((seconds - whole) * 1000)
        return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}{separator}{millis:03d}"

    if format == "srt":
        blocks = [
            f"{index}\n{stamp(start, ',')} --> {stamp(end, ',')}\n{text}\n"
            for index, (start, end, text) in enumerate(cues, start=1)
        ]
        return "\n".join(blocks).encode()
    lines = ["WEBVTT", ""]
    for start, end, text in cues:
        lines += [f"{stamp(start, '.')} --> {stamp(end, '.')}", text, ""]
    return "\n".join(lines).encode()


def corrupt(size=2048, seed=7):
    """Bytes that no reader accepts (what a broken upload looks like)."""
    import random

    return random.Random(seed).randbytes(size)
