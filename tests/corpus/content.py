"""The text of the corpus orders: one protective order in our own words, with each court's own parts.

`sections(court)` gives (heading, paragraphs) pairs for a clean order in that court; `build.py` lays them
out in a firm's style and plants the defects listed in each order's sidecar file.
"""

from __future__ import annotations

COURTS = {
    "cacd": {
        "name": "Central District of California",
        "caption_notes": ["DISCOVERY MATTER"],
        "good_cause_heading": "GOOD CAUSE STATEMENT",
        "dispute": [
            "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
            "A Challenging Party must follow Local Rule 37, beginning with the letter and conference of counsel under L.R. 37-1 "
            "and, if the dispute remains, the joint stipulation under L.R. 37-2.",
            "The Designating Party bears the burden of persuasion in any challenge.",
        ],
        "sealing": [
            "The Parties may not file Protected Material under seal without the Court's approval. A Party that seeks to file "
            "Protected Material under seal must comply with Civil Local Rule 79-5 and with the orders of the assigned judges.",
        ],
        "judge": ("Jane Roe", "United States Magistrate Judge"),
        "extra_good_cause": [],
        "court_power": [],
    },
    "cand": {
        "name": "Northern District of California",
        "good_cause_heading": "GOOD CAUSE STATEMENT",
        "dispute": [
            "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
            "The Challenging Party starts the process by serving written notice of each designation it challenges. The "
            "Parties must confer directly within 14 days of the notice, as Civil L.R. 37-1 requires before any motion.",
            "If the Parties cannot resolve the challenge, the Designating Party must file a motion to retain confidentiality "
            "within 21 days of the notice. The Designating Party bears the burden of persuasion.",
        ],
        "sealing": [
            "A Party that seeks to file Protected Material under seal must comply with Civil L.R. 79-5. A designation under "
            "this Order does not by itself justify sealing.",
        ],
        "judge": ("Jane Roe", "United States Magistrate Judge"),
        "extra_good_cause": [],
        "court_power": [],
    },
    "caed": {
        "name": "Eastern District of California",
        "good_cause_heading": "GOOD CAUSE STATEMENT",
        "dispute": [
            "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
            "The Parties must meet and confer about any challenge and, if it is not resolved, present it under Local Rule 251. "
            "The Designating Party bears the burden of persuasion.",
        ],
        "sealing": [
            "A Party that seeks to file Protected Material under seal must submit a request to seal under Local Rule 141. "
            "Nothing is sealed without a written order of the Court.",
        ],
        "judge": ("Jane Roe", "United States Magistrate Judge"),
        "extra_good_cause": [
            "Types of information protected. The types of information this Order protects are the two categories described above.",
            "Particularized need. Each type of information needs protection for the specific reason given with it above.",
            "Why a court order is needed. A private agreement would bind only the Parties who sign it; an order of the Court "
            "also reaches the experts, vendors and witnesses who receive the material and is enforceable by the Court.",
        ],
        "court_power": [],
    },
    "mad": {
        "name": "District of Massachusetts",
        "good_cause_heading": "GOOD CAUSE STATEMENT",
        "dispute": [
            "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
            "Before bringing a challenge to the Court, the Parties must confer in good faith as Local Rule 37.1 requires. "
            "The Designating Party bears the burden of persuasion.",
        ],
        "sealing": [
            "This Order governs only the exchange of information between the Parties. A Party that seeks to file Protected "
            "Material under seal must move for impoundment under Local Rule 7.2 and make a particularized showing for each document.",
        ],
        "judge": ("Jane Roe", "United States District Judge"),
        "extra_good_cause": [],
        "court_power": [
            "Nothing in this Order limits the Court's power to make orders concerning the disclosure or impoundment of "
            "documents produced in discovery or used at trial.",
        ],
    },
    "nyed": {
        "name": "Eastern District of New York",
        "good_cause_heading": "GOOD CAUSE STATEMENT",
        "dispute": [
            "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
            "The Parties must confer in good faith, in person or by telephone, as Local Civil Rule 37.3 requires, before "
            "asking the Court for a conference under Local Civil Rule 37.2. The Designating Party bears the burden of persuasion.",
        ],
        "sealing": [
            "This Order does not authorize filing anything under seal. A Party that seeks to file Protected Material under "
            "seal must obtain leave of Court and explain why sealing is necessary.",
        ],
        "judge": ("Jane Roe", "United States Magistrate Judge"),
        "extra_good_cause": [],
        "court_power": [],
    },
    "nysd": {
        "name": "Southern District of New York",
        "good_cause_heading": "GOOD CAUSE STATEMENT",
        "dispute": [
            "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
            "The Parties must confer in good faith, in person or by telephone, as Local Civil Rule 37.3 requires, before "
            "asking the Court for a conference under Local Civil Rule 37.2. The Designating Party bears the burden of persuasion.",
        ],
        "sealing": [
            "This Order does not authorize filing anything under seal. A Party that seeks to file Protected Material under "
            "seal must obtain leave of Court under the assigned judge's individual practices.",
        ],
        "judge": ("Jane Roe", "United States District Judge"),
        "extra_good_cause": [],
        "court_power": [],
    },
    "casd": {
        "name": "Southern District of California",
        "good_cause_heading": "GOOD CAUSE STATEMENT",
        "dispute": [
            "A Party may challenge a designation at any time consistent with the Court's scheduling order.",
            "Counsel must meet and confer on every disputed issue as CivLR 26.1.a requires before any motion. "
            "The Designating Party bears the burden of persuasion.",
        ],
        "sealing": [
            "A Party that seeks to file Protected Material under seal must file a motion to seal under Civil Local Rule 79.2 "
            "with a specific showing for each document.",
        ],
        "judge": ("Jane Roe", "United States Magistrate Judge"),
        "extra_good_cause": [],
        "court_power": [],
    },
}

GOOD_CAUSE = [
    "This action concerns the termination of a freight dispatcher, and discovery will reach the following categories of information:",
    "Freight rate tables. Harbor Freight Lines' negotiated per-lane rate tables for 2019 through 2023. Disclosure would let "
    "Harbor's competitors see each shipper's price and undercut Harbor's bids lane by lane.",
    "Dispatcher personnel files. Performance reviews and pay records of the eleven dispatchers who worked with Plaintiff. "
    "These employees are not parties; disclosure would publish their pay and discipline to their coworkers.",
]

DEFINITIONS = [
    "“Action”: the case captioned above.",
    "“Party”: any party to this Action, including its officers, directors and employees.",
    "“Non-Party”: any person or entity that is not a Party.",
    "“Producing Party”: a Party or Non-Party that produces material in this Action.",
    "“Receiving Party”: a Party that receives material from a Producing Party.",
    "“Designating Party”: a Party or Non-Party that designates material under this Order.",
    "“Challenging Party”: a Party or Non-Party that challenges a designation.",
    "“CONFIDENTIAL” Information: information that qualifies for protection under Fed. R. Civ. P. 26(c) and falls within "
    "a category described in the good cause statement.",
    "“Protected Material”: any material designated “CONFIDENTIAL” under this Order.",
    "“Counsel”: outside counsel of record for a Party and its staff.",
    "“Expert”: a person retained by a Party or its Counsel to serve as an expert witness or consultant in this Action.",
]


def sections(court: str) -> list[tuple[str, list[str]]]:
    facts = COURTS[court]
    return [
        ("PURPOSES AND LIMITATIONS", [
            "Discovery in this Action will require the production of confidential and private information. The Parties ask "
            "the Court to enter this Stipulated Protective Order (the “Order”).",
            "The Order does not protect every disclosure: it reaches only the information described in it, and it does "
            "not by itself permit anything to be filed under seal.",
        ]),
        (facts["good_cause_heading"], GOOD_CAUSE + facts["extra_good_cause"]),
        ("DEFINITIONS", DEFINITIONS),
        ("SCOPE", [
            "This Order covers Protected Material and any copies, excerpts or summaries of it. It does not cover information "
            "that is public when it is disclosed or that becomes public without a breach of this Order.",
        ]),
        ("DURATION", [
            "The obligations of this Order continue after the Action ends until a Designating Party agrees otherwise in "
            "writing or the Court orders otherwise.",
        ]),
        ("DESIGNATING PROTECTED MATERIAL", [
            "A Designating Party must designate only the specific material that qualifies, marking each page “CONFIDENTIAL”.",
            "A Party may designate deposition testimony on the record or in writing within 21 days after receiving the transcript.",
        ]),
        ("CHALLENGING CONFIDENTIALITY DESIGNATIONS", facts["dispute"]),
        ("ACCESS TO AND USE OF PROTECTED MATERIAL", [
            "A Receiving Party may use Protected Material only to prosecute, defend or settle this Action.",
            "A Receiving Party may disclose Protected Material only to its Counsel, to Experts who have signed Exhibit A, "
            "to the Court and its personnel, to court reporters, and to the author or recipient of the document.",
        ]),
        ("NON-PARTY MATERIAL", [
            "A Party asked to produce a Non-Party's confidential information must notify the Non-Party in writing. If the "
            "Non-Party does not seek a protective order within 14 days after the notice, the Party may produce the information.",
        ]),
        ("UNAUTHORIZED DISCLOSURE", [
            "A Receiving Party that learns of a disclosure this Order does not permit must notify the Designating Party in "
            "writing at once and retrieve every copy it can.",
        ]),
        ("FILING UNDER SEAL", facts["sealing"] + facts["court_power"]),
        ("FINAL DISPOSITION", [
            "Within 60 days after the final disposition of this Action, each Receiving Party must return all Protected "
            "Material to the Producing Party or destroy it, and certify in writing that it has done so. The obligations "
            "described in Section 5 continue after that.",
        ]),
    ]


def closing(court: str) -> list[str]:
    name, title = COURTS[court]["judge"]
    return [
        "IT IS SO STIPULATED.",
        "Dated: November 2, 2026",
        "/s/ Alex Smith",
        "Counsel for Plaintiff",
        "/s/ Casey Jones",
        "Counsel for Defendant",
        "PURSUANT TO STIPULATION, IT IS SO ORDERED.",
        "Dated: ____________________",
        "______________________________",
        name,
        title,
    ]


def exhibit(court: str) -> list[str]:
    name = COURTS[court]["name"]
    return [
        "EXHIBIT A",
        "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND",
        "I, ______________________ [print full name], declare under penalty of perjury that I have read the Stipulated "
        f"Protective Order entered by the United States District Court for the {name} in this case, and that I agree to comply with it.",
        f"I submit to the jurisdiction of the United States District Court for the {name} for the purpose of enforcing "
        "the Order, even if proceedings to enforce it occur after this case ends.",
        "Signature: ______________________________",
        "Date: ______________________________",
    ]
