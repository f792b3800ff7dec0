r"""The ingest stage: read article files and folders into normalised ``Article`` records.

Formats, by extension:

- ``.txt`` / ``.md``: the first non-empty line is the title (``#`` stripped for Markdown); the
  text is the whole file, title line included, so offsets match what a reader sees.
- ``.html`` / ``.htm``: the main text only (trafilatura; lxml fallback), paragraphs separated by
  a blank line, the title as the first paragraph; date, url and outlet from the page metadata.
- ``.json``: one article object ``{"id", "title", "text", "date"?, "url"?, "outlet"?}`` or an
  array of them.
- ``.jsonl``: one such object per line, read line by line.

``iter_inputs`` streams: one file (one ``.jsonl`` line) at a time is in memory, plus a short
hash of every text already read, to skip duplicates. Whatever cannot be read becomes an
``InputProblem`` with a plain-words reason; the other inputs still go through.

>>> normalise_text("l’enquête\u00a0:\r\n\r\n\r\n« “Brenval” »")
'l\'enquête :\n\n« "Brenval" »'
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.records import Article, InputProblem

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "guess_language",
    "iter_inputs",
    "normalise_text",
    "read_articles",
]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")

# Notes: the conventional names of a repository's documentation files; the corpus folder keeps
# a SOURCES.md next to its articles. Only ``.md`` files with these stems are skipped.
_DOC_STEMS = frozenset({"readme", "sources", "license", "changelog", "contributing"})

# ---------------------------------------------------------------------------------------------
# Text normalisation
# ---------------------------------------------------------------------------------------------

# Notes: line and paragraph separators seen in scraped text (Unicode LS/PS, NEL, vertical tab,
# form feed); a paragraph separator becomes a blank line.
_NEWLINES = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u0085": "\n", "\v": "\n", "\f": "\n"}
_NEWLINE_RE = re.compile("|".join(re.escape(k) for k in _NEWLINES) + "|\u2029")

# Notes: invisible format characters (zero-width space/joiners, word joiner and invisible
# operators, BOM, soft hyphen, bidirectional marks and embeddings). They break word matching
# and offsets without changing what a reader sees. C0/C1 controls other than \n and \t go too.
_INVISIBLE_RE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]"
)

# Notes: typographic apostrophes and single quotes (right/left single quotation mark, modifier
# letter apostrophe, single high-reversed-9) become ASCII ', as spaCy's French tokenizer expects
# for elisions (l', d', qu'); curly and low double quotes become ASCII ". French guillemets « »
# are kept: they mark reported speech, which the claim rules read.
_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)
# Notes: a backtick or an acute accent between two letters is an apostrophe typed on the wrong
# key ("l`État", "aujourd´hui"); elsewhere (code, a lone accent) it is left alone.
_ODD_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])[`\u00b4](?=[^\W\d_])")

_SPACE_RE = re.compile(r"[^\S\n]")  # any whitespace but a newline, once \r and friends are gone
_TRAILING_SPACE_RE = re.compile(r" +(?=\n)")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Normalise ``text`` so that every later offset refers to one canonical form.

    Unicode NFC; newlines as ``\\n``; typographic apostrophes as ``'`` and curly double quotes as
    ``"`` (guillemets kept); any space character as `` ``; invisible and control characters
    removed; trailing spaces of lines stripped; paragraphs separated by exactly one blank line;
    the whole text stripped. Idempotent.

    >>> normalise_text("d’IA\\n\\n\\n\\nPaul\u202fGirard  ")
    "d'IA\\n\\nPaul Girard"
    """
    text = _NEWLINE_RE.sub(lambda m: _NEWLINES.get(m.group(), "\n\n"), text)
    text = _INVISIBLE_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_QUOTES)
    text = _ODD_APOSTROPHE_RE.sub("'", text)
    text = _SPACE_RE.sub(" ", text)
    text = _TRAILING_SPACE_RE.sub("", text)
    text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip()


def _clean_id(value: str) -> str:
    """An article id with whitespace runs (newlines included) collapsed to one space."""
    return " ".join(value.split())


# ---------------------------------------------------------------------------------------------
# Language check
# ---------------------------------------------------------------------------------------------

# Notes: the most frequent function words of each language (articles, prepositions, pronouns,
# auxiliaries, conjunctions), from frequency lists of news text. Words shared by two lists
# ("a", "la", "de", "que", "il", "en"...) are ignored when scoring, so that only words that tell
# the languages apart count. French elisions (l', d', qu', c', j', n') are tokenised as "l", "d"...


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": _words(
        "le la les l un une des du de d et est a à au aux en dans par pour sur avec sans sous ce cet"
        " cette ces qui que qu dont où il ils elle elles on nous vous leur leurs se sa son ses ne n"
        " pas plus mais ou donc ni car été était ont sont avait sera c j y selon après avant depuis"
        " chez lors aussi comme très"
    ),
    "en": _words(
        "the of and to a in is that was for it with as on be by this are have from or had has not"
        " but at which were been his her they he she an will would said its their who we you i"
    ),
    "de": _words(
        "der die das den dem ein eine einen einem und ist nicht zu mit von auf für im sich es auch"
        " als an wie dass er sie wir ich wird werden wurde hat haben bei nach aus oder aber noch"
    ),
    "es": _words(
        "el la los las de del y en que un una por con no se su sus para es al lo como más pero fue"
        " ha son este esta entre sobre también muy sin ya ser hay han"
    ),
    "it": _words(
        "il lo la gli le di del della dei e è che un una per con non si sono al nel nella da dal"
        " come più ma anche ha stato questo questa essere tra"
    ),
}
_DISTINCTIVE_WORDS: dict[str, frozenset[str]] = {
    lang: words.difference(*(other for o, other in _FUNCTION_WORDS.items() if o != lang))
    for lang, words in _FUNCTION_WORDS.items()
}
_LANGUAGE_NAMES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian"}
# Notes: thresholds kept conservative: a short text, or a French text quoting another language,
# must never be rejected. 5% of French function words is far below any French prose (15-25%).
_MIN_WORDS = 40
_MIN_SHARE = 0.05
_WORD_RE = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """Guess the language of ``text`` from its function words: 'fr', 'en', 'de', 'es', 'it'.

    'fr' as soon as 5% of the words are French function words; another language only when
    its function words are at least 5% of the words and twice as frequent as French ones;
    ``None`` for a text under 40 words or one with too few function words to tell.

    >>> guess_language("The minister said that the company was accused of fraud. " * 5)
    'en'
    """
    words = _WORD_RE.findall(text.lower())
    if len(words) < _MIN_WORDS:
        return None
    counts = Counter(words)
    share = {
        lang: sum(counts[w] for w in distinct) / len(words) for lang, distinct in _DISTINCTIVE_WORDS.items()
    }
    if share["fr"] >= _MIN_SHARE:
        return "fr"
    best = max((lang for lang in share if lang != "fr"), key=lambda lang: share[lang])
    if share[best] >= _MIN_SHARE and share[best] >= 2 * share["fr"]:
        return best
    return None


# ---------------------------------------------------------------------------------------------
# Bytes to text
# ---------------------------------------------------------------------------------------------


class _Fatal(Exception):
    """An input that must be skipped; the message is the problem, in plain words."""


@dataclass(frozen=True, slots=True)
class _Draft:
    """An article read and checked, with the warnings to report if it is kept."""

    article: Article
    warnings: tuple[str, ...] = ()


_SNIFF_BYTES = 8192
# Notes: control bytes that never occur in text (all C0 controls but tab, newline, form feed,
# carriage return and escape); text files have none, binary files have many.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.10
# Notes: byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _bom_encoding(head: bytes) -> str | None:
    """The encoding named by the byte-order mark at the start of ``head``, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def _looks_binary(sample: bytes) -> bool:
    """True for bytes that are not text: a NUL byte, or many control bytes."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def _decode(data: bytes, *, html: bool = False) -> tuple[str, str | None]:
    """Decode file bytes; returns the text and a warning when the bytes were not UTF-8.

    UTF-8 (BOM stripped), or UTF-16/32 with a BOM; for an HTML page, the charset its ``<meta>``
    declares; otherwise Windows-1252 (Latin-1 as a last resort), with a warning.
    """
    encoding = _bom_encoding(data[:4])
    if encoding is not None and encoding != "utf-8-sig":
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError as exc:
            raise _Fatal(f"not valid {encoding.upper()} despite its byte-order mark ({exc.reason})") from None
    if _looks_binary(data[:_SNIFF_BYTES]):
        raise _Fatal("binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        offset = exc.start
    if html:
        declared = _HTML_CHARSET_RE.search(data[:4096])
        if declared is not None:
            try:
                return data.decode(declared.group(1).decode("ascii")), None
            except (LookupError, UnicodeDecodeError):
                pass
    return _decode_legacy(data, offset)


def _decode_legacy(data: bytes, offset: int) -> tuple[str, str]:
    """Decode bytes that are not UTF-8 as Windows-1252, or Latin-1; with the warning to give."""
    try:
        text, name = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, name = data.decode("latin-1"), "Latin-1"
    return text, f"not valid UTF-8 (invalid byte at offset {offset}); read as {name}"


def _size(n: float) -> str:
    """A byte count for people: '312.4 MB', '50 MB', '12.5 kB', '100 bytes'."""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= factor:
            return f"{n / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{int(n)} bytes"


def _type_name(value: object) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


# ---------------------------------------------------------------------------------------------
# Articles and their checks
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Limits:
    """The size limits of ``iter_inputs``: bytes per file, characters per text."""

    max_bytes: int
    max_chars: int


def _make_article(
    location: str,
    *,
    id: str,
    title: str,
    text: str,
    limits: _Limits,
    empty: str,
    date: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    warnings: tuple[str, ...] = (),
) -> _Draft:
    """Normalise and check one article; raises ``_Fatal`` when it must be skipped."""
    article_id = _clean_id(id)
    if not article_id:
        raise _Fatal("empty article id")
    text = normalise_text(text)
    if not text:
        raise _Fatal(empty)
    if len(text) > limits.max_chars:
        raise _Fatal(f"text is {len(text):,} characters, over the {limits.max_chars:,}-character limit")
    language = guess_language(text)
    if language is not None and language != "fr":
        raise _Fatal(
            f"does not look like French (most common function words are {_LANGUAGE_NAMES[language]});"
            " kg reads French articles"
        )
    title = normalise_text(title) or _first_line(text)
    article = Article(id=article_id, title=title, text=text, path=location, date=date, url=url, outlet=outlet)
    return _Draft(article, warnings)


def _first_line(text: str) -> str:
    """The first non-empty line of ``text``, stripped."""
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


# ---------------------------------------------------------------------------------------------
# Readers, one per format
# ---------------------------------------------------------------------------------------------


def _read_bytes(path: Path, limits: _Limits) -> bytes:
    """The bytes of ``path``, after checking its size against the limit."""
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise _Fatal(f"file is {_size(size)}, over the {_size(limits.max_bytes)} limit")
        return path.read_bytes()
    except OSError as exc:
        raise _Fatal(f"cannot read the file ({exc.strerror or exc})") from None


def _read_plain(path: Path, location: str, limits: _Limits) -> Iterator[_Draft]:
    """A .txt or .md article: first non-empty line as title, whole file as text."""
    text, warning = _decode(_read_bytes(path, limits))
    text = normalise_text(text)
    if not text:
        raise _Fatal("empty file")
    title = _first_line(text)
    if path.suffix.lower() == ".md":
        title = title.lstrip("#").strip()
    yield _make_article(
        location,
        id=path.stem,
        title=title,
        text=text,
        limits=limits,
        empty="empty file",
        warnings=(warning,) if warning else (),
    )


# Notes: elements that hold no article text, dropped by the lxml fallback (trafilatura has its
# own, finer, rules); block elements whose text makes one paragraph each.
_BOILERPLATE_TAGS = _words(
    "script style noscript template nav header footer aside form iframe svg button menu"
)
_BLOCK_XPATH = ".//p|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//li|.//blockquote|.//pre|.//dd|.//dt"
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_INLINE_SPACE_RE = re.compile(r"[^\S\n]+")


def _raw_text(element: Any) -> str:
    """The text of an element of trafilatura's XML, ``<lb/>`` and list items as newlines."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag == "item":
            parts.append("\n" + _raw_text(child))
        else:
            parts.append(_raw_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block_text(element: Any) -> str:
    """The text of one extracted block, its lines stripped and inner spaces collapsed."""
    lines = (_INLINE_SPACE_RE.sub(" ", line).strip() for line in _raw_text(element).split("\n"))
    return "\n".join(line for line in lines if line)


def _trafilatura_extract(html: str) -> tuple[list[str], dict[str, str]]:
    """Main-text paragraphs and metadata (title, date, url, sitename) found by trafilatura."""
    import trafilatura  # imported here: 0.1 s that a corpus of .txt files does not need
    from lxml import etree

    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
    )
    if not xml:
        return [], {}
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    blocks = [] if main is None else [_block_text(el) for el in main]
    meta = {k: v for k, v in doc.attrib.items() if isinstance(v, str) and v.strip()}
    return [b for b in blocks if b], meta


def _first(root: Any, xpath: str) -> str | None:
    """The first non-empty string an XPath query finds, stripped."""
    for value in root.xpath(xpath):
        value = value if isinstance(value, str) else value.text_content()
        if value and value.strip():
            return " ".join(value.split())
    return None


def _read_html(path: Path, location: str, limits: _Limits) -> Iterator[_Draft]:
    """An HTML page: main text, paragraphs separated by blank lines, title first."""
    import lxml.html

    text, warning = _decode(_read_bytes(path, limits), html=True)
    if not text.strip():
        raise _Fatal("empty file")
    html = _XML_DECLARATION_RE.sub("", text, count=1)
    paragraphs, meta = _trafilatura_extract(html)
    try:
        root = lxml.html.document_fromstring(html)
    except Exception as exc:  # lxml raises ParserError, ValueError... on hopeless markup
        if not paragraphs:
            raise _Fatal(f"cannot parse the HTML ({exc})") from None
        root = lxml.html.document_fromstring("<html></html>")
    if not paragraphs:
        paragraphs = _fallback_paragraphs(root)
    body = normalise_text("\n\n".join(paragraphs))
    if not body:
        raise _Fatal("no article text found in the HTML page")
    title = normalise_text(
        meta.get("title")
        or _first(root, "//title")
        or _first(root, "//meta[@property='og:title']/@content")
        or _first(root, "//h1")
        or ""
    )
    if title and body != title and not body.startswith(title + "\n"):
        body = f"{title}\n\n{body}"
    yield _make_article(
        location,
        id=path.stem,
        title=title,
        text=body,
        limits=limits,
        empty="no article text found in the HTML page",
        date=meta.get("date")
        or _first(root, "//meta[@property='article:published_time']/@content")
        or _first(root, "//time/@datetime"),
        url=_first(root, "//link[@rel='canonical']/@href")
        or _first(root, "//meta[@property='og:url']/@content")
        or meta.get("url"),
        outlet=_first(root, "//meta[@property='og:site_name']/@content") or meta.get("sitename"),
        warnings=(warning,) if warning else (),
    )


def _fallback_paragraphs(root: Any) -> list[str]:
    """Paragraphs of <article>, else <main>, else <body>, boilerplate elements dropped."""
    for element in root.xpath("|".join(f"//{tag}" for tag in _BOILERPLATE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    container = next(
        (found[0] for xpath in ("//article", "//main", "//body") if (found := root.xpath(xpath))), root
    )
    blocks = container.xpath(_BLOCK_XPATH)
    inside = set(blocks)
    outer = [el for el in blocks if not any(anc in inside for anc in el.iterancestors())]
    texts = [" ".join(el.text_content().split()) for el in outer] or [container.text_content()]
    return [t for t in texts if t.strip()]


def _json_article(
    value: object, location: str, default_id: str, limits: _Limits, warnings: tuple[str, ...] = ()
) -> _Draft:
    """An article from one decoded JSON object, its field types checked."""
    if not isinstance(value, dict):
        raise _Fatal(
            f"expected a JSON object with 'id', 'title' and 'text' fields, found {_type_name(value)}"
        )
    raw_id = value.get("id")
    if raw_id is None:
        article_id = default_id
    elif isinstance(raw_id, str) or (isinstance(raw_id, int | float) and not isinstance(raw_id, bool)):
        article_id = str(raw_id)
    else:
        raise _Fatal(f"field 'id' must be a string or a number, found {_type_name(raw_id)}")
    if "text" not in value or value["text"] is None:
        raise _Fatal("missing field 'text'")
    text = value["text"]
    if not isinstance(text, str):
        raise _Fatal(f"field 'text' must be a string, found {_type_name(text)}")
    title = value.get("title")
    if title is not None and not isinstance(title, str):
        raise _Fatal(f"field 'title' must be a string, found {_type_name(title)}")
    extra: dict[str, str | None] = {}
    notes = list(warnings)
    for name in ("date", "url", "outlet"):
        field_value = value.get(name)
        if isinstance(field_value, int) and not isinstance(field_value, bool):
            field_value = str(field_value)
        if field_value is not None and not isinstance(field_value, str):
            notes.append(f"field '{name}' must be a string, found {_type_name(field_value)}; ignored")
            field_value = None
        extra[name] = normalise_text(field_value) or None if isinstance(field_value, str) else None
    return _make_article(
        location,
        id=article_id,
        title=title or "",
        text=text,
        limits=limits,
        empty="empty text (field 'text')",
        warnings=tuple(notes),
        **extra,
    )


def _json_error(exc: json.JSONDecodeError, *, line: bool = False) -> str:
    """A malformed-JSON message: the decoder's words and where."""
    where = f"column {exc.colno}" if line else f"line {exc.lineno}, column {exc.colno}"
    return f"malformed JSON: {exc.msg} ({where})"


def _read_json(path: Path, location: str, limits: _Limits) -> Iterator[_Draft | InputProblem]:
    """A .json file: one article object, or an array of them (``file.json[i]`` per element)."""
    text, warning = _decode(_read_bytes(path, limits))
    if not text.strip():
        raise _Fatal("empty file")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Fatal(_json_error(exc)) from None
    warnings = (warning,) if warning else ()
    if not isinstance(value, list):
        yield _json_article(value, location, path.stem, limits, warnings)
        return
    if not value:
        raise _Fatal("empty JSON array: no articles")
    for index, element in enumerate(value):
        where = f"{location}[{index}]"
        try:
            yield _json_article(element, where, f"{path.stem}-{index + 1}", limits, warnings)
        except _Fatal as exc:
            yield InputProblem(where, str(exc))


def _lines(f: IO[Any], limit: int) -> Iterator[tuple[int, Any]]:
    """Numbered lines of ``f`` (bytes or str), ``None`` for a line longer than ``limit``."""
    number = 0
    while line := f.readline(limit):
        number += 1
        if len(line) == limit and not line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            while (rest := f.readline(limit)) and not rest.endswith(
                b"\n" if isinstance(rest, bytes) else "\n"
            ):
                pass
            yield number, None
        else:
            yield number, line


def _line_limit(limits: _Limits) -> int:
    """The longest .jsonl line read: a JSON string may spend 6 bytes (\\uXXXX) on a character."""
    return 6 * limits.max_chars + 65536


def _read_jsonl(path: Path, location: str, limits: _Limits) -> Iterator[_Draft | InputProblem]:
    """A .jsonl file, streamed: one article object per line, ``file.jsonl:N`` per line."""
    limit = _line_limit(limits)
    try:
        with path.open("rb") as raw:
            head = raw.read(_SNIFF_BYTES)
            raw.seek(0)
            encoding = _bom_encoding(head[:4])
            if encoding is None and _looks_binary(head):
                raise _Fatal("binary file, not text")
            if encoding is not None and encoding != "utf-8-sig":
                with open(path, encoding=encoding, newline="") as f:
                    yield from _jsonl_records(_lines(f, limit), path, location, limits)
            else:
                yield from _jsonl_records(_lines(raw, limit), path, location, limits)
    except OSError as exc:
        raise _Fatal(f"cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise _Fatal(f"not valid {exc.encoding.upper()} despite its byte-order mark ({exc.reason})") from None


def _jsonl_records(
    lines: Iterator[tuple[int, Any]], path: Path, location: str, limits: _Limits
) -> Iterator[_Draft | InputProblem]:
    """Articles and problems from the numbered lines of a .jsonl file."""
    seen_any = False
    for number, line in lines:
        where = f"{location}:{number}"
        if line is None:
            seen_any = True
            too_long = _size(_line_limit(limits))
            yield InputProblem(
                where, f"line is over {too_long}, too long for a {limits.max_chars:,}-character text"
            )
            continue
        warnings: tuple[str, ...] = ()
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                line, warning = _decode_legacy(line, exc.start)
                warnings = (warning.replace("offset", "line offset", 1),)
        if not line.strip():
            continue
        seen_any = True
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, _json_error(exc, line=True))
            continue
        try:
            yield _json_article(value, where, f"{path.stem}-{number}", limits, warnings)
        except _Fatal as exc:
            yield InputProblem(where, str(exc))
    if not seen_any:
        raise _Fatal("empty file")


_READERS = {
    ".txt": _read_plain,
    ".md": _read_plain,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}


# ---------------------------------------------------------------------------------------------
# Walking the inputs
# ---------------------------------------------------------------------------------------------


def _is_doc_file(path: Path) -> bool:
    """True for README.md, SOURCES.md and the like: documentation, not an article."""
    return path.suffix.lower() == ".md" and path.stem.lower() in _DOC_STEMS


def _walk(path: Path, *, explicit: bool, visited: set[tuple[int, int]]) -> Iterator[Path | InputProblem]:
    """The article files under ``path``, folders walked recursively, entries sorted by name.

    Documentation files (README.md, SOURCES.md...) are skipped silently; so are hidden entries
    and unsupported extensions inside a folder, while a file named explicitly with an
    unsupported extension is reported.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        yield InputProblem(str(path), "no such file or folder")
        return
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read ({exc.strerror or exc})")
        return
    if stat.S_ISDIR(info.st_mode):
        if (info.st_dev, info.st_ino) in visited:  # a symbolic link back up the tree
            return
        visited.add((info.st_dev, info.st_ino))
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries)
        except OSError as exc:
            yield InputProblem(str(path), f"cannot read the folder ({exc.strerror or exc})")
            return
        for name in names:
            if not name.startswith("."):
                yield from _walk(path / name, explicit=False, visited=visited)
        return
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        if explicit:
            expected = ", ".join(SUPPORTED_EXTENSIONS)
            yield InputProblem(
                str(path), f"unsupported file type '{suffix or path.name}' (expected {expected})"
            )
        return
    if _is_doc_file(path):
        return
    if not stat.S_ISREG(info.st_mode):
        yield InputProblem(str(path), "not a regular file")
        return
    yield path


def _read(path: Path, limits: _Limits) -> Iterator[_Draft | InputProblem]:
    """What one file holds: drafts and problems, a fatal error as a problem for the file."""
    try:
        yield from _READERS[path.suffix.lower()](path, str(path), limits)
    except _Fatal as exc:
        yield InputProblem(str(path), str(exc))


def _digest(text: str) -> bytes:
    """A short fingerprint of a text, to spot duplicates without keeping the texts."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def iter_inputs(
    paths: Sequence[str | Path], *, max_bytes: int = 50_000_000, max_chars: int = 2_000_000
) -> Iterator[Article | InputProblem]:
    """Read articles from files and folders, one at a time, with a problem for each bad input.

    Paths are read in the order given; folders are walked recursively in sorted order. Each
    ``InputProblem`` names its input (``file.jsonl:12`` for a line); ``fatal=True`` means that
    input was skipped, ``fatal=False`` is a warning about an article that follows it. Files over
    ``max_bytes`` (except .jsonl, which is streamed) and texts over ``max_chars`` are skipped, as
    are repeated ids and repeated texts.

    >>> list(iter_inputs(["no/such/dir"]))
    [InputProblem(path='no/such/dir', problem='no such file or folder', fatal=True)]
    """
    limits = _Limits(max_bytes=max_bytes, max_chars=max_chars)
    visited: set[tuple[int, int]] = set()
    ids: dict[str, str] = {}
    texts: dict[bytes, tuple[str, str]] = {}
    for given in paths:
        for item in _walk(Path(given), explicit=True, visited=visited):
            if isinstance(item, InputProblem):
                yield item
                continue
            for read in _read(item, limits):
                if isinstance(read, InputProblem):
                    yield read
                    continue
                article = read.article
                digest = _digest(article.text)
                if article.id in ids:
                    yield InputProblem(
                        article.path,
                        f"duplicate article id {article.id!r} (already read from {ids[article.id]})",
                    )
                elif digest in texts:
                    other_id, other_path = texts[digest]
                    yield InputProblem(
                        article.path,
                        f"same text as article {other_id!r} ({other_path}); skipped as a duplicate",
                    )
                else:
                    ids[article.id] = article.path
                    texts[digest] = (article.id, article.path)
                    for warning in read.warnings:
                        yield InputProblem(article.path, warning, fatal=False)
                    yield article


def read_articles(paths: Sequence[str | Path], **kw: int) -> tuple[list[Article], list[InputProblem]]:
    """All of ``iter_inputs(paths, **kw)``: the articles and the problems, in order."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in iter_inputs(paths, **kw):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return articles, problems
