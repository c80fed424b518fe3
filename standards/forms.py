"""The per-clause comment form of a draft for comment, with a honeypot and a rate limit."""

from django import forms

from cms.core import antispam
from cms.core.antispam import HoneypotForm

from .models.comments import ClauseComment

RATE_LIMIT = 5  # comments
RATE_WINDOW = 600  # seconds


class ClauseCommentForm(HoneypotForm, forms.ModelForm):
    class Meta:
        model = ClauseComment
        fields = ["name", "organisation", "email", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


def rate_limited(request):
    """True once an address has sent ``RATE_LIMIT`` comments within ``RATE_WINDOW`` seconds."""
    return antispam.rate_limited(request, "standards:comments", RATE_LIMIT, RATE_WINDOW)
