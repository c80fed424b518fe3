"""Whole numbers read from query strings, strictly.

``str.isdigit()`` accepts "²" and "①", which ``int()`` refuses, and a number of thirty digits
overflows the database: a visitor's typo must not become a server error.
"""

import re

ASCII_DIGITS = re.compile(r"[0-9]{1,9}")


def whole_number(text, minimum=None, maximum=None):
    """``text`` as an int when it is ASCII digits within the bounds given, else None."""
    text = str(text or "")
    if not ASCII_DIGITS.fullmatch(text):
        return None
    value = int(text)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return None
    return value
