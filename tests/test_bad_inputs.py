"""The bad-input battery: one good article plus one bad item, built with the real model.

Each case writes a corpus folder holding a real article of ``corpus/`` and one bad item (a file,
a folder, a link, a JSON line...), runs ``kg build`` on it and checks what a user relies on:

- no traceback, and the documented exit code;
- a message naming the bad item, on the console and in ``problems.jsonl`` (unless the item is one
  kg ignores by design, such as a README or a hidden file, or reads without complaint);
- the good article's accusations all there, exactly as when it is built alone;
- every output parses (rdflib, networkx, json) and the outputs agree with each other: the same
  accusations in ``claims.jsonl``, ``graph.nt``, GraphML, GEXF, Cytoscape JSON and the viewer,
  the same actor ids, and a manifest that matches every file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib

from kg.outdir import verify

REPO = Path(__file__).resolve().parents[1]
GOOD = REPO / "corpus" / "latribune_2020_epic_apple.txt"
KG = "https://w3id.org/kg-fr/ontology#"

FRENCH = (
    "Le ministre de l'Économie accuse la société de fraude fiscale. Selon le parquet, les faits "
    "reprochés remontent à 2019 et portent sur des montants importants. L'entreprise dément toute "
    "irrégularité et annonce qu'elle va porter plainte pour diffamation contre ses accusateurs."
)
ENGLISH = (
    "The minister said on Tuesday that the company was accused of fraud by the regulator, which "
    "has been investigating its accounts for more than two years. The firm denied the claims and "
    "said that it would fight them in court, while its shareholders were told to wait."
)
GERMAN = (
    "Der Minister hat am Dienstag gesagt, dass die Firma von der Behörde des Betrugs beschuldigt "
    "wird, die seit mehr als zwei Jahren ihre Konten prüft. Das Unternehmen hat die Vorwürfe "
    "zurückgewiesen und will sich vor Gericht wehren, und die Aktionäre sollen warten."
)
ARABIC = (
    "اتهم الوزير الشركة بالاحتيال الضريبي يوم الثلاثاء، وقالت النيابة إن الوقائع تعود إلى عام "
    "ألفين وتسعة عشر وتتعلق بمبالغ كبيرة. ونفت الشركة أي مخالفة وأعلنت أنها سترفع دعوى تشهير "
    "ضد متهميها أمام المحكمة المختصة في العاصمة خلال الأسابيع المقبلة."
)
CHINESE = (
    "部长周二指责该公司逃税。检察官表示，事实可追溯到二零一九年，涉及巨额资金。该公司否认有任何违规行为。" * 3
)
RUSSIAN = (
    "Министр во вторник обвинил компанию в налоговом мошенничестве. По словам прокурора, факты "
    "относятся к двадцать девятнадцатому году и касаются крупных сумм. Компания отрицает любые "
    "нарушения и заявляет, что подаст в суд на своих обвинителей за клевету в ближайшие недели."
)


@dataclass(frozen=True)
class Case:
    """One bad item: ``make(corpus)`` writes it and returns extra command-line arguments."""

    id: str
    make: Callable[[Path], list[str]]
    expect: str  # "skipped", "warning", "kept" (read, no message needed) or "ignored" (silently)
    names: str = ""  # what the message must name; default: the item's file name
    code: int = 0
    extra: list[str] = field(default_factory=list)


def _file(name: str | bytes, content: str | bytes, encoding: str = "utf-8") -> Callable[[Path], list[str]]:
    def make(corpus: Path) -> list[str]:
        data = content.encode(encoding) if isinstance(content, str) else content
        if isinstance(name, bytes):
            with open(os.fsencode(corpus) + b"/" + name, "wb") as f:
                f.write(data)
        else:
            (corpus / name).write_bytes(data)
        return []

    return make


def _json(name: str, value: Any) -> Callable[[Path], list[str]]:
    return _file(name, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _article(**fields: Any) -> dict[str, Any]:
    return {"id": "bad-item", "title": "Un titre", "text": FRENCH, **fields}


def _bomb(depth: int, kind: str = "[") -> str:
    if kind == "[":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def _sparse(name: str, size: int) -> Callable[[Path], list[str]]:
    def make(corpus: Path) -> list[str]:
        with open(corpus / name, "wb") as f:
            f.truncate(size)
        return []

    return make


def _symlink_loop(corpus: Path) -> list[str]:
    (corpus / "loop").mkdir()
    (corpus / "loop" / "back").symlink_to("..")
    return []


def _dangling(corpus: Path) -> list[str]:
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    return []


def _fifo(corpus: Path) -> list[str]:
    os.mkfifo(corpus / "pipe.txt")
    return []


def _socket(corpus: Path) -> list[str]:
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(corpus / "sock.txt"))
    s.close()
    return []


def _markup_path(corpus: Path) -> list[str]:
    """A path that reads as Rich markup: folder ``x[`` holding ``]y[red]z.txt`` gives ``x[/]y...``."""
    (corpus / "x[").mkdir()
    (corpus / "x[" / "]y[red]z.txt").write_text(ENGLISH, encoding="utf-8")
    return []


def _missing(corpus: Path) -> list[str]:
    return [str(corpus.parent / "no-such-folder")]


def _explicit(name: str, content: bytes) -> Callable[[Path], list[str]]:
    def make(corpus: Path) -> list[str]:
        path = corpus.parent / name
        path.write_bytes(content)
        return [str(path)]

    return make


def _build_folder(corpus: Path) -> list[str]:
    old = corpus / "old-build"
    old.mkdir()
    (old / "viewer.html").write_text(f"<html><body><p>{FRENCH}</p></body></html>", encoding="utf-8")
    (old / "kg-manifest.json").write_text('{"kg_manifest": 1, "files": {}}', encoding="utf-8")
    return []


def _copies(n: int) -> Callable[[Path], list[str]]:
    def make(corpus: Path) -> list[str]:
        for i in range(n):
            shutil.copy(GOOD, corpus / f"zz-copie-{i}.txt")  # read after the original
        return []

    return make


UTF16 = "\ufeff" + FRENCH
CASES = [
    # empty, binary, undecodable
    Case("empty-txt", _file("vide.txt", ""), "skipped"),
    Case("blank-txt", _file("blanc.txt", " \n\t\n  \n"), "skipped"),
    Case("only-controls", _file("controles.txt", "\x00\x01\x02\x7f" * 3), "skipped"),
    Case("binary-txt", _file("bruit.txt", bytes(range(256)) * 40), "skipped"),
    Case("png-as-txt", _file("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(2000)), "skipped"),
    Case("zeros-txt", _file("zeros.txt", bytes(5000)), "skipped"),
    Case("cp1252-txt", _file("ancien.txt", FRENCH + " « Déjà ! »", "cp1252"), "warning"),
    Case("latin1-txt", _file("latin.txt", FRENCH + " Noël", "latin-1"), "warning"),
    Case("utf16-bom-txt", _file("utf16.txt", UTF16, "utf-16-le"), "kept"),
    Case("utf8-bom-txt", _file("bom.txt", "\ufeff" + FRENCH), "kept"),
    Case("nul-inside-french", _file("nul.txt", FRENCH.replace(". ", ".\x00 ", 1)), "skipped"),
    Case("invisible-marks", _file("marques.txt", FRENCH.replace(" ", "\u200b \u200f", 5)), "kept"),
    # size
    Case("sparse-60mb", _sparse("enorme.txt", 60_000_000), "skipped"),
    Case("too-many-characters", _file("long.txt", (FRENCH + "\n\n") * 12_000), "skipped"),
    # language
    Case("english", _file("english.txt", ENGLISH), "skipped"),
    Case("german", _file("deutsch.txt", GERMAN), "skipped"),
    Case("arabic", _file("arabe.txt", ARABIC), "skipped"),
    Case("chinese", _file("chinois.txt", CHINESE), "skipped"),
    Case("russian", _file("russe.txt", RUSSIAN), "skipped"),
    Case("french-quoting-arabic", _file("citation.txt", FRENCH + " Il a dit « شكرا ».\n\n" + FRENCH), "kept"),
    # JSON files
    Case("json-malformed", _json("casse.json", '{"id": "x", "text": '), "skipped"),
    Case("json-empty-object", _json("objet.json", {}), "skipped"),
    Case("json-empty-array", _json("tableau.json", []), "skipped"),
    Case("json-a-string", _json("chaine.json", "du texte"), "skipped"),
    Case("json-text-number", _json("nombre.json", _article(text=42)), "skipped"),
    Case("json-text-null", _json("nul.json", _article(text=None)), "skipped"),
    Case("json-id-object", _json("idobj.json", _article(id={"a": 1})), "skipped"),
    Case("json-id-empty", _json("idvide.json", _article(id="  ")), "skipped"),
    Case(
        "json-id-5000-digits",
        _json("grand.json", '{"id": ' + "7" * 5000 + f', "text": "{FRENCH}"}}'),
        "skipped",
    ),
    Case("json-id-nan", _json("nan.json", '{"id": NaN, "text": "' + FRENCH + '"}'), "skipped"),
    Case(
        "json-surrogate-title",
        _json("surro1.json", '{"id": "s1", "title": "a\\ud800b", "text": "' + FRENCH + '"}'),
        "warning",
    ),
    Case(
        "json-surrogate-text",
        _json("surro2.json", '{"id": "s2", "text": "' + FRENCH + ' \\udfff"}'),
        "warning",
    ),
    Case(
        "json-surrogate-id", _json("surro3.json", '{"id": "s\\ud83d", "text": "' + FRENCH + '"}'), "warning"
    ),
    Case("json-bomb-arrays", _json("bombe.json", _bomb(100_000)), "skipped"),
    Case("json-bomb-objects", _json("bombe2.json", _bomb(50_000, "{")), "skipped"),
    Case("json-date-number", _json("date.json", _article(date=20240102.5)), "warning"),
    Case("json-unknown-fields", _json("champs.json", _article(auteur="X", tags=["a"])), "kept"),
    Case(
        "json-array-one-bad", _json("liste.json", [_article(), {"id": "y"}]), "skipped", names="liste.json[1]"
    ),
    Case("json-bom", _file("bom.json", "\ufeff" + json.dumps(_article())), "kept"),
    # JSON lines
    Case(
        "jsonl-bad-line",
        _file("flux.jsonl", json.dumps(_article()) + "\n{oops\n"),
        "skipped",
        names="flux.jsonl:2",
    ),
    Case("jsonl-bomb-line", _file("flux2.jsonl", _bomb(100_000) + "\n"), "skipped", names="flux2.jsonl:1"),
    Case("jsonl-number-line", _file("flux3.jsonl", "12\n"), "skipped", names="flux3.jsonl:1"),
    Case(
        "jsonl-surrogate-line",
        _file("flux4.jsonl", '{"id": "z\\udc00", "text": "' + FRENCH + '"}\n'),
        "warning",
    ),
    Case("jsonl-blank", _file("flux5.jsonl", "\n\n  \n"), "skipped"),
    # HTML
    Case("html-empty", _file("vide.html", ""), "skipped"),
    Case("html-binary", _file("bruit.html", bytes(range(256)) * 40), "skipped"),
    Case("html-scripts-only", _file("script.html", "<html><script>var a=1;</script></html>"), "skipped"),
    Case(
        "html-french",
        _file("page.html", f"<html><head><title>Titre</title></head><body><p>{FRENCH}</p></body></html>"),
        "kept",
    ),
    # duplicates
    Case("same-id-json", _json("meme-id.json", _article(id=GOOD.stem)), "skipped"),
    Case("same-text-other-name", _copies(1), "skipped", names="zz-copie-0.txt"),
    Case("ten-copies", _copies(10), "skipped", names="zz-copie-9.txt"),
    # names and ids
    Case("name-not-utf8", _file(b"caf\xe9.txt", FRENCH), "warning", names="caf"),
    Case("name-with-markup", _markup_path, "skipped", names="x[/]y[red]z.txt"),
    Case("name-with-newline", _file("deux\nlignes.txt", ENGLISH), "skipped", names="deux"),
    Case("name-with-escape", _file("\x1b[31mrouge.txt", ENGLISH), "skipped", names="rouge.txt"),
    Case("name-with-markup-kept", _file("[bold]gras[red].txt", FRENCH.replace("ministre", "juge")), "kept"),
    Case("id-path-traversal", _json("chemin.json", _article(id="../../etc/x")), "kept"),
    Case("id-with-controls", _json("ctl.json", _article(id="a\x1b[2Jb\u202ec")), "kept"),
    # the file system
    Case("symlink-loop", _symlink_loop, "ignored"),
    Case("dangling-symlink", _dangling, "skipped"),
    Case("fifo", _fifo, "skipped", names="pipe.txt"),
    Case("unix-socket", _socket, "skipped", names="sock.txt"),
    Case("readme-md", _file("README.md", FRENCH), "ignored"),
    Case("hidden-file", _file(".cache.txt", ENGLISH), "ignored"),
    Case("other-extension", _file("notes.pdf", b"%PDF-1.4"), "ignored"),
    Case("explicit-other-extension", _explicit("rapport.pdf", b"%PDF-1.4"), "skipped"),
    Case("old-build-folder", _build_folder, "warning", names="old-build"),
    Case("missing-input", _missing, "skipped", names="no-such-folder", code=5),
    Case("missing-input-keep-going", _missing, "skipped", names="no-such-folder", extra=["--keep-going"]),
]


# --- the checks ----------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _accusations_of(out: Path, article: str) -> set[tuple[str, str, str, str]]:
    return {
        (c["accuser"]["name"], c["accused"]["name"], c["status"], c["sentence"])
        for c in _jsonl(out / "claims.jsonl")
        if c["type"] == "accusation" and c["article"] == article
    }


def _viewer_data(out: Path) -> dict[str, Any]:
    html = (out / "viewer.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert found, "no data in viewer.html"
    return json.loads(found.group(1))


def _check_outputs(out: Path) -> None:
    """Every output parses, and they agree on the accusations and the actors."""
    assert verify(out) == [], "the manifest does not match the files"
    claims = _jsonl(out / "claims.jsonl")
    entities = {e["id"] for e in _jsonl(out / "entities.jsonl")}
    _jsonl(out / "articles.jsonl")
    _jsonl(out / "problems.jsonl")
    accusations = {c["accusation"] for c in claims if c["type"] == "accusation"}
    nt = rdflib.Graph().parse(out / "graph.nt", format="nt")
    for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "json-ld")):
        assert len(rdflib.Graph().parse(out / name, format=fmt)) == len(nt), name
    rdflib.Dataset().parse(out / "graph.trig", format="trig")
    rdf_accusations = set(nt.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Accusation")))
    graphml = nx.read_graphml(out / "graph.graphml")
    gexf = nx.read_gexf(out / "graph.gexf")
    cyjs = json.loads((out / "graph.cyjs").read_text(encoding="utf-8"))
    viewer = _viewer_data(out)
    counts = {
        "claims.jsonl": len(accusations),
        "graph.nt": len(rdf_accusations),
        "graph.graphml": graphml.number_of_edges(),
        "graph.gexf": gexf.number_of_edges(),
        "graph.cyjs": len(cyjs["elements"]["edges"]),
        "viewer.html": len(viewer["edges"]),
    }
    assert len(set(counts.values())) == 1, f"the outputs disagree on the accusations: {counts}"
    assert set(graphml.nodes) == entities, "GraphML and entities.jsonl disagree on the actors"
    assert {n["data"]["id"] for n in cyjs["elements"]["nodes"]} == entities


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory, kg_build) -> set[tuple[str, str, str, str]]:
    """The good article's accusations, built on its own."""
    corpus = tmp_path_factory.mktemp("alone")
    shutil.copy(GOOD, corpus)
    out = corpus.parent / (corpus.name + "-out")
    kg_build(out, corpus)
    found = _accusations_of(out, GOOD.stem)
    assert found, "the good article has no accusation: choose another one"
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_bad_item_costs_only_itself(case: Case, tmp_path: Path, kg_cli, alone) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus)
    inputs = [str(corpus), *case.make(corpus)]
    out = tmp_path / "out"
    result = kg_cli(["build", *inputs, "--out", str(out), "--quiet", *case.extra])
    output = result.output
    assert "Traceback" not in output and not (
        result.exception and not isinstance(result.exception, SystemExit)
    ), f"{case.id}: crashed:\n{output}\n{result.exception!r}"
    assert result.exit_code == case.code, f"{case.id}: exit {result.exit_code}\n{output}"
    assert _accusations_of(out, GOOD.stem) == alone, f"{case.id}: the good article's accusations changed"
    _check_outputs(out)
    problems = _jsonl(out / "problems.jsonl")
    named = case.names or next((p.name for p in corpus.iterdir() if p.name != GOOD.name), "")
    if case.expect in ("skipped", "warning"):
        fatal = case.expect == "skipped"
        mine = [p for p in problems if named in p["path"] and p["fatal"] == fatal]
        assert mine, f"{case.id}: no {case.expect} problem naming {named!r} in {problems}"
        line = next((ln for ln in output.splitlines() if named in ln), None)
        assert line is not None, f"{case.id}: no message naming {named!r}:\n{output}"
        assert line.startswith("skipped" if fatal else "warning"), f"{case.id}: {line}"
    elif case.expect == "ignored":
        assert problems == [], f"{case.id}: {problems}"
        assert {a["id"] for a in _jsonl(out / "articles.jsonl")} == {GOOD.stem}
    else:  # kept: read as an article of its own
        assert len(_jsonl(out / "articles.jsonl")) == 2, f"{case.id}: not read\n{output}"
    for line in output.splitlines():  # no forged line: control characters never reach the console
        assert "\x1b" not in line and "\r" not in line, f"{case.id}: {line!r}"
        assert line.startswith(("skipped", "warning", "error", "built ")), (
            f"{case.id}: a forged line {line!r}"
        )


def test_the_battery_has_at_least_fifty_cases() -> None:
    assert len(CASES) >= 50
    assert len({c.id for c in CASES}) == len(CASES)


def test_outputs_inside_the_input_folder_are_never_read_back(tmp_path: Path, kg_build) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus)
    out = corpus / "outputs"
    kg_build(out, corpus)
    kg_build(out, corpus)  # viewer.html, the JSON outputs are inside corpus/ now
    assert {a["id"] for a in _jsonl(out / "articles.jsonl")} == {GOOD.stem}
    assert _jsonl(out / "problems.jsonl") == []


# --- usage errors: one line, exit 2, before any parsing --------------------------------------------


def _usage_cases(tmp: Path) -> dict[str, tuple[list[str], str]]:
    (tmp / "a-file").write_text("x")
    (tmp / "theirs").mkdir()
    (tmp / "theirs" / "thesis.docx").write_text("x")
    return {
        "out-is-a-file": (["--out", str(tmp / "a-file")], "is a file, not a folder"),
        "out-under-a-file": (["--out", str(tmp / "a-file" / "out")], "is a file, not a folder"),
        "out-unwritable": (["--out", "/sys/kg-out"], "cannot write in /sys"),
        "out-holds-other-files": (["--out", str(tmp / "theirs")], "holds files kg did not write"),
        "max-mb-nan": (["--max-mb", "nan"], "--max-mb nan: expected a positive number"),
        "max-mb-negative": (["--max-mb", "-1"], "expected a positive number"),
        "model-missing": (["--model", "fr_no_such_model"], "no such spaCy pipeline is installed"),
        "too-many-workers": (["--workers", str((os.cpu_count() or 1) + 1)], "add --force to use more"),
        "alias-file-missing": (["--aliases", str(tmp / "none.yaml")], "none.yaml"),
    }


USAGE = [
    "out-is-a-file",
    "out-under-a-file",
    "out-unwritable",
    "out-holds-other-files",
    "max-mb-nan",
    "max-mb-negative",
    "model-missing",
    "too-many-workers",
    "alias-file-missing",
]


@pytest.mark.parametrize("name", USAGE)
def test_a_usage_error_is_one_line_before_any_parsing(name: str, tmp_path: Path, kg_cli) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus)
    args, message = _usage_cases(tmp_path)[name]
    args = args if "--out" in args else [*args, "--out", str(tmp_path / "out")]
    result = kg_cli(["build", str(corpus), "--quiet", *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], result.output
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # nothing staged


def test_many_workers_on_one_article_start_no_pool(
    tmp_path: Path, kg_cli, alone, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg import pipeline

    def no_pool(*args: object) -> None:
        raise AssertionError("a process pool was started for one batch")

    monkeypatch.setattr(pipeline.mp, "get_context", no_pool)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus)
    out = tmp_path / "out"
    result = kg_cli(["build", str(corpus), "--out", str(out), "--quiet", "--workers", "64", "--force"])
    assert result.exit_code == 0, result.output
    assert _accusations_of(out, GOOD.stem) == alone
