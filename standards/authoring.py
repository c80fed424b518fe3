"""Write a standard's body in code: the raw StreamField data the admin would save.

Used by the demo content and the tests. Clause ids are uuid5 of a key, so the same key in
two versions is the same clause, as when an editor copies a version and edits it.
"""

import uuid

NAMESPACE = uuid.UUID("6f1c3a52-6c1e-4d0a-9d1e-33a7b9c0f2d1")


def uid(key):
    return str(uuid.uuid5(NAMESPACE, str(key)))


def _block(block_type, value, key):
    return {"type": block_type, "value": value, "id": uid(key)}


def paragraph(text, key=None):
    html = "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
    return _block("paragraph", html, key or f"paragraph:{text}")


def rule(rule_type, key=None, **params):
    return _block(rule_type, params, key or f"rule:{rule_type}:{sorted(params.items())}")


def requirement(key, text, level="shall", method="manual", rules=()):
    value = {"level": level, "text": text, "check_method": method, "rules": list(rules)}
    return _block("requirement", value, f"requirement:{key}")


def shall(key, text, method="manual", rules=()):
    return requirement(key, text, "shall", method, rules)


def should(key, text, method="manual", rules=()):
    return requirement(key, text, "should", method, rules)


def may(key, text, method="manual", rules=()):
    return requirement(key, text, "may", method, rules)


def note(text, key=None):
    return _block("note", {"text": text}, key or f"note:{text}")


def example(text, kind="example", key=None):
    return _block("example", {"kind": kind, "text": text}, key or f"example:{text}")


def table(caption, rows, key=None):
    value = {
        "caption": caption,
        "table": {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False},
    }
    return _block("table", value, key or f"table:{caption}")


def _clause_value(title, content, explanation):
    return {"title": title, "content": list(content), "explanation": explanation}


def chapter(key, title, *content, explanation=""):
    return _block("chapter", _clause_value(title, content, explanation), key)


def clause(key, title, *content, explanation=""):
    return _block("clause", _clause_value(title, content, explanation), key)


def annex(key, title, *content, normative=False, explanation=""):
    value = _clause_value(title, content, explanation)
    value["normative"] = normative
    return _block("annex", value, key)


def term(key, name, definition, name_en="", note_text=""):
    value = {"term": name, "term_en": name_en, "definition": definition, "note": note_text}
    return _block("term", value, key)


def terms(key, *items, title="术语和定义", introduction="下列术语和定义适用于本文件。"):
    return _block("terms", {"title": title, "introduction": introduction, "terms": list(items)}, key)


def references(key, *documents, title="规范性引用文件"):
    value = {"title": title, "references": [{"code": code, "title": name} for code, name in documents]}
    return _block("references", value, key)


def section(kind, title, text, key=None):
    html = "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
    return _block(kind, {"title": title, "body": html}, key or f"{kind}:{title}")
