"""The answers fields the order's clauses use, asked through the interview only when their clause can appear:
the judge, custody and capacity of parties, kinds of counsel, subpoenas, patents and the technology options."""

from __future__ import annotations

from conftest import sample_data
from docx_text import full_text
from poassembler.library.answers import parse_answers
from poassembler.pipeline.draft import plan_draft, render_draft
from scripted_prompter import DEFAULT, Pick
from test_interview import HOUSE_COUNSEL, RENDER, category, court, parties, party, run, tail

# The Court has entered no protective or sealing order yet (the prior-orders question).
PRIOR_NONE = ("protective or sealing order already been entered", False)

BOSLEY = sample_data("bosley-caed.yaml")
CDCR = "California Department of Corrections and Rehabilitation"


def _text(s: str) -> str:
    return " ".join(s.split())


def bosley_steps(case_number="1:14-cv-00049-MJS (PC)", judge=()):
    plaintiff, defendant, cdcr = BOSLEY["parties"]
    klein, castro = defendant["counsel"][0], cdcr["counsel"][0]
    subpoena = BOSLEY["subpoenas"][0]
    cats = BOSLEY["categories"]

    def lawyer(who, c):
        return [(f"Counsel 1 for {who}: name", c["name"]), (f"What kind of lawyer is {c['name']}", Pick("government lawyer")), (f"{c['name']}'s title", ""),
                ("bar number", c["bar_number"]), ("office", c["firm"]), ("address", "; ".join(c["address"])),
                ("phone", c["phone"]), ("e-mail", c["email"]), (f"Add another lawyer for {who}", False)]

    def cat(c, kind):
        return [("short name", c["name"]), ("What kind", Pick(kind)), ("Describe it", _text(c["description"])),
                ("specific harm", _text(c["harm"])), ("statute or regulation", ""),
                ("Who may see", Pick("is enough")), ("holding", DEFAULT)]  # view only under supervision: guessed from the kind

    return [
        ("Court", "caed"), ("Division", ""), ("Case number", case_number),
        ("Short title", "Bosley v. Valasco"), ("Kind of case", Pick("Prisoner civil rights")), *judge,
        *([] if judge else [("referred to the magistrate judge", DEFAULT)]),  # MJS: a magistrate judge's initials
        ("Plaintiff 1: full name", plaintiff["name"]), ("government agency", Pick("No")), ("an individual", DEFAULT),
        ("self-represented", True), ("hand signature reach the court", DEFAULT), ("in prison or jail", DEFAULT),
        ("special capacity", ""),
        ("mailing address", "; ".join(plaintiff["address"])), ("phone", ""), ("e-mail", ""),
        ("inmate number", plaintiff["inmate_number"]), ("Add another plaintiff", False),
        ("Defendant 1: full name", "Valasco"), ("government agency", Pick("No")), ("an individual", DEFAULT),
        ("self-represented", False), *lawyer("Valasco", klein), ("Add another defendant", False),
        ("non-party or intervenor", True), ("Other party 1: full name", CDCR), ("What is", Pick("Non-party")),
        ("government agency", Pick("state")), *lawyer(CDCR, castro), ("Add another non-party", False),
        ("Add a subpoena", True), ("Subpoena 1: who was served", DEFAULT), ("which party issued it", Pick("Valasco")),
        ("date it was served", "10/5/2026"), ("what records it seeks", _text(subpoena["description"])),
        ("why the records are necessary", _text(subpoena["necessity"])), ("exhibit", DEFAULT),
        ("position of the person", _text(subpoena["subject_position"])), ("Add another subpoena", False),
        *cat(cats[0], "Mental-health"), ("Add another category", True),
        *cat(cats[1], "Law-enforcement"), ("Add another category", True),
        *cat(cats[2], "Personnel"), ("Add another category", False),
        PRIOR_NONE, ("(tiers)", DEFAULT),  # no government party: no government-sharing question (the sample's `omit`)
        ("502(d)", False), ("Date of the stipulation", "11/9/2026"), RENDER,
    ]


def test_an_eastern_district_prisoner_case_is_produced_through_the_interview(library, tmp_path):
    answers, prompter = run(library, bosley_steps())
    sample = parse_answers(BOSLEY)
    assert not any("Name of the judge" in p for p in prompter.asked)  # "MJS" in the case number names Judge Seng
    for got, want in zip(answers.parties, sample.parties):
        assert (got.name, got.role, got.government, got.self_represented, got.incarcerated, got.inmate_number) == \
               (want.name, want.role, want.government, want.self_represented, want.incarcerated, want.inmate_number)
    # Officer Valasco is an individual too (the sample leaves `natural_person` at its default for him).
        assert [(c.name, c.kind, c.firm, c.address) for c in got.counsel] == [(c.name, c.kind, c.firm, c.address) for c in want.counsel]
    assert [p.natural_person for p in answers.parties] == [True, True, False]
    assert [(c.kind, c.no_possession_in_custody, c.legal_basis) for c in answers.categories] == \
           [(c.kind, c.no_possession_in_custody, c.legal_basis) for c in sample.categories]
    got, want = answers.subpoenas[0], sample.subpoenas[0]
    assert (got.recipient, got.served_by, got.served_on, got.exhibit) == (want.recipient, want.served_by, want.served_on, want.exhibit)
    assert (_text(got.description), _text(got.necessity), _text(got.subject_position)) == \
           (_text(want.description), _text(want.necessity), _text(want.subject_position))
    text = full_text(render_draft(plan_draft(answers, library), library, tmp_path / "bosley.docx", force=False))
    for expected in ("Michael J. Seng", "served on California Department of Corrections and Rehabilitation on October 5, 2026",
                     "(a copy is attached as Exhibit B)", "The records are necessary to the claims and defenses",
                     "“CDCR camera-placement and staffing records”", "CDCR No. AT-0274"):
        assert expected in text, expected


def test_the_judge_is_asked_only_when_the_draft_cannot_name_one_and_reaches_the_signature(library, tmp_path):
    judge = [("Name of the judge", "Barbara A. McAuliffe"), ("is a", Pick("Magistrate")), ("City and state", "Fresno, California")]
    answers, prompter = run(library, bosley_steps("1:14-cv-00049-BAM (PC)", judge))
    assert (answers.judge_name, answers.judge_title, answers.order_place) == \
           ("Barbara A. McAuliffe", "United States Magistrate Judge", "Fresno, California")
    text = full_text(render_draft(plan_draft(answers, library), library, tmp_path / "d.docx", force=False))
    assert "Barbara A. McAuliffe" in text and "Dated: Fresno, California" in text and "Michael J. Seng" not in text


def test_no_custody_or_subpoena_questions_without_a_prisoner_or_non_party(library):
    _, prompter = run(library, court() + parties() + category() + [("Add another category", False)] + tail())
    asked = "\n".join(prompter.asked)
    for absent in ("in prison or jail", "holding", "Add a subpoena", "Patents in suit", "export-control", "Name of the judge",
                   "'s title"):
        assert absent not in asked


def test_a_class_representative_and_a_government_lawyers_title_reach_the_draft(library, tmp_path):
    steps = court(kind="By or against the government") + party("Plaintiff 1", "Hemad Janfeshan", "Jane Q. Example", "j@example.com")
    capacity = steps.index(("special capacity", ""))
    steps[capacity] = ("special capacity", "individually and on behalf of all others similarly situated")
    steps += [("Add another plaintiff", False)]
    agency = party("Defendant 1", "U.S. Customs and Border Protection", "Robert L. Sample", "r@example.com", government="federal")
    agency[agency.index(("Robert L. Sample's title", ""))] = ("Robert L. Sample's title", "Assistant United States Attorney")
    steps += agency + [("Add another defendant", False), ("non-party or intervenor", False)]
    steps += category() + [("Add another category", False)]
    steps += tail([("who must go to the court?", DEFAULT), ("Business days", DEFAULT), ("Privacy Act", DEFAULT)])
    answers, _ = run(library, steps)
    assert answers.parties[1].counsel[0].kind.value == "government"
    text = full_text(render_draft(plan_draft(answers, library), library, tmp_path / "d.docx", force=False))
    assert "Hemad Janfeshan, individually and on behalf of all others similarly situated" in text
    assert "Assistant United States Attorney" in text


def test_patent_and_technology_answers_reach_the_draft(library, tmp_path):
    steps = court(kind="Patent") + [("Patents in suit", "U.S. Patent No. 11,482,907")]
    steps += parties() + category() + [("Add another category", False)]
    steps += [PRIOR_NONE, ("(tiers)", Pick("SOURCE CODE")), ("in-house lawyers", True), ("prosecution bar", True),
              ("Technology the prosecution bar", "streaming-video compression"), ("source-code review", True),
              ("export-control", True), ("before the Court enters the order", True), ("502(d)", True),
              ("Date of the stipulation", "2026-11-20"), RENDER]
    answers, _ = run(library, steps)
    assert answers.case.patents == ["U.S. Patent No. 11,482,907"]
    assert answers.options.export_control and answers.options.house_counsel_access and answers.options.pre_entry_productions
    text = full_text(render_draft(plan_draft(answers, library), library, tmp_path / "d.docx", force=False))
    for expected in ("U.S. Patent No. 11,482,907", "relating to streaming-video compression", "export", "Designated House Counsel",
                     "MATERIAL PRODUCED BEFORE THIS ORDER", "shares a claim of priority with, the Patent-in-Suit"):
        assert expected in text, expected


def test_in_house_access_is_not_asked_with_one_tier(library):
    _, prompter = run(library, court() + parties() + category(name="Medical records", kind="Health records")
                      + [("Add another category", False)] + tail(aeo=False))
    assert not any("in-house lawyers" in p for p in prompter.asked)
