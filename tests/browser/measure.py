"""What the browser tests measure on a rendered page, as JavaScript run in the page.

Contrast follows WCAG 2.x: relative luminance of sRGB colours, (lighter + 0.05) / (darker + 0.05);
a background is the first ancestor's with any colour, blended over the ones behind it when it is
translucent. Text over an image is left out (its background cannot be read from styles).
"""

COLOUR_HELPERS = """
const parse = (value) => {
    const parts = value.match(/[\\d.]+/g).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
};
const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
});
const luminance = (c) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
};
const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
};
// The colour behind an element, or null when an image is behind it.
const backgroundOf = (element) => {
    const layers = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== 'none') return null;
        const colour = parse(style.backgroundColor);
        if (colour.a > 0) { layers.push(colour); if (colour.a >= 1) break; }
    }
    return layers.reduceRight((under, over) => blend(over, under), {r: 255, g: 255, b: 255, a: 1});
};
const visible = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 1 && box.height > 1 && style.visibility === 'visible' && style.opacity !== '0';
};
const describe = (element) => {
    const classes = typeof element.className === 'string' ? element.className.trim().split(/\\s+/) : [];
    const text = (element.innerText || element.value || element.getAttribute('aria-label') || '').trim();
    return [element.tagName.toLowerCase(), ...classes.filter(Boolean)].join('.') + ' "' + text.slice(0, 30) + '"';
};
"""

# Every element with its own visible text, and its contrast against what is behind it.
LOW_CONTRAST_TEXT = (
    "(minimum) => {"
    + COLOUR_HELPERS
    + """
    const failures = [];
    for (const element of document.body.querySelectorAll('*')) {
        const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!ownText || !visible(element) || element.closest('svg')) continue;
        const background = backgroundOf(element);
        if (!background) continue;
        const text = parse(getComputedStyle(element).color);
        const ratio = contrast(blend(text, background), background);
        if (ratio < minimum) failures.push(describe(element) + ' ' + ratio.toFixed(2));
    }
    return failures;
}"""
)

# Targets smaller than the minimum either way; a link inside running text is exempt (WCAG 2.5.5).
SMALL_TARGETS = """(minimum) => {
    const failures = [];
    const targets = document.querySelectorAll('a[href], button, summary, select, textarea, input:not([type=hidden])');
    for (const target of targets) {
        const box = target.getBoundingClientRect();
        const style = getComputedStyle(target);
        if (box.width === 0 || box.height === 0 || style.visibility !== 'visible') continue;
        const hidden = '.visually-hidden, .skip-link, .signup__trap, .form-field--trap, [aria-hidden=true]';
        if (target.closest(hidden)) continue;
        if (style.display === 'inline') {
            const block = target.parentElement.closest('p, li, dd, td, th, h1, h2, h3, h4, figcaption, div, label');
            const ownText = target.innerText.trim().length;
            if (block && block.innerText.trim().length > ownText + 1) continue;
        }
        if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
            const text = (target.innerText || target.name || '').trim().slice(0, 30);
            const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
            failures.push(`${target.tagName.toLowerCase()} "${text}" ${size}`);
        }
    }
    return failures;
}"""

# The focused element's outline against the colour behind it (the outline is drawn outside the element).
FOCUS_RING = (
    "() => {"
    + COLOUR_HELPERS
    + """
    const element = document.activeElement;
    const style = getComputedStyle(element);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
        return {element: describe(element), ratio: 0, width: style.outlineWidth};
    }
    const background = backgroundOf(element.parentElement) || {r: 255, g: 255, b: 255, a: 1};
    const ratio = contrast(parse(style.outlineColor), background);
    return {element: describe(element), ratio: ratio, width: style.outlineWidth};
}"""
)

OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
# Doubles the root font size, as a reader who sets the browser's text size to 200 %.
DOUBLE_TEXT_SIZE = """() => {
    const root = document.documentElement;
    root.style.fontSize = 2 * parseFloat(getComputedStyle(root).fontSize) + 'px';
}"""
FIRST_HEADING_TOP = "() => document.querySelector('main h1').getBoundingClientRect().top + window.scrollY"
BODY_FONT_SIZE = "() => parseFloat(getComputedStyle(document.body).fontSize)"
SMALLEST_FONT_SIZE = """(selector) => Math.min(...[...document.querySelectorAll(selector)].map(
    (element) => parseFloat(getComputedStyle(element).fontSize)))"""
