"""Generated media for the demo: deterministic pictures (found again by title on a re-run) and
the audio introductions, captions and handouts some demo courses carry."""

import io
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtailmedia.models import get_media_model

from standards import samples


def demo_collection(name="演示内容 Demo"):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def demo_image(title, seed, size=(1200, 500), palette=None):
    """A deterministic abstract picture (bands and circles), saved once in the image library."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing

    from PIL import Image as PILImage
    from PIL import ImageDraw

    rng = random.Random(seed)
    palette = palette or [(166, 27, 41), (240, 180, 41), (11, 83, 148), (46, 125, 50), (245, 242, 238)]
    width, height = size
    picture = PILImage.new("RGB", size, palette[-1])
    draw = ImageDraw.Draw(picture)
    for _ in range(6):
        top = rng.randint(0, height)
        colour = palette[rng.randrange(len(palette) - 1)]
        draw.rectangle([0, top, width, top + rng.randint(height // 12, height // 4)], fill=colour)
    for _ in range(12):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(height // 20, height // 4)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=palette[rng.randrange(len(palette))], width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    image = Image(title=title, collection=demo_collection())
    image.file = ImageFile(buffer, name=f"demo-{seed}.jpg")
    image.save()
    return image


# A conforming introduction: 44.1 kHz MP3 of a few minutes (the standard asks for 3–30).
INTRO_SECONDS = 200


INTRO_CACHE = {}


def attach_audio(course, conforming):
    """The first lesson gets an audio introduction with a WebVTT transcript and a handout:
    a conforming MP3 and PDF, or an early 8 kHz WAV recording and a plain-text handout."""
    Media, Document = get_media_model(), get_document_model()
    collection = demo_collection()
    slug = course.code.lower()
    if conforming:
        if "mp3" not in INTRO_CACHE:
            INTRO_CACHE["mp3"] = samples.audio(seconds=INTRO_SECONDS, rate=44100)
        audio_name, audio_bytes, seconds = f"{slug}-intro.mp3", INTRO_CACHE["mp3"], INTRO_SECONDS
        handout_name, handout_bytes = f"{slug}-handout.pdf", samples.pdf(pages=2)
    else:
        audio_bytes = samples.audio(seconds=3, rate=8000, container="wav", codec="pcm_s16le")
        audio_name, seconds = f"{slug}-intro.wav", 3
        handout_name = f"{slug}-handout.txt"
        handout_bytes = f"{course.title}\n\n{course.summary}\n".encode()
    audio = Media(title=f"{course.title} 导学音频", type="audio", duration=seconds, collection=collection)
    audio.file.save(audio_name, ContentFile(audio_bytes), save=True)
    captions = Document(title=f"{course.title} 导学字幕", collection=collection)
    minutes, rest = divmod(seconds, 60)
    vtt = f"WEBVTT\n\n00:00.000 --> {minutes:02d}:{rest:02d}.000\n欢迎学习《{course.title}》。\n"
    captions.file.save(f"{slug}-intro.vtt", ContentFile(vtt.encode()), save=True)
    handout = Document(title=f"{course.title} 讲义", collection=collection)
    handout.file.save(handout_name, ContentFile(handout_bytes), save=True)
    lesson = course.lessons.first()
    lesson.audio, lesson.audio_captions, lesson.document = audio, captions, handout
    lesson.save()
    course.save_revision().publish()
