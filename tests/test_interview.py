"""The ask loop with a scripted prompter: court → parties → categories → review → render, and the rules
that decide which questions a case needs."""

from __future__ import annotations

import yaml

from conftest import sample_data
from docx_text import full_text
from poassembler.library.answers import load_answers
from poassembler.pipeline.draft import plan_draft, render_draft
from poassembler.interview.answers_file import AnswersFile
from poassembler.interview.ask import Interview, completed_yaml_data
from scripted_prompter import DEFAULT, Pick, ScriptedPrompter

# The Court has entered no protective or sealing order yet (the prior-orders question).
PRIOR_NONE = ("protective or sealing order already been entered", False)

RENDER = ("Review", Pick("render the draft"))


def court(number="2:24-cv-01234-ABC (SSx)", kind="Employment"):
    return [
        ("Court", "cacd"),
        ("Assigned judge", Pick("Segal")),
        ("Division", "Western Division"),
        ("Case number", number),
        ("Short title", ""),
        ("Kind of case", Pick(kind)),
    ]


def party(title, name, lawyer, email, government="No", last=True):
    person = government == "No" and not any(w in name for w in ("Inc.", "Clinic", "Protection", "LLC"))
    return [
        (f"{title}: full name", name),
        ("government agency", Pick(government)),
        *([("an individual", DEFAULT), ("self-represented", False)] if person else []),
        *([("special capacity", "")] if title.startswith("Plaintiff") else []),
        (f"Counsel 1 for {name}: name", lawyer),
        *([(f"What kind of lawyer is {lawyer}", Pick("Outside" if government == "No" else "government lawyer"))] if not person else []),
        *([(f"{lawyer}'s title", "")] if government != "No" else []),
        ("bar number", "123456"),
        ("firm" if government == "No" else "office", f"{lawyer.split()[-1]} LLP"),
        ("address", "100 Main Street, Suite 200; Los Angeles, CA 90012"),
        ("phone", "(213) 555-0100"),
        ("e-mail", email),
        (f"Add another lawyer for {name}", False),
    ]


# Kinds of information a statute often keeps confidential: their law is asked for.
LEGAL_BASIS_KINDS = ("Health records", "Mental-health records", "Personnel files", "Law-enforcement material", "Personal information", "Financial")


def category(name="Customer pricing", kind="Commercial", harm="Competing brokers would undercut its quotes by the exact margin.",
             after_harm=()):
    return [
        ("short name", name),
        ("What kind", Pick(kind)),
        ("Describe it", f"The {name.lower()} of the defendant, 2019 to 2024."),
        ("specific harm", harm),
        *after_harm,
        *([("statute or regulation", "")] if kind in LEGAL_BASIS_KINDS else []),
        ("Who may see", DEFAULT),
    ]


def parties():
    return (
        party("Plaintiff 1", "Maria Ortega", "Jane Q. Example", "jexample@example.com")
        + [("Add another plaintiff", False)]
        + party("Defendant 1", "Pacific Harbor Logistics, Inc.", "Robert L. Sample", "rsample@example.com")
        + [("Add another defendant", False), ("non-party or intervenor", False)]
    )


HOUSE_COUNSEL = ("in-house lawyers", DEFAULT)  # asked whenever the top tier is in use


def tail(extra=(), aeo=True):
    return [PRIOR_NONE, ("(tiers)", DEFAULT), *([HOUSE_COUNSEL] if aeo else []), *extra, ("502(d)", False),
            ("Date of the stipulation", ""), RENDER]


def run(library, steps, data=None, saved=None):
    prompter = ScriptedPrompter(list(steps))
    save = (lambda d: saved.append(yaml.safe_load(yaml.safe_dump(d)))) if saved is not None else None
    answers = Interview(library.profiles, prompter, data, save).run()
    assert prompter.done(), f"questions not asked: {prompter.steps}"
    return answers, prompter


def test_a_whole_case_renders(library, tmp_path):
    steps = court() + parties() + category() + [("Add another category", False)] + tail()
    answers, _ = run(library, steps)
    out = render_draft(plan_draft(answers, library), library, tmp_path / "draft.docx", force=False)
    text = full_text(out)
    for expected in ("Maria Ortega", "Pacific Harbor Logistics, Inc.", "2:24-cv-01234-ABC (SSx)", "GOOD CAUSE STATEMENT",
                     "Competing brokers would undercut its quotes by the exact margin.", "Jane Q. Example", "Suzanne H. Segal",
                     # commercial information: attorneys' eyes only by default, and the good cause statement says why
                     "Only information in “Customer pricing” may be designated “HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY”, and only to the extent"):
        assert expected in text


def test_every_answer_is_saved_at_once(library):
    saved: list[dict] = []
    steps = court() + parties() + category() + [("Add another category", False)] + tail()
    run(library, steps, saved=saved)
    assert saved[0] == {"court": "cacd"}
    assert saved[1] == {"court": "cacd", "judge": "segal"}
    names = [s["parties"][0].get("name") for s in saved if s.get("parties")]
    assert names[0] is None and names[1] == "Maria Ortega"  # the new plaintiff is saved before its name
    assert saved[-1]["categories"][0]["harm"].startswith("Competing brokers")


def test_the_saved_file_resumes_and_the_final_file_renders(library, tmp_path):
    path = tmp_path / "case.yaml"
    steps = court() + party("Plaintiff 1", "Maria Ortega", "Jane Q. Example", "jexample@example.com")[:7]
    prompter = ScriptedPrompter(list(steps))
    session = Interview(library.profiles, prompter, None, AnswersFile(path).save)
    try:
        session.run()
    except AssertionError as exc:  # the script ends mid-way, like Ctrl-C
        assert "ran out" in str(exc)
    partial = yaml.safe_load(path.read_text())
    assert partial["parties"][0]["counsel"] == [{"name": "Jane Q. Example", "bar_number": "123456"}]

    rest = party("Plaintiff 1", "Maria Ortega", "Jane Q. Example", "jexample@example.com")[7:]
    rest += [("Add another plaintiff", False)] + parties()[len(party("Plaintiff 1", "x", "y z", "e")) + 1:]
    steps = rest + category() + [("Add another category", False)] + tail()
    answers, resumed = run(library, steps, data=partial)
    assert not any("Court" in p or "Plaintiff 1: full name" in p for p in resumed.asked)
    AnswersFile(path).save(completed_yaml_data(answers))
    assert load_answers(path) == answers


def test_resume_asks_only_missing_or_invalid_answers_with_earlier_ones_as_defaults(library):
    data = sample_data("segal-cacd.yaml")
    del data["dates"]  # the date is asked for below
    data["parties"][1]["counsel"][0]["email"] = "rsample-at-example"
    del data["categories"][2]["harm"]
    steps = [
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: e-mail", DEFAULT),  # the invalid value, offered to edit
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: e-mail", "rsample@example.com"),
        ("specific harm", "Her former co-workers would learn of her unrelated diagnoses."),
        HOUSE_COUNSEL,
        ("Include a Fed. R. Evid. 502(d)", False),
        ("Date of the stipulation", ""),
        RENDER,
    ]
    answers, prompter = run(library, steps, data=data)
    assert prompter.defaults["Counsel 1 for Pacific Harbor Logistics, Inc.: e-mail"] == "rsample-at-example"
    assert any("'rsample-at-example' is not an e-mail address" in m for m in prompter.told)
    assert answers.parties[1].counsel[0].email == "rsample@example.com"
    assert answers.categories[2].name == "Plaintiff's medical records"


def test_validation_messages_come_from_the_answers_models_and_the_court(library):
    steps = [("Court", "Central Dist. of Nowhere"), ("Court", "C.D. Cal")] + court()[1:3] + [
        ("Case number", "twenty-four"),
        ("Case number", "2:24-cv-01234-ABC (SSx)"),
    ] + court()[4:]
    plaintiff = party("Plaintiff 1", "Maria Ortega", "Jane Q. Example", "jexample@example.com")
    phone = plaintiff.index(("phone", "(213) 555-0100"))
    plaintiff[phone] = ("phone", "call me")
    plaintiff[phone + 1:phone + 1] = [("phone", "(213) 555-0100")]
    steps += plaintiff + [("Add another plaintiff", False)] + parties()[len(plaintiff):] + category() + [("Add another category", False)] + tail()
    answers, prompter = run(library, steps)
    told = "\n".join(prompter.told)
    assert "no district court matches 'Central Dist. of Nowhere'" in told
    assert "Court: Central District of California (C.D. Cal.)." in told and answers.court == "cacd"
    assert "profile" not in told
    assert "'twenty-four' does not look like a case number of the Central District of California (e.g. 2:24-cv-01234-ABC (SSx))" in told
    assert "'call me' is not a phone number" in told
    assert answers.parties[0].counsel[0].phone == "(213) 555-0100"


def test_speculative_harm_is_flagged_and_can_be_rewritten(library):
    cat = category(harm="Disclosure may cause potential harm.",
                   after_harm=[("Rewrite it now?", True), ("specific harm", "Rivals would see the margins and undercut every bid.")])
    steps = court() + parties() + cat + [("Add another category", False)] + tail()
    answers, prompter = run(library, steps)
    warning = next(m for m in prompter.told if "speculative" in m)
    assert "'may', 'potential'" in warning and "(9th Cir. 2003)" in warning  # C.D. Cal.: its circuit's authority
    assert prompter.defaults[prompter.asked[-9]] == "Disclosure may cause potential harm."  # offered back to edit
    assert answers.categories[0].harm == "Rivals would see the margins and undercut every bid."


def test_no_government_hipaa_or_source_code_questions_when_the_case_has_none(library):
    _, prompter = run(library, court() + parties() + category() + [("Add another category", False)] + tail())
    asked = "\n".join(prompter.asked)
    for absent in ("go to the court", "Business days", "Privacy Act", "prosecution bar", "source-code"):
        assert absent not in asked
    assert not any("HIPAA" in m for m in prompter.told)
    assert not any("SOURCE CODE" in t for t in prompter.choices[next(p for p in prompter.choices if "(tiers)" in p)])


def government_case(sharing):
    steps = court(kind="By or against the government") + party("Plaintiff 1", "Hemad Janfeshan", "Jane Q. Example", "j@example.com")
    steps += [("Add another plaintiff", False)]
    steps += party("Defendant 1", "U.S. Customs and Border Protection", "Robert L. Sample", "r@example.com", government="federal")
    steps += [("Add another defendant", False), ("non-party or intervenor", False)] + category() + [("Add another category", False)]
    return steps + tail([*sharing, ("Privacy Act", DEFAULT)])


def test_a_government_party_brings_the_government_sharing_questions(library):
    steps = government_case([("who must go to the court?", Pick("The producing party applies")), ("Business days", DEFAULT)])
    answers, prompter = run(library, steps)
    days = next(p for p in prompter.asked if "Business days" in p)
    assert prompter.defaults[days] == 3  # the profile's period
    assert answers.government_sharing.burden.value == "requesting_party"
    assert answers.government_sharing.application_business_days == 3
    assert answers.options.privacy_act_order is True  # recommended for a federal agency: the default
    privacy = next(p for p in prompter.asked if "Privacy Act" in p)
    assert "5 U.S.C. § 552a(b)(11)" in privacy


def test_without_the_government_sharing_section_no_days_are_asked(library):
    answers, prompter = run(library, government_case([("who must go to the court?", Pick("Leave the government-sharing section out"))]))
    assert answers.government_sharing.burden.value == "omit"
    assert not any("Business days" in p for p in prompter.asked)


def test_health_records_bring_the_hipaa_notice(library):
    steps = court() + parties() + category(name="Medical records", kind="Health records") + [("Add another category", False)] + tail(aeo=False)
    _, prompter = run(library, steps)
    assert any("HIPAA" in m and "164.512(e)(1)(v)" in m and "verify before filing" in m for m in prompter.told)


def test_patent_cases_bring_source_code_questions(library):
    steps = court(kind="Patent") + [("Patents in suit", "U.S. Patent No. 11,482,907")]
    steps += parties() + category() + [("Add another category", False)]
    steps += [PRIOR_NONE, ("(tiers)", Pick("SOURCE CODE")), HOUSE_COUNSEL, ("prosecution bar", True), ("Technology the prosecution bar", "streaming-video compression"),
              ("source-code review", True), ("export-control", False), ("before the Court enters the order", False), ("502(d)", True),
              ("Date of the stipulation", "2026-11-20"), RENDER]
    answers, prompter = run(library, steps)
    assert "2 years" in next(p for p in prompter.asked if "prosecution bar" in p)
    assert [t.value for t in answers.tiers] == ["confidential", "highly_confidential_aeo", "source_code"]
    assert answers.options.prosecution_bar and answers.options.source_code_tier and answers.options.fre_502d


def test_lists_grow_without_a_fixed_limit(library):
    steps = court()
    steps += party("Plaintiff 1", "Ann One", "Jane Q. Example", "j@example.com")[:-1]
    steps += [("Add another lawyer for Ann One", True), ("Counsel 2 for Ann One: name", "Second Lawyer")]
    steps += party("x", "Ann One", "Second Lawyer", "s@example.com")[5:]
    for n, name in ((2, "Bo Two"), (3, "Cy Three")):
        steps += [("Add another plaintiff", True)] + party(f"Plaintiff {n}", name, "Jane Q. Example", "j@example.com")
    steps += [("Add another plaintiff", False)] + parties()[len(party("Plaintiff 1", "x", "y z", "e")) + 1:-1]
    steps += [("non-party or intervenor", True), ("Other party 1: full name", "Harbor Clinic"), ("What is Harbor Clinic", Pick("Non-party")),
              ("government agency", Pick("No"))]
    steps += party("x", "Harbor Clinic", "Clinic Counsel", "c@example.com")[2:] + [("Add another non-party", False), ("Add a subpoena", False)]
    steps += category() + [("Add another category", True)] + category(name="Payroll data", kind="Financial") + [("Add another category", False)]
    answers, _ = run(library, steps + tail())
    assert [p.name for p in answers.parties] == ["Ann One", "Bo Two", "Cy Three", "Pacific Harbor Logistics, Inc.", "Harbor Clinic"]
    assert [c.name for c in answers.parties[0].counsel] == ["Jane Q. Example", "Second Lawyer"]
    assert answers.parties[4].role.value == "non_party"
    assert len(answers.categories) == 2


def test_review_edits_one_answer_and_reasks_only_what_depends_on_it(library):
    steps = court() + parties() + category() + [("Add another category", False)] + tail()[:-1]
    # Change a name: nothing else is asked again.
    steps += [("Review", Pick("Name: Maria Ortega")), ("Plaintiff 1: full name", "Maria T. Ortega")]
    # Make the defendant a federal agency: only the government questions follow.
    steps += [("Review", Pick("Government: No", nth=1)), ("Is Pacific Harbor", Pick("federal")),
              ("who must go to the court?", DEFAULT), ("Business days", 5), ("Privacy Act", False)]
    # Change the court: caed has no judge profiles, so no judge question; the case number still fits.
    steps += [("Review", Pick("Court: Central District of California")), ("Court", "caed"), ("Name of the judge", ""),
              ("Review", Pick("Court: Eastern District of California"))]
    # Back to cacd: the judge depends on the court, so it is asked again, the earlier judge offered.
    steps += [("Court", "cacd"), ("Assigned judge", DEFAULT), RENDER]
    answers, prompter = run(library, steps)
    assert answers.parties[0].name == "Maria T. Ortega"
    assert answers.government_sharing.application_business_days == 5
    assert prompter.asked.count("Assigned judge (the list names the judges whose own procedures are on file)") == 2
    assert prompter.defaults["Assigned judge (the list names the judges whose own procedures are on file)"] == "segal"
    assert answers.court == "cacd" and answers.judge == "segal"
    assert prompter.asked.count("Plaintiff 1: full name") == 2 and prompter.asked.count("Case number — e.g. 2:24-cv-01234-ABC (SSx)") == 1


def test_changing_the_court_rechecks_the_case_number(library):
    steps = court() + parties() + category() + [("Add another category", False)] + tail()[:-1]
    steps += [("Review", Pick("Case number")), ("Case number", "CV 24-1234")]  # a C.D. Cal. form only
    steps += [("Review", Pick("Court: Central District of California")), ("Court", "caed"), ("Case number", DEFAULT), ("Case number", "1:24-cv-01234-JLT"),
              ("Name of the judge", ""), RENDER]
    answers, prompter = run(library, steps)
    assert any("'CV 24-1234' does not look like a case number of the Eastern District of California" in m for m in prompter.told)
    assert answers.case.number == "1:24-cv-01234-JLT" and answers.judge is None


def test_review_lists_answers_grouped_by_section(library):
    _, prompter = run(library, court() + parties() + category() + [("Add another category", False)] + tail())
    titles = prompter.choices[next(p for p in prompter.choices if p.startswith("Review"))]
    assert titles[0].startswith("✔")
    for heading in ("Court and case", "Plaintiff 1: Maria Ortega", "Defendant 1: Pacific Harbor Logistics, Inc.", "Category 1: Customer pricing", "Protection"):
        assert heading in titles
    assert "Case number: 2:24-cv-01234-ABC (SSx)" in titles
    assert "Judge: Suzanne H. Segal, United States Magistrate Judge" in titles
