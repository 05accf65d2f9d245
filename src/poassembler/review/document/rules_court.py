"""Document rules about what courts send orders back for: required sections and contents, sealing,
terms binding the court, the dispute procedure, good cause, overbreadth, other courts' rules, periods.

Court facts come from the profile (`check: document:`, `citations`, `periods`); sealing patterns and
good-cause vocabulary are shared with the answers check (`review/check.py`, `harm_language.py`).
"""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache

from poassembler.library.profiles import Citation
# One set of sealing patterns for the answers check and this one (review/check.py owns them).
from poassembler.review.rules_filing import _BINDS_COURT, _BLANKET_SEALING, _NEGATION, _QUALIFIED
from poassembler.review.document.folding import fold, folded, lowered
from poassembler.review.document.reading import DocumentFinding, Reading, clip, sentences
from poassembler.review.harm_language import ABSTRACT_WORDS, content_words, overbroad_phrases, speculative_terms

I = re.IGNORECASE
_HARM_WORDS = re.compile(r"harm|injur|prejudic|damag|competit|embarrass|disclos|expos|risk|threat|loss|advantage", I)
_DEFINITION = re.compile(r"[“\"]\s*(HIGHLY\s+)?CONFIDENTIAL[^”\"]{0,60}[”\"]\s*(Information|Material|Materials|Items|Documents|Discovery Material)?[^.:]{0,40}?(:|\bmeans\b|\bshall mean\b|\bincludes?\b|\brefers? to\b|\bis defined\b)", I)
_RULE_CITE = re.compile(
    r"(?P<patent>Patent\s+)?(?<![A-Za-z])(?:Local\s+(?:Civil\s+)?Rules?|L\.\s?(?:Civ\.\s?)?R\.|Civ(?:il|\.)?\s?L\.\s?R\.|CivLR|LCivR|LCR|LR)\s*"
    r"(?P<nums>(?:CV-)?\d+(?:[.\-]\d+)*(?:\.[a-z](?![a-z]))?(?:\([A-Za-z0-9]+\))*"
    r"(?:\s*(?:,|and|or|through|to|&)\s*\d+(?:[.\-]\d+)*(?:\([A-Za-z0-9]+\))*)*)",
)
_PIECE = re.compile(r"[^.;]+[.;]?")
_ONE_NUMBER = re.compile(r"(?:CV-)?\d+(?:[.\-]\d+)*(?:\.[a-z](?![a-z]))?(?:\([A-Za-z0-9]+\))*")
_STOCK = frozenset(
    """action litigation case discovery likely involve involves production produced special protection warranted
    pursuant good cause statement order protective stipulated accordingly therefore purposes expedite flow
    facilitate prompt resolution disputes adequately protect entitled keep reasonable necessary uses ensure
    trial customer pricing lists valuable research development which whom would will may could might also""".split()
)
_GENERIC_MIN_WORDS = 12
# "may be designated", "may disclose": permission, not a speculative harm.
_PERMISSION = re.compile(r"\bmay\s+(not\s+|only\s+|also\s+)?(be\s+)?(designat|disclos|use|file|filed|produc|challeng|seek|appl|request|object|"
                         r"access|review|retain|share|provide|inspect|make|ask|move|give|mark|keep|withdraw|modify)\w*", I)


def requirements(r: Reading) -> list[DocumentFinding]:
    """What the court's profile requires the order to contain, by heading or by content."""
    out = []
    found: dict[str, bool] = {}  # a trigger pattern several requirements share is searched for once

    def anywhere(pattern: str) -> bool:
        if pattern not in found:
            found[pattern] = r.finds(pattern, r.full_text)
        return found[pattern]

    for name, req in r.data.requirements.items():
        if req.applies_if and not any(anywhere(p) for p in req.applies_if):
            continue
        authorities = r.authorities(req.authorities)
        scope = r.under(req.within) if req.within else r.text_blocks
        if req.near_trigger:
            scope = _near(r, req.applies_if)
        if req.heading:
            wanted = _norm_heading(req.heading)
            if any(_norm_heading(h.title) == wanted for h in r.outline.headings):
                continue
            similar = [h for h in r.outline.headings if req.similar and re.search(req.similar, h.title, I)]
            if similar:
                block = r.blocks[similar[0].block]
                out.append(r.finding(name, req.severity, block,
                    f"The order needs {req.what}; this heading reads “{similar[0].title}”.",
                    req.action or f"Rename the heading to exactly “{req.heading}”.", authorities))
            else:
                out.append(r.finding(name, req.severity, None, f"The order lacks {req.what}.",
                    req.action or f"Add a paragraph headed “{req.heading}”.", authorities))
            continue
        if req.content and not any(r.finds(p, b.text) for b in scope for p in req.content):
            where = scope[0] if (req.within or req.near_trigger) and scope else None
            problem = f"The order lacks {req.what}." if not req.within or scope else f"The order has no section for {req.what}."
            if req.near_trigger and where is not None:
                problem = f"This clause lacks {req.what}."
            out.append(r.finding(name, req.severity, where, problem, req.action or f"Add {req.what}.", authorities))
    return out


def _near(r: Reading, patterns: list[str], reach: int = 3) -> list:
    """The blocks that match one of `patterns`, and the few after each (a clause and its sub-paragraphs)."""
    out: dict[int, object] = {}
    blocks = r.text_blocks
    for i, block in enumerate(blocks):
        if any(r.finds(p, block.text) for p in patterns):
            for near in blocks[i: i + reach + 1]:
                out.setdefault(near.index, near)
    return [out[k] for k in sorted(out)]


def _norm_heading(text: str) -> str:
    return " ".join(re.sub(r"[“”\"'’.:]", " ", text).upper().split())


def sealing(r: Reading) -> list[DocumentFinding]:
    """Agreements to file (or impound) Protected Material under seal as a class; terms binding the court."""
    out = []
    for block in r.text_blocks:
        top = r.outline.places[block.index].top
        order_part = top is not None and not top.number and top.title == "the court's order"  # the court may bind itself
        text = r.body(block) or block.text  # without a typed number ("11.2"), which the sentence split would cut
        lower = text.lower()  # each pattern needs one of these words: most paragraphs need no search
        sealed = _matches(_BLANKET_SEALING, text) if "seal" in lower or "impound" in lower else []
        for sentence in sealed:
            out.append(r.finding("blanket_sealing", "error", block,
                "Agrees to file or keep Protected Material under seal as a class. Parties may not agree to file confidential "
                "documents under seal without the court's approval, and courts do not enter blanket sealing (impoundment) orders.",
                "Replace it with a term that a party seeking to file under seal applies to the court under its sealing rule, "
                "with a particularized showing for each document.", quote=sentence))
        if order_part or not any(word in lower for word in ("court", "clerk", "judicial", "bind")):
            continue
        for sentence in _matches(_BINDS_COURT, text):
            if sentence in sealed:
                continue  # "filed with the Court shall be filed under seal": one finding, the sealing one
            out.append(r.finding("binds_court", "error", block,
                "Binds the court or its staff. A stipulation binds the parties; the court keeps its power over its own records.",
                "Rewrite it to bind the parties only, and leave what the court does to the court.", quote=sentence))
    return out


def _matches(patterns, text: str) -> list[str]:
    """Sentences of `text` a pattern matches without a negation before the match or a qualifier after it.
    The patterns ignore case: each runs folded on the lower-cased text where that is exact (folding.py)."""
    hits = []
    low = lowered(text)
    for piece in _PIECE.finditer(text):
        sentence = piece.group(0)
        target = low[piece.start(): piece.end()] if low is not None else sentence
        for pattern in patterns:
            match, seen = _search(pattern, sentence, target, low is not None)
            if match and not _search(_NEGATION, seen[: match.end()], seen[: match.end()], low is not None)[0] \
                    and not _QUALIFIED.match(sentence[match.end():]):
                hits.append(" ".join(sentence.split()))
                break
    return hits


def _search(pattern, sentence: str, target: str, fold_ok: bool):
    """(the match of `pattern` in `sentence`, folded on `target` when it can be; the string matched in)."""
    rx = _FOLDED.get(pattern) if fold_ok else None
    return (rx.search(target), target) if rx is not None else (pattern.search(sentence), sentence)


_FOLDED = {p: folded(p) for p in (*_BLANKET_SEALING, *_BINDS_COURT, _NEGATION)}


def dispute_procedure(r: Reading) -> list[DocumentFinding]:
    """The challenge / dispute sections follow the court's own rule, and set no procedure it refuses."""
    rules = r.data.dispute
    if rules is None:
        return []
    authorities = r.authorities(rules.authorities) or r.rule_authorities("dispute_procedure")
    blocks = r.under(rules.heading)
    own = rules.name
    if not blocks:
        return [r.finding("dispute_procedure", "warning", None,
            "The order has no section on challenging designations or resolving disputes.",
            f"Add one that follows the court's rule for discovery disputes ({own}).", authorities)]
    out = []
    cited = any(_own_rule(n, rules.rules) for b in blocks for n in rule_numbers(b.text))
    named = any(re.search(p, b.text, I) for b in blocks for p in rules.mentions)
    if (rules.rules or rules.mentions) and not cited and not named:
        out.append(r.finding("dispute_procedure", "error", blocks[0],
            f"The procedure for challenges and disputes does not follow the court's rule for discovery disputes ({own}).",
            "Make the challenge procedure the court's own: cite and follow its local rule instead of a procedure of the parties' making.",
            authorities))
    for block in blocks:
        for sentence in sentences(r.body(block) or block.text):
            if any(re.search(p, sentence, I) for p in rules.refuses):
                out.append(r.finding("dispute_procedure", "error", block,
                    "Sets a dispute procedure of the parties' own, which this court refuses: disputes go through its local rule.",
                    f"Delete the invented steps and refer disputes to {own}.", authorities, quote=sentence))
                break
    return out


def rule_numbers(text: str) -> list[str]:
    """The local-rule numbers `text` cites ("L.R. 37-1, 37-2 and 37-2.1" → three)."""
    out = []
    if not ("L" in text and ("Local" in text or "L." in text or "LR" in text or "LCivR" in text or "LCR" in text)):
        return out  # every citation has one of these
    for match in _RULE_CITE.finditer(text):
        prefix = "patent " if match.group("patent") else ""
        out += [prefix + n for n in _ONE_NUMBER.findall(match.group("nums"))]
    return out


def _own_rule(number: str, globs) -> bool:
    return any(fnmatch.fnmatchcase(number, g) for g in globs)


def good_cause(r: Reading) -> list[DocumentFinding]:
    """A statement of good cause that is missing, generic, or speculative."""
    blocks = r.under(r.data.good_cause)
    if not blocks:
        blocks = [b for b in r.text_blocks if re.search(r"good\s+cause", b.text, I) and _HARM_WORDS.search(b.text) and len(b.text) > 200]
    if not blocks:
        return [r.finding("good_cause", "error", None,
            "The order has no statement of good cause: nothing says what information this case involves and what harm its disclosure would cause.",
            "Add a good cause statement describing each category of information likely to be produced and the specific harm disclosure would cause.")]
    out = []
    text = " ".join(r.body(b) for b in blocks)
    specific = [w for w in content_words(text, ABSTRACT_WORDS | _STOCK) if len(w) > 2]
    if len(set(specific)) < _GENERIC_MIN_WORDS:
        out.append(r.finding("good_cause", "error", blocks[0],
            "The good cause statement is generic: it restates Rule 26(c) or a form order without the facts of this case.",
            "Describe each category of information this case involves and the specific harm or prejudice its disclosure would cause."))
    for block in blocks:
        for sentence in sentences(r.body(block)):
            terms = speculative_terms(_PERMISSION.sub(" ", sentence))
            if terms and _HARM_WORDS.search(sentence):
                out.append(r.finding("speculative_harm", "warning", block,
                    f"The harm is stated as a possibility ({', '.join(repr(t) for t in terms)}), not as a fact.",
                    "Rewrite it as what disclosure would do (“would let competitors undercut …”), supported by facts.", quote=sentence))
                break
    return out


def overbreadth(r: Reading) -> list[DocumentFinding]:
    """Definitions of the protected tiers, and good-cause categories, that sweep in everything."""
    out = []
    candidates = {b.index: b for b in r.text_blocks if _DEFINITION.search(b.text)}
    candidates.update({b.index: b for b in r.under(r.data.good_cause)})
    for index in sorted(candidates):
        block = candidates[index]
        for sentence in sentences(r.body(block) or block.text):
            phrases = [p for p in overbroad_phrases(sentence) if not _qualified(sentence, p)]
            if phrases:
                out.append(r.finding("overbreadth", "error", block,
                    f"Sweeps in everything ({', '.join(repr(p) for p in phrases)}): an order must be narrowly tailored, and "
                    "designating whole productions is what courts refuse.",
                    "Describe the specific kinds of documents or information (e.g. customer lists, blueprints, payroll records).",
                    quote=sentence))
                break
    return out


def _qualified(sentence: str, phrase: str) -> bool:
    """"all documents designated …", "any information that qualifies …": limited, not sweeping."""
    after = sentence[sentence.lower().find(phrase.lower()) + len(phrase):][:60]
    return re.match(r"\s*(\(.*?\)\s*)?(that|which|designated|marked|qualif|described|listed|in the categor|within the categor|falling)", after, I) is not None


def other_courts(r: Reading) -> list[DocumentFinding]:
    """Local-rule numbers and court names of another district."""
    out = []
    own = r.data.rule_numbers
    own_name = r.profile.name.lower()
    name_rx = _names_pattern(tuple(sorted({name for name, _ in r.other_courts.values() if name.lower() != own_name})))
    for block in r.text_blocks:
        reported = False
        for number in rule_numbers(block.text):
            if _own_rule(number, own):
                continue
            owners = [cid for cid, (_, globs) in r.other_courts.items() if cid != r.profile.id and _own_rule(number, globs)]
            if owners and own:
                court = " and the ".join(sorted({r.other_courts[o][0] for o in owners}))
                out.append(r.finding("other_court_rule", "error", block,
                    f"Cites Local Rule {number}, a rule of the {court} (and not one this court's profile knows).",
                    f"Replace it with the rule of the {r.profile.name} that governs this step.", quote=_around(block.text, number)))
                reported = True
                break
        if reported or name_rx is None or "district of" not in block.text.lower():
            continue  # every court name has "District of" in it: most paragraphs need no search
        text = block.text
        low = r.low(text) if name_rx[1] is not None else None  # the same matches, case-sensitively on lower case
        rx, target = (name_rx[1], low) if low is not None else (name_rx[0], text)
        match = next((m for m in rx.finditer(target) if not _place_name(text, m)), None)
        if match:
            named = text[match.start(): match.end()]
            out.append(r.finding("other_court_rule", "error", block,
                f"Names the {named}, not this court ({r.profile.name}): a leftover from another court's order.",
                f"Replace it with the {r.profile.name}.", quote=_around(text, named)))
    return out


@lru_cache(maxsize=32)
def _names_pattern(names: tuple[str, ...]):
    """Any of the court names, ignoring case; and the same folded for lower-cased text (folding.py), or None."""
    if not names:
        return None
    source = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(source, I), fold(source)


def _place_name(text: str, match) -> bool:
    """"a District of Columbia corporation", "the laws of the District of Columbia": a place, not a court."""
    before, after = text[max(0, match.start() - 30): match.start()], text[match.end(): match.end() + 40]
    return bool(re.search(r"(\ba|\ban|laws\s+of\s+the|resident\w*\s+of\s+the|citizens?\s+of\s+the|in\s+the\s+city\s+of)\s*$", before, I)
                or re.match(r"\s*(corporation|limited|LLC|L\.L\.C\.|company|partnership|resident|citizen|law\b|statute|code\b)", after, I))


def _around(text: str, needle: str) -> str:
    at = max(text.find(needle), 0)
    start = max(0, at - 40)
    return ("…" if start else "") + clip(text[start:], 90)


_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "twenty-one": 21, "twenty-eight": 28, "thirty-five": 35, "one hundred twenty": 120})
_PERIOD = re.compile(
    r"(?:(?P<word>\b(?:%s))\s*)?(?:\(?(?P<num>\d{1,3})\)?\s*)?(?P<kind>business\s+|court\s+|calendar\s+)?(?P<unit>days?|years?)\b"
    % "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True)), I)


def periods_in(sentence: str) -> list[tuple[int, str]]:
    """(value, unit) of every period a sentence states: "sixty (60) days" → (60, "days")."""
    out = []
    if "day" not in sentence and "year" not in sentence and "DAY" not in sentence and "YEAR" not in sentence:
        return out
    for m in _PERIOD.finditer(sentence):
        value = int(m.group("num")) if m.group("num") else _WORD_NUMBERS.get((m.group("word") or "").lower())
        if value is None:
            continue
        unit = "years" if m.group("unit").lower().startswith("year") else ("business days" if (m.group("kind") or "").lower().startswith("business") else "days")
        out.append((value, unit))
    return out


def periods(r: Reading) -> list[DocumentFinding]:
    """A period that differs from the court's profile; the finding says which is the court's."""
    specs = [(name, spec) for name, spec in r.data.periods.items() if name in r.profile.periods]
    out = []
    for block in r.text_blocks:
        text = r.body(block) or block.text
        if "day" not in text and "year" not in text and "DAY" not in text and "YEAR" not in text:
            continue  # periods_in finds nothing in any of its sentences
        for sentence in sentences(text):
            stated = periods_in(sentence)
            if not stated:
                continue
            matched = [(n, s) for n, s in specs if re.search(s.context, sentence, I) and (not s.within or _under(r, block, s.within))]
            expected = {(r.profile.period(n).value, s.unit) for n, s in matched}
            for name, spec in matched:
                values = [v for v, unit in stated if unit == spec.unit]
                period = r.profile.period(name)
                if not values or period.value in values or all((v, spec.unit) in expected for v in values):
                    continue
                out.append(r.finding("period", "warning", block,
                    f"States {values[0]} {spec.unit} where the court's profile gives {period.value} {period.unit} "
                    f"({name.replace('_', ' ')}){': ' + period.note if period.note else '.'}",
                    f"Use {period.value} {period.unit}, or keep the change and be ready to say why the court should depart from it.",
                    (Citation(cite=period.source, title=period.note, source=period.source, verified=period.verified),), quote=sentence))
                break
    return out


def _under(r: Reading, block, pattern: str) -> bool:
    place = r.outline.places[block.index]
    return any(h is not None and re.search(pattern, h.title, I) for h in (place.heading, place.top))


RULES = (requirements, sealing, dispute_procedure, good_cause, overbreadth, other_courts, periods)
