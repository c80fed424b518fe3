"""The clauses as machine-readable JSON: the public download and what the checker reads."""

SCHEMA_VERSION = 1


def clause_json(clause, base_url=""):
    return {
        "id": clause.id,
        "number": clause.number,
        "title": clause.title,
        "kind": clause.kind,
        "text": clause.text,
        "level": clause.level,
        "normative": clause.normative,
        "parent": clause.parent.id if clause.parent else None,
        "url": f"{base_url}{clause.number}/" if base_url else "",
        "requirements": [
            {
                "id": requirement.id,
                "level": requirement.level,
                "text": requirement.text,
                "check_method": requirement.check_method,
            }
            for requirement in clause.requirements
        ],
        "check": [
            {**rule, "level": requirement.level, "requirement": requirement.id}
            for requirement in clause.requirements
            for rule in requirement.rules
        ],
    }


def standard_json(page, request=None):
    base_url = page.get_full_url(request) or ""
    return {
        "schema": SCHEMA_VERSION,
        "standard": {
            "code": page.code,
            "title": page.title,
            "title_en": page.title_en,
            "version": page.version,
            "status": page.status,
            "stage": page.stage,
            "issuing_body": page.issuing_body,
            "issued": page.issued_date.isoformat() if page.issued_date else None,
            "effective": page.effective_date.isoformat() if page.effective_date else None,
            "url": base_url,
        },
        "clauses": [clause_json(clause, base_url) for clause in page.document.clauses],
    }
