"""Finding one's way through the interview (issue 19): back one question, steps, resuming with context,
editing lists, the review screen, warnings that stay visible, defaults that save typing, and a
hand-written answers file that keeps its comments (issue 16)."""

from __future__ import annotations

import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from conftest import ROOT, sample_data

from poassembler.interview.answers_file import AnswersFile
from poassembler.interview.ask import Interview
from poassembler.interview.prompter_questionary import QuestionaryPrompter
from poassembler.interview.questions import BACK, Choice, Kind, Question
from poassembler.interview.review import closing_message, order_paragraphs
from poassembler.pipeline.draft import plan_draft
from scripted_prompter import DEFAULT, Pick, ScriptedPrompter
from test_interview import HOUSE_COUNSEL, RENDER, category, court, parties, party, run, tail

# The Court has entered no protective or sealing order yet (the prior-orders question).
PRIOR_NONE = ("protective or sealing order already been entered", False)


def segal():
    """The C.D. Cal. sample with the questions these tests answer left open (FRE 502(d), the date)."""
    data = sample_data("segal-cacd.yaml")
    data.pop("dates", None)
    data["options"] = {"house_counsel_access": False}  # answered: the in-house question comes before FRE 502(d)
    return data


def whole_case(extra_categories=()):
    return court() + parties() + category() + list(extra_categories) + [("Add another category", False)] + tail()


# ---------------------------------------------------------------- back one question


def test_back_goes_to_the_previous_question_with_its_answer(library):
    steps = court()[:4] + [("Short title", BACK), ("Case number", DEFAULT), ("Short title", "Ortega v. Harbor")] + court()[5:]
    steps += parties() + category() + [("Add another category", False)] + tail()
    answers, prompter = run(library, steps)
    assert prompter.asked[5].startswith("Case number") and prompter.defaults[prompter.asked[5]] == "2:24-cv-01234-ABC (SSx)"
    assert answers.case.short_title == "Ortega v. Harbor"


def test_back_from_an_accidental_add_removes_the_new_item(library):
    plaintiff = party("Plaintiff 1", "Maria Ortega", "Jane Q. Example", "jexample@example.com")
    steps = court() + plaintiff + [("Add another plaintiff", True), ("Plaintiff 2: full name", BACK), ("Add another plaintiff", False)]
    steps += parties()[len(plaintiff) + 1:] + category() + [("Add another category", False)] + tail()
    answers, prompter = run(library, steps)
    assert [p.name for p in answers.parties] == ["Maria Ortega", "Pacific Harbor Logistics, Inc."]
    assert prompter.defaults["Add another plaintiff?"] is True  # asked again, as answered


def test_adding_a_non_party_from_the_review_screen_can_be_undone(library):
    steps = whole_case()[:-1]
    steps += [("Review", Pick("+ Add another non-party")), ("Other party 1: full name", BACK),
              ("non-party or intervenor", False), RENDER]
    answers, _ = run(library, steps)
    assert [p.role.value for p in answers.parties] == ["plaintiff", "defendant"]


def test_a_half_made_party_on_resume_can_be_backed_out_of(library):
    data = segal()
    data["parties"].append({"role": "non_party", "name": "Harbor Clinic"})  # Ctrl-C after the name
    steps = [("Counsel 1 for Harbor Clinic: name", BACK), ("Add another non-party or intervenor", False),
             ("502(d)", False), ("Date of the stipulation", ""), RENDER]
    answers, prompter = run(library, steps, data=data)
    assert "Harbor Clinic" not in [p.name for p in answers.parties]


def test_back_at_the_first_question_says_where_to_change_earlier_answers(library):
    data = segal()
    steps = [("502(d)", BACK), ("502(d)", False), ("Date of the stipulation", ""), RENDER]
    _, prompter = run(library, steps, data=data)
    assert any("first question of this session" in m and "review screen" in m for m in prompter.told)


def test_esc_in_the_terminal_means_back(library):
    question = Question(("case", "number"), "Case number", Kind.text, "Court and case")
    with create_pipe_input() as keyboard:
        keyboard.send_text("\x1b")
        assert QuestionaryPrompter(keyboard, DummyOutput()).ask(question, "") is BACK


# ---------------------------------------------------------------- orientation


def test_each_step_is_announced_with_its_number(library):
    _, prompter = run(library, whole_case())
    steps = [m for m in prompter.told if m.startswith("── Step")]
    assert steps == ["── Step 1 of 7: Court and case ──", "── Step 2 of 7: Plaintiffs ──", "── Step 3 of 7: Defendants ──",
                     "── Step 4 of 7: Other parties ──", "── Step 5 of 7: Categories ──", "── Step 6 of 7: Protection ──",
                     "── Step 7 of 7: Dates ──"]


def test_resuming_says_how_far_and_what_comes_next(library):
    data = segal()
    del data["categories"][1]["description"], data["categories"][1]["harm"]
    steps = [("Describe it", "Personnel files of the defendant's dispatchers, 2019 to 2024."),
             ("specific harm", "Former co-workers would read their discipline records."),
             ("502(d)", False), ("Date of the stipulation", ""), RENDER]
    _, prompter = run(library, steps, data=data)
    assert prompter.told[0] == "Welcome back: 34 answers saved; next: Category 2: Personnel files of non-party employees — Description."


def test_help_is_shown_before_the_question(library, capsys):
    question = Question(("x",), "Days", Kind.integer, "s", help="Counted from the written rejection.")
    with create_pipe_input() as keyboard:
        keyboard.send_text("3\r")
        assert QuestionaryPrompter(keyboard, DummyOutput()).ask(question, None) == "3"
    assert "Counted from the written rejection." in capsys.readouterr().out


# ---------------------------------------------------------------- lists


def test_a_party_can_be_removed_on_the_review_screen(library):
    data = sample_data("harborline-nysd.yaml")
    steps = [("Review", Pick("Remove or move")), ("Which one?", Pick("Other party 1: Atlas")),
             ("What to do with Other party 1", Pick("Remove")), RENDER]
    answers, _ = run(library, steps, data=data)
    assert "Atlas Audit Services LLP" not in [p.name for p in answers.parties]


def test_categories_can_be_reordered(library):
    data = segal()
    names = [c["name"] for c in data["categories"]]
    steps = [("502(d)", False), ("Date of the stipulation", ""), ("Review", Pick("Remove or move")),
             ("Which one?", Pick(f"Category 2: {names[1]}")), ("What to do with", Pick("Move up")), RENDER]
    answers, _ = run(library, steps, data=data)
    assert [c.name for c in answers.categories] == [names[1], names[0], names[2]]


def test_removing_the_only_plaintiff_asks_for_another(library):
    data = segal()
    lawyer = data["parties"][0]["counsel"][0]
    steps = [("502(d)", False), ("Date of the stipulation", ""), ("Review", Pick("Remove or move")),
             ("Which one?", Pick("Plaintiff 1")), ("What to do with", Pick("Remove")),
             ("Plaintiff 1: full name", "Ana Ortega"), ("government agency", Pick("No")), ("an individual", DEFAULT),
             ("self-represented", False), ("special capacity", ""), ("name", lawyer["name"]), ("bar number", DEFAULT), ("firm", DEFAULT), ("address", "1 Main St; Los Angeles, CA 90012"),
             ("phone", lawyer["phone"]), ("e-mail", lawyer["email"]), ("Add another lawyer", False), ("Add another plaintiff", False), RENDER]
    answers, prompter = run(library, steps, data=data)
    assert answers.parties[-1].name == "Ana Ortega"
    assert any("At least 1 plaintiff is needed" in m for m in prompter.told)


# ---------------------------------------------------------------- the review screen


def test_the_review_screen_opens_on_the_row_just_changed(library):
    steps = whole_case()[:-1] + [("Review", Pick("Division")), ("Division", "Southern Division"),
                                 ("Review", DEFAULT), ("Division", DEFAULT), RENDER]
    _, prompter = run(library, steps)
    assert prompter.asked.count("Division (blank if none)") == 3  # asked, changed, then reopened by Enter on the same row


def test_review_rows_fit_80_columns_and_keys_jump_between_sections(library):
    _, prompter = run(library, whole_case())
    rows = prompter.choices[next(p for p in prompter.choices if p.startswith("Review"))]
    assert max(len(r) for r in rows) <= 78
    review = Question(("+review",), "Review", Kind.select, "Review", choices=(
        Choice("render", "r"), Choice("Court and case", None, heading=True), Choice("Court", "c"), Choice("Judge", "j"),
        Choice("Plaintiff 1", None, heading=True), Choice("Name", "n"), Choice("Dates", None, heading=True), Choice("Stipulated", "s")))
    for keys, picked in (("\x1b[6~\r", "c"), ("\x1b[6~\x1b[6~\r", "n"), ("\x1b[F\r", "s"), ("\x1b[F\x1b[5~\r", "n"), ("\x1b[F\x1b[H\r", "r")):
        with create_pipe_input() as keyboard:
            keyboard.send_text(keys)
            assert QuestionaryPrompter(keyboard, DummyOutput()).ask(review, "r") == picked, keys


def test_changing_a_category_shows_the_paragraph_it_becomes(library):
    steps = whole_case()[:-1] + [("Review", Pick("Harm: Competing brokers")),
                                 ("specific harm", "Competing brokers would match its quotes to the cent."), RENDER]
    prompter = ScriptedPrompter(steps)
    Interview(library.profiles, prompter, None, preview=lambda d: order_paragraphs(d, library)).run()
    shown = next(m for m in prompter.told if m.startswith("In the order:"))
    assert "Competing brokers would undercut its quotes by the exact margin." in shown and "Customer pricing" in shown


# ---------------------------------------------------------------- speculative harm


def test_potential_customers_are_not_speculative(library):
    harm = "Rivals would use the list to poach its potential customers."
    _, prompter = run(library, court() + parties() + category(harm=harm) + [("Add another category", False)] + tail())
    assert not any("speculative" in m for m in prompter.told)


def test_a_declined_warning_stays_on_the_review_screen_and_in_the_closing_message(library):
    cat = category(harm="Disclosure may hurt its pricing.", after_harm=[("Rewrite it now?", False)])
    steps = court() + parties() + cat + [("Add another category", False)] + tail()[:-1] + [("Review", Pick("render the draft (with 1 warning)"))]
    answers, prompter = run(library, steps)
    rows = prompter.choices[next(p for p in prompter.choices if p.startswith("Review"))]
    assert any(r.startswith("Harm: Disclosure may hurt") and r.endswith("⚠") for r in rows)
    assert any(m.startswith("⚠ Category 1: Customer pricing: the harm still says 'may'") for m in prompter.told)
    closing = closing_message(plan_draft(answers, library), "case.yaml")
    assert "“Customer pricing” still says 'may'" in closing and "`poassembler check case.yaml` lists these again" in closing


def test_the_warning_cites_the_courts_own_circuit_where_its_profile_has_it(library, tmp_path):
    """A C.D. Cal. case's speculative-harm warning cites Foltz (9th Cir.), not the D. Conn. fallback; a profile
    without a circuit authority falls back to HSqd."""
    import re

    from poassembler.library.load import load_library

    cat = category(harm="Disclosure could hurt its pricing.", after_harm=[("Rewrite it now?", True), ("specific harm", "Rivals would undercut it.")])
    _, prompter = run(library, court() + parties() + cat + [("Add another category", False)] + tail())
    warning = next(m for m in prompter.told if "speculative" in m)
    assert "Foltz v. State Farm Mut. Auto. Ins. Co., 331 F.3d 1122, 1130 (9th Cir. 2003)" in warning
    assert "HSqd" not in warning and "D. Conn." not in warning
    (tmp_path / "jurisdictions").mkdir()
    source = (ROOT / "jurisdictions" / "cacd.yaml").read_text(encoding="utf-8")
    without = re.sub(r"  good_cause_specificity_circuit:\n(    .*\n)+", "", source, count=1)
    assert without != source
    (tmp_path / "jurisdictions" / "cacd.yaml").write_text(without, encoding="utf-8")
    _, elsewhere = run(load_library([tmp_path]), court() + parties() + cat + [("Add another category", False)] + tail())
    assert "HSqd" in next(m for m in elsewhere.told if "speculative" in m)


def test_every_ninth_circuit_profile_cites_foltz_and_mad_the_first_circuit(library):
    for court_id in ("cacd", "cand", "casd", "caed", "wawd"):
        cite = library.profiles.resolve(court_id).citations["good_cause_specificity_circuit"].value
        assert "Foltz" in cite.cite and cite.verified and "https://" in cite.source, court_id
    assert "(1st Cir. 1986)" in library.profiles.resolve("mad").citations["good_cause_specificity_circuit"].value.cite
    assert "good_cause_specificity_circuit" not in library.profiles.resolve("nysd").citations


# ---------------------------------------------------------------- defaults


def test_a_second_lawyer_starts_with_the_first_lawyers_firm_and_address(library):
    steps = court() + party("Plaintiff 1", "Ann One", "Jane Q. Example", "j@example.com")[:-1]
    steps += [("Add another lawyer for Ann One", True), ("Counsel 2 for Ann One: name", "Second Lawyer"), ("bar number", ""),
              ("firm", DEFAULT), ("address", DEFAULT), ("phone", "(213) 555-0101"), ("e-mail", "s@example.com"),
              ("Add another lawyer for Ann One", False), ("Add another plaintiff", False)]
    steps += parties()[len(party("Plaintiff 1", "x", "y z", "e")) + 1:] + category() + [("Add another category", False)] + tail()
    answers, prompter = run(library, steps)
    first, second = answers.parties[0].counsel
    assert (second.firm, second.address) == (first.firm, first.address) == ("Example LLP", first.address)


def test_names_suggest_government_and_kind_and_organisations_are_not_asked_about_self_representation(library):
    steps = court(kind="By or against the government") + party("Plaintiff 1", "Hemad Janfeshan", "Jane Q. Example", "j@example.com")
    steps += [("Add another plaintiff", False), ("Defendant 1: full name", "United States Department of Labor"), ("government agency", DEFAULT)]
    steps += party("x", "United States Department of Labor", "Robert L. Sample", "r@example.com", government="federal")[2:]
    steps += [("Add another defendant", False), ("non-party or intervenor", False)]
    steps += [("short name", "Payroll records"), ("What kind", DEFAULT), ("Describe it", "payroll records of the agency's staff"),
              ("specific harm", "Co-workers would learn each other's salaries."), ("statute or regulation", ""), ("Who may see", DEFAULT), ("Add another category", False)]
    steps += tail([("who must go to the court", DEFAULT), ("Business days", DEFAULT), ("Privacy Act", DEFAULT)], aeo=False)
    answers, prompter = run(library, steps)
    assert answers.parties[1].government.value == "federal"
    assert answers.categories[0].kind.value == "personnel" and answers.categories[0].description == "Payroll records of the agency's staff."
    assert not any("Department of Labor self-represented" in p for p in prompter.asked)
    assert any("Counsel 1 for United States Department of Labor: office" in p for p in prompter.asked)


def test_my_details_are_saved_once_and_fill_in_when_i_type_my_name(library, tmp_path):
    from poassembler.interview.me import load_me, save_me

    where = tmp_path / "me.yaml"
    steps = court() + party("Plaintiff 1", "Maria Ortega", "Jane Q. Example", "jexample@example.com")
    steps.insert(len(court()) + 11, ("Save these details", True))  # after the e-mail
    steps += [("Add another plaintiff", False)] + parties()[len(party("Plaintiff 1", "x", "y z", "e")) + 1:] + category() + [("Add another category", False)] + tail()
    prompter = ScriptedPrompter(steps)
    Interview(library.profiles, prompter, None, me=load_me(where), save_me=lambda d: save_me(d, where)).run()
    assert prompter.done() and "Are you Jane Q. Example? Save these details to fill them in next time?" in prompter.asked
    me = load_me(where)
    assert me["firm"] == "Example LLP" and me["phone"] == "(213) 555-0100"

    steps = court() + [("Plaintiff 1: full name", "Ana Ortega"), ("government agency", Pick("No")), ("an individual", DEFAULT),
                       ("self-represented", False), ("special capacity", ""), ("Counsel 1 for Ana Ortega: name", "Jane Q. Example"), ("bar number", DEFAULT), ("firm", DEFAULT),
                       ("address", DEFAULT), ("phone", DEFAULT), ("e-mail", DEFAULT), ("Add another lawyer", False),
                       ("Add another plaintiff", False)]
    steps += parties()[len(party("Plaintiff 1", "x", "y z", "e")) + 1:] + category() + [("Add another category", False)] + tail()
    prompter = ScriptedPrompter(steps)
    answers = Interview(library.profiles, prompter, None, me=me, save_me=lambda d: save_me(d, where)).run()
    lawyer = answers.parties[0].counsel[0]
    assert (lawyer.firm, lawyer.phone, lawyer.email) == ("Example LLP", "(213) 555-0100", "jexample@example.com")
    assert not any("Save these details" in p for p in prompter.asked)  # already saved: not offered again


# ---------------------------------------------------------------- a hand-written answers file (issue 16, item 11)


HAND_WRITTEN = """\
# Ortega v. Pacific Harbor — drafted by hand, then finished in the interview.
court: cacd   # Central District
judge: segal
case:
  type: employment          # decides the good-cause wording
  number: "2:24-cv-01234-ABC (SSx)"
parties:
  # our client first
  - role: plaintiff
    name: "Maria Ortega"
    counsel:
      - {name: "Jane Q. Example", address: ["100 Main Street", "Los Angeles, CA 90012"], phone: "(213) 555-0100", email: "jexample@example.com"}
  - role: defendant
    name: "Pacific Harbor Logistics, Inc."
    counsel:
      - name: "Robert L. Sample"
        address: ["500 Harbor Boulevard", "Long Beach, CA 90802"]
        phone: "(562) 555-0175"
        email: "rsample@example.com"
categories:
  - name: "Customer pricing"
    kind: commercial
    description: "The defendant's customer pricing, 2019 to 2024."
"""


def test_resuming_a_hand_written_file_keeps_its_comments_order_and_untouched_lines(library, tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    answers_file = AnswersFile(path)
    steps = [("specific harm", "Competing brokers would undercut its quotes."), ("Who may see", Pick("ATTORNEYS")), ("Add another category", False),
             PRIOR_NONE, ("(tiers)", DEFAULT), HOUSE_COUNSEL, ("502(d)", True), ("Date of the stipulation", ""), RENDER]
    prompter = ScriptedPrompter(steps)
    session = Interview(library.profiles, prompter, answers_file.load(), answers_file.save)
    session.run()
    answers_file.save(session.pruned())
    text = path.read_text(encoding="utf-8")
    original = HAND_WRITTEN.splitlines()
    assert text.splitlines()[: len(original)] == original  # every line as written, comments and all
    added = yaml.safe_load(text)
    assert added["categories"][0]["harm"] == "Competing brokers would undercut its quotes."
    assert added["options"] == {"house_counsel_access": False, "fre_502d": True}
    assert list(added) == ["court", "judge", "case", "parties", "categories", "tiers", "options", "dates"][: len(added)]
