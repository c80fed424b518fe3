"""Tags typed the Chinese way: a full-width comma "，" (or "、", "；") separates tags like ",".

Set as ``TAGGIT_TAGS_FROM_STRING``, so every tag field (the admin's tag widget and imports through
taggit) splits "戏曲，非遗" into two tags instead of one.
"""

from taggit.utils import _parse_tags

CHINESE_SEPARATORS = str.maketrans({"，": ",", "、": ",", "；": ",", ";": ","})


def parse_tags(text):
    return _parse_tags((text or "").translate(CHINESE_SEPARATORS))
