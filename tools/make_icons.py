"""Draw the site's icons as PNG from the same shapes as cms/core/static/icons/favicon.svg.

Run after changing the artwork: ``python tools/make_icons.py``. The PNGs are committed, so
neither the server nor the build needs an SVG renderer.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "cms" / "core" / "static" / "icons"
BRAND = "#a61b29"
SUN = "#f6c453"
# The SVG's shapes on its 64-unit grid.
SUN_CENTRE, SUN_RADIUS = (32, 19), 8
PAGES = [[(9, 30), (30, 34), (30, 54), (9, 50)], [(34, 34), (55, 30), (55, 50), (34, 54)]]
CORNER_RADIUS = 14
SUPERSAMPLE = 4  # draw large and shrink, for smooth edges without an anti-aliasing renderer


def draw_mark(draw, left, top, scale):
    """The sun over an open book, placed at (left, top) with 1 grid unit = ``scale`` pixels."""

    def point(x, y):
        return (left + x * scale, top + y * scale)

    cx, cy = point(*SUN_CENTRE)
    radius = SUN_RADIUS * scale
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=SUN)
    for page in PAGES:
        draw.polygon([point(x, y) for x, y in page], fill="white")


def icon(size, rounded=True):
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    scale = big / 64
    if rounded:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER_RADIUS * scale, fill=BRAND)
    else:  # iOS rounds the corners of a touch icon itself
        draw.rectangle((0, 0, big, big), fill=BRAND)
    draw_mark(draw, 0, 0, scale)
    return image.resize((size, size), Image.LANCZOS)


def share_card(width=1200, height=630):
    """The card shown when a page without an image of its own is shared."""
    big_width, big_height = width * SUPERSAMPLE, height * SUPERSAMPLE
    image = Image.new("RGB", (big_width, big_height), BRAND)
    scale = big_height * 0.8 / 64
    draw_mark(ImageDraw.Draw(image), (big_width - 64 * scale) / 2, (big_height - 64 * scale) / 2, scale)
    return image.resize((width, height), Image.LANCZOS)


def main():
    ICONS.mkdir(parents=True, exist_ok=True)
    icon(32).save(ICONS / "favicon-32.png", optimize=True)
    icon(192).save(ICONS / "icon-192.png", optimize=True)
    icon(512).save(ICONS / "icon-512.png", optimize=True)
    icon(180, rounded=False).convert("RGB").save(ICONS / "apple-touch-icon.png", optimize=True)
    share_card().save(ICONS / "share.png", optimize=True)


if __name__ == "__main__":
    main()
