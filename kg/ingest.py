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
import math
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.records import Article, InputProblem

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "count_files",
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

# Notes: a lone surrogate (half of a UTF-16 pair, from a JSON "\ud800" escape or an odd codec)
# cannot be written as UTF-8; it becomes U+FFFD, as a UTF-8 decoder does with a bad byte.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Notes: characters that must never reach a terminal or a file through an id, a title or a path:
# C0 and C1 controls, the line and paragraph separators, the bidirectional embeddings, overrides
# and isolates (which reorder what a terminal shows), and lone surrogates.
_UNSAFE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_SPACE_RE = re.compile(r"[^\S\n]")  # any whitespace but a newline, once \r and friends are gone
_TRAILING_SPACE_RE = re.compile(r" +(?=\n)")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Normalise ``text`` so that every later offset refers to one canonical form.

    Lone surrogates as U+FFFD; Unicode NFC; newlines as ``\\n``; typographic apostrophes as ``'``
    and curly double quotes as ``"`` (guillemets kept); any space character as `` ``; invisible
    and control characters removed; trailing spaces of lines stripped; paragraphs separated by
    exactly one blank line; the whole text stripped. Idempotent.

    >>> normalise_text("d’IA\\n\\n\\n\\nPaul\u202fGirard  ")
    "d'IA\\n\\nPaul Girard"
    """
    text = _SURROGATE_RE.sub("\ufffd", text)
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
    """An article id on one line: whitespace runs (newlines included) as one space, the other
    unsafe characters (controls such as ESC, bidirectional overrides, surrogates) dropped.

    >>> _clean_id(" l'affaire\\n \\x1b[1mX\\x1b[0m ")
    "l'affaire [1mX[0m"
    """
    return " ".join(_UNSAFE_RE.sub(lambda m: " " if m.group().isspace() else "", value).split())


def _one_line(value: str | None) -> str:
    """A title or metadata value normalised and on one line, whitespace runs as one space."""
    return " ".join(normalise_text(value).split()) if value else ""


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
# Notes: the language and the script of a text are read from its first 20,000 characters
# (3,000 words or so, far more than the checks need), so that a long text costs no more.
_SAMPLE_CHARS = 20_000


def guess_language(text: str) -> str | None:
    """Guess the language of ``text`` from its function words: 'fr', 'en', 'de', 'es', 'it'.

    'fr' as soon as 5% of the words are French function words; another language only when
    its function words are at least 5% of the words and twice as frequent as French ones;
    ``None`` for a text under 40 words or one with too few function words to tell. Only the
    first 20,000 characters are read.

    >>> guess_language("The minister said that the company was accused of fraud. " * 5)
    'en'
    """
    words = _WORD_RE.findall(text[:_SAMPLE_CHARS].lower())
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


# Notes: the script of a letter is the first word of its Unicode name (LATIN, ARABIC, CYRILLIC,
# GREEK, HEBREW, CJK, HIRAGANA, HANGUL...). French is written in Latin letters: a French text
# quoting a few words in another script stays mostly Latin, while a text that is mostly in
# another script is not French, whatever guess_language makes of its (few Latin) words.
_MIN_LATIN_SHARE = 0.5
_SCRIPT_NAMES = {"CJK": "CJK"}  # names shown as they are; the others are title-cased


def _foreign_script(text: str) -> str | None:
    """The main script of ``text`` when fewer than half of its letters are Latin, else ``None``.

    Only the first 20,000 characters are read.

    >>> _foreign_script("Le président a dit « مرحبا » en arrivant")
    >>> _foreign_script("Президент Франции заявил")
    'Cyrillic'
    """
    scripts: Counter[str] = Counter()
    for char, count in Counter(text[:_SAMPLE_CHARS]).items():
        if char.isalpha():
            scripts[unicodedata.name(char, "UNKNOWN").split()[0]] += count
    letters = scripts.total()
    if letters == 0 or scripts["LATIN"] >= _MIN_LATIN_SHARE * letters:
        return None
    script = next(name for name, _ in scripts.most_common() if name != "LATIN")
    return _SCRIPT_NAMES.get(script, script.title())


def _language_problem(sample: str) -> str | None:
    """Why a text whose normalised start is ``sample`` is not read as French, or ``None``."""
    script = _foreign_script(sample)
    if script is not None:
        return f"does not look like French (mostly {script} script); kg reads French articles"
    language = guess_language(sample)
    if language is not None and language != "fr":
        return (
            f"does not look like French (most common function words are {_LANGUAGE_NAMES[language]});"
            " kg reads French articles"
        )
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


def _normalised(text: str, limits: _Limits, empty: str) -> str:
    """The text of an article, checked and normalised; raises ``_Fatal`` when it must be skipped.

    The checks come first and cost little whatever the length: the character limit applies to
    the text as given, before normalisation, and the language is read from the normalised first
    20,000 characters only. ``empty`` is the problem to give when nothing is left.
    """
    if len(text) > limits.max_chars:
        raise _Fatal(f"text is {len(text):,} characters, over the {limits.max_chars:,}-character limit")
    problem = _language_problem(normalise_text(text[:_SAMPLE_CHARS]))
    if problem is not None:
        raise _Fatal(problem)
    text = normalise_text(text)
    if not text:
        raise _Fatal(empty)
    return text


def _make_article(
    location: str,
    *,
    id: str,
    title: str,
    text: str,
    date: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    warnings: tuple[str, ...] = (),
) -> _Draft:
    """One article from a text that ``_normalised`` gave; raises ``_Fatal`` for an empty id.

    The id, the title and the metadata are put on one line, without control characters; an
    empty title is the first line of the text, an empty metadata value ``None``.
    """
    article_id = _clean_id(id)
    if not article_id:
        raise _Fatal("empty article id")
    article = Article(
        id=article_id,
        title=_one_line(title) or _first_line(text),
        text=text,
        path=location,
        date=_one_line(date) or None,
        url=_one_line(url) or None,
        outlet=_one_line(outlet) or None,
    )
    return _Draft(article, warnings)


def _first_line(text: str) -> str:
    """The first non-empty line of ``text``, stripped."""
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


# ---------------------------------------------------------------------------------------------
# File names as text
# ---------------------------------------------------------------------------------------------


def _decoded(name: str | Path) -> str:
    r"""A file name as text: its bytes read as UTF-8, a byte that is not UTF-8 as ``\xNN``.

    Python holds such a byte as a surrogate (``os.fsdecode``); this gives printable text.

    >>> _decoded(os.fsdecode(b"caf\xe9"))
    'caf\\xe9'
    """
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a lone surrogate that no file name on disk can hold
        raw = os.fspath(name).encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def _escape(match: re.Match[str]) -> str:
    r"""An unsafe character as a Python-style escape: ``\x1b``, ``\u202e``."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _shown(path: str | Path) -> str:
    r"""A path as it is shown in an article or a problem: printable text on one line.

    Bytes that are not UTF-8 and unsafe characters (controls, bidirectional overrides) are
    written as ``\xNN`` or ``\uNNNN`` escapes; any other path is ``str(path)`` unchanged.

    >>> _shown(os.fsdecode(b"a/caf\xe9\n.txt"))
    'a/caf\\xe9\\x0a.txt'
    """
    return _UNSAFE_RE.sub(_escape, _decoded(path))


def _stem(path: Path) -> str:
    """The id a file gives its article: its name without the extension, as text."""
    return _decoded(path.stem)


def _name_warning(path: Path) -> str | None:
    """A warning for a path that is shown otherwise than it is, or ``None``."""
    name = os.fspath(path)
    if _SURROGATE_RE.search(name):
        return "file name is not valid UTF-8 (its undecodable bytes are shown as \\xNN)"
    if _UNSAFE_RE.search(name):
        return "file name holds control characters (shown as \\xNN or \\uNNNN)"
    return None


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
    raw, warning = _decode(_read_bytes(path, limits))
    text = _normalised(raw, limits, "empty file")
    title = _first_line(text)
    if path.suffix.lower() == ".md":
        title = title.lstrip("#").strip()
    yield _make_article(
        location, id=_stem(path), title=title, text=text, warnings=(warning,) if warning else ()
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
    body = _normalised("\n\n".join(paragraphs), limits, "no article text found in the HTML page")
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
        id=_stem(path),
        title=title,
        text=body,
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


# Notes: the optional metadata fields of an article object. A title, date, url or outlet is one
# line of at most a few hundred characters; a longer value is not what the field means (and
# would cost seconds to normalise), so it is ignored with a warning.
_METADATA_FIELDS = ("date", "url", "outlet")
_MAX_FIELD_CHARS = 10_000


def _json_id(value: object, default: str) -> str:
    """The 'id' field of an article object as a string; ``default`` when absent or null."""
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):  # NaN, Infinity, or 1e400
        raise _Fatal(f"field 'id' must be a string or a finite number, found {json.dumps(value)}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # safe: json.loads reads no integer of more than 4,300 digits
    raise _Fatal(f"field 'id' must be a string or a number, found {_type_name(value)}")


def _json_fields(value: dict[str, Any], default_id: str) -> tuple[dict[str, str | None], list[str]]:
    """The string fields of an article object, their types checked; and the warnings to give.

    A missing or mistyped id, text or title is fatal; mistyped metadata is ignored, a number
    as date read as a string.
    """
    fields: dict[str, str | None] = {"id": _json_id(value.get("id"), default_id)}
    if value.get("text") is None:
        raise _Fatal("missing field 'text'")
    for name in ("title", "text"):
        field_value = value.get(name)
        if field_value is not None and not isinstance(field_value, str):
            raise _Fatal(f"field '{name}' must be a string, found {_type_name(field_value)}")
        fields[name] = field_value
    notes: list[str] = []
    for name in _METADATA_FIELDS:
        field_value = value.get(name)
        if isinstance(field_value, int) and not isinstance(field_value, bool):
            field_value = str(field_value)
        if field_value is not None and not isinstance(field_value, str):
            notes.append(f"field '{name}' must be a string, found {_type_name(field_value)}; ignored")
            field_value = None
        fields[name] = field_value
    return fields, notes


def _honest_fields(fields: dict[str, str | None]) -> tuple[dict[str, str | None], list[str]]:
    """The fields with each lone surrogate as U+FFFD and over-long metadata dropped; the warnings."""
    honest: dict[str, str | None] = {}
    notes: list[str] = []
    for name, value in fields.items():
        if value is not None and _SURROGATE_RE.search(value):
            notes.append(
                f"field '{name}' holds a lone surrogate escape (\\ud800-\\udfff); replaced with U+FFFD"
            )
            value = _SURROGATE_RE.sub("\ufffd", value)
        if value is not None and name not in ("id", "text") and len(value) > _MAX_FIELD_CHARS:
            notes.append(f"field '{name}' is {len(value):,} characters long, too long for a {name}; ignored")
            value = None
        honest[name] = value
    return honest, notes


def _json_article(
    value: object, location: str, default_id: str, limits: _Limits, warnings: tuple[str, ...] = ()
) -> _Draft:
    """An article from one decoded JSON object, its field types checked."""
    if not isinstance(value, dict):
        raise _Fatal(
            f"expected a JSON object with 'id', 'title' and 'text' fields, found {_type_name(value)}"
        )
    fields, type_notes = _json_fields(value, default_id)
    fields, notes = _honest_fields(fields)
    text = _normalised(fields["text"] or "", limits, "empty text (field 'text')")
    return _make_article(
        location,
        id=fields["id"] or "",
        title=fields["title"] or "",
        text=text,
        date=fields["date"],
        url=fields["url"],
        outlet=fields["outlet"],
        warnings=(*warnings, *type_notes, *notes),
    )


# Notes: how deep a JSON document may nest arrays and objects. An article object is one level,
# an array of them two; 32 leaves room for any metadata. json.loads recurses once per level and
# a document nested 100,000 deep (a few hundred kB of "[") exhausts Python's stack, so the depth
# is checked before decoding, on the brackets outside string literals.
_MAX_DEPTH = 32
_JSON_STRING_RE = re.compile(r'"[^"]*"')
_NOT_BRACKET_RE = re.compile(r"[^\[\]{}]+")


def _too_deep(text: str, limit: int = _MAX_DEPTH) -> bool:
    """True when the JSON ``text`` nests arrays and objects more than ``limit`` levels deep.

    Linear and cheap: a text with at most ``limit`` opening brackets is not looked at further;
    otherwise string literals are cut out (escaped backslashes and quotes first, then one
    regular expression) and only the brackets left are walked, up to the first too deep.

    >>> _too_deep('{"a": [[1]], "b": "[[[[\\\\"[["}', limit=3), _too_deep('[[[[1]]]]', limit=3)
    (False, True)
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    outside = _JSON_STRING_RE.sub("", text.replace("\\\\", "").replace('\\"', ""))
    depth = 0
    for bracket in _NOT_BRACKET_RE.sub("", outside):
        if bracket in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _json_error(exc: json.JSONDecodeError, *, line: bool = False) -> str:
    """A malformed-JSON message: the decoder's words and where."""
    where = f"column {exc.colno}" if line else f"line {exc.lineno}, column {exc.colno}"
    return f"malformed JSON: {exc.msg} ({where})"


def _loads(text: str, *, line: bool = False) -> Any:
    """One decoded JSON document; raises ``_Fatal`` for one that is malformed or cannot be read."""
    if _too_deep(text):
        raise _Fatal(f"JSON nested more than {_MAX_DEPTH} levels deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Fatal(_json_error(exc, line=line)) from None
    except ValueError as exc:  # an integer of more than 4,300 digits (sys.get_int_max_str_digits)
        reason = str(exc).split(";")[0]
        raise _Fatal(f"unsupported number in the JSON ({reason[:1].lower()}{reason[1:]})") from None
    except RecursionError:  # a last resort: _too_deep keeps json.loads from recursing this far
        raise _Fatal(f"JSON nested more than {_MAX_DEPTH} levels deep") from None


def _read_json(path: Path, location: str, limits: _Limits) -> Iterator[_Draft | InputProblem]:
    """A .json file: one article object, or an array of them (``file.json[i]`` per element)."""
    text, warning = _decode(_read_bytes(path, limits))
    if not text.strip():
        raise _Fatal("empty file")
    value = _loads(text)
    warnings = (warning,) if warning else ()
    if not isinstance(value, list):
        yield _json_article(value, location, _stem(path), limits, warnings)
        return
    if not value:
        raise _Fatal("empty JSON array: no articles")
    for index, element in enumerate(value):
        where = f"{location}[{index}]"
        try:
            yield _json_article(element, where, f"{_stem(path)}-{index + 1}", limits, warnings)
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
            yield _json_article(_loads(line, line=True), where, f"{_stem(path)}-{number}", limits, warnings)
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


# Notes: the file a kg build writes into its output folder. Such a folder holds kg's own
# outputs (JSON, JSON-LD, HTML), never articles, even when it lies inside an input folder.
_MANIFEST = "kg-manifest.json"


@dataclass(frozen=True, slots=True)
class _Walk:
    """What a walk of the inputs keeps: the folders seen (by device and inode) and the paths
    excluded (resolved)."""

    visited: set[tuple[int, int]]
    excluded: frozenset[Path]


def _resolved(path: Path) -> Path:
    """``path`` made absolute, symbolic links resolved where they can be."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop (RuntimeError before Python 3.13)
        return path.absolute()


def _is_excluded(path: Path, walk: _Walk) -> bool:
    """True for an excluded path or a path inside an excluded folder."""
    if not walk.excluded:
        return False
    resolved = _resolved(path)
    return resolved in walk.excluded or not walk.excluded.isdisjoint(resolved.parents)


def _walk(path: Path, *, explicit: bool, walk: _Walk) -> Iterator[Path | InputProblem]:
    """The article files under ``path``, folders walked recursively, entries sorted by name.

    Documentation files (README.md, SOURCES.md...) are skipped silently; so are hidden entries,
    unsupported extensions and excluded paths inside a folder, while a file named explicitly
    with an unsupported extension, or an excluded path named explicitly, is reported. A kg
    build output folder (one that holds a ``kg-manifest.json``) is skipped with a warning, or
    reported when named explicitly.
    """
    shown = _shown(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        yield InputProblem(shown, "no such file or folder")
        return
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte or a lone surrogate in the path
        yield InputProblem(shown, f"cannot read ({getattr(exc, 'strerror', None) or exc})")
        return
    if _is_excluded(path, walk):
        if explicit:
            yield InputProblem(shown, "excluded from the inputs; skipped")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk_folder(path, info, explicit=explicit, walk=walk)
        return
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        if explicit:
            expected = ", ".join(SUPPORTED_EXTENSIONS)
            yield InputProblem(
                shown, f"unsupported file type '{_shown(suffix or path.name)}' (expected {expected})"
            )
        return
    if _is_doc_file(path):
        return
    if not stat.S_ISREG(info.st_mode):
        yield InputProblem(shown, "not a regular file")
        return
    yield path


def _walk_folder(
    path: Path, info: os.stat_result, *, explicit: bool, walk: _Walk
) -> Iterator[Path | InputProblem]:
    """The article files of the folder ``path``, whose ``stat`` is ``info``; see ``_walk``."""
    if (info.st_dev, info.st_ino) in walk.visited:  # a symbolic link back up the tree
        return
    walk.visited.add((info.st_dev, info.st_ino))
    try:
        with os.scandir(path) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield InputProblem(_shown(path), f"cannot read the folder ({exc.strerror or exc})")
        return
    if _MANIFEST in names:
        yield InputProblem(_shown(path), "a kg build output folder, not articles; skipped", fatal=explicit)
        return
    for name in names:
        if not name.startswith("."):
            yield from _walk(path / name, explicit=False, walk=walk)


def _read(path: Path, limits: _Limits) -> Iterator[_Draft | InputProblem]:
    """What one file holds: drafts and problems, a fatal error as a problem for the file.

    Each draft also carries the warning about a file name that is shown otherwise than it is.
    """
    location = _shown(path)
    name_warning = _name_warning(path)
    try:
        for read in _READERS[path.suffix.lower()](path, location, limits):
            if name_warning is not None and isinstance(read, _Draft):
                read = _Draft(read.article, (name_warning, *read.warnings))
            yield read
    except _Fatal as exc:
        yield InputProblem(location, str(exc))


def _digest(text: str) -> bytes:
    """A short fingerprint of a text, to spot duplicates without keeping the texts."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def iter_inputs(
    paths: Sequence[str | Path | Article],
    *,
    max_bytes: int = 50_000_000,
    max_chars: int = 2_000_000,
    exclude: Sequence[str | Path] = (),
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Article | InputProblem]:
    """Read articles from files and folders, one at a time, with a problem for each bad input.

    Paths are read in the order given; folders are walked recursively in sorted order. Each
    ``InputProblem`` names its input (``file.jsonl:12`` for a line); ``fatal=True`` means that
    input was skipped, ``fatal=False`` is a warning about an article that follows it (or about
    a folder skipped). Files over ``max_bytes`` (except .jsonl, which is streamed) are skipped
    from their size alone, texts over ``max_chars`` (counted as given, before normalisation)
    before they are normalised; so are repeated ids and repeated texts. Paths in ``exclude``
    (a build's own output folder, say) and whatever lies in them are never read, nor is a
    folder holding a ``kg-manifest.json``, the mark of a kg build output.

    Ids, titles and paths are printable text on one line: a file name that is not UTF-8, or
    that holds control characters, is shown with ``\\xNN`` escapes, with a warning.

    ``on_file`` is called with each file once it has been read (``count_files`` says how many).
    An ``Article`` among ``paths`` is checked and normalised as a file's article is.

    >>> list(iter_inputs(["no/such/dir"]))
    [InputProblem(path='no/such/dir', problem='no such file or folder', fatal=True)]
    """
    limits = _Limits(max_bytes=max_bytes, max_chars=max_chars)
    walk = _Walk(visited=set(), excluded=frozenset(_resolved(Path(p)) for p in exclude))
    ids: dict[str, str] = {}
    texts: dict[bytes, tuple[str, str]] = {}
    for given in paths:
        found = [given] if isinstance(given, Article) else _walk(Path(given), explicit=True, walk=walk)
        for item in found:
            if isinstance(item, InputProblem):
                yield item
                continue
            reads = _read_given(item, limits) if isinstance(item, Article) else _read(item, limits)
            for read in reads:
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
            if on_file is not None and isinstance(item, Path):
                on_file(item)


def _read_given(article: Article, limits: _Limits) -> Iterator[_Draft | InputProblem]:
    """An article given as an object (``kg.build``), checked as a file's would be: its text
    normalised, its id, title and metadata on one line."""
    location = article.path or f"<article {_one_line(article.id)!r}>"
    try:
        yield _make_article(
            location,
            id=article.id,
            title=article.title,
            text=_normalised(article.text, limits, "empty text"),
            date=article.date,
            url=article.url,
            outlet=article.outlet,
        )
    except _Fatal as exc:
        yield InputProblem(location, str(exc))


def count_files(paths: Sequence[str | Path | Article], *, exclude: Sequence[str | Path] = ()) -> int:
    """How many files ``iter_inputs(paths, exclude=exclude)`` will read: a walk of the folders,
    no file opened (a progress bar's total).

    >>> count_files(["no/such/dir"])
    0
    """
    walk = _Walk(visited=set(), excluded=frozenset(_resolved(Path(p)) for p in exclude))
    n = 0
    for given in paths:
        if not isinstance(given, Article):
            n += sum(isinstance(item, Path) for item in _walk(Path(given), explicit=True, walk=walk))
    return n


def read_articles(paths: Sequence[str | Path], **kw: Any) -> tuple[list[Article], list[InputProblem]]:
    """All of ``iter_inputs(paths, **kw)``: the articles and the problems, in order."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in iter_inputs(paths, **kw):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return articles, problems
