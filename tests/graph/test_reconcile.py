"""``unsckg reconcile`` on real documents and real voting data rows.

The store holds the record of the 8701st meeting (resolution 2505 (2020), 15 votes in favour),
the texts of 893 (1994) and 1672 (2006), and the derived voting data sample, whose record of 893
has its date written with day and month swapped (undecidable in a sample this small, so the
import reports it and reconcile shows it as a disagreement explained by that defect).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from unsckg.graph.build import build
from unsckg.graph.cli import main
from unsckg.graph.reconcile import AGREE, DATA, DISAGREE, Finding, reconcile, reconcile_graph
from unsckg.graph.store import Store
from unsckg.graph.voting_data import import_votes
from unsckg.ontology.iris import DEFAULT

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
VOTING = DATA_DIR / "voting-data"
RECORD = DATA_DIR / "real-en-records" / "S-PV-8701.en.pdf"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reconcile")
    documents = folder / "documents"
    shutil.copytree(VOTING / "documents", documents)
    shutil.copy(RECORD, documents)
    with Store(folder / "store") as store:
        build(store, [documents])
        import_votes(store, VOTING / "derived-sample.csv", DEFAULT)
    return folder / "store"


@pytest.fixture(scope="module")
def findings(store_dir: Path) -> list[Finding]:
    with Store(store_dir, read_only=True) as store:
        return reconcile(store)


def _find(findings: list[Finding], aspect: str, key: str) -> Finding:
    return next(f for f in findings if f.aspect == aspect and f.key == key)


def test_votes_of_the_record_agree_with_the_library(findings: list[Finding]) -> None:
    votes = [f for f in findings if f.aspect == "vote" and f.key.startswith("2505 ")]
    assert len(votes) == 15 and {f.outcome for f in votes} == {AGREE}
    assert _find(findings, "tally", "2505").outcome == AGREE


def test_swapped_date_is_a_disagreement_with_both_pieces_of_evidence(
    findings: list[Finding],
) -> None:
    found = _find(findings, "adopted", "893")
    assert found.outcome == DISAGREE and found.explanation == "source defect flagged"
    assert found.documents is not None and found.data is not None
    assert (found.documents.value, found.data.value) == ("1994-01-06", "1994-06-01")
    assert "3326th meeting" in found.documents.evidence
    assert "day and month may be swapped" in found.data.evidence


def test_only_voting_data_is_counted_for_what_the_documents_speak_of(
    findings: list[Finding],
) -> None:
    data_only = {f.key for f in findings if f.outcome == DATA}
    assert all(key.split(" ")[0] in {"893", "1672", "2505", "S/2020/27"} for key in data_only)


def test_cli_reconcile_writes_its_graph(store_dir: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(store_dir, store)
    result = CliRunner().invoke(main, ["reconcile", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split()[:2] == ["aspect", "agree"]
    assert "adopted  893" in result.stdout
    with Store(store, read_only=True) as opened:
        graphs = {g.value for g in opened.graph_names()}
    assert reconcile_graph(DEFAULT).value in graphs
