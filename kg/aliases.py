"""The user's corrections to entity resolution: an alias file in YAML or CSV.

Each rule names one real actor; ``kg build --aliases FILE`` applies the rules when it resolves
entities across articles:

- ``name``: the canonical name to use (also a name that belongs to the actor);
- ``aliases``: other names that are the same actor, merged whatever the rules would say;
- ``distinct``: names that must never be merged with this actor;
- ``type``: PER, ORG, GPE, LOC or OTHER, to override the type found in the text;
- ``same_as``: external identifiers, as IRIs or Wikidata ids ("Q42"), written as ``owl:sameAs``.

YAML: a list of such mappings. CSV: a header with these columns (``name`` required), several
values in one cell separated by ``|``. Example (YAML)::

    - name: Organisation mondiale de la santé
      aliases: [OMS, WHO]
      type: ORG
      same_as: [Q7817]
    - name: Meta
      distinct: [Metaculus]
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.records import ENTITY_TYPES

__all__ = ["AliasFileError", "AliasRule", "load_alias_file", "parse_alias_rules", "same_as_iri"]

_WIKIDATA = "http://www.wikidata.org/entity/"
_FIELDS = ("name", "aliases", "distinct", "type", "same_as")


class AliasFileError(ValueError):
    """An alias file that cannot be used, with the file and the place of the problem."""


@dataclass(frozen=True, slots=True)
class AliasRule:
    """One actor as the user defines it."""

    name: str
    aliases: tuple[str, ...] = ()
    distinct: tuple[str, ...] = ()
    type: str | None = None
    same_as: tuple[str, ...] = field(default=())

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def same_as_iri(value: str) -> str:
    """A Wikidata id becomes its entity IRI; an IRI stays as it is.

    >>> same_as_iri("Q42"), same_as_iri("https://example.org/x")
    ('http://www.wikidata.org/entity/Q42', 'https://example.org/x')
    """
    v = value.strip()
    if len(v) > 1 and v[0] in "Qq" and v[1:].isdigit():
        return _WIKIDATA + "Q" + v[1:]
    if ":" not in v:
        raise ValueError(f"{value!r} is neither an IRI nor a Wikidata id (Q123)")
    return v


def _as_list(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items = [v.strip() for v in value.split("|")]
    elif isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        items = [str(v).strip() for v in value]
    else:
        raise AliasFileError(f"{where}: '{key}' must be a name or a list of names")
    return tuple(v for v in items if v)


def _rule(row: dict, where: str) -> AliasRule:
    unknown = sorted(set(row) - set(_FIELDS))
    if unknown:
        raise AliasFileError(
            f"{where}: unknown field(s) {', '.join(unknown)} (expected {', '.join(_FIELDS)})"
        )
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        raise AliasFileError(f"{where}: 'name' is missing or empty")
    etype = row.get("type") or None
    if etype is not None and (not isinstance(etype, str) or etype.upper() not in ENTITY_TYPES):
        raise AliasFileError(f"{where}: type {etype!r} is not one of {', '.join(ENTITY_TYPES)}")
    try:
        same_as = tuple(same_as_iri(v) for v in _as_list(row.get("same_as"), where, "same_as"))
    except ValueError as e:
        raise AliasFileError(f"{where}: {e}") from e
    return AliasRule(
        name=" ".join(name.split()),
        aliases=_as_list(row.get("aliases"), where, "aliases"),
        distinct=_as_list(row.get("distinct"), where, "distinct"),
        type=etype.upper() if etype else None,
        same_as=same_as,
    )


def parse_alias_rules(text: str, source: str = "<aliases>", fmt: str | None = None) -> list[AliasRule]:
    """Rules from the text of an alias file; ``fmt`` is "yaml" or "csv" (guessed from ``source``)."""
    fmt = fmt or ("csv" if source.lower().endswith(".csv") else "yaml")
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise AliasFileError(f"{source}: a CSV alias file needs a header row with a 'name' column")
        return [
            _rule({k: v for k, v in row.items() if k is not None and v not in (None, "")}, f"{source}:{i}")
            for i, row in enumerate(reader, 2)
        ]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise AliasFileError(f"{source}: not valid YAML ({e})") from e
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise AliasFileError(f"{source}: expected a list of mappings with 'name', 'aliases', ...")
    return [_rule(r, f"{source}: entry {i}") for i, r in enumerate(data, 1)]


def load_alias_file(path: str | Path) -> list[AliasRule]:
    """Read an alias file (.yaml, .yml or .csv); raises AliasFileError naming the problem."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise AliasFileError(f"{p}: cannot read the alias file ({e})") from e
    return parse_alias_rules(text, str(p), "csv" if p.suffix.lower() == ".csv" else "yaml")
