"""Score ``kg.claims`` accusations on a set of French test texts with expected accusations.

Usage::

    python bench/cases.py                    # the held-out set (bench/heldout_claims.py)
    python bench/cases.py --set dev2 --show  # the second table (tests/claims_cases_2.py), failures too
    python bench/cases.py --set dev3         # the third set of paragraphs (bench/dev3_claims.py)

The held-out set was never used to develop ``kg``: its failing cases are not to be looked at,
so that its figures stay an honest estimate on unseen text.

A case passes when every expected ``(accuser, accused, status)`` triple is found and every
extracted accusation matches an expected triple. Names match case-insensitively after a
leading determiner (le/la/les/l') is stripped, when equal or when one contains the other as
whole words, against the entity's name or any of its aliases. Precision is over the distinct
extracted ``(speaker, target, status)`` triples; recall over the expected triples.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path

import kg.claims
import kg.entities

_DETERMINER = re.compile(r"^(?:l'|le |la |les )", re.IGNORECASE)

Triple = tuple[str, str, str]


def _norm(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).lower()
    return _DETERMINER.sub("", name).strip()


def _contains_words(longer: str, shorter: str) -> bool:
    return bool(shorter) and re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


def _matches(expected: str, names: tuple[str, ...]) -> bool:
    e = _norm(expected)
    for name in names:
        n = _norm(name)
        if n and (n == e or _contains_words(n, e) or _contains_words(e, n)):
            return True
    return False


def _pair(want: Triple, got: tuple[tuple[str, ...], tuple[str, ...], str]) -> bool:
    return _matches(want[0], got[0]) and _matches(want[1], got[1])


def _same(want: Triple, got: tuple[tuple[str, ...], tuple[str, ...], str]) -> bool:
    return _pair(want, got) and want[2] == got[2]


def _names(ents: kg.entities.ArticleEntities, key: int | None) -> tuple[str, ...]:
    if key is None:
        return ()
    e = ents.entities[key]
    return (e.name, *e.aliases)


def _label(ents: kg.entities.ArticleEntities, key: int | None) -> str:
    return "None" if key is None else ents.entities[key].name


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


_ROOT = Path(__file__).resolve().parents[1]
# set name -> (folder, module) holding CASES
SETS = {
    "heldout": ("bench", "heldout_claims"),
    "dev2": ("tests", "claims_cases_2"),
    "dev3": ("bench", "dev3_claims"),
}


def load_cases(name: str) -> list[tuple[str, set[Triple], str]]:
    folder, module = SETS[name]
    sys.path.insert(0, str(_ROOT / folder))
    return importlib.import_module(module).CASES


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="heldout", help="which set of cases")
    parser.add_argument("--show", action="store_true", help="print each failing case")
    args = parser.parse_args()
    cases = load_cases(args.set)

    from kg.nlp import load_nlp

    nlp = load_nlp()
    passed = 0
    n_expected = n_extracted = 0
    tp_rec = tp_prec = 0  # with status
    tp_rec_pair = tp_prec_pair = n_want_pairs = n_got_pairs = 0  # ignoring status
    pair_matched = status_right = 0
    negatives = negatives_clean = 0

    for text, expected, note in cases:
        doc = nlp(text)
        ents = kg.entities.ArticleEntities(doc, "case")
        claims = [c for c in kg.claims.extract_claims(ents) if c.type == "accusation"]

        keyed = {(c.speaker, c.target, c.status) for c in claims}
        got = [(_names(ents, s), _names(ents, t), status) for s, t, status in keyed]
        got_pairs = {(s, t) for s, t, _ in keyed}
        got_pair_names = [(_names(ents, s), _names(ents, t), "") for s, t in got_pairs]
        want_pairs = {(a, b) for a, b, _ in expected}

        n_expected += len(expected)
        n_extracted += len(got)
        n_want_pairs += len(want_pairs)
        n_got_pairs += len(got_pair_names)
        rec = sum(any(_same(w, g) for g in got) for w in expected)
        prec = sum(any(_same(w, g) for w in expected) for g in got)
        tp_rec += rec
        tp_prec += prec
        tp_rec_pair += sum(any(_pair((a, b, ""), g) for g in got_pair_names) for a, b in want_pairs)
        tp_prec_pair += sum(any(_pair((a, b, ""), g) for a, b in want_pairs) for g in got_pair_names)
        for w in expected:
            if any(_pair(w, g) for g in got):
                pair_matched += 1
                status_right += any(_same(w, g) for g in got)

        ok = rec == len(expected) and prec == len(got)
        passed += ok
        if not expected:
            negatives += 1
            negatives_clean += not got
        if args.show and not ok:
            found = sorted((_label(ents, s), _label(ents, t), status) for s, t, status in keyed)
            print(
                f"FAIL [{note}]\n  text:      {text}\n  expected:  {sorted(expected)}\n  extracted: {found}\n"
            )

    p, r = _ratio(tp_prec, n_extracted), _ratio(tp_rec, n_expected)
    pp, pr = _ratio(tp_prec_pair, n_got_pairs), _ratio(tp_rec_pair, n_want_pairs)
    print(f"cases passed (exact set match): {passed}/{len(cases)}")
    print(f"triples: expected {n_expected}, extracted {n_extracted}")
    print(f"with status:     P {p:.3f}  R {r:.3f}  F1 {_f1(p, r):.3f}")
    print(f"ignoring status: P {pp:.3f}  R {pr:.3f}  F1 {_f1(pp, pr):.3f}")
    print(f"pairs: expected {n_want_pairs}, extracted {n_got_pairs}")
    acc = _ratio(status_right, pair_matched)
    print(f"status accuracy over pair-matched expected triples: {status_right}/{pair_matched} = {acc:.3f}")
    print(f"negative texts with no false positive: {negatives_clean}/{negatives}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
