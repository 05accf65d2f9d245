"""Document rules about drafting defects a court would enter as written: placeholders left in, doubled
prefixes and numbers, defined terms used but never defined (or defined twice differently), and
cross-references to sections, paragraphs or exhibits that do not exist.
"""

from __future__ import annotations

import difflib
import re

from poassembler.review.document.outline import CLOSING_PARTS
from poassembler.review.document.reading import DocumentFinding, Reading, sentences

I = re.IGNORECASE
_BRACKET = re.compile(r"\[(?:DRAFTER:[^\]]*|[A-Z0-9][A-Z0-9 .,'’/&\-]*|insert[^\]]*|●|•|\s*_+\s*|X{1,4}|TBD|tbd|\?+)\]")
_ALLOWED_BRACKETS = {"[PROPOSED]"}
_JUDGE = re.compile(r"\[DRAFTER:\s*NAME\s+THE\s+JUDGE[^\]]*\]|\b(?:District\s+)?Judge\s*/\s*(?:United\s+States\s+)?Magistrate\s+Judge\b|\bMagistrate\s+Judge\s*/\s*(?:District\s+)?Judge\b|\bHon(?:\.|orable)\s+_{2,}", I)
_BLANK = re.compile(r"_{3,}")
_LABEL_BLANK = re.compile(r"(^|[:,]\s*|\b(by|dated|date|name|signature|address|title|company|telephone|phone|email|I)\s*[:,]?\s*)_{3,}\s*$", I)
_FILL_IN = re.compile(r"_{3,}\s*(\[[^\]]*\]|\([^)]*\))")  # "____ [print full name]": a blank for the signer
_DOUBLED = re.compile(
    r"\b(Section|Sections|Paragraph|Rule|Local|Civil|Exhibit|the|of|to|and|Order|Court|Party)\s+\1\b"
    r"|(§|¶)\s*\2"
    r"|\bL\.\s?R\.\s+(?:Local\s+Rule|L\.\s?R\.)"
    r"|\bLocal\s+Rule\s+L\.\s?R\."
    r"|\[PROPOSED\]\s*\[PROPOSED\]"
    r"|\bCivil\s+Local\s+Rule\s+Civil\b", I)
_TYPED_AFTER_AUTO = re.compile(r"^(?:(?:Section|Article|Paragraph)\s+)?(?:\d+(?:\.\d+)*|[IVXivx]+|[A-Za-z])[.)]\s+\S|^\(\w{1,4}\)\s+\S|^(?:Section|Article)\s+\d")
_TERM_DEF = re.compile(r"[“\"](?P<term>[A-Z][\w’'\-]*(?:\s+(?:of|or|and|to|the|[A-Z][\w’'\-]*))*)[”\"]\s*(?P<after>[^.;]{0,300})")
_DEF_AFTER = re.compile(r"^(\)|:|(shall\s+)?means?\b|shall\s+mean|refers?\s+to|is\s+defined|includes?\b|shall\s+include|has\s+the\s+meaning|Information\s+or\s+Items\s*:|Material\s*:)", I)
_MEANS = re.compile(r"^(:|(shall\s+)?means?\b|shall\s+mean|refers?\s+to|is\s+defined|has\s+the\s+meaning|Information\s+or\s+Items\s*:|Material\s*:)", I)
_DEF_BEFORE = re.compile(r"(\(|\bthe\s*$|hereinafter\s*(the\s*)?$|\bas\s*$|\bcalled\s*$|\(the\s*$|collectively\s*,?\s*(the\s*)?$)", I)
_USED_TERM = re.compile(r"\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,3}(?:Part(?:y|ies)|Materials?|Counsel|Vendors?|Information))\b")
_LEADING = frozenset("a an any each every all no the this that such other if where when whether unless until before after upon once both either neither only".split())
_NOT_TERMS = frozenset({"confidential information", "protected health information", "personal information", "health information",
                        "financial information", "proprietary information", "business information", "private information",
                        "identifying information", "personnel information", "customer information", "technical information",
                        "united states", "third party", "third parties"})
_REF = re.compile(r"(?P<kind>\bSections?|\bParagraphs?|\bArticles?|¶¶?|§§?)\s*(?P<num>\d{1,3}(?:\.\d{1,3})*(?:\([a-z0-9]{1,4}\))*|[IVX]{1,6}(?:\.[A-Z0-9]{1,3})*)\b")
_EXTERNAL_AFTER = re.compile(r"^[\w.,()§ ]{0,30}?\bof\s+(?:the\s+)?(?!this\b|Order\b|Stipulat)[A-Z]")
_STATUTE_BEFORE = re.compile(r"(U\.S\.C\.|C\.F\.R\.|Code|Rules?|Instructions|Act|Stat\.|\bv\.\s[^.]{0,40}|Order of)[^.;]{0,20}$")
_HEADED = re.compile(r"\b(?:Section|Paragraph|Article|part)s?\s+(?:of\s+this\s+(?:Order|Stipulation)\s+)?(?:headed|entitled|titled|captioned)\s+[“\"](?P<title>[^”\"]{3,120})[”\"]", I)
_EXHIBIT_START = re.compile(r"^exhibit\s+([A-Z0-9]+)\b", I)
_EXHIBIT_REF = re.compile(r"\bExhibit\s+(?P<letter>[A-Z]|\d{1,2})\b")


def placeholders(r: Reading) -> list[DocumentFinding]:
    """"[NAME]", "___" in running text: blanks a court would enter as written. A signature block that does not
    say who signs ("Judge / Magistrate Judge", "Hon. ___", our own "[DRAFTER: NAME THE JUDGE …]") is
    `judge_named`, the rule the answers check reports it under, so `render` shows it once."""
    out = []
    for block in r.text_blocks:
        text = block.text
        judge = [m.group(0) for m in _JUDGE.finditer(text)] if _may_name_judge(text) else []
        if judge:
            out.append(r.finding("judge_named", "error", block,
                f"The signature block does not say which judge signs: {', '.join(repr(h) for h in judge[:2])}.",
                "Name the judge and title (or, where only the kind of judge is known, leave a blank line over the title) "
                "before filing: the court enters the order as written.", quote=_around(text, judge[0])))
        hits = [m.group(0) for m in _BRACKET.finditer(text) if m.group(0) not in _ALLOWED_BRACKETS and m.group(0) not in judge] if "[" in text else []
        if not hits and not judge and "___" in text:
            hits += _running_blanks(text)
        if hits:
            out.append(r.finding("placeholder", "error", block,
                f"A placeholder is left in the order: {', '.join(repr(h) for h in hits[:3])}.",
                "Fill it in (or delete it) before filing: the court enters the order as written.", quote=_around(text, hits[0])))
    return out


def _may_name_judge(text: str) -> bool:
    """A cheap test before `_JUDGE`: every match has "judge", or "hon" and a blank."""
    lower = text.lower()
    return "judge" in lower or ("hon" in lower and "__" in text)


def _around(text: str, needle: str, before: int = 40) -> str:
    """A short quote of `text` around `needle`, "…" where it is cut."""
    at = text.find(needle)
    if at < 0:
        return text
    start = max(0, at - before)
    return ("…" if start else "") + text[start:].lstrip()


def _running_blanks(text: str) -> list[str]:
    """Blanks inside a sentence ("within ____ days"), not signature or form lines ("Date: ____")."""
    out = []
    if _LABEL_BLANK.search(text) and len(_BLANK.findall(text)) == 1:
        return out
    cleaned = _FILL_IN.sub(" ", text)
    for sentence in sentences(cleaned):
        for m in _BLANK.finditer(sentence):
            before, after = sentence[: m.start()].strip(), sentence[m.end():].strip(" .;:")
            if before and after and re.match(r"[A-Za-z(]", after) and not re.search(r"(^|\b)(I|of|appoint|name)\s*,?$", before):
                out.append(sentence[max(0, m.start() - 30): m.end() + 30].strip())
                break
    return out


def doubled(r: Reading) -> list[DocumentFinding]:
    """"Section Section 4", "L.R. Local Rule 37", and a typed number after Word's own ("1. 1. PURPOSES")."""
    out = []
    for block in r.text_blocks:
        match = _DOUBLED.search(block.text) if _may_repeat(block.text) else None
        if match:
            out.append(r.finding("doubled", "warning", block,
                f"A word or prefix is doubled: “{match.group(0)}”.", "Delete the repeated word.", quote=_around(block.text, match.group(0))))
            continue
        if block.label and block.kind in ("body", "table") and _TYPED_AFTER_AUTO.match(block.text):
            typed = block.text.split()[0]
            out.append(r.finding("doubled", "warning", block,
                f"The paragraph has Word's automatic number “{block.label}” and a typed number “{typed}” after it, so it reads "
                f"“{block.label} {typed} …”.", "Delete the typed number and keep the automatic one (or the other way round)."))
    return out


def _may_repeat(text: str) -> bool:
    """A cheap test before `_DOUBLED`: a word twice in a row, or a marker it looks for."""
    words = text.lower().split()
    return any(a == b for a, b in zip(words, words[1:])) or any(m in text for m in ("§", "¶", "L.R", "Local Rule", "[PROPOSED]", "Civil Local"))


def defined_terms(r: Reading) -> list[DocumentFinding]:
    """Capitalized terms used but never defined; terms defined twice with different meanings."""
    definitions: dict[str, list[tuple[object, str, str]]] = {}  # key → (block, the words after the term, the term)
    for block in r.text_blocks:
        for m in _TERM_DEF.finditer(block.text) if ("“" in block.text or '"' in block.text) else ():
            before = block.text[max(0, m.start() - 25): m.start()]
            if _DEF_AFTER.match(m.group("after").strip()) or _DEF_BEFORE.search(before):
                definitions.setdefault(_key(m.group("term")), []).append((block, m.group("after").strip(), m.group("term")))
    out = []
    for key, entries in definitions.items():
        meanings = [e for e in entries if len(e[1]) > 25 and _MEANS.match(e[1])]
        if len(meanings) > 1:
            (first_block, first, term), (second_block, second, _) = meanings[0], meanings[1]
            if difflib.SequenceMatcher(None, first.lower(), second.lower()).ratio() < 0.8:
                out.append(r.finding("defined_term", "warning", second_block,
                    f"“{term}” is defined twice, differently (first in {r.outline.describe(first_block)}).",
                    "Keep one definition and delete the other.", quote=_around(second_block.text, term)))
    defined = set(definitions)
    defined_words = {w for k in defined for w in k.split()}
    reported: set[str] = set()
    for block in r.text_blocks:
        top = r.outline.places[block.index].top
        if _is_heading(r, block) or (top is not None and top.number == "" and top.title in CLOSING_PARTS):
            continue
        for m in _USED_TERM.finditer(block.text) if _may_use_term(block.text) else ():
            words = m.group(1).split()
            while words and words[0].lower() in _LEADING:
                words = words[1:]
            if words and _sentence_start(block.text, m.start()) and words[0].lower() not in defined_words:
                words = words[1:]
            if len(words) < 2:
                continue
            key = _key(" ".join(words))
            if key in defined or key in reported or key in _NOT_TERMS or _defined_variant(key, defined) or any(d.endswith(" " + key) or d.startswith(key + " ") for d in defined):
                continue
            if key.split()[-1] not in defined_words | {"party", "material", "counsel"}:
                continue  # "… Information" counts only where the order defines some "… Information"
            reported.add(key)
            out.append(r.finding("defined_term", "warning", block,
                f"“{' '.join(words)}” is used as a defined term but the order never defines it.",
                "Define it in the definitions section, or use a term the order defines.", quote=_around(block.text, " ".join(words))))
    return out


def _may_use_term(text: str) -> bool:
    """A cheap test before `_USED_TERM`: the last word of every match."""
    return any(word in text for word in ("Part", "Material", "Counsel", "Vendor", "Information"))


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before.endswith((".", ":", ";", "?", "!", "“", "\"", "("))


def _key(term: str) -> str:
    words = term.lower().replace("’", "'").split()
    if words and words[-1].endswith("ies"):
        words[-1] = words[-1][:-3] + "y"
    elif words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _defined_variant(key: str, defined: set[str]) -> bool:
    """"designated house counsel" when "house counsel" is defined: an ordinary word before a defined term."""
    first, _, rest = key.partition(" ")
    return first in ("designated", "outside", "receiving", "producing") and rest in defined


def _is_heading(r: Reading, block) -> bool:
    heading = r.outline.places[block.index].heading
    return heading is not None and heading.block == block.index and not r.body(block)


def cross_references(r: Reading) -> list[DocumentFinding]:
    """"Section 12.3", "¶ 14", "the Section headed “…”", "Exhibit B" that the order does not contain."""
    numbers = r.outline.numbers
    titles = {_norm(h.title) for h in r.outline.headings}
    exhibits = {m.group(1).upper() for h in r.outline.headings for m in [re.match(r"exhibit\s+([A-Z0-9]+)", h.title, I)] if m}
    exhibits |= {m.group(1).upper() for b in r.text_blocks for m in [_EXHIBIT_START.match(b.text)] if m}
    has_numbers = any(n for n in numbers)
    out = []
    for block in r.text_blocks:
        text = block.text
        missing: list[tuple[str, str]] = []  # (as the finding names it, the words quoted)
        for m in _REF.finditer(text) if _may_refer(text) else ():
            number = m.group("num").rstrip(".")
            if (_STATUTE_BEFORE.search(text[max(0, m.start() - 60): m.start()]) or _EXTERNAL_AFTER.match(text[m.end(): m.end() + 60])
                    or (m.group("kind").startswith("§") and not has_numbers) or (number.isdigit() and int(number) > 99)):
                continue
            if has_numbers and not {number.lower(), number.split("(")[0].lower()} & numbers:
                missing.append((f"{m.group('kind')} {number}", m.group(0)))
        for m in _HEADED.finditer(text) if _may_name_heading(text) else ():
            if _norm(m.group("title")) not in titles:
                missing.append((f"the section headed “{m.group('title')}”", m.group(0)))
        exhibits_missing = [(f"Exhibit {m.group('letter')}", m.group(0)) for m in (_EXHIBIT_REF.finditer(text) if "Exhibit" in text else ())
                            if (exhibits and m.group("letter").upper() not in exhibits) or (not exhibits and m.group("letter").upper() != "A")]
        if missing:
            out.append(r.finding("cross_reference", "error", block,
                f"Refers to {', '.join(dict.fromkeys(name for name, _ in missing))}, which the order does not contain.",
                "Point the reference at the right section (a Word cross-reference field keeps it right when sections move).",
                quote=_around(text, missing[0][1])))
        if exhibits_missing:
            out.append(r.finding("cross_reference", "warning", block,
                f"Refers to {', '.join(dict.fromkeys(name for name, _ in exhibits_missing))}, which is not in this document.",
                "Attach the exhibit before filing, or correct the reference.", quote=_around(text, exhibits_missing[0][1])))
    return out


def _may_refer(text: str) -> bool:
    """A cheap test before `_REF`: the word or sign every match starts with."""
    return any(word in text for word in ("Section", "Paragraph", "Article", "¶", "§"))


def _may_name_heading(text: str) -> bool:
    """A cheap test before `_HEADED`: "headed", "(en)titled" or "captioned" (letters without Unicode case twins)."""
    lower = text.lower()
    return "headed" in lower or "tled" in lower or "capt" in lower


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[“”\"'’.:,]", " ", text).upper().split())


RULES = (placeholders, doubled, defined_terms, cross_references)
