"""Personal names: Chinese family-name-first without a space, English names as given."""

import re

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Two-character family names common enough to matter when a name must be split.
_COMPOUND = "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯令狐端木"
COMPOUND_FAMILY_NAMES = {_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2)}


def is_chinese(name):
    return bool(CJK.search(name or ""))


def chinese_name(name):
    """``王 小明`` → ``王小明``: Chinese names are written without inner spaces."""
    return re.sub(r"\s+", "", name or "") if is_chinese(name) else (name or "").strip()


def split_chinese(name):
    """(family, given) of a Chinese name, e.g. ``欧阳春`` → (``欧阳``, ``春``)."""
    name = chinese_name(name)
    if len(name) > 2 and name[:2] in COMPOUND_FAMILY_NAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def split_english(name, family_first):
    """(family, given) of a romanised name as the person writes it.

    ``Smith, John`` names its family part explicitly; otherwise the pinyin of a Chinese
    name (``Zhang San``) puts the family name first, and other names put it last.
    """
    name = " ".join((name or "").split())
    if "," in name:
        family, _, given = name.partition(",")
        return family.strip(), given.strip()
    parts = name.split(" ")
    if len(parts) == 1:
        return name, ""
    if family_first:
        return parts[0], " ".join(parts[1:])
    return parts[-1], " ".join(parts[:-1])
