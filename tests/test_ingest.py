"""Tests for kg.ingest: formats, folder walking, bad inputs, text normalisation."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import guess_language, iter_inputs, normalise_text, read_articles
from kg.records import Article, InputProblem

FRENCH = (
    "Le ministre de l'Économie accuse la société de fraude fiscale. Selon le parquet, les faits "
    "reprochés remontent à 2019 et portent sur des montants importants. L'entreprise dément toute "
    "irrégularité et annonce qu'elle va porter plainte pour diffamation contre ses accusateurs. "
    "Une enquête a été ouverte par les juges, qui doivent entendre les dirigeants dans les "
    "prochaines semaines."
)
ENGLISH = (
    "The minister of the economy accused the company of tax fraud on Monday. According to the "
    "prosecutor, the facts date back to 2019 and involve large sums of money that were moved "
    "abroad. The company denied any wrongdoing and said that it would sue its accusers for "
    "defamation. An investigation has been opened by the judges, who are expected to hear the "
    "managers in the coming weeks."
)


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _fatal(problems: list[InputProblem]) -> list[InputProblem]:
    return [p for p in problems if p.fatal]


def _french(n: int) -> str:
    """A distinct French text (so that duplicate detection does not kick in)."""
    return f"Article numéro {n}. {FRENCH}"


# --------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------


def test_txt_title_is_first_non_empty_line_and_text_is_whole_file(tmp_path: Path) -> None:
    _write(tmp_path / "affaire.txt", f"\n\n  Le titre de l’affaire  \n\n{FRENCH}\n")
    [article], problems = read_articles([tmp_path / "affaire.txt"])
    assert problems == []
    assert article.id == "affaire"
    assert article.title == "Le titre de l'affaire"
    assert article.text == f"Le titre de l'affaire\n\n{FRENCH}"
    assert article.path == str(tmp_path / "affaire.txt")


def test_md_title_strips_hashes_but_text_keeps_them(tmp_path: Path) -> None:
    _write(tmp_path / "note.md", f"#  Le grand titre\n\n{FRENCH}")
    [article], problems = read_articles([tmp_path])
    assert problems == []
    assert article.title == "Le grand titre"
    assert article.text.startswith("#  Le grand titre\n\n")


PAGE = """<!DOCTYPE html>
<html><head>
<title>Le ministre accuse la société - Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<meta property="og:url" content="https://example.fr/og">
<link rel="canonical" href="https://example.fr/canonical">
<meta property="article:published_time" content="2023-02-13T10:00:00Z">
<script>var tracker = "SCRIPTMARKER";</script>
</head><body>
<nav><ul><li><a href="/">NAVMARKER Accueil</a></li><li><a href="/p">Politique</a></li></ul></nav>
<article>
<h1>Le ministre accuse la société</h1>
<p>Le ministre de l'Économie accuse la société de fraude fiscale, selon un communiqué publié lundi
par ses services.</p>
<p>Selon le parquet, les faits reprochés remontent à 2019 et portent sur des montants
importants versés à des intermédiaires.</p>
<p>L'entreprise dément toute irrégularité et annonce qu'elle va porter plainte pour diffamation
contre ses accusateurs.</p>
</article>
<footer><p>FOOTERMARKER Mentions légales, tous droits réservés.</p></footer>
<script>console.log("SCRIPTMARKER2")</script>
</body></html>
"""


def test_html_keeps_main_paragraphs_and_drops_boilerplate(tmp_path: Path) -> None:
    _write(tmp_path / "page.html", PAGE)
    [article], problems = read_articles([tmp_path / "page.html"])
    assert problems == []
    assert article.id == "page"
    for marker in ("SCRIPTMARKER", "NAVMARKER", "FOOTERMARKER", "Politique", "tracker"):
        assert marker not in article.text
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title
    assert "Le ministre accuse la société" in article.title
    assert any(p.startswith("Le ministre de l'Économie accuse") for p in paragraphs)
    assert any(p.startswith("Selon le parquet") for p in paragraphs)
    assert any(p.startswith("L'entreprise dément") for p in paragraphs)
    assert article.url == "https://example.fr/canonical"
    assert article.outlet == "Le Quotidien"
    assert article.date is not None and article.date.startswith("2023-02-13")


def test_html_title_added_when_body_does_not_start_with_it(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Plainte contre le maire</title></head><body><main>"
        "<p>Le maire est accusé<b> de favoritisme </b>par l'opposition municipale, qui a saisi la justice."
        "</p><p>Plainte contre le maire<br>déposée lundi, selon une source proche du dossier judiciaire.</p>"
        "</main></body></html>"
    )
    _write(tmp_path / "maire.htm", page)
    [article], _ = read_articles([tmp_path])
    assert article.title == "Plainte contre le maire"
    assert article.text.split("\n\n") == [
        "Plainte contre le maire",
        "Le maire est accusé de favoritisme par l'opposition municipale, qui a saisi la justice.",
        "Plainte contre le maire\ndéposée lundi, selon une source proche du dossier judiciaire.",
    ]


def test_html_falls_back_to_lxml_when_trafilatura_finds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    _write(tmp_path / "page.html", PAGE)
    [article], problems = read_articles([tmp_path])
    assert problems == []
    for marker in ("SCRIPTMARKER", "NAVMARKER", "FOOTERMARKER"):
        assert marker not in article.text
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Le ministre accuse la société - Le Quotidien"  # the <title>
    assert paragraphs[1] == "Le ministre accuse la société"  # the <h1>
    assert paragraphs[2].startswith("Le ministre de l'Économie accuse la société de fraude fiscale, selon")
    assert len(paragraphs) == 5


def test_html_without_text_is_reported(tmp_path: Path) -> None:
    _write(tmp_path / "vide.html", "<html><head><script>var a = 1;</script></head><body></body></html>")
    articles, problems = read_articles([tmp_path])
    assert articles == []
    assert [(p.path, p.fatal) for p in problems] == [(str(tmp_path / "vide.html"), True)]
    assert "no article text" in problems[0].problem


def test_json_single_object(tmp_path: Path) -> None:
    record = {"id": "a1", "title": "Titre", "text": FRENCH, "date": "2024-01-02", "url": "https://x.fr/1"}
    _write(tmp_path / "one.json", json.dumps(record))
    [article], problems = read_articles([tmp_path])
    assert problems == []
    assert (article.id, article.title, article.text) == ("a1", "Titre", FRENCH)
    assert (article.date, article.url, article.outlet) == ("2024-01-02", "https://x.fr/1", None)


def test_json_without_id_uses_file_stem(tmp_path: Path) -> None:
    _write(tmp_path / "sans-id.json", json.dumps({"title": "T", "text": FRENCH}))
    [article], problems = read_articles([tmp_path])
    assert (article.id, problems) == ("sans-id", [])


def test_json_array_of_articles(tmp_path: Path) -> None:
    records = [
        {"id": "x", "title": "Premier", "text": _french(1)},
        {"id": 7, "title": "Deuxième", "text": _french(2)},
        {"title": "Troisième", "text": _french(3)},
    ]
    _write(tmp_path / "many.json", json.dumps(records))
    articles, problems = read_articles([tmp_path])
    assert problems == []
    assert [a.id for a in articles] == ["x", "7", "many-3"]
    assert [a.title for a in articles] == ["Premier", "Deuxième", "Troisième"]


def test_jsonl_malformed_line_is_reported_and_other_lines_go_through(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "l1", "title": "Un", "text": _french(1)}),
        '{"id": "l2", "title": "Deux", "text": ',
        "",
        json.dumps({"title": "Trois", "text": _french(3)}),
    ]
    path = _write(tmp_path / "file.jsonl", "\n".join(lines) + "\n")
    articles, problems = read_articles([path])
    assert [a.id for a in articles] == ["l1", "file-4"]
    assert articles[0].path == f"{path}:1"
    [problem] = problems
    assert problem.path == f"{path}:2"
    assert problem.fatal
    assert problem.problem.startswith("malformed JSON: ")


def test_json_array_bad_element_is_named_by_index(tmp_path: Path) -> None:
    records = [{"id": "ok", "text": _french(1)}, {"id": "bad", "text": 3}]
    path = _write(tmp_path / "arr.json", json.dumps(records))
    articles, problems = read_articles([path])
    assert [a.id for a in articles] == ["ok"]
    assert problems == [InputProblem(f"{path}[1]", "field 'text' must be a string, found a number")]


def test_json_metadata_of_wrong_type_is_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.json", json.dumps({"id": "m", "text": FRENCH, "url": ["x"], "date": 2024}))
    items = list(iter_inputs([path]))
    assert items[0] == InputProblem(str(path), "field 'url' must be a string, found an array; ignored", False)
    assert isinstance(items[1], Article)
    assert (items[1].url, items[1].date) == (None, "2024")


def test_jsonl_is_streamed_lazily(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.jsonl", json.dumps({"id": "s1", "title": "Un", "text": _french(1)}) + "\n")
    stream = iter_inputs([path])
    assert next(stream).id == "s1"  # type: ignore[union-attr]
    assert list(stream) == []


# --------------------------------------------------------------------------------------------
# Folders
# --------------------------------------------------------------------------------------------


def test_folder_recursion_sorted_order_and_skipped_entries(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", _french(1))
    _write(tmp_path / "a" / "z.txt", _french(2))
    _write(tmp_path / "a" / "sub" / "y.md", _french(3))
    _write(tmp_path / "c.json", json.dumps({"id": "c", "title": "C", "text": _french(4)}))
    _write(tmp_path / "notes.pdf", b"%PDF-1.4 whatever")
    _write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(tmp_path / ".hidden.txt", _french(5))
    _write(tmp_path / ".git" / "x.txt", _french(6))
    _write(tmp_path / "README.md", "# Lisez-moi\n\n" + _french(7))
    _write(tmp_path / "a" / "SOURCES.md", "# Sources\n\n" + _french(8))
    _write(tmp_path / "a" / "changelog.MD", "# Changes\n\n" + _french(9))
    articles, problems = read_articles([tmp_path])
    assert problems == []
    assert [a.id for a in articles] == ["y", "z", "b", "c"]


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    b = _write(tmp_path / "b.txt", _french(1))
    a = _write(tmp_path / "a.txt", _french(2))
    articles, _ = read_articles([b, a])
    assert [x.id for x in articles] == ["b", "a"]


def test_corpus_sources_md_is_skipped() -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    if not corpus.is_dir():
        pytest.skip("no corpus folder")
    articles, problems = read_articles([corpus])
    assert _fatal(problems) == []
    assert "SOURCES" not in {a.id for a in articles}
    assert len(articles) == len(list(corpus.glob("*.txt")))


def test_missing_path_and_unsupported_explicit_file(tmp_path: Path) -> None:
    pdf = _write(tmp_path / "rapport.pdf", b"%PDF-1.4")
    articles, problems = read_articles([tmp_path / "nope", pdf])
    assert articles == []
    assert problems == [
        InputProblem(str(tmp_path / "nope"), "no such file or folder"),
        InputProblem(
            str(pdf), "unsupported file type '.pdf' (expected .txt, .md, .html, .htm, .json, .jsonl)"
        ),
    ]


# --------------------------------------------------------------------------------------------
# Bad inputs: each is reported, the others still go through
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("vide.txt", "", "empty file"),
        ("blanc.txt", " \n\t\n\u00a0\n", "empty file"),
        ("invisible.md", "\u200b\ufeff\n", "empty file"),
        ("vide.json", "", "empty file"),
        ("vide.jsonl", "\n\n", "empty file"),
        ("texte-vide.json", json.dumps({"id": "t", "title": "T", "text": "  "}), "empty text"),
        ("binaire.txt", b"PK\x03\x04\x00\x00binary\x00data", "binary file, not text"),
        ("controles.txt", bytes(range(1, 9)) * 50, "binary file, not text"),
        ("binaire.jsonl", b'{"a": 1}\x00\x00\x00', "binary file, not text"),
        ("mauvais.json", '{"id": "x", "text": }', "malformed JSON: "),
        ("pas-objet.json", "[1]", "expected a JSON object"),
        ("nombre.json", "3", "expected a JSON object"),
        ("sans-texte.json", json.dumps({"id": "x", "title": "T"}), "missing field 'text'"),
        ("texte-liste.json", json.dumps({"id": "x", "text": ["a"]}), "field 'text' must be a string"),
        ("titre-nombre.json", json.dumps({"id": "x", "title": 3, "text": FRENCH}), "field 'title'"),
        ("id-liste.json", json.dumps({"id": ["x"], "text": FRENCH}), "field 'id' must be a string or"),
        ("id-blanc.json", json.dumps({"id": " \n ", "text": FRENCH}), "empty article id"),
    ],
)
def test_bad_input_is_fatal_and_others_go_through(
    tmp_path: Path, name: str, content: str | bytes, expected: str
) -> None:
    bad = _write(tmp_path / "in" / name, content)
    _write(tmp_path / "in" / "zz-good.txt", _french(1))
    articles, problems = read_articles([tmp_path / "in"])
    assert [a.id for a in articles] == ["zz-good"]
    [problem] = problems
    assert problem.path.startswith(str(bad))
    assert problem.fatal
    assert expected in problem.problem


def test_cp1252_file_is_read_with_a_warning(tmp_path: Path) -> None:
    body = b"Soci\xe9t\xe9 g\xe9n\xe9rale\r\n\r\nL\x92entreprise est accus\xe9e de fraude."
    path = _write(tmp_path / "ancien.txt", body)
    items = list(iter_inputs([path]))
    assert len(items) == 2
    warning, article = items
    assert isinstance(warning, InputProblem) and isinstance(article, Article)
    assert warning.fatal is False
    assert warning.path == str(path)
    assert warning.problem == "not valid UTF-8 (invalid byte at offset 4); read as Windows-1252"
    assert article.title == "Société générale"
    assert article.text == "Société générale\n\nL'entreprise est accusée de fraude."


def test_cp1252_line_in_jsonl_is_read_with_a_warning(tmp_path: Path) -> None:
    good = json.dumps({"id": "u", "title": "U", "text": _french(1)}).encode()
    bad = b'{"id": "w", "title": "W", "text": "Soci\xe9t\xe9 g\xe9n\xe9rale"}'
    path = _write(tmp_path / "mix.jsonl", good + b"\n" + bad + b"\n")
    articles, problems = read_articles([path])
    assert [a.text for a in articles][1] == "Société générale"
    [warning] = problems
    assert (warning.path, warning.fatal) == (f"{path}:2", False)
    assert "read as Windows-1252" in warning.problem


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_files_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(f"Titre\n\n{FRENCH}".encode(encoding))
    [article], problems = read_articles([path])
    assert problems == []
    assert article.title == "Titre"
    assert article.text == f"Titre\n\n{FRENCH}"


def test_utf16_jsonl_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "u16.jsonl"
    lines = [json.dumps({"id": f"u{i}", "title": "T", "text": _french(i)}) for i in (1, 2)]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    articles, problems = read_articles([path])
    assert problems == []
    assert [a.id for a in articles] == ["u1", "u2"]


def test_huge_file_is_rejected_before_reading(tmp_path: Path) -> None:
    big = _write(tmp_path / "gros.txt", _french(1) * 10)
    small = _write(tmp_path / "petit.txt", "Court texte en français.")
    articles, problems = read_articles([big, small], max_bytes=1000)
    assert [a.id for a in articles] == ["petit"]
    [problem] = problems
    size = big.stat().st_size
    assert problem.problem == f"file is {size / 1000:.1f} kB, over the 1 kB limit"


def test_huge_size_message_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "énorme.txt"
    with path.open("wb") as f:
        f.truncate(312_400_000)  # sparse: no disk space used, never read
    [problem] = list(iter_inputs([path]))
    assert problem == InputProblem(str(path), "file is 312.4 MB, over the 50 MB limit")


def test_text_over_max_chars_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path / "long.txt", _french(1))
    _write(tmp_path / "long.jsonl", json.dumps({"id": "j", "text": _french(2)}) + "\n")
    articles, problems = read_articles([tmp_path], max_chars=100)
    assert articles == []
    assert [p.path for p in problems] == [str(tmp_path / "long.jsonl") + ":1", str(tmp_path / "long.txt")]
    assert all("over the 100-character limit" in p.problem for p in problems)


def test_jsonl_is_exempt_from_file_size_limit(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": _french(i)}) for i in range(5)]
    path = _write(tmp_path / "big.jsonl", "\n".join(lines))
    articles, problems = read_articles([path], max_bytes=100)
    assert problems == []
    assert len(articles) == 5


def test_english_text_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "english.txt", f"Tax fraud\n\n{ENGLISH}")
    articles, problems = read_articles([path])
    assert articles == []
    assert problems == [
        InputProblem(
            str(path),
            "does not look like French (most common function words are English); kg reads French articles",
        )
    ]


def test_french_text_quoting_english_is_accepted(tmp_path: Path) -> None:
    text = f'{FRENCH} Le président a déclaré en anglais : "We will fight this in court, and we will win."'
    path = _write(tmp_path / "citation.txt", text)
    articles, problems = read_articles([path])
    assert problems == []
    assert len(articles) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FRENCH, "fr"),
        (ENGLISH, "en"),
        (
            "Der Minister hat das Unternehmen am Montag wegen Steuerbetrug angeklagt. Nach Angaben der "
            "Staatsanwaltschaft gehen die Vorwürfe auf das Jahr 2019 zurück und betreffen große Summen, "
            "die ins Ausland überwiesen wurden. Das Unternehmen wies die Vorwürfe zurück und sagte, es "
            "werde die Ankläger wegen Verleumdung verklagen, und die Richter haben eine Untersuchung "
            "eingeleitet.",
            "de",
        ),
        (
            "El ministro de Economía acusó el lunes a la empresa de fraude fiscal. Según la fiscalía, los "
            "hechos se remontan a 2019 y se refieren a grandes sumas de dinero que fueron transferidas al "
            "extranjero. La empresa negó cualquier irregularidad y dijo que demandaría a sus acusadores "
            "por difamación, pero los jueces ya han abierto una investigación sobre el caso.",
            "es",
        ),
        (
            "Il ministro dell'Economia ha accusato lunedì la società di frode fiscale. Secondo la procura, "
            "i fatti risalgono al 2019 e riguardano grandi somme di denaro che sono state trasferite "
            "all'estero. La società ha negato qualsiasi irregolarità e ha detto che denuncerà i suoi "
            "accusatori per diffamazione, ma i giudici hanno anche aperto un'indagine sul caso.",
            "it",
        ),
        ("The minister accused the company of fraud.", None),  # too short to tell
        (" ".join(["Apple", "Google", "Microsoft", "OpenAI", "2024"] * 10), None),  # names only
    ],
)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


def test_duplicate_id_is_rejected(tmp_path: Path) -> None:
    first = _write(tmp_path / "a" / "same.txt", _french(1))
    second = _write(tmp_path / "b" / "same.md", _french(2))
    articles, problems = read_articles([tmp_path])
    assert [a.path for a in articles] == [str(first)]
    assert problems == [InputProblem(str(second), f"duplicate article id 'same' (already read from {first})")]


def test_duplicate_text_is_rejected(tmp_path: Path) -> None:
    first = _write(tmp_path / "one.txt", _french(1))
    second = _write(tmp_path / "two.txt", _french(1).replace("'", "’") + "\n\n\n")
    articles, problems = read_articles([tmp_path])
    assert [a.id for a in articles] == ["one"]
    assert problems == [
        InputProblem(str(second), f"same text as article 'one' ({first}); skipped as a duplicate")
    ]


def test_duplicate_warning_is_not_reported_for_skipped_article(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Soci\xe9t\xe9 g\xe9n\xe9rale")
    _write(tmp_path / "b.txt", b"Soci\xe9t\xe9 g\xe9n\xe9rale")
    articles, problems = read_articles([tmp_path])
    assert [a.id for a in articles] == ["a"]
    assert [p.fatal for p in problems] == [True]


@pytest.mark.parametrize(
    ("raw_id", "expected"),
    [
        ('l\'"affaire" <Bettencourt>', 'l\'"affaire" <Bettencourt>'),
        ("  plusieurs\n  lignes\t ici ", "plusieurs lignes ici"),
        ("a/b/c", "a/b/c"),
        ("émoji 🚀 id", "émoji 🚀 id"),
        (42, "42"),
    ],
)
def test_odd_ids_are_kept_with_whitespace_collapsed(tmp_path: Path, raw_id: object, expected: str) -> None:
    _write(tmp_path / "odd.jsonl", json.dumps({"id": raw_id, "title": "T", "text": FRENCH}) + "\n")
    [article], problems = read_articles([tmp_path])
    assert problems == []
    assert article.id == expected


def test_odd_file_names_give_the_stem_as_id(tmp_path: Path) -> None:
    _write(tmp_path / "l'affaire « X » 🚀.txt", FRENCH)
    [article], _ = read_articles([tmp_path])
    assert article.id == "l'affaire « X » 🚀"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    locked = _write(tmp_path / "locked.txt", FRENCH)
    locked.chmod(0)
    try:
        articles, problems = read_articles([locked])
    finally:
        locked.chmod(0o644)
    assert articles == []
    [problem] = problems
    assert problem.fatal and "Permission denied" in problem.problem


def test_read_error_is_reported_with_the_os_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "locked.txt", FRENCH)
    _write(tmp_path / "open.txt", _french(2))

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return Path.read_text(self).encode()

    monkeypatch.setattr(Path, "read_bytes", refuse)
    articles, problems = read_articles([tmp_path])
    assert [a.id for a in articles] == ["open"]
    assert problems == [InputProblem(str(path), "cannot read the file (Permission denied)")]


def test_jsonl_line_too_long_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    huge = json.dumps({"id": "huge", "text": "a" * 70_000})
    ok = json.dumps({"id": "ok", "text": "Un texte court en français."})
    path = _write(tmp_path / "long.jsonl", f"{huge}\n{ok}\n")
    articles, problems = read_articles([path], max_chars=10)
    assert articles == []  # the short one is over 10 characters too
    assert [p.path for p in problems] == [f"{path}:1", f"{path}:2"]
    assert "line is over" in problems[0].problem
    assert "over the 10-character limit" in problems[1].problem


# --------------------------------------------------------------------------------------------
# Hostile JSON: lone surrogates, deep nesting, numbers json.loads cannot take
# --------------------------------------------------------------------------------------------

# Notes: what no id, title, path or problem may hold: C0 and C1 controls, line and paragraph
# separators, bidirectional controls, and lone surrogates (which cannot be written as UTF-8).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _assert_honest(items: list[Article | InputProblem]) -> None:
    """Every string of the articles and problems encodes to UTF-8 and is printable on a line
    (the text of an article keeps its newlines)."""
    for item in items:
        if isinstance(item, Article):
            item.text.encode("utf-8")
            strings = [item.id, item.title, item.path, item.date or "", item.url or "", item.outlet or ""]
        else:
            strings = [item.path, item.problem]
        for string in strings:
            string.encode("utf-8")
            assert not _UNSAFE.search(string), string


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("id", "a\ud800b", "a\ufffdb"),
        ("title", "Titre \udc00", "Titre \ufffd"),
        ("text", f"{FRENCH} \ud800", f"{FRENCH} \ufffd"),
        ("date", "2024-01-02\udfff", "2024-01-02\ufffd"),
        ("url", "https://x.fr/\ud83d", "https://x.fr/\ufffd"),
        ("outlet", "\udc00Le Monde", "\ufffdLe Monde"),
    ],
)
def test_lone_surrogate_is_replaced_with_a_warning(
    tmp_path: Path, suffix: str, field: str, raw: str, expected: str
) -> None:
    record = {"id": "s", "title": "Titre", "text": FRENCH} | {field: raw}
    path = _write(tmp_path / f"s{suffix}", json.dumps(record) + "\n")  # "\ud800" escapes
    items = list(iter_inputs([path]))
    _assert_honest(items)
    *warnings, article = items
    assert isinstance(article, Article)
    assert getattr(article, field) == expected
    where = f"{path}:1" if suffix == ".jsonl" else str(path)
    assert warnings == [
        InputProblem(
            where,
            f"field '{field}' holds a lone surrogate escape (\\ud800-\\udfff); replaced with U+FFFD",
            False,
        )
    ]


def _raw_json(id_json: str, text: str, extra: str = "") -> str:
    """An article object written by hand: the id as raw JSON (a number json.dumps cannot write,
    an escape), the text as a JSON string, then ``extra`` fields."""
    return f'{{"id": {id_json}, "text": {json.dumps(text)}{extra}}}'


def test_surrogate_pair_escape_is_one_character_without_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "pair.json", _raw_json('"fus\\ud83d\\ude80e"', FRENCH))
    [article], problems = read_articles([path])
    assert (article.id, problems) == ("fus🚀e", [])


def _nested(depth: int) -> str:
    """An article object whose metadata nests arrays, ``depth`` levels in all."""
    arrays = "[" * (depth - 1) + "1" + "]" * (depth - 1)
    return _raw_json('"n"', FRENCH, f', "extra": {arrays}')


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "JSON nested more than 32 levels deep"),  # a JSON bomb
        ("[" * 100_000, "JSON nested more than 32 levels deep"),  # unclosed too
        ('{"a": ' * 50_000 + "1" + "}" * 50_000, "JSON nested more than 32 levels deep"),
        (_nested(33), "JSON nested more than 32 levels deep"),
        (_nested(32), None),
        (_nested(31), None),
        (_raw_json('"n"', FRENCH + "[" * 1000), None),  # brackets in a string
        (_raw_json('"n"', f'{FRENCH} "{"{[" * 1000}\\'), None),  # escaped quotes, backslashes
    ],
)
def test_deep_json_is_rejected_before_decoding(
    tmp_path: Path, suffix: str, document: str, problem: str | None
) -> None:
    bad = _write(tmp_path / f"deep{suffix}", document + "\n")
    good = _write(tmp_path / "zz-good.txt", _french(1))
    articles, problems = read_articles([bad, good])
    where = f"{bad}:1" if suffix == ".jsonl" else str(bad)
    if problem is None:
        assert ([a.id for a in articles], problems) == (["n", "zz-good"], [])
    else:
        assert ([a.id for a in articles], problems) == (["zz-good"], [InputProblem(where, problem)])


@pytest.mark.parametrize(
    ("raw_id", "expected"),
    [
        ("1" * 5000, "unsupported number in the JSON (exceeds the limit (4300 digits)"),
        ("NaN", "field 'id' must be a string or a finite number, found NaN"),
        ("Infinity", "field 'id' must be a string or a finite number, found Infinity"),
        ("-Infinity", "field 'id' must be a string or a finite number, found -Infinity"),
        ("1e400", "field 'id' must be a string or a finite number, found Infinity"),  # overflows
    ],
)
def test_unreadable_number_id_is_fatal_and_other_lines_go_through(
    tmp_path: Path, raw_id: str, expected: str
) -> None:
    lines = [_raw_json(raw_id, _french(1)), json.dumps({"id": "ok", "text": _french(2)})]
    path = _write(tmp_path / "n.jsonl", "\n".join(lines) + "\n")
    items = list(iter_inputs([path]))
    _assert_honest(items)
    problem, article = items
    assert isinstance(problem, InputProblem) and isinstance(article, Article)
    assert (problem.path, problem.fatal, article.id) == (f"{path}:1", True, "ok")
    assert problem.problem.startswith(expected)


@pytest.mark.parametrize(
    ("raw_id", "expected"),
    [
        ("12345678901234567890", "12345678901234567890"),
        ("1" * 4300, "1" * 4300),  # the longest integer json.loads reads
        ("-7", "-7"),
        ("1.5", "1.5"),
        ("1e3", "1000.0"),
    ],
)
def test_number_id_is_read_as_its_decimal_string(tmp_path: Path, raw_id: str, expected: str) -> None:
    path = _write(tmp_path / "n.json", _raw_json(raw_id, FRENCH))
    [article], problems = read_articles([path])
    assert (article.id, problems) == (expected, [])


# --------------------------------------------------------------------------------------------
# File names that are not UTF-8, control characters in names, ids and titles
# --------------------------------------------------------------------------------------------


def _write_raw_name(folder: Path, name: bytes, content: str) -> None:
    """Write a file whose name is raw bytes (not necessarily UTF-8); skip if the disk refuses."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with open(os.fsencode(folder) + b"/" + name, "wb") as f:
            f.write(content.encode("utf-8"))
    except OSError as exc:  # macOS and Windows file systems refuse names that are not UTF-8
        pytest.skip(f"the file system refuses the name {name!r} ({exc})")


def test_file_name_not_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    _write_raw_name(tmp_path, b"caf\xe9.txt", FRENCH)
    _write_raw_name(tmp_path, b"caf\xe8.json", json.dumps([{"text": _french(1)}, {"text": _french(2)}]))
    items = list(iter_inputs([tmp_path]))
    _assert_honest(items)
    warning = "file name is not valid UTF-8 (its undecodable bytes are shown as \\xNN)"
    txt, json_file = f"{tmp_path}/caf\\xe9.txt", f"{tmp_path}/caf\\xe8.json"
    assert [(i.path, i.problem, i.fatal) for i in items if isinstance(i, InputProblem)] == [
        (f"{json_file}[0]", warning, False),
        (f"{json_file}[1]", warning, False),
        (txt, warning, False),
    ]
    assert [(a.id, a.path) for a in items if isinstance(a, Article)] == [
        ("caf\\xe8-1", f"{json_file}[0]"),
        ("caf\\xe8-2", f"{json_file}[1]"),
        ("caf\\xe9", txt),
    ]


def test_utf8_file_name_has_no_warning(tmp_path: Path) -> None:
    _write_raw_name(tmp_path, "café.txt".encode(), FRENCH)
    [article], problems = read_articles([tmp_path])
    assert (article.id, article.path, problems) == ("café", str(tmp_path / "café.txt"), [])


@pytest.mark.parametrize(
    ("name", "expected_id", "shown"),
    [
        ("deux\nlignes.txt", "deux lignes", "deux\\x0alignes.txt"),
        ("\x1b[31mrouge\x1b[0m.txt", "[31mrouge[0m", "\\x1b[31mrouge\\x1b[0m.txt"),
        ("cloche\x07.md", "cloche", "cloche\\x07.md"),
        ("c1\x9b2J.txt", "c12J", "c1\\x9b2J.txt"),
        ("\u202egpj.exe.txt", "gpj.exe", "\\u202egpj.exe.txt"),
    ],
)
def test_control_characters_in_file_names(tmp_path: Path, name: str, expected_id: str, shown: str) -> None:
    _write(tmp_path / name, FRENCH)
    items = list(iter_inputs([tmp_path]))
    _assert_honest(items)
    warning, article = items
    assert warning == InputProblem(
        f"{tmp_path}/{shown}", "file name holds control characters (shown as \\xNN or \\uNNNN)", False
    )
    assert isinstance(article, Article)
    assert (article.id, article.path) == (expected_id, f"{tmp_path}/{shown}")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: _write(d / "[bold]gras[red] rouge[link=x].txt", FRENCH), "[bold]gras[red] rouge[link=x]"),
        (
            lambda d: _write(d / "m.json", json.dumps({"id": "[/] [bold]x[/bold]", "text": FRENCH})),
            "[/] [bold]x[/bold]",
        ),
    ],
)
def test_markup_in_names_and_ids_stays_literal(
    tmp_path: Path, make: Callable[[Path], Path], expected: str
) -> None:
    make(tmp_path)
    [article], problems = read_articles([tmp_path])
    assert (article.id, problems) == (expected, [])


def test_control_characters_in_json_fields_are_dropped(tmp_path: Path) -> None:
    record = {
        "id": "x\x1b[2Jy\u2028z",
        "title": "Ti\x1b]0;pirate\x07tre\nsur deux lignes",
        "text": f"{FRENCH}\x1b[0m",
        "url": "https://x.fr/\x1b[1ma",
        "outlet": "Le\u202e Monde",
        "date": "2024\x85-01",
    }
    path = _write(tmp_path / "c.jsonl", json.dumps(record) + "\n")
    items = list(iter_inputs([path]))
    _assert_honest(items)
    [article] = items
    assert isinstance(article, Article)
    assert (article.id, article.title) == ("x[2Jy z", "Ti]0;piratetre sur deux lignes")
    assert (article.url, article.outlet, article.date) == ("https://x.fr/[1ma", "Le Monde", "2024 -01")
    assert article.text == f"{FRENCH}[0m"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), min_size=1))
def test_any_id_or_title_comes_out_printable(raw: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.jsonl"
        path.write_text(json.dumps({"id": raw, "title": raw, "text": FRENCH}) + "\n", encoding="utf-8")
        items = list(iter_inputs([path]))
    _assert_honest(items)
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i.problem for i in items if isinstance(i, InputProblem) and i.fatal]
    assert len(articles) == 1 or skipped == ["empty article id"]  # an id of controls only


# --------------------------------------------------------------------------------------------
# Cheap rejection: size and language cost milliseconds; text in another script
# --------------------------------------------------------------------------------------------

# Notes: a generous bound for a check that should take milliseconds (measured: about 0.1 s for
# the 49 MB file, 0.01 s for the others), so that a slow machine never fails the test.
_FAST_SECONDS = 5.0


def _french_sentences(n_chars: int) -> str:
    """French prose of about ``n_chars`` characters, numbered sentences so none repeats."""
    sentence = "La phrase {} rapporte que le ministre accuse la société de fraude fiscale. "
    sentences = (sentence.format(i) for i in range(n_chars // len(sentence) + 1))
    return "".join(sentences)[:n_chars]


@pytest.mark.parametrize(
    ("name", "size", "expected"),
    [
        ("enorme.txt", 47_800_000, "text is 47,800,000 characters, over the 2,000,000-character limit"),
        ("long.txt", 3_000_000, "text is 3,000,000 characters, over the 2,000,000-character limit"),
        ("long.md", 3_000_000, "text is 3,000,000 characters, over the 2,000,000-character limit"),
        ("long.json", 3_000_000, "text is 3,000,000 characters, over the 2,000,000-character limit"),
        ("long.jsonl", 3_000_000, "text is 3,000,000 characters, over the 2,000,000-character limit"),
        ("anglais.txt", 1_900_000, "does not look like French (most common function words are English)"),
    ],
)
def test_oversize_or_foreign_text_is_rejected_fast(
    tmp_path: Path, name: str, size: int, expected: str
) -> None:
    body = (
        (ENGLISH + " ") * (size // len(ENGLISH) + 1)
        if name.startswith("anglais")
        else _french_sentences(size)
    )
    body = body[:size]
    if name.endswith((".json", ".jsonl")):
        _write(tmp_path / name, json.dumps({"id": "long", "text": body}, ensure_ascii=False) + "\n")
    else:
        _write(tmp_path / name, body)
    if name == "enorme.txt":
        assert 48_000_000 < (tmp_path / name).stat().st_size < 50_000_000  # 49 MB, under max_bytes
    started = time.perf_counter()
    articles, problems = read_articles([tmp_path / name])
    elapsed = time.perf_counter() - started
    assert articles == []
    [problem] = problems
    assert problem.fatal and expected in problem.problem
    assert elapsed < _FAST_SECONDS


def test_long_french_article_under_the_limit_is_kept(tmp_path: Path) -> None:
    text = _french_sentences(300_000)
    _write(tmp_path / "long.txt", text)
    [article], problems = read_articles([tmp_path])
    assert (article.text, problems) == (normalise_text(text), [])


@pytest.mark.parametrize(
    ("n_chars", "kept"),
    [(1000, True), (1001, False)],
)
def test_character_limit_applies_to_the_text_as_given(tmp_path: Path, n_chars: int, kept: bool) -> None:
    text = _french_sentences(900) + " " * (n_chars - 900)  # trailing spaces, gone once normalised
    _write(tmp_path / "t.txt", text)
    articles, problems = read_articles([tmp_path], max_chars=1000)
    assert (len(articles), len(problems)) == ((1, 0) if kept else (0, 1))


ARABIC = (
    "اتهم وزير الاقتصاد الشركة بالاحتيال الضريبي يوم الاثنين. ووفقا للنيابة العامة فإن الوقائع تعود إلى "
    "عام 2019 وتتعلق بمبالغ كبيرة. ونفت الشركة أي مخالفة وأعلنت أنها ستقاضي متهميها بتهمة التشهير."
)
CHINESE = (
    "经济部长周一指控该公司税务欺诈。据检察官称，相关事实可追溯至2019年，涉及巨额资金。"
    "该公司否认有任何违规行为。"
)
RUSSIAN = (
    "Министр экономики в понедельник обвинил компанию в налоговом мошенничестве. По данным прокуратуры, "
    "факты относятся к 2019 году и касаются крупных сумм. Компания отрицает какие-либо нарушения."
)
GREEK = (
    "Ο υπουργός Οικονομίας κατηγόρησε τη Δευτέρα την εταιρεία για φορολογική απάτη. Σύμφωνα με την "
    "εισαγγελία, τα γεγονότα χρονολογούνται από το 2019. Η εταιρεία αρνείται κάθε παρατυπία."
)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (ARABIC, "Arabic"),
        (CHINESE, "CJK"),
        (RUSSIAN, "Cyrillic"),
        (GREEK, "Greek"),
        (f"Titre en français\n\n{ARABIC}", "Arabic"),  # a French title does not make it French
        (f"{ARABIC} Le Monde, AFP, Reuters.", "Arabic"),
        (f"{FRENCH} « اتهم وزير الاقتصاد » {FRENCH}", None),  # French quoting a few Arabic words
        (f"{FRENCH} Le président russe Владимир Путин a réagi.", None),
        (f"{FRENCH} 中国 (la Chine) a répondu.", None),
        ("1234 5678 — 2024 !", None),  # no letters at all: not for the script check to say
    ],
)
def test_text_in_another_script_is_rejected(tmp_path: Path, text: str, script: str | None) -> None:
    path = _write(tmp_path / "t.txt", text)
    articles, problems = read_articles([path])
    if script is None:
        assert (len(articles), problems) == (1, [])
    else:
        message = f"does not look like French (mostly {script} script); kg reads French articles"
        assert (articles, problems) == ([], [InputProblem(str(path), message)])


def test_json_text_in_another_script_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.jsonl", json.dumps({"id": "a", "text": ARABIC}) + "\n")
    assert read_articles([path]) == (
        [],
        [
            InputProblem(
                f"{path}:1", "does not look like French (mostly Arabic script); kg reads French articles"
            )
        ],
    )


def test_guess_language_reads_the_start_of_a_long_text() -> None:
    assert guess_language(FRENCH * 100 + ENGLISH * 1000) == "fr"
    assert guess_language(ENGLISH * 100 + FRENCH * 1000) == "en"


# --------------------------------------------------------------------------------------------
# Build folders are never read as input
# --------------------------------------------------------------------------------------------

OUTPUT_FOLDER = "a kg build output folder, not articles; skipped"


def test_build_output_folder_inside_the_inputs_is_skipped_with_a_warning(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", _french(1))
    _write(tmp_path / "outputs" / "kg-manifest.json", json.dumps({"articles": 1}))
    _write(tmp_path / "outputs" / "articles.jsonl", json.dumps({"id": "copie", "text": _french(2)}) + "\n")
    _write(tmp_path / "outputs" / "sub" / "b.txt", _french(3))
    _write(tmp_path / "z.txt", _french(4))
    articles, problems = read_articles([tmp_path])
    assert [a.id for a in articles] == ["a", "z"]
    assert problems == [InputProblem(str(tmp_path / "outputs"), OUTPUT_FOLDER, False)]


def test_build_output_folder_named_explicitly_is_fatal(tmp_path: Path) -> None:
    _write(tmp_path / "outputs" / "kg-manifest.json", "{}")
    _write(tmp_path / "outputs" / "b.txt", _french(1))
    assert read_articles([tmp_path / "outputs"]) == (
        [],
        [InputProblem(str(tmp_path / "outputs"), OUTPUT_FOLDER)],
    )


def test_folder_with_a_viewer_but_no_manifest_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "viewer.html", f"<html><body><article><p>{_french(1)}</p></article></body></html>")
    _write(tmp_path / "kg-manifest.txt", _french(2))  # a near miss of the marker's name
    articles, problems = read_articles([tmp_path])
    assert ([a.id for a in articles], problems) == (["kg-manifest", "viewer"], [])


@pytest.mark.parametrize(
    "spelling",
    [
        lambda d: d / "out",
        lambda d: d / "in" / ".." / "out",
        lambda d: os.path.relpath(d / "out"),
        lambda d: d / "lien",  # a symbolic link to it
    ],
)
def test_excluded_folder_is_skipped_silently(tmp_path: Path, spelling: Callable[[Path], str | Path]) -> None:
    _write(tmp_path / "a.txt", _french(1))
    _write(tmp_path / "out" / "b.txt", _french(2))
    _write(tmp_path / "outside" / "c.txt", _french(3))  # shares a prefix, not excluded
    (tmp_path / "in").mkdir()
    (tmp_path / "lien").symlink_to(tmp_path / "out")
    articles, problems = read_articles([tmp_path], exclude=[spelling(tmp_path)])
    assert ([a.id for a in articles], problems) == (["a", "c"], [])


def test_excluded_path_named_explicitly_is_fatal(tmp_path: Path) -> None:
    inside = _write(tmp_path / "out" / "b.txt", _french(1))
    other = _write(tmp_path / "a.txt", _french(2))
    articles, problems = read_articles([tmp_path / "out", inside, other], exclude=[tmp_path / "out"])
    assert [a.id for a in articles] == ["a"]
    assert problems == [
        InputProblem(str(tmp_path / "out"), "excluded from the inputs; skipped"),
        InputProblem(str(inside), "excluded from the inputs; skipped"),
    ]


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("l’enquête", "l'enquête"),
        ("‘citation’", "'citation'"),
        ("aujourdʼhui", "aujourd'hui"),
        ("l`État et aujourd´hui", "l'État et aujourd'hui"),
        ("un ` seul et ´ isolé", "un ` seul et ´ isolé"),
        ("“OpenAI” et „Bild“", '"OpenAI" et "Bild"'),
        ("« Nous accusons »", "« Nous accusons »"),
        ("M.\u00a0Dupont\u202f: 10\u2007000", "M. Dupont : 10 000"),
        ("a\u2003b\u3000c", "a b c"),
        ("Sam\u200bsung\ufeff In\u00adtel\u2060", "Samsung Intel"),
        ("cafe\u0301", "café"),
        ("ligne\r\nsuivante\rfin", "ligne\nsuivante\nfin"),
        ("un\x00deux\x07trois", "undeuxtrois"),
        ("a\tb", "a b"),
        ("fin de ligne   \nsuite  ", "fin de ligne\nsuite"),
        ("p1\n\n\n\n\np2", "p1\n\np2"),
        ("p1\n  \n\t\n\np2", "p1\n\np2"),
        ("p1\u2029p2", "p1\n\np2"),
        ("  \n\n  texte  \n\n ", "texte"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_normalise_collapses_paragraph_gap() -> None:
    assert normalise_text("d'IA\n\n\n\nDavid Sacks") == "d'IA\n\nDavid Sacks"


@given(st.text())
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.text(alphabet=st.sampled_from("ab \n\r\t\u00a0\u2019\u00b4`\u200b\u0301\u2029«")))
def test_normalise_text_is_idempotent_on_tricky_characters(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "\n\n\n" not in once and "\r" not in once and " \n" not in once
