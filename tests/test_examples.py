"""The same small example in each framework: the examples page shows which ran here, when and
what they printed; an example edited after its run shows "아직 실행 안 함"; framework pages show
their example and link back; mistakes in the examples files get exact Korean messages."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, rendered
from dlkb.catalog import Catalog, load_catalog
from dlkb.problems import CatalogError
from dlkb.render import nav

TODAY = dt.date(2026, 12, 1)
EXAMPLE = '''"""Alpha: the smallest example."""

print("alpha 1.0")
print("step 1 loss 0.5")
'''


def recorded() -> dict[str, dict]:
    """The runs that passed here, as the runner wrote them."""
    return yaml.safe_load((ROOT / "data" / "example_runs.yaml").read_text(encoding="utf-8"))["runs"]


def pages(catalog: Catalog) -> dict[str, str]:
    return rendered(catalog, TODAY)


def summary_rows(page: str) -> list[tuple[str, str]]:
    """(run label and state, last loss) of each row of the table at the top of the examples page."""
    rows = re.findall(r"<td>((?:[^<]|<strong>|</strong>|<time[^>]*>|</time>)*)</td><td>(?:<code>)?([^<]*)(?:</code>)?</td></tr>", page)
    return [(re.sub(r"<[^>]+>", "", state), loss) for state, loss in rows]


def test_every_recorded_run_matches_the_current_text_of_its_example() -> None:
    # The heavy runner records the hash; this check runs in the normal suite, so an example edited
    # without running it again fails here (and its page says "아직 실행 안 함").
    examples = yaml.safe_load((ROOT / "data" / "examples.yaml").read_text(encoding="utf-8"))["examples"]
    file_of = {run["id"]: ex["file"] for ex in examples for run in ex["runs"]}
    for run_id, block in recorded().items():
        assert block["sha256"] == hashlib.sha256((ROOT / "data" / file_of[run_id]).read_bytes()).hexdigest(), run_id


def test_the_page_shows_which_ran_here_when_and_what_they_printed(catalog: Catalog) -> None:
    page = pages(catalog)["examples.md"]
    ran = sorted(rv.run.id for v in catalog.examples for rv in v.runs if rv.state == "ran")
    assert ran == sorted(recorded()) == [
        "chainer", "flax", "jax", "keras-jax", "keras-tensorflow", "keras-torch", "mindspore", "mlx", "mxnet", "paddle",
        "pytorch", "tensorflow", "theano", "tinygrad"]
    # every framework printed the same five losses from the same fixed start
    losses = {tuple(block["output"][1:]) for block in recorded().values()}
    assert losses == {("step 1 loss 0.853048", "step 2 loss 0.802408", "step 3 loss 0.764559", "step 4 loss 0.734265",
                       "step 5 loss 0.708060")}
    assert recorded()["mlx"]["output"][0] == "mlx 0.32.4"
    assert recorded()["keras-torch"]["output"][0] == "keras 3.15.1 backend torch numpy 2.4.6"
    for run_id, block in recorded().items():
        # the output as the runner printed it, in one block, with the date of the run
        assert "```text\n" + "\n".join(block["output"]) + "\n```" in page, run_id
        assert block["date"] == "2026-12-01"
    assert '<strong>실행 확인 <time datetime="2026-12-01">2026-12-01</time></strong> · 설치: <code>torch==2.13.0+cpu</code>, <code>numpy==2.4.6</code></p>' in page


def test_the_summary_lists_every_run_with_its_state(catalog: Catalog) -> None:
    rows = summary_rows(pages(catalog)["examples.md"])
    assert rows[0] == ("실행 확인 2026-12-01", "step 5 loss 0.708060")  # PyTorch
    assert ("이 사이트에서 실행 못 함", "—") in rows  # Burn, Deeplearning4j: no crate or Maven registry here
    assert len(rows) == sum(len(v.runs) for v in catalog.examples)


def test_the_examples_page_has_at_least_eight_frameworks_and_links_back(catalog: Catalog) -> None:
    page = pages(catalog)["examples.md"]
    shown = re.findall(r"^## (.+) \{ #([a-z0-9-]+) \}$", page, flags=re.M)
    assert len(shown) - 1 >= 8  # the first heading is the summary
    assert '<a href="../frameworks/pytorch/#example">PyTorch 페이지</a>' in page
    assert '<a href="../migrate/chainer/">Chainer에서 옮기기</a>' in page
    assert "../migrate/pytorch/" not in page  # PyTorch is active: no migration guide to link


def test_a_framework_page_shows_its_example_and_links_to_the_comparison(catalog: Catalog) -> None:
    made = pages(catalog)
    chainer = made["frameworks/chainer.md"]
    assert '<a href="../../examples/#chainer">다른 프레임워크의 같은 예제와 비교하기</a>' in chainer
    assert '```python title="data/examples/chainer.py"\n"""Chainer: chainer.Chain으로 만든 두 층짜리 MLP' in chainer
    assert '<a href="../../migrate/chainer/">Chainer에서 다른 프레임워크로 옮기기' in chainer
    # near the bottom: after the lineage, before the sources
    assert chainer.index("## 계보") < chainer.index("## 같은 예제 { #example }") < chainer.index("## 출처 { #sources }")
    assert "## 같은 예제" not in made["frameworks/caffe.md"]  # no example for Caffe


def test_the_old_code_recommendation_points_to_the_migration_guides(catalog: Catalog) -> None:
    page = pages(catalog)["recommendations.md"]
    assert page.count('<a href="../migrate/">옛 프레임워크의 코드를 옮기는 방법과 지금도 돌아가는 환경 보기</a>') == 1
    section = page[page.index('<p class="dlkb-rec__migrate">') - 2000:page.index('<p class="dlkb-rec__migrate">')]
    old_code = next(rec for rec in catalog.recommendations.recommendations if rec.for_inactive)  # type: ignore[union-attr]
    assert f"{{ #{old_code.id} }}" in section


def test_the_nav_lists_the_examples_page(catalog: Catalog) -> None:
    assert {"같은 예제 비교": "examples.md"} in nav(catalog)


# A small project in a temporary folder: the valid fixture data, one example and its run.
@pytest.fixture
def project(fixture_data: Path) -> Path:
    (fixture_data / "examples").mkdir()
    (fixture_data / "examples" / "alpha.py").write_text(EXAMPLE, encoding="utf-8")
    (fixture_data / "examples.yaml").write_text(yaml.safe_dump({
        "task_ko": "작은 예제를 한 번 돌립니다.",
        "examples": [{"id": "alpha", "framework": "alpha", "file": "examples/alpha.py", "target": "Alpha 1.0",
                      "runs": [{"id": "alpha", "pins": ["alpha==1.0"]},
                               {"id": "alpha-gpu", "label_ko": "GPU", "blocked_ko": "이 환경에는 GPU가 없습니다."}]}],
    }, allow_unicode=True), encoding="utf-8")
    runs = {"alpha": {"date": "2026-12-01", "sha256": hashlib.sha256(EXAMPLE.encode()).hexdigest(),
                      "command": "python scripts/examples/run.py alpha", "output": ["alpha 1.0", "step 1 loss 0.5"]}}
    (fixture_data / "example_runs.yaml").write_text(yaml.safe_dump({"runs": runs}), encoding="utf-8")
    return fixture_data


def test_a_run_shows_as_ran_until_its_example_is_edited(project: Path) -> None:
    page = pages(load_catalog(project, today=TODAY))["examples.md"]
    assert summary_rows(page) == [("실행 확인 2026-12-01", "step 1 loss 0.5"), ("GPU: 이 사이트에서 실행 못 함", "—")]
    assert "```text\nalpha 1.0\nstep 1 loss 0.5\n```" in page
    assert "<strong>이 사이트에서 실행 못 함</strong> · 이 환경에는 GPU가 없습니다.</p>" in page

    (project / "examples" / "alpha.py").write_text(EXAMPLE.replace("0.5", "0.4"), encoding="utf-8")
    page = pages(load_catalog(project, today=TODAY))["examples.md"]
    assert summary_rows(page)[0] == ("아직 실행 안 함", "—")
    assert ('<strong>아직 실행 안 함</strong> · 마지막 실행(<time datetime="2026-12-01">2026-12-01</time>) 뒤에 예제가 '
            "바뀌어 그때의 출력은 보여 드리지 않습니다.") in page
    assert "step 1 loss 0.5\n```" not in page  # the old output is not shown for the new text


def test_code_with_backticks_keeps_its_block_closed(project: Path) -> None:
    (project / "examples" / "alpha.py").write_text('s = """\n```\n"""\n', encoding="utf-8")
    page = pages(load_catalog(project, today=TODAY))["examples.md"]
    assert '````python title="data/examples/alpha.py"\ns = """\n```\n"""\n````' in page


def test_without_an_examples_file_there_is_no_page(fixture_data: Path) -> None:
    catalog = load_catalog(fixture_data, today=TODAY)
    assert "examples.md" not in pages(catalog)
    assert {"같은 예제 비교": "examples.md"} not in nav(catalog)


def _broken(project: Path, examples: dict | None = None, runs: dict | None = None) -> list[str]:
    if examples is not None:
        data = yaml.safe_load((project / "examples.yaml").read_text(encoding="utf-8"))
        data["examples"][0].update(examples)
        (project / "examples.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if runs is not None:
        (project / "example_runs.yaml").write_text(yaml.safe_dump({"runs": runs}), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(project, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_an_example_of_an_unknown_framework(project: Path) -> None:
    assert _broken(project, {"framework": "gamma"}) == [
        "data/examples.yaml:3 › examples[0].framework: 없는 프레임워크의 예제입니다 (입력: 'gamma') — 올바른 값: "
        "data/frameworks/에 있는 id (alpha, beta)"]


def test_a_missing_file_and_a_file_outside_examples(project: Path) -> None:
    assert _broken(project, {"file": "examples/gone.py", "also": ["../pyproject.toml"]}) == [
        "data/examples.yaml:2 › examples[0].file: 예제 파일이 없습니다 (입력: 'examples/gone.py') — 올바른 값: "
        "data/examples/ 안에 있는 파일 (예: examples/pytorch.py)",
        "data/examples.yaml:14 › examples[0].also[0]: 예제 파일은 data/examples/ 폴더 안에 있어야 합니다 (입력: '../pyproject.toml') — "
        "올바른 값: data/examples/ 안에 있는 파일 (예: examples/pytorch.py)"]


def test_a_run_with_both_pins_and_a_reason(project: Path) -> None:
    runs = [{"id": "alpha", "pins": ["alpha==1.0"], "blocked_ko": "설치되지 않습니다."}]
    assert _broken(project, {"runs": runs}) == [
        "data/examples.yaml:6 › examples[0].runs[0]: 설치할 패키지와 돌릴 수 없는 까닭 가운데 하나만 적어야 합니다 — "
        "올바른 값: pins 또는 blocked_ko 하나"]


def test_a_recorded_run_that_no_example_has(project: Path) -> None:
    block = {"date": "2026-12-01", "sha256": "0" * 64, "command": "python scripts/examples/run.py beta", "output": ["x"]}
    assert _broken(project, runs={"beta": block}) == [
        "data/example_runs.yaml:2 › runs.beta: data/examples.yaml에 없는 실행의 결과입니다 (입력: 'beta') — "
        "올바른 값: data/examples.yaml의 실행 id (alpha, alpha-gpu)"]


def test_the_migration_guides_point_to_the_examples(catalog: Catalog) -> None:
    page = pages(catalog)["migrate/index.md"]
    assert '<a href="../examples/">같은 예제 비교</a>' in page


def test_a_wrong_language_an_unknown_key_and_a_bad_hash(project: Path) -> None:
    block = {"date": "2026-12-01", "sha256": "abc", "command": "python scripts/examples/run.py alpha", "output": ["x"]}
    assert _broken(project, {"language": "go", "owner": "x"}, runs={"alpha": block}) == [
        "data/example_runs.yaml:7 › runs.alpha.sha256: SHA-256 해시가 아닙니다 (입력: 'abc') — "
        "올바른 값: 소문자 16진수 64자 (실행 스크립트가 적은 값)",
        "data/examples.yaml:13 › examples[0].language: 허용되지 않는 값입니다 (입력: 'go') — "
        "올바른 값: 다음 중 하나: 'python', 'rust', 'java'",
        "data/examples.yaml:14 › examples[0].owner: 알 수 없는 항목입니다 — "
        "올바른 값: 쓸 수 있는 항목: id, framework, file, also, language, target, runs"]
