"""The calls (征集评审): a call index with calls of several kinds, from demo/data/calls.json,
made as an editor makes them in the admin, each naming the fields of expertise its reviewers
need (from the expert pool's vocabulary). The calls are public; their fictional applicants,
submissions and reviews (demo.submissions) are not, except the accepted titles and organisations
the course-selection call's announcement (公示) shows."""

import datetime

from calls.models import CallIndexPage, CallPage, CallQuestion, ReviewCriterion
from network.models import ExpertiseField

from .pages import read_json, spec_page


def load(home, stdout):
    words = read_json("calls.json")
    index, _created = spec_page(home, CallIndexPage, words["index"])
    for spec in words["calls"]:
        spec = dict(spec)
        body = spec.pop("body")  # rich text, not the stream spec_page makes of a "body"
        criteria = [ReviewCriterion(sort_order=n, **c) for n, c in enumerate(spec.pop("criteria"))]
        questions = [CallQuestion(sort_order=n, **q) for n, q in enumerate(spec.pop("questions", []))]
        spec["expertise"] = list(ExpertiseField.objects.filter(name__in=spec.pop("expertise", [])))
        dates = {name: datetime.datetime.fromisoformat(spec.pop(name)) for name in ("opens_at", "closes_at")}
        spec_page(index, CallPage, spec, body=body, criteria=criteria, questions=questions, **dates)
    stdout.write(f"  calls: {len(words['calls'])} calls")
    return {"index": index}
