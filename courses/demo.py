"""Demo content for the course catalog: ≥100 courses in all 11 cities, ≥1,000 activities over a year,
venues, three themed resource sets for elderly education and the learning map's places.

Deterministic (one seeded random generator) and idempotent: courses are found by code, venues
by name and city, places by name; activities are generated only while the demo venues have none.
"""

import datetime
import io
import math
import random
import struct
import time
import wave
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtailmedia.models import get_media_model

from demo.media import demo_collection, demo_image
from demo.pages import child_page, publish
from home.models import ContentPage

from . import demo_content as text
from .models import (
    Audience,
    Category,
    CourseIndexPage,
    CoursePage,
    Instructor,
    LearningActivity,
    LearningPlace,
    Lesson,
    Provider,
    Region,
    ResourceSetPage,
    Venue,
)

SEED = 20191
ACTIVITY_COUNT = 1_100
WITH_AUDIO = 12  # courses whose first lesson carries a short audio introduction with captions
HALL_SUFFIXES = ["村文化礼堂", "社区文化家园", "村农家书屋", "社区学校教学点"]
VILLAGE_WORDS = "东西南北上下前后新老大小"
VILLAGE_NAMES = "桥溪塘湾山岭坑岙埠垟"


def load(home, stdout):
    started = time.monotonic()
    vocab = _vocabularies()
    stdout.write("  courses…")
    index, _created = child_page(
        home,
        CourseIndexPage,
        "courses",
        title="特色课程",
        introduction="社区教育进农村文化礼堂特色课程：按类别、对象、地区和年份查找身边的好课程。",
        show_in_menus=True,
    )
    # One generator per section, so what one section skips on a re-run cannot shift the next.
    courses = _courses(index, vocab, random.Random(f"{SEED}-courses"), stdout)
    stdout.write("  venues and activities…")
    venues = _venues(vocab["regions"], random.Random(f"{SEED}-venues"))
    activities = _activities(courses, venues, random.Random(f"{SEED}-activities"))
    stdout.write("  themed resource sets and the learning map…")
    sets = _resource_sets(home, courses)
    places = _places(vocab["regions"])
    stdout.write(
        f"  {len(courses)} courses, {len(venues)} venues, {activities} new activities, {len(sets)} resource sets,"
        f" {places} map places ({time.monotonic() - started:.1f} s)"
    )
    return {"index": index, "courses": courses, "resource_sets": sets}


def _vocabularies():
    categories = {}
    for order, (slug, name, name_en) in enumerate(text.CATEGORIES):
        categories[slug], _ = Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    audiences = {}
    for order, (slug, name, name_en) in enumerate(text.AUDIENCES):
        audiences[slug], _ = Audience.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    regions = list(Region.objects.select_related("parent").order_by("code"))
    cities = {r.name: r for r in regions if r.level == Region.Level.CITY}
    instructors = []
    for name, title, institution in text.INSTRUCTORS:
        instructor, _ = Instructor.objects.get_or_create(
            name=name,
            defaults={"job_title": title, "institution": institution, "bio": f"{name}，{title}，长期从事社区教育。"},
        )
        instructors.append(instructor)
    return {
        "categories": categories,
        "audiences": audiences,
        "regions": regions,
        "cities": cities,
        "instructors": instructors,
    }


def _counties(regions, city):
    return [r for r in regions if r.parent_id == city.pk]


def _provider(city, county):
    name = f"{city.name}{county.name}社区学院" if county.name.endswith("区") else f"{county.name}社区学校"
    provider, _ = Provider.objects.get_or_create(name=name, defaults={"city": city})
    return provider


def _course_plan(vocab, rng):
    """Every demo course as (code, title, category, summary, tags, city), deterministic."""
    cities = list(vocab["cities"].values())
    plan = []
    for city in cities:
        for title, category, summary, tags in text.LOCAL_COURSES[city.name]:
            plan.append((title, category, summary, tags, city))
    for number, (title, category, summary, tags) in enumerate(text.GENERAL_COURSES):
        plan.append((title, category, summary, tags, cities[number % len(cities)]))
    rng.shuffle(plan)
    return [(f"ZJ{2019 + n % 4}-{n + 1:03d}", *row) for n, row in enumerate(plan)]


def _audiences_for(category, rng, audiences):
    base = {"digital": "elderly", "health": "elderly", "rural": "farmers", "family": "parents", "skills": "newcomers"}
    chosen = {base.get(category, "residents")}
    chosen.update(rng.sample(sorted(audiences), 1))
    return [audiences[slug] for slug in sorted(chosen)]


def _courses(index, vocab, rng, stdout):
    existing = {page.code: page for page in CoursePage.objects.child_of(index)}
    cover = {
        slug: demo_image(f"课程封面 {name}", seed=300 + n, size=(960, 540))
        for n, (slug, name, _en) in enumerate(text.CATEGORIES)
    }
    courses = []
    plan = _course_plan(vocab, rng)
    for number, (code, title, category, summary, tags, city) in enumerate(plan, start=1):
        county = rng.choice(_counties(vocab["regions"], city))
        lessons = text.LESSON_PLANS[category]
        audiences = _audiences_for(category, rng, vocab["audiences"])
        instructors = rng.sample(vocab["instructors"], rng.choice([1, 1, 2]))
        year = int(code[2:6])
        hours = Decimal(len(lessons) * rng.choice([1, 1.5, 2]))
        batch = rng.choice(["第一批", "第二批"])
        mode = rng.choice([CoursePage.Mode.IN_HALL] * 3 + [CoursePage.Mode.ONLINE, CoursePage.Mode.BLENDED])
        durations = [rng.choice([40, 45, 60]) for _lesson in lessons]
        if code in existing:  # every random draw is above this line, so a re-run stays in step
            courses.append(existing[code])
            continue
        course = CoursePage(
            title=title,
            slug=code.lower(),
            code=code,
            summary=summary,
            description=f"<p>{summary}</p><p>{text.CATEGORY_PARAGRAPH[category]}</p>",
            category=vocab["categories"][category],
            city=city,
            county=county,
            provider=_provider(city, county),
            hours=hours,
            lesson_count=len(lessons),
            year=year,
            batch=batch,
            mode=mode,
            image=cover[category],
        )
        course.audiences = audiences
        course.instructors = instructors
        course.tags.set(tags)
        course.lessons = [
            Lesson(title=f"第{n}讲 {lesson.format(t=title)}", duration_minutes=minutes)
            for n, (lesson, minutes) in enumerate(zip(lessons, durations, strict=True), start=1)
        ]
        index.add_child(instance=course)
        publish(course)
        if number <= WITH_AUDIO:
            # Half the recorded courses meet the resource standard, half still need work,
            # so the conformance report and badges have both to show.
            _attach_audio(course, conforming=number % 2 == 0)
        courses.append(course)
        if number % 20 == 0:
            stdout.write(f"    {number}/{len(plan)}")
    return courses


def _tone_wav(seconds=3, frequency=440, rate=8000):
    """A short real WAV file (a soft tone) standing in for a recorded introduction."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        frames = (int(3000 * math.sin(2 * math.pi * frequency * n / rate)) for n in range(seconds * rate))
        audio.writeframes(b"".join(struct.pack("<h", frame) for frame in frames))
    return buffer.getvalue()


# A conforming introduction: 44.1 kHz MP3 of a few minutes (the standard asks for 3–30).
INTRO_SECONDS = 200


def _intro_mp3(seconds=INTRO_SECONDS, rate=44100):
    """A quiet 441 Hz tone as MP3, encoded from one repeated chunk (a whole number of periods)."""
    import array

    import av

    chunk = array.array("h", (int(3000 * math.sin(2 * math.pi * 441 * n / rate)) for n in range(4400))).tobytes()
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp3") as output:
        stream = output.add_stream("mp3", rate=rate)
        stream.layout = "mono"
        for start in range(0, seconds * rate, 4400):
            frame = av.AudioFrame(format="s16", layout="mono", samples=4400)
            frame.planes[0].update(chunk)
            frame.sample_rate, frame.pts = rate, start
            output.mux(stream.encode(frame))
        output.mux(stream.encode())
    return buffer.getvalue()


_INTRO_CACHE = {}


def _attach_audio(course, conforming):
    """The first lesson gets an audio introduction with a WebVTT transcript and a handout:
    a conforming MP3 and PDF, or an early 8 kHz WAV recording and a plain-text handout."""
    from standards.samples import pdf as sample_pdf

    Media, Document = get_media_model(), get_document_model()
    collection = demo_collection()
    slug = course.code.lower()
    if conforming:
        if "mp3" not in _INTRO_CACHE:
            _INTRO_CACHE["mp3"] = _intro_mp3()
        audio_name, audio_bytes, seconds = f"{slug}-intro.mp3", _INTRO_CACHE["mp3"], INTRO_SECONDS
        handout_name, handout_bytes = f"{slug}-handout.pdf", sample_pdf(pages=2)
    else:
        audio_name, audio_bytes, seconds = f"{slug}-intro.wav", _tone_wav(), 3
        handout_name = f"{slug}-handout.txt"
        handout_bytes = f"{course.title}\n\n{course.summary}\n".encode()
    audio = Media(title=f"{course.title} 导学音频", type="audio", duration=seconds, collection=collection)
    audio.file.save(audio_name, ContentFile(audio_bytes), save=True)
    captions = Document(title=f"{course.title} 导学字幕", collection=collection)
    minutes, rest = divmod(seconds, 60)
    vtt = f"WEBVTT\n\n00:00.000 --> {minutes:02d}:{rest:02d}.000\n欢迎学习《{course.title}》。\n"
    captions.file.save(f"{slug}-intro.vtt", ContentFile(vtt.encode()), save=True)
    handout = Document(title=f"{course.title} 讲义", collection=collection)
    handout.file.save(handout_name, ContentFile(handout_bytes), save=True)
    lesson = course.lessons.first()
    lesson.audio, lesson.audio_captions, lesson.document = audio, captions, handout
    lesson.save()
    publish(course)


def _venues(regions, rng):
    existing = {(v.name, v.city_id): v for v in Venue.objects.all()}
    wanted = []
    for county in (r for r in regions if r.level == Region.Level.COUNTY):
        city = county.parent
        for number in range(2):
            village = rng.choice(VILLAGE_WORDS) + rng.choice(VILLAGE_NAMES)
            suffix = HALL_SUFFIXES[(number + len(county.name)) % len(HALL_SUFFIXES)]
            name = f"{county.name}{village}{suffix}"
            offset = (rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3))  # drawn before any skip, to stay in step
            if (name, city.pk) in existing or any(v.name == name and v.city_id == city.pk for v in wanted):
                continue
            wanted.append(
                Venue(
                    name=name,
                    address=f"浙江省{city.name}{county.name}{village}村",
                    city=city,
                    county=county,
                    latitude=round(city.latitude + offset[0], 4),
                    longitude=round(city.longitude + offset[1], 4),
                )
            )
    Venue.objects.bulk_create(wanted)
    return list(Venue.objects.filter(pk__in=[v.pk for v in existing.values()] + [v.pk for v in wanted if v.pk]))


def _activities(courses, venues, rng):
    if LearningActivity.objects.filter(venue__in=venues).exists():
        return 0
    tz = timezone.get_current_timezone()
    today = timezone.localdate()
    first = (today.replace(day=1) - datetime.timedelta(days=183)).replace(day=1)
    by_city = {}
    for venue in venues:
        by_city.setdefault(venue.city_id, []).append(venue)
    formats = ["第{n}讲", "体验课", "学员分享会", "集中授课", "成果展示"]
    activities = []
    for number in range(ACTIVITY_COUNT):
        course = courses[number % len(courses)] if number % 10 else None
        city_venues = by_city.get(course.city_id) if course else None
        venue = rng.choice(city_venues or venues)
        day = first + datetime.timedelta(days=rng.randrange(365))
        hour = rng.choice([9, 14, 19])
        start = datetime.datetime(day.year, day.month, day.day, hour, rng.choice([0, 30]), tzinfo=tz)
        end = start + datetime.timedelta(minutes=rng.choice([90, 120]))
        if course:
            title = f"{course.title}·{rng.choice(formats).format(n=rng.randint(1, course.lesson_count))}"
        else:
            title = rng.choice(["全民终身学习活动周主题活动", "文化礼堂读书会", "村民议事与法律咨询", "乡村春晚排练"])
        status = rng.choices(["scheduled", "postponed", "cancelled"], weights=[95, 3, 2])[0]
        note = {"postponed": "因天气原因延期，新时间另行通知。", "cancelled": "因场地检修取消，敬请谅解。"}.get(
            status, ""
        )
        activities.append(
            LearningActivity(
                title=title,
                course=course,
                venue=venue,
                start=start,
                end=end,
                capacity=rng.choice([30, 40, 50, 60, 80]),
                organiser=f"{venue.county.name}社区学校" if venue.county else "",
                status=status,
                status_note=note,
                takes_registrations=day > today and rng.random() < 0.25,
                description="欢迎村民和社区居民参加，请提前十分钟到场。",
            )
        )
    LearningActivity.objects.bulk_create(activities, batch_size=500)
    return len(activities)


def _resource_sets(home, courses):
    parent, _ = child_page(
        home,
        ContentPage,
        "elderly-education",
        title="老年教育专题",
        introduction="老年教育数字化学习资源：按主题组织的课程与学习指南。",
        show_in_menus=True,
    )
    sets = []
    for number, spec in enumerate(text.RESOURCE_SETS):
        existing = ResourceSetPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if existing:
            sets.append(existing)
            continue
        page = ResourceSetPage(
            slug=spec["slug"],
            title=spec["title"],
            introduction=spec["introduction"],
            platform=spec["platform"],
            image=demo_image(f"专题 {spec['title']}", seed=400 + number),
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["body"]],
        )
        page.courses = [c for c in courses if c.category.slug in spec["categories"]][:12]
        parent.add_child(instance=page)
        publish(page)
        sets.append(page)
    return sets


def _places(regions):
    cities = {r.name: r for r in regions if r.level == Region.Level.CITY}
    existing = set(LearningPlace.objects.values_list("name", flat=True))
    new = [
        LearningPlace(
            kind=kind,
            name=name,
            city=cities[city],
            theme=theme,
            latitude=latitude,
            longitude=longitude,
            description=text_,
        )
        for kind, name, city, theme, latitude, longitude, text_ in text.PLACES
        if name not in existing
    ]
    LearningPlace.objects.bulk_create(new)
    return len(text.PLACES)
