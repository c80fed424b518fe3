"""The GB/T 7714—2025 examples of tests/journal/fixtures/ (see the README there)."""

import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = json.loads((FIXTURES / "gbt7714_2025_examples.json").read_text(encoding="utf-8"))
DATA_GAPS = json.loads((FIXTURES / "gbt7714_2025_data_gaps.json").read_text(encoding="utf-8"))


def completed(example):
    """The example's CSL item with the data its entry prints but the item lacks."""
    return {**example["csl"], **DATA_GAPS.get(example["id"], {}).get("csl", {})}


def exact_failures(items_and_examples, format_reference):
    """``[(id, expected, got)]`` for every example not reproduced character for character."""
    failures = []
    for item, example in items_and_examples:
        got = format_reference(item)
        if got != example["expected"]:
            failures.append((example["id"], example["expected"], got))
    return failures


def describe(failures):
    return "\n".join(f"{id_}\n  expected {expected}\n  got      {got}" for id_, expected, got in failures)
