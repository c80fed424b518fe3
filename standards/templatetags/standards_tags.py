"""Labels for requirement levels, check methods, rules and outcomes in the standards templates."""

from django import template
from django.utils.translation import gettext as _

from standards.blocks import CheckMethod, Level
from standards.rule_blocks import RuleStreamBlock

register = template.Library()


@register.filter
def level_word(level):
    return Level.WORDS.get(level, "")


@register.filter
def level_label(level):
    return dict(Level.CHOICES).get(level, "")


@register.filter
def method_label(method):
    return dict(CheckMethod.CHOICES).get(method, "")


@register.filter
def rule_label(rule_type):
    block = RuleStreamBlock.base_blocks.get(rule_type)
    return block.meta.label if block is not None else rule_type


@register.filter
def rule_params(params):
    """The parameters an editor set, as "min_height = 720; kinds = video"."""
    shown = []
    for key, value in (params or {}).items():
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = ", ".join(str(part) for part in value)
        shown.append(f"{key} = {value}")
    return "; ".join(shown)


@register.filter
def outcome_label(outcome):
    labels = {
        "passed": _("passed"),
        "failed": _("failed"),
        "inapplicable": _("inapplicable"),
        "cantTell": _("can't tell"),
    }
    return labels.get(outcome, outcome)
