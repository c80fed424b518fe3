"""Applicants' accounts: ordinary site users in the Applicants group, with no admin access
(is_staff stays False and the group holds no admin permission)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from cms.core import antispam
from cms.core.antispam import HoneypotForm

APPLICANTS_GROUP = "申报人 Applicants"
RATE_LIMIT = 5  # sign-ups per address and window
RATE_WINDOW = 3600  # seconds


class SignUpForm(HoneypotForm, UserCreationForm):
    email = forms.EmailField(label=_("E-mail"), help_text=_("Where we tell you about your submissions."))
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, e-mail and submissions are used only to run the calls I apply to, "
            "and are kept no longer than the call's retention period."
        ),
        required=True,
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["username", "first_name", "email"]
        labels = {"first_name": _("Your name")}

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_staff = False
        if commit:
            user.save()
            user.groups.add(Group.objects.get_or_create(name=APPLICANTS_GROUP)[0])
        return user


def rate_limited(request):
    return antispam.rate_limited(request, "calls:sign-up", RATE_LIMIT, RATE_WINDOW)


def is_applicant(user):
    return user.is_authenticated and user.groups.filter(name=APPLICANTS_GROUP).exists()
