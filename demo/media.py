"""Generated media for the demo: deterministic pictures, found again by title on a re-run."""

import io
import random

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection


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
