"""Moving off old frameworks: every framework that is not active has a migration page with a
target, guides, a sourced table of at least ten rows and an environment; the framework page
links to it; "실행 확인" appears only with recorded output; mistakes get exact Korean messages."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, rendered
from dlkb.catalog import Catalog, load_catalog
from dlkb.problems import CatalogError
from dlkb.render import nav
from invalid_cases import edited

TODAY = dt.date(2026, 11, 22)
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "invalid_migrations.yaml").read_text(encoding="utf-8"))
VALID = FIXTURES / "migration" / "alpha.yaml"


def pages(catalog: Catalog, today: dt.date = TODAY) -> dict[str, str]:
    return rendered(catalog, today)


def test_every_framework_that_is_not_active_has_a_migration_file_and_no_other(catalog: Catalog) -> None:
    # Read from the frameworks' own status, so a framework that stops being active needs a file.
    inactive = {fw.id for fw in catalog.frameworks.values() if fw.status.value != "active"}
    assert set(catalog.migrations) == inactive
    assert sorted(inactive) == ["bigdl", "caffe", "caffe2", "chainer", "cntk", "dsstne", "dynet", "mxnet", "oneflow",
                                "theano", "torch"]


def test_every_framework_that_is_not_active_has_a_table_of_ten_sourced_rows(catalog: Catalog) -> None:
    rows = {fw_id: len(mig.mapping.rows) for fw_id, mig in catalog.migrations.items()}
    assert {fw_id: n for fw_id, n in rows.items() if n < 10} == {}
    assert (rows["caffe2"], rows["dsstne"], rows["bigdl"]) == (15, 17, 16)
    for fw_id, mig in catalog.migrations.items():
        assert all(row.sources for row in mig.mapping.rows), fw_id


def test_ran_here_only_where_the_smoke_run_recorded_its_output(catalog: Catalog) -> None:
    made = pages(catalog)
    ran = {m.id: m.environment.ran for m in catalog.migrations.values() if m.environment.ran}
    assert sorted(ran) == ["caffe", "chainer", "mxnet", "theano"]
    assert ran["caffe"].output[0] == "opencv 4.14.0 numpy 2.2.6"
    assert ran["chainer"].output[0] == "chainer 7.8.1 numpy 1.23.5"
    assert ran["theano"].output[0] == "theano 1.0.5 numpy 1.23.5"
    assert ran["mxnet"].output[0] == "mxnet 1.9.1 numpy 1.23.5"
    for mig in catalog.migrations.values():
        page = made[f"migrate/{mig.id}.md"]
        if mig.environment.ran and mig.environment.ran.through:
            # Caffe's model ran in OpenCV, not Caffe: the framework stays "documented only".
            assert "<strong>문서 기준</strong> (모델은 OpenCV 4.14로 실행 확인 2026-12-01)" in page
            assert "Caffe 자체는 이 사이트에서 돌려 보지 못했습니다." in page and "역전파 한 번" not in page
            assert mig.environment.ran.output[-1] in page
        elif mig.environment.ran:
            assert "<strong>실행 확인 2026-12-01</strong>" in page and "문서 기준:" not in page
            assert mig.environment.ran.output[-1] in page
        else:
            assert "<strong>문서 기준</strong>" in page and "실행 확인" not in page


def test_the_index_lists_each_framework_with_its_target_and_environment(catalog: Catalog) -> None:
    index = pages(catalog)["migrate/index.md"]
    rows = re.findall(r'<tr><th scope="row"><a href="([a-z0-9-]+)/">([^<]+)</a></th>.*?<td data-label="환경">([^<]*)</td></tr>', index)
    assert ("chainer", "Chainer", "실행 확인 2026-12-01") in rows
    assert ("theano", "Theano", "실행 확인 2026-12-01") in rows
    assert len(rows) == len(catalog.migrations)


def test_the_framework_page_links_to_its_migration_page_and_the_nav_lists_them(catalog: Catalog) -> None:
    made = pages(catalog)
    assert '<a href="../../migrate/chainer/">Chainer에서 다른 프레임워크로 옮기기' in made["frameworks/chainer.md"]
    assert "../../migrate/" not in made["frameworks/pytorch.md"]
    # One link to the list page, not one per framework: every page carries the nav.
    assert {"옛 코드 옮기기": "migrate/index.md"} in nav(catalog)
    assert '<a href="chainer/">Chainer</a>' in made["migrate/index.md"]


def test_the_chainer_table_maps_variable_to_tensor(catalog: Catalog) -> None:
    page = pages(catalog)["migrate/chainer.md"]
    assert "<tr><td><code>chainer.Variable</code></td><td><code>torch.Tensor</code></td>" in page


def test_the_tables_for_config_files_and_wrappers_map_onto_their_target(catalog: Catalog) -> None:
    # Quotes in the code cells are escaped in the markup; the reader sees them as written.
    made = {path: html.unescape(text) for path, text in pages(catalog).items()}
    # DSSTNE is written as JSON, not code; BigDL's table goes to Keras, its second target.
    assert ('<tr><td><code>"Kind": "Hidden", "Type": "FullyConnected", "N"</code></td>'
            "<td><code>torch.nn.Linear(in_features, N)</code></td>") in made["migrate/dsstne.md"]
    assert "<caption>BigDL의 개념과 API, 그리고 Keras에서 대응하는 것</caption>" in made["migrate/bigdl.md"]
    assert "<tr><td><code>brew.fc(model, x, 'fc1', dim_in, dim_out)</code></td>" in made["migrate/caffe2.md"]
    rows = re.findall(r'<a href="([a-z0-9-]+)/">[^<]+</a></th>.*?<td data-label="대응 표">(\d+)줄</td>', made["migrate/index.md"])
    assert ("dsstne", "17") in rows and ("bigdl", "16") in rows


def test_a_valid_migration_file_in_the_fixture_makes_its_page(fixture_data: Path) -> None:
    (fixture_data / "migrations").mkdir()
    shutil.copy(VALID, fixture_data / "migrations" / "alpha.yaml")
    made = pages(load_catalog(fixture_data, today=TODAY))
    assert "# Alpha에서 옮기기" in made["migrate/alpha.md"]
    assert "<strong>문서 기준</strong>" in made["migrate/alpha.md"]


def test_without_migration_files_there_is_no_section(fixture_data: Path) -> None:
    catalog = load_catalog(fixture_data, today=TODAY)
    assert "migrate/index.md" not in pages(catalog)
    assert not any("옛 코드 옮기기" in item for item in nav(catalog))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_a_mistake_in_a_migration_file_is_an_exact_korean_message(case: dict, fixture_data: Path) -> None:
    text = edited(VALID.read_text(encoding="utf-8"), case)
    (fixture_data / "migrations").mkdir()
    (fixture_data / "migrations" / case.get("file", "alpha.yaml")).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(fixture_data, today=TODAY)
    assert [str(p) for p in caught.value.problems] == case["expect"]
