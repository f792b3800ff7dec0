"""The Python API: ``kg.build`` from paths, texts and articles, and the graph's methods."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import kg

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("two")
    for path in sorted((REPO / "corpus").glob("*.txt"))[:2]:
        shutil.copy(path, src / path.name)
    return src


@pytest.fixture(scope="module")
def graph(two: Path) -> kg.KnowledgeGraph:
    return kg.build([two])


def test_import_kg_does_not_load_spacy() -> None:
    code = "import sys, kg; print('spacy' in sys.modules, kg.Article.__name__, callable(kg.build))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "Article", "True"]


def test_texts_articles_and_paths_make_one_graph(two: Path, graph: kg.KnowledgeGraph) -> None:
    first = sorted(two.glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8").replace("'", "\u2019")  # typographic apostrophes
    article = kg.Article(
        id="given", title="Un titre", text=text + "\n\nUne phrase de plus.", outlet="Le Test"
    )
    mixed = kg.build([text, article, str(sorted(two.glob("*.txt"))[1]), "no/such/file.txt", "  "])
    by_id = {a.id: a for a in mixed.articles}
    [text_id] = [i for i in by_id if i.startswith("text-")]
    assert set(by_id) == {text_id, "given", sorted(two.glob("*.txt"))[1].stem}
    assert "\u2019" not in by_id[text_id].text, "a text is normalised as a file's is"
    assert by_id[text_id].title == text.splitlines()[0].replace("\u2019", "'")
    assert by_id["given"].outlet == "Le Test" and by_id["given"].title == "Un titre"
    assert [p.problem for p in mixed.problems] == ["no such file or folder", "empty text"]
    # the text of the first file gives the same accusations, whether read from disk or given
    from_disk = {(a.accuser, a.accused, a.category) for a in kg.build([first]).accusations}
    given = {(a.accuser, a.accused, a.category) for a in kg.build(text).accusations}
    assert from_disk == given and from_disk


def test_query_names_sparql_params_and_graph_queries(graph: kg.KnowledgeGraph) -> None:
    rows = graph.query("who-accused-whom")
    assert len(rows) == len(graph.accusations) > 0
    assert list(rows[0])[:4] == ["accuser", "accused", "status", "articles"]
    accused = rows[0]["accused"]
    against = graph.query("accusations-against", entity=accused)
    assert against and all(r["accused"] == accused for r in against)
    [count] = graph.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Accusation }")  # no PREFIX
    assert int(count["n"]) == len(graph.accusations)
    from kg.queries import accusation_chains

    columns, chains = accusation_chains(graph)
    assert graph.query("chains") == [dict(zip(columns, row, strict=True)) for row in chains]
    with pytest.raises(ValueError, match="takes no parameter"):
        graph.query("central", entity="x")


def test_networkx_and_rdf_views(graph: kg.KnowledgeGraph) -> None:
    g = graph.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(graph.entities)
    assert g.number_of_edges() == len(graph.accusations)
    ds = graph.to_rdf()
    names = {str(c.identifier) for c in ds.graphs()}
    assert sum(1 for a in graph.articles if any(a.id in n for n in names)) == len(graph.articles)


def test_write_is_the_build_kg_build_makes(
    kg_cli, two: Path, graph: kg.KnowledgeGraph, tmp_path: Path
) -> None:
    out = graph.write(tmp_path / "api")
    assert kg_cli(["build", str(two), "--out", str(tmp_path / "cli"), "--quiet"]).exit_code == 0
    for name in ("graph.nq", "claims.jsonl", "entities.jsonl", "graph.graphml", "viewer.html"):
        assert (out / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    verify = kg_cli(["verify", "--out", str(out)])
    assert verify.exit_code == 0, verify.output
    (out / "stray.txt").write_text("x", encoding="utf-8")
    with pytest.raises(Exception, match=r"stray\.txt"):
        graph.write(out)  # a folder of the user's other files is never replaced


def test_the_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's "From Python" example, as a doctest, from the repository root."""
    import doctest

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("## From Python", 1)[1].split("\n## ", 1)[0]
    example = example.replace("/tmp/kg-api-example", str(tmp_path / "example"))
    assert example.count(">>> ") >= 8
    monkeypatch.chdir(REPO)
    test = doctest.DocTestParser().get_doctest(example, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries == test.examples.__len__()
