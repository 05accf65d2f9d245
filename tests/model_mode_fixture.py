"""A test-only court profile with a complete model-order map (a judge profile over wawd), and a stand-in
model .docx the test writes itself under that profile's headings, with our own filler sentences (never a
court's text)."""

from __future__ import annotations

from pathlib import Path

import docx

JUDGE = "modeltest"

# Test data, not a claim about any court's model: section numbers, headings and the periods are the fixture's.
PROFILE = f"""
id: wawd-{JUDGE}
extends: wawd
kind: judge
name: "Western District of Washington"
judge: {{name: "Test Judge", title: "United States District Judge"}}
# The fixture pins its own clauses and period, so the tests do not follow the W.D. Wash. profile's choices.
clauses:
  exhibit_a: required
  exhibit_a_wawd: excluded
  fre_502d: required
  fre_502d_wawd: excluded
periods:
  deposition_designation_days: {{value: 21, unit: days, source: "https://example.invalid/stand-in-model", verified: false,
                                note: "Model default, not a local rule of the court."}}
model_order:
  title: "Stand-in Model Order"
  url: "https://example.invalid/stand-in-model.pdf"
  source: "https://example.invalid/stand-in-model"
  verified: false
  complete: true
  follow_order: true
  redline_required: true
  explanation_required: true
  tiers: [confidential]
  sections:
    - {{number: "1", heading: "PURPOSES AND LIMITATIONS", clauses: [purposes_limitations], verified: false,
        substance: ["limits on what the order protects"]}}
    - {{number: "2", heading: "“CONFIDENTIAL” MATERIAL", clauses: [confidential_material_wawd], verified: false, parties_fill: true}}
    - {{number: "3", heading: "SCOPE", clauses: [scope], added: [definitions, duration], verified: false}}
    - number: "4"
      heading: "ACCESS TO AND USE OF CONFIDENTIAL MATERIAL"
      clauses: [access_confidential, access_aeo]
      verified: false
      substance: ["basic principles of use", "who may see CONFIDENTIAL material"]
      departures:
        - when: "facts.uses_aeo"
          change: "adds a HIGHLY CONFIDENTIAL – ATTORNEYS' EYES ONLY tier with its own access list"
          why: "the customer pricing produced here would harm the producing party if its competitor's employees saw it"
    - number: "5"
      heading: "DESIGNATING PROTECTED MATERIAL"
      clauses: [designating]
      verified: false
      periods:
        - {{period: deposition_designation_days, value: 30, source: "https://example.invalid/stand-in-model", verified: false}}
    - {{number: "6", heading: "CHALLENGING CONFIDENTIALITY DESIGNATIONS", clauses: [challenge_wawd], verified: false,
        periods: [{{period: deposition_designation_days, value: 21, source: "https://example.invalid/stand-in-model", verified: false}}]}}
    - {{number: "7", heading: "PROTECTED MATERIAL SUBPOENAED OR ORDERED PRODUCED IN OTHER LITIGATION", clauses: [other_litigation_subpoena], verified: false}}
    - {{number: "8", heading: "UNAUTHORIZED DISCLOSURE OF PROTECTED MATERIAL", clauses: [unauthorized_disclosure], verified: false}}
    - {{number: "9", heading: "INADVERTENT PRODUCTION OF PRIVILEGED OR OTHERWISE PROTECTED MATERIAL", clauses: [privilege_clawback, fre_502d], verified: false}}
    - {{number: "10", heading: "PROSECUTION BAR", clauses: [prosecution_bar], verified: false}}
    - {{number: "11", heading: "NON TERMINATION AND RETURN OF DOCUMENTS", clauses: [final_disposition], verified: false}}
    - {{number: "Exhibit A", heading: "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND", clauses: [exhibit_a], verified: false}}
"""


def filler(number: str, n: int) -> str:
    """Our own filler sentence for paragraph n of a stand-in section; `marker-S-n` tells sections apart."""
    return f"Stand-in model sentence written for the tests, marker-{number.replace(' ', '')}-{n}."


def write_library(root: Path, text: str = PROFILE) -> Path:
    """A library folder holding only the test profile (the built-in profiles and clauses come with it)."""
    folder = root / "lib" / "jurisdictions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"wawd-{JUDGE}.yaml").write_text(text, encoding="utf-8")
    return root / "lib"


def write_model(path: Path, profile, drop: str | None = None, run_in: bool = False, pages: bool = False) -> Path:
    """A stand-in model under the profile's headings: typed numbers ("4.", "4.1"), as a PDF saved as Word has them;
    `run_in`: each heading opens its section's first paragraph ("4. HEADING. Text …"); `pages`: each section
    followed by what a PDF saved as Word brings from a page break (line numbers, a running footer)."""
    document = docx.Document()
    document.add_paragraph("UNITED STATES DISTRICT COURT (STAND-IN)")
    document.add_paragraph("STAND-IN MODEL ORDER")
    for section in profile.model_order.sections:
        if section.heading == drop:
            continue
        if section.number.startswith("Exhibit"):
            document.add_paragraph("IT IS SO STIPULATED, THROUGH COUNSEL OF RECORD.")
            document.add_paragraph("DATED: ____________")
            document.add_paragraph("EXHIBIT A")
            document.add_paragraph(section.heading)
            document.add_paragraph(filler(section.number, 1))
            document.add_paragraph("Signature: ______________________")
            continue
        if run_in:
            document.add_paragraph(f"{section.number}. {section.heading.title()}. {filler(section.number, 0)}")
        else:
            document.add_paragraph(f"{section.number}. {section.heading}")
        document.add_paragraph(f"{section.number}.1 {filler(section.number, 1)}")
        document.add_paragraph(f"(a) {filler(section.number, 2)}")
        document.add_paragraph(f"{section.number}.2 {filler(section.number, 3)}")
        if pages:
            for line in ("27", "28", f"STAND-IN ORDER - {section.number}", "(Case No. stand-in)"):
                document.add_paragraph(line)
    document.save(str(path))
    return path


def write_standin(path: Path, model) -> Path:
    """The profile's headings in the model's order, each followed by filler; a part the model gives no heading
    (`opens_with`) starts with its opening words; the Acknowledgment after the model's closing and its label."""
    document = docx.Document()
    document.add_paragraph("STAND-IN MODEL ORDER")
    for section in model.sections:
        key = section.number.replace(" ", "")
        if section.opens_with:
            document.add_paragraph(f"{section.opens_with} that {filler(key or 'headless', 1)}")
            document.add_paragraph(filler(key or "headless", 2))
            continue
        if not section.number[:1].isdigit():
            document.add_paragraph("IT IS SO ORDERED.")
            document.add_paragraph(section.number.upper())
            document.add_paragraph(section.heading)
            document.add_paragraph(filler(key, 1))
            continue
        document.add_paragraph(f"{section.number}. {section.heading}")
        document.add_paragraph(f"{section.number}.1 {filler(key, 1)}")
        document.add_paragraph(f"{section.number}.2 {filler(key, 2)}")
    document.save(str(path))
    return path


def standin_for(court: str, path: Path) -> Path:
    """`write_standin` under the headings the shipped profile `court` records for its model."""
    from poassembler.library.load import load_library

    return write_standin(path, load_library().profiles.resolve(court).model_order)
