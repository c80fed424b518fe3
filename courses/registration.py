"""Public sign-up for activities: capacity, an automatic waiting list, consent and a retention period.

Only a name and a phone number are collected (PIPL: the minimum needed), with explicit consent,
and kept until ``erase_after`` (the activity's end plus a retention period); the
``purge_registrations`` command erases what is due. Nothing a person entered is ever shown
on a public page: the confirmation page shows only the state of the sign-up.
"""

import datetime
import re
import secrets

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms import antispam
from cms.antispam import HoneypotForm

from .models import LearningActivity, Registration
from .models.activities import retention_days

PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")
RATE_LIMIT = 5  # sign-ups per address and window
RATE_WINDOW = 600  # seconds


class RegistrationForm(HoneypotForm):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=50)
    phone = forms.CharField(
        label=_("Phone"), max_length=20, help_text=_("A mobile number (11 digits) or a landline with area code.")
    )
    consent = forms.BooleanField(
        label=_("I agree that my name and phone number are used only to organise this activity."),
        required=True,
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].replace(" ", "")
        if not PHONE.match(phone):
            raise forms.ValidationError(_("Enter a mobile number of 11 digits or a landline such as 0571-88888888."))
        return phone

    def clean_name(self):
        return self.cleaned_data["name"].strip()


class RegistrationClosed(Exception):
    pass


class AlreadySignedUp(Exception):
    pass


def rate_limited(request):
    """True when this client has signed up too often recently."""
    return antispam.rate_limited(request, "courses:signup", RATE_LIMIT, RATE_WINDOW)


def is_open(activity, now=None):
    now = now or timezone.now()
    return (
        activity.takes_registrations and activity.status != LearningActivity.Status.CANCELLED and activity.start > now
    )


@transaction.atomic
def register(activity, name, phone, now=None):
    """Sign someone up: confirmed while places last, then on the waiting list; one sign-up per phone."""
    now = now or timezone.now()
    activity = LearningActivity.objects.select_for_update().get(pk=activity.pk)
    if not is_open(activity, now):
        raise RegistrationClosed(_("This activity does not take sign-ups."))
    if activity.registrations.filter(phone=phone).exists():
        # Never hand back the existing sign-up: its reference opens its status page, and
        # anyone could type someone else's number.
        raise AlreadySignedUp(_("This phone number has already signed up for this activity; that sign-up stands."))
    confirmed = activity.registrations.filter(state=Registration.State.CONFIRMED).count()
    full = activity.capacity is not None and confirmed >= activity.capacity
    return Registration.objects.create(
        activity=activity,
        name=name,
        phone=phone,
        state=Registration.State.WAITING if full else Registration.State.CONFIRMED,
        consented_at=now,
        erase_after=activity.end.date() + datetime.timedelta(days=retention_days()),
        reference=secrets.token_urlsafe(16),
    )


def waiting_position(registration):
    if registration.state != Registration.State.WAITING:
        return None
    return Registration.objects.filter(
        activity_id=registration.activity_id, state=Registration.State.WAITING, pk__lte=registration.pk
    ).count()


def purge_expired(today=None):
    today = today or timezone.localdate()
    deleted, _details = Registration.objects.filter(erase_after__lt=today).delete()
    return deleted
