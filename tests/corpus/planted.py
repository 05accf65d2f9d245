"""The defects planted in each corpus order (listed, with the finding each should draw, in orders/NAME.yaml).

EDITS change the text before layout: fn(sections, closing, exhibit). POST changes the Word document after
layout: fn(document, where), `where[(heading, n)]` being the n-th paragraph of a section (None: its heading).
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from wordparts import _footnote_ref, _footnotes_part, _number, _numbering, _text_box_run, _tracked, add_para, drop_section, rename, replace_text, set_paras


def _seal_all(secs, close, exh):
    add_para(secs, "FILING UNDER SEAL", "All Protected Material filed with the Court shall be filed under seal.")


def _invented_dispute(secs, close, exh):
    set_paras(secs, "CHALLENGING CONFIDENTIALITY DESIGNATIONS", [
        "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
        "If the Parties cannot resolve a challenge, they shall submit a joint letter to the Court, and the Designating Party "
        "shall file a motion to retain confidentiality within 10 days of the letter.",
    ])


def _placeholder_party(secs, close, exh):
    replace_text(secs, "DEFINITIONS", "“Action”: the case captioned above.", "“Action”: Ortiz v. [DEFENDANT], the case captioned above.")


def _other_court_sealing(secs, close, exh):
    add_para(secs, "FILING UNDER SEAL", "Any request to seal must also meet the requirements of Civil L.R. 79-5.")


def _missing_section_ref(secs, close, exh):
    replace_text(secs, "FINAL DISPOSITION", "Section 5", "Section 14")


def _speculative(secs, close, exh):
    replace_text(secs, "GOOD CAUSE STATEMENT", "Disclosure would let Harbor's competitors see each shipper's price and undercut Harbor's bids lane by lane.",
                 "Disclosure may harm Harbor's competitive position and could potentially cause losses.")


def _undefined_term(secs, close, exh):
    add_para(secs, "ACCESS TO AND USE OF PROTECTED MATERIAL",
             "A Requesting Party must give the Designating Party notice before disclosing Protected Material to an Expert.")


def _period_30(secs, close, exh):
    replace_text(secs, "FINAL DISPOSITION", "Within 60 days", "Within 30 days")


def _doubled_section(secs, close, exh):
    replace_text(secs, "FINAL DISPOSITION", "described in Section 5", "described in Section Section 5")


def _drop_jurisdiction(secs, close, exh):
    exh[:] = [line for line in exh if not line.startswith("I submit to the jurisdiction")]


def _overbroad(secs, close, exh):
    replace_text(secs, "DEFINITIONS", "“CONFIDENTIAL” Information: information that qualifies for protection under Fed. R. Civ. P. 26(c) and falls within "
                 "a category described in the good cause statement.", "“CONFIDENTIAL” Information: all documents and information produced in this Action.")


def _impound_all(secs, close, exh):
    add_para(secs, "FILING UNDER SEAL", "All material designated CONFIDENTIAL shall be impounded.")


def _drop_court_power(secs, close, exh):
    set_paras(secs, "FILING UNDER SEAL", [p for p in dict(secs)["FILING UNDER SEAL"] if not p.startswith("Nothing in this Order limits the Court's power")])


def _blank_days(secs, close, exh):
    replace_text(secs, "NON-PARTY MATERIAL", "within 14 days after the notice", "within ____ days after the notice")


def _drop_why_order(secs, close, exh):
    set_paras(secs, "GOOD CAUSE STATEMENT", [p for p in dict(secs)["GOOD CAUSE STATEMENT"] if not p.startswith("Why a court order")])


def _other_court_dispute(secs, close, exh):
    replace_text(secs, "CHALLENGING CONFIDENTIALITY DESIGNATIONS", "present it under Local Rule 251", "present it under L.R. 37-1")


def _clerk_bound(secs, close, exh):
    add_para(secs, "FILING UNDER SEAL", "The Clerk shall accept for filing any document a Party marks CONFIDENTIAL without redaction.")


def _health_category(secs, close, exh):
    add_para(secs, "GOOD CAUSE STATEMENT", "Medical records. Plaintiff's treatment records from Bayview Clinic for 2022. "
             "They record a diagnosis that has nothing to do with the claims, and disclosure would reveal it to Plaintiff's employer.")


def _drop_good_cause(secs, close, exh):
    drop_section(secs, "GOOD CAUSE STATEMENT")
    replace_text(secs, "DEFINITIONS", "falls within a category described in the good cause statement", "is kept confidential by the Producing Party")


def _judge_slash(secs, close, exh):
    close[-1] = "United States District Judge / Magistrate Judge"
    close[-2] = "Hon. ______________________"


def _defined_twice(secs, close, exh):
    add_para(secs, "ACCESS TO AND USE OF PROTECTED MATERIAL",
             "In this Section, “Counsel” means the in-house attorneys of a Party who have signed Exhibit A.")


def _gov_sharing_ten_days(secs, close, exh):
    add_para(secs, "ACCESS TO AND USE OF PROTECTED MATERIAL",
             "The United States may use or disclose Protected Material as otherwise authorized by law. A Producing Party may "
             "ask in writing that specific information not be disclosed beyond the persons this Order permits, and the "
             "United States must accept or reject that request in writing. Within 10 business days after a rejection, the "
             "Producing Party may apply to the Court for protection, and the information is not disclosed beyond those "
             "persons until the Court rules.")


def _generic_good_cause(secs, close, exh):
    set_paras(secs, "GOOD CAUSE STATEMENT", [
        "The Parties expect to exchange sensitive business, financial and personal information in discovery.",
        "Good cause exists because disclosure of any information the Parties consider confidential would harm the "
        "Parties and prejudice their interests.",
    ])


EDITS = {
    "01-cacd-auto-numbering": [lambda s, c, e: rename(s, "GOOD CAUSE STATEMENT", "STATEMENT OF GOOD CAUSE"), _seal_all, _invented_dispute, _placeholder_party],
    "02-nysd-typed-numbers": [_other_court_sealing, _missing_section_ref, _speculative, _undefined_term],
    "03-cand-section-numbers": [_period_30, _doubled_section, _drop_jurisdiction, _overbroad],
    "04-mad-roman-numerals": [_impound_all, _drop_court_power, _blank_days],
    "05-caed-table": [_drop_why_order, _other_court_dispute, _clerk_bound],
    "07-casd-footnotes": [_health_category],
    "08-cacd-pleading-paper": [_drop_good_cause, _judge_slash],
    "11-nysd-defined-twice": [_defined_twice, _gov_sharing_ten_days],
    "14-casd-generic-good-cause": [_generic_good_cause],
}


# --- after layout --------------------------------------------------------------------------------------------

def _gov_sharing_box(document, where):
    """A government-sharing clause in a text box, with only the first of the four Janfeshan safeguards."""
    para = where[("ACCESS TO AND USE OF PROTECTED MATERIAL", 2)]
    host = para.insert_paragraph_before("")
    host._p.getparent().remove(host._p)
    para._p.addnext(host._p)
    _text_box_run(host, [
        "Government use. The United States may use or disclose Protected Material as otherwise authorized by law.",
        "A Producing Party may ask in writing that specific information not be disclosed beyond the persons listed in this Order.",
    ])


def _footnotes(document, where):
    _footnotes_part(document, [
        "See also Local Rule 141 for the form of a request to seal.",
        "[DATE] to be confirmed by the Parties.",
    ])
    _footnote_ref(where[("FILING UNDER SEAL", 1)], 1)
    _footnote_ref(where[("DEFINITIONS", 1)], 2)


def _auto_plus_typed(document, where):
    num_id = _numbering(document, [("decimal", "%1.")])
    _number(where[("DEFINITIONS", None)], num_id, 0)


def _tracked_changes(document, where):
    seal = where[("FILING UNDER SEAL", 1)]
    _tracked(seal, "ins", " Every document designated CONFIDENTIAL shall be filed under seal.", 901)
    dispute = where[("CHALLENGING CONFIDENTIALITY DESIGNATIONS", 2)]
    for run in list(dispute.runs):
        run._r.getparent().remove(run._r)
    dispute.add_run("A Challenging Party must ")
    _tracked(dispute, "del", "follow Local Rule 37, beginning with the letter and conference of counsel under L.R. 37-1 and, if the "
             "dispute remains, the joint stipulation under L.R. 37-2.", 902)
    _tracked(dispute, "ins", "ask for a telephonic conference with the Magistrate Judge, whose ruling is final.", 903)
    document.add_comment(where[("SCOPE", 1)].runs, text="We need to discuss the public-information carve-out.", author="Opposing Counsel", initials="OC")


def _numbering_restart(document, where):
    """The exhibit's own numbered list restarts at 1 (a w:num with a startOverride), as firms' forms do."""
    numbering = document.part.numbering_part.element
    num_id = _numbering(document, [("decimal", "%1."), ("decimal", "%1.%2")])
    abstract = numbering.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")[-1][0].get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val")
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id + 1}"><w:abstractNumId w:val="{abstract}"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for line in ("I will hold Protected Material in confidence.", "I will return it when asked."):
        p = document.add_paragraph(line)
        _number(p, num_id + 1, 0)


def _footer_placeholder(document, where):
    document.sections[0].footer.paragraphs[0].text = "STIPULATED PROTECTIVE ORDER — Case No. [CASE NUMBER]"


POST = {
    "02-nysd-typed-numbers": [_footer_placeholder],
    "06-nyed-text-box": [_gov_sharing_box],
    "07-casd-footnotes": [_footnotes],
    "08-cacd-pleading-paper": [_auto_plus_typed],
    "09-cacd-tracked-changes": [_tracked_changes],
    "11-nysd-defined-twice": [_numbering_restart],
}
