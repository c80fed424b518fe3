"""The per-clause comment form of a draft for comment, with a honeypot and a rate limit."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .models import ClauseComment

RATE_LIMIT = 5  # comments
RATE_WINDOW = 600  # seconds


class ClauseCommentForm(forms.ModelForm):
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ClauseComment
        fields = ["name", "organisation", "email", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def is_spam(self):
        return bool(self.data.get("website"))


def rate_limited(request):
    """True once an address has sent ``RATE_LIMIT`` comments within ``RATE_WINDOW`` seconds."""
    address = request.META.get("REMOTE_ADDR", "unknown")
    key = f"standards:comments:{address}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > RATE_LIMIT
