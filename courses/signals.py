"""When a confirmed sign-up is removed, the first person on the waiting list gets the place."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Registration


@receiver(post_delete, sender=Registration)
def promote_from_waiting_list(sender, instance, **kwargs):
    if instance.state != Registration.State.CONFIRMED:
        return
    with transaction.atomic():
        waiting = (
            Registration.objects.select_for_update()
            .filter(activity_id=instance.activity_id, state=Registration.State.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if waiting is not None:
            waiting.state = Registration.State.CONFIRMED
            waiting.save(update_fields=["state"])
