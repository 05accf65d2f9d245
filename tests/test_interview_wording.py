"""The interview's words (issue 19): choices that say what the order says, courts as lawyers write them,
answers that read as sentences, validation messages a newcomer can act on, help that explains."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import sample_data

from poassembler.interview.plan import build_plan
from poassembler.interview.questions import Context, Kind
from poassembler.interview.typed import as_sentence, parse_date
from poassembler.library.answers import parse_answers
from poassembler.library.courts import courts, match_court
from poassembler.pipeline.draft import plan_draft

# The Court has entered no protective or sealing order yet (the prior-orders question).
PRIOR_NONE = ("protective or sealing order already been entered", False)


def segal():
    """The C.D. Cal. sample with the questions these tests answer left open (FRE 502(d), the date)."""
    data = sample_data("segal-cacd.yaml")
    data.pop("dates", None)
    data["options"] = {"house_counsel_access": False}  # answered: the in-house question comes before FRE 502(d)
    return data

BURDEN = ("government_sharing", "burden")
DAYS = ("government_sharing", "application_business_days")


def questions(library, data):
    profile = library.profiles.resolve_for(data["court"], data.get("judge"))
    return {q.key: q for q in build_plan(data, profile, library.profiles)}


def gov_sharing_text(library, data) -> str:
    draft = plan_draft(parse_answers(data), library)
    section = next(s for s in draft.context.sections if s.clause_id == "gov_sharing")
    return " ".join(p.text for p in section.paragraphs)


@pytest.mark.parametrize("burden", ["requesting_party", "government"])
def test_each_government_sharing_choice_names_who_acts_and_who_bears_the_burden_as_the_order_does(library, burden):
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"] = {"burden": burden}
    text = gov_sharing_text(library, data)
    bears = re.search(r"the (Producing Party|Government Party) bears the burden", text).group(1)
    choice = next(c for c in questions(library, data)[BURDEN].choices if c.value == burden)
    assert choice.title.lower().startswith(f"the {bears.split()[0].lower()}")  # the actor the order names
    assert "bears the burden" in choice.title
    if burden == "government":
        assert "must first move the Court for leave" in text and "move for leave first" in choice.title
    else:
        assert re.search(r"the Producing Party may, within \d+ business days after receiving the written rejection, apply to the Court", text)
        assert "applies to the court" in choice.title


def test_the_days_question_says_whose_days_and_from_when_as_the_order_does(library):
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"] = {"burden": "requesting_party"}
    days = questions(library, data)[DAYS]
    text = gov_sharing_text(library, data)
    period = re.search(r"within (\d+) business days after receiving the written rejection", text)
    assert int(period.group(1)) == days.default
    assert "producing party" in days.prompt and "Business days" in days.prompt and "written rejection" in days.help


@pytest.mark.parametrize("burden", ["requesting_party", "government"])
def test_the_days_are_asked_exactly_when_the_order_counts_them(library, burden):
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"] = {"burden": burden}
    counted = "business days after" in gov_sharing_text(library, data)
    assert questions(library, data)[DAYS].needed(data, library.profiles.resolve_for("nyed", None)) is counted


def test_leaving_the_section_out_leaves_it_out(library):
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"] = {"burden": "omit"}
    assert "gov_sharing" not in plan_draft(parse_answers(data), library).selection.included_ids()
    assert DAYS not in questions(library, data) or not questions(library, data)[DAYS].needed(data, library.profiles.resolve_for("nyed", None))


@pytest.mark.parametrize("typed, court", [
    ("cacd", "cacd"), ("C.D. Cal", "cacd"), ("C.D. Cal.", "cacd"), ("cd cal", "cacd"),
    ("Central District of California", "cacd"), ("central district of california", "cacd"),
    ("Central District of California (C.D. Cal.) — cacd", "cacd"),  # a title from the type-ahead list
    ("United States District Court for the Eastern District of New York", "nyed"),
    ("E.D.N.Y.", "nyed"), ("EDNY", "nyed"), ("D. Mass.", "mad"), ("S.D.N.Y", "nysd"),
    ("Centrl Distrct of Califronia", "cacd"),  # a close match
    ("N.D. W. Va.", "wvnd"), ("D.D.C.", "dcd"),
])
def test_courts_are_accepted_as_lawyers_write_them(library, typed, court):
    assert match_court(typed, library.profiles).court.id == court


def test_an_unclear_court_gets_suggestions_without_jargon(library):
    question = questions(library, segal())[("court",)]
    with pytest.raises(ValueError) as caught:
        question.resolve("D. Cal", Context({}, None, library.profiles))
    message = str(caught.value)
    assert "C.D. Cal. (cacd)" in message and "N.D. Cal. (cand)" in message
    assert "profile" not in message and "profile" not in question.prompt + question.help


def test_every_district_has_its_bluebook_abbreviation_and_is_found_by_it(library):
    known = courts(library.profiles)
    assert len(known) >= 94
    for court in known:
        assert court.abbreviation, court.id
        assert match_court(court.abbreviation, library.profiles).court == court
        assert match_court(court.name, library.profiles).court == court


def test_court_choices_fit_an_80_column_terminal(library):
    question = questions(library, segal())[("court",)]
    assert max(len(c.title) for c in question.choices) <= 76


@pytest.mark.parametrize("typed, stored", [
    ("home addresses of employees, 2019 to 2024", "Home addresses of employees, 2019 to 2024."),
    ("Rivals would undercut every bid.", "Rivals would undercut every bid."),
    ("payroll records;", "Payroll records."),
])
def test_descriptions_and_harms_are_stored_as_sentences(library, typed, stored):
    data = segal()
    plan = questions(library, data)
    for field in ("description", "harm"):
        assert plan[("categories", 0, field)].parse(typed) == stored
    assert as_sentence(typed) == stored


@pytest.mark.parametrize("typed, date", [
    ("2026-11-20", dt.date(2026, 11, 20)), ("11/20/2026", dt.date(2026, 11, 20)), ("12/1/2025", dt.date(2025, 12, 1)),
    ("11/20/26", dt.date(2026, 11, 20)), ("November 20, 2026", dt.date(2026, 11, 20)), ("Nov. 20, 2026", dt.date(2026, 11, 20)),
    ("20 November 2026", dt.date(2026, 11, 20)), ("today", dt.date(2026, 1, 2)),
])
def test_dates_are_read_as_lawyers_write_them(typed, date):
    assert parse_date(typed, today=dt.date(2026, 1, 2)) == date


@pytest.mark.parametrize("typed, message", [
    ("next Tuesday", "'next Tuesday' is not a date; write it as 11/20/2026, November 20, 2026 or 2026-11-20."),
    ("2/30/2026", "'2/30/2026' is not a day of the calendar; check the month and the day."),
])
def test_a_wrong_date_says_how_to_write_one(library, typed, message):
    question = questions(library, segal())[("dates", "stipulated")]
    with pytest.raises(ValueError) as caught:
        question.parse(typed)
    assert str(caught.value) == message


def test_a_short_phone_number_is_refused_with_a_full_sentence(library):
    from scripted_prompter import ScriptedPrompter
    from poassembler.interview.ask import Interview

    data = segal()
    data["parties"][0]["counsel"][0]["phone"] = "213-555-01"
    prompter = ScriptedPrompter([("Counsel 1 for Maria Ortega: phone", "(213) 555-0100"), ("502(d)", False),
                                 ("Date of the stipulation", "today"), ("Review", _render())])
    Interview(library.profiles, prompter, data).run()
    assert prompter.defaults[prompter.asked[0]] == "213-555-01"  # the file's wrong number, offered to correct
    with pytest.raises(Exception) as caught:
        parse_answers(segal() | {"parties": [
            {**data["parties"][0], "counsel": [{**data["parties"][0]["counsel"][0], "phone": "213-555-01"}]}, data["parties"][1]]})
    assert "'213-555-01' is not a phone number" in "\n".join(str(p) for p in caught.value.problems)


def _render():
    from scripted_prompter import Pick

    return Pick("render the draft")


def test_every_validation_message_ends_with_a_full_stop(library):
    from scripted_prompter import Pick, ScriptedPrompter
    from poassembler.interview.ask import Interview

    data = segal()
    del data["case"]["number"]
    steps = [("Case number", "twenty-four"), ("Case number", "2:24-cv-01234-ABC (SSx)"), ("502(d)", False),
             ("Date of the stipulation", "13/45/2026"), ("Date of the stipulation", "11/20/2026"), ("Review", Pick("render the draft"))]
    prompter = ScriptedPrompter(steps)
    answers = Interview(library.profiles, prompter, data).run()
    errors = [m for m in prompter.told if m.startswith("✗")]
    assert len(errors) == 2 and all(m.endswith(". Please answer again.") and ".. " not in m for m in errors)
    assert answers.dates.stipulated == dt.date(2026, 11, 20)


def test_the_tier_question_says_who_may_see_each_tier_in_plain_words(library):
    data = segal()
    tiers = questions(library, data)[("tiers",)]
    labels = library.profiles.resolve_for("cacd", "segal").tier_labels
    assert f"“{labels['confidential']}”: the lawyers" in tiers.help
    assert f"“{labels['highly_confidential_aeo']}”: outside lawyers" in tiers.help and "not the other side's own people" in tiers.help
    assert "profile" not in tiers.help + tiers.prompt
    assert all(len(c.title) <= 76 for c in tiers.choices)


def test_each_category_says_who_may_see_it_and_sets_the_tiers(library):
    from scripted_prompter import DEFAULT, Pick
    from test_interview import court, parties, run

    steps = court() + parties()
    for name in ("Customer pricing", "Payroll data"):
        steps += [("short name", name), ("What kind", DEFAULT), ("Describe it", f"The {name.lower()}, 2019 to 2024."),
                  ("specific harm", "Rivals would undercut every bid."),
                  *([("statute or regulation", "")] if name == "Payroll data" else []), ("Who may see", Pick("is enough")),
                  ("Add another category", name == "Customer pricing")]
    steps += [PRIOR_NONE, ("(tiers)", DEFAULT), ("502(d)", False), ("Date of the stipulation", ""), ("Review", Pick("render"))]
    answers, prompter = run(library, steps)
    assert [c.tier.value for c in answers.categories] == ["confidential", "confidential"]
    assert [t.value for t in answers.tiers] == ["confidential"]  # no category needs more: one tier by default
    question = next(p for p in prompter.asked if p.startswith("Who may see"))
    assert all(len(t) <= 76 for t in prompter.choices[question])


def test_recommended_defaults_say_why(library):
    data = sample_data("janfeshan-edny.yaml")
    plan = questions(library, data)
    fre, privacy = plan[("options", "fre_502d")], plan[("options", "privacy_act_order")]
    assert fre.default is True and fre.help.startswith("Recommended")
    assert privacy.default is True and privacy.help.startswith("Recommended when a federal agency produces records about individuals")


def test_fixed_questions_fit_an_80_column_terminal(library):
    for data in (segal(), sample_data("janfeshan-edny.yaml"), sample_data("quillfeather-cand.yaml")):
        for question in questions(library, data).values():
            # not a party's, lawyer's or category's (names vary); notes are printed, wrapped by the prompter
            if question.kind != Kind.note and not any(isinstance(part, int) for part in question.key):
                assert len(question.prompt) <= 78, question.prompt


def test_every_question_has_a_label_and_no_jargon(library):
    for data in (segal(), sample_data("janfeshan-edny.yaml")):
        for question in questions(library, data).values():
            if question.kind == Kind.note:
                continue
            assert question.label
            assert "profile" not in question.prompt.lower(), question.prompt
