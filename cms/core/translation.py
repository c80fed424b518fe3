"""Machine-made translations through wagtail-localize, for demo content and imports.

Editors translate in wagtail-localize's editor; code that ships known translations (the demo
content) goes through the same models, so the result is an ordinary, synced translation that
editors can go on editing.
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import DraftStateMixin
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments


def translate(instance, locale, strings, publish=True):
    """Create or update the ``locale`` translation of ``instance``.

    ``strings`` maps source text to translated text; segments it does not name keep the
    source text (wagtail-localize's fallback), so a partial translation still saves. The
    translation of a draft is never published: it waits, as its source does, for moderation.
    Returns the translated instance.
    """
    publish = publish and getattr(instance, "live", True)
    strings = _with_paragraph_segments(strings)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    # wagtail-localize defers publishing to transaction.on_commit with a revision whose page
    # copy is stale by then (it would reset the tree's child count if children were added
    # meanwhile); save a draft and publish it now from a fresh copy instead.
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    save_draft(translation)
    translated = instance.get_translation(locale)
    if publish:
        translated = type(translated).objects.get(pk=translated.pk)
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated


def _with_paragraph_segments(strings):
    """wagtail-localize segments rich text by block element: a one-paragraph "<p>…</p>" value
    is the segment "…", so accept either form as a key."""
    lookup = dict(strings)
    for source, target in strings.items():
        if _is_one_paragraph(source) and _is_one_paragraph(target):
            lookup.setdefault(source[3:-4], target[3:-4])
    return lookup


def _is_one_paragraph(text):
    return text.startswith("<p>") and text.endswith("</p>") and text.count("<p>") == 1


def save_draft(translation, user=None):
    """The segments translated so far as the target's new draft revision.

    wagtail-localize's own draft save (``save_target(publish=False)``) writes the translated
    fields into the target's row before it saves a revision: for a live page, the public would
    read a title or lesson no moderator has approved. A live target gets only the revision here,
    as Wagtail's editor saves a draft; a target that is new or not live is saved by
    wagtail-localize (nobody reads its row)."""
    source = translation.source
    try:
        target = source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        target = None
    if target is None or not getattr(target, "live", False):
        translation.save_target(user=user, publish=False)
        return
    original = source.as_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    target.save_revision(user=user)
