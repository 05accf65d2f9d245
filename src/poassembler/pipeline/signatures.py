"""Counsel's signature blocks: one per firm, the filer's first, with what the court's rule asks for under
the signature (profile `format.signature_requires`: a lead-attorney designation, a fax number)."""

from __future__ import annotations

from dataclasses import dataclass

from poassembler.library.answers import Answers, Counsel, Party, Role, SelfSignature
from poassembler.pipeline.expressions import join_and

BLANK_DATE = "Dated: ____________________"
BLANK_LINE = "______________________________"


@dataclass(frozen=True)
class SignatureBlock:
    date_line: str
    firm: str
    signature: str
    name: str
    bar_line: str
    address_lines: list[str]
    phone: str
    email: str
    role_line: str
    self_represented: bool = False


_ROLE_WORDS = {Role.plaintiff: "Plaintiff", Role.defendant: "Defendant", Role.non_party: "Non-Party", Role.intervenor: "Intervenor"}


def _counsel_groups(answers: Answers) -> list[tuple[Counsel | None, list[Party]]]:
    """Counsel who represent several parties sign once for all of them; self-represented parties sign alone."""
    groups: list[tuple[Counsel | None, list[Party]]] = []
    by_counsel: dict[tuple[str, str], tuple[Counsel, list[Party]]] = {}  # one look-up per counsel: linear in the parties
    ordered = sorted(answers.parties, key=lambda p: list(_ROLE_WORDS).index(p.role))
    for party in ordered:
        if party.self_represented:
            groups.append((None, [party]))
            continue
        for counsel in party.counsel:
            key = (counsel.name.casefold(), counsel.email.casefold())
            match = by_counsel.get(key)
            if match:
                if match[1][-1] is not party:  # the same counsel listed twice for one party
                    match[1].append(party)
            else:
                by_counsel[key] = (counsel, [party])
                groups.append(by_counsel[key])
    return groups


def _bar_line(counsel: Counsel) -> str:
    """"Bar No. 123456"; a number typed with its own label ("BBO No. 000001") is printed as typed."""
    number = counsel.bar_number
    if not number:
        return ""
    return number if any(ch.isalpha() for ch in number) else f"Bar No. {number}"


def _firm_groups(answers: Answers) -> list[tuple[list[Counsel], list[Party]]]:
    """Lawyers of one firm who represent the same parties sign in one block."""
    groups: list[tuple[list[Counsel], list[Party]]] = []
    by_firm: dict[tuple[str, tuple[str, ...]], tuple[list[Counsel], list[Party]]] = {}  # one look-up each: linear
    for counsel, parties in _counsel_groups(answers):
        if counsel is None:
            groups.append(([], parties))
            continue
        key = (counsel.firm, tuple(p.name for p in parties))
        same = by_firm.get(key) if counsel.firm else None
        if same:
            same[0].append(counsel)
        else:
            groups.append(([counsel], parties))
            if counsel.firm:
                by_firm[key] = groups[-1]
    return groups


LEAD_ATTORNEY = "Lead Attorney"
FAX_MISSING = "[DRAFTER: FAX NUMBER]"


def _lead_attorneys(answers: Answers) -> set[int]:
    """The counsel (by id) designated lead attorney: those marked `lead_attorney`, else each party's first."""
    leads = set()
    for party in answers.parties:
        marked = [c for c in party.counsel if c.lead_attorney]
        leads.update(id(c) for c in (marked or party.counsel[:1]))
    return leads


def signature_blocks(answers: Answers, cosigner_form: str = "/s/ {name}", self_form: str = "",
                     requires: tuple[str, ...] = ()) -> list[SignatureBlock]:
    """One block per firm (all its lawyers, "Attorneys for" once); self-represented parties sign alone
    (a blank line they sign by hand, whose page is scanned and filed; or, where the answers say the filer keeps
    the signed original, the court's notation for that: `self_form`).
    The first counsel block is the filer's ("/s/ name"); others use the court's form for a co-signer.
    `requires` (the profile's `format.signature_requires`) adds what the court's rule asks for under the
    signature: "Lead Attorney" under the lead attorney's name and bar number, and a facsimile line."""
    filer_name = next((c.name for p in answers.parties for c in p.counsel), "")
    leads = _lead_attorneys(answers) if "lead_attorney" in requires else set()

    def lead_line(counsel: Counsel) -> list[str]:
        return [LEAD_ATTORNEY] if id(counsel) in leads else []
    stipulated = answers.dates.stipulated
    date_line = f"Dated: {long_date(stipulated)}" if stipulated else BLANK_DATE
    blocks = []
    filer_seen = False
    for lawyers, parties in _firm_groups(answers):
        if not lawyers:
            party = parties[0]
            role = _ROLE_WORDS[party.role]
            number = f"{party.inmate_number}" if party.inmate_number else ""
            blocks.append(
                SignatureBlock(
                    date_line=date_line,
                    firm="",
                    signature=(self_form.format(name=party.name, filer=filer_name)
                               if self_form and filer_name and party.signature == SelfSignature.original_retained else BLANK_LINE),
                    name=party.name + (f", {number}" if number else ""),
                    bar_line="",
                    address_lines=list(party.address),
                    phone=party.phone or "",
                    email=party.email or "",
                    role_line=f"{role}, self-represented",
                    self_represented=True,
                )
            )
            continue
        first, others = lawyers[0], lawyers[1:]
        form = "/s/ {name}" if not filer_seen else cosigner_form
        filer_seen = True
        # The first lawyer's title ("Assistant United States Attorney"), then further lawyers of the firm
        # (name, title, bar number) lead the address lines.
        extra = lead_line(first) + ([first.title] if first.title else [])
        extra += [line for c in others for line in (c.name, _bar_line(c), *lead_line(c), c.title) if line]
        phone, address = first.phone, list(first.address)
        if "fax" in requires:  # the telephone line joins the address lines; the fax takes the phone line
            address.append(f"Telephone: {first.phone}")
            phone = f"Facsimile: {first.fax or FAX_MISSING}"
        blocks.append(
            SignatureBlock(
                date_line=date_line,
                firm=first.firm,
                signature=form.format(name=first.name, date=long_date(stipulated) if stipulated else "____________"),
                name=first.name,
                bar_line=_bar_line(first),
                address_lines=extra + address,
                phone=phone,
                email=first.email,
                role_line=_attorneys_for(parties),
            )
        )
    return blocks


def _attorneys_for(parties: list[Party]) -> str:
    by_role: dict[Role, list[str]] = {}
    for party in parties:
        by_role.setdefault(party.role, []).append(party.text_name)
    parts = []
    for role, names in by_role.items():
        word = _ROLE_WORDS[role] + ("s" if len(names) > 1 else "")
        parts.append(f"{word} {join_and(names)}")
    return "Attorneys for " + " and ".join(parts)


def long_date(value) -> str:
    return f"{value:%B} {value.day}, {value.year}"
