"""The tools page: runtimes and libraries readers take for frameworks, each sourced, linked from
the framework pages that name them, and every mistake in data/tools.yaml reported in Korean."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, rendered
from dlkb.catalog import Catalog, load_catalog
from dlkb.problems import CatalogError
from dlkb.render import nav
from invalid_cases import edited

TODAY = dt.date(2026, 11, 22)
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "invalid_tools.yaml").read_text(encoding="utf-8"))


def pages(catalog: Catalog) -> dict[str, str]:
    return rendered(catalog, TODAY)


def test_the_page_lists_the_seven_tools_with_licence_status_and_release(catalog: Catalog) -> None:
    page = pages(catalog)["tools.md"]
    rows = re.findall(r'<tr><th scope="row"><a href="#([a-z-]+)">([^<]+)</a></th><td data-label="종류">([^<]+)</td>'
                      r'<td data-label="라이선스"><a [^>]+>([^<]+)</a></td><td data-label="상태"><span [^>]+>([^<]+)</span></td>'
                      r'<td data-label="최신 릴리스">(.*?)</td></tr>', page)
    releases = [re.sub(r"<[^>]+>", "", r[5]) for r in rows]
    assert [r[:5] for r in rows] == [
        ("onnx-runtime", "ONNX Runtime", "추론 런타임·배포 도구", "MIT", "활발히 개발 중"),
        ("tensorrt", "TensorRT", "추론 런타임·배포 도구", "Apache-2.0", "활발히 개발 중"),
        ("openvino", "OpenVINO", "추론 런타임·배포 도구", "Apache-2.0", "활발히 개발 중"),
        ("executorch", "ExecuTorch", "추론 런타임·배포 도구", "BSD-3-Clause", "활발히 개발 중"),
        ("litert", "LiteRT", "추론 런타임·배포 도구", "Apache-2.0", "활발히 개발 중"),
        ("transformers", "Hugging Face Transformers", "프레임워크 위의 학습 라이브러리", "Apache-2.0", "활발히 개발 중"),
        ("pytorch-lightning", "PyTorch Lightning", "프레임워크 위의 학습 라이브러리", "Apache-2.0", "활발히 개발 중"),
    ]
    assert releases == ["확인 안 됨", "11.1 (2026년 6월 24일)", "확인 안 됨", "1.4.1 (2026년 8월 14일)",
                        "2.2.0 (2026년 8월 6일)", "확인 안 됨", "2.6.5 (2026년 5월 27일)"]
    for tool_id in ("onnx-runtime", "executorch", "pytorch-lightning"):
        assert f"{{ #{tool_id} }}" in page  # each tool has a stable anchor


def test_a_framework_page_links_the_tools_it_names_to_their_entries(catalog: Catalog) -> None:
    made = pages(catalog)
    assert '<span class="dlkb-tools"><a href="../../tools/#executorch">ExecuTorch</a></span>' in made["frameworks/pytorch.md"]
    assert '<a href="../../tools/#litert">LiteRT</a>' in made["frameworks/tensorflow.md"]
    assert 'NCCL, <a href="../../tools/#tensorrt">TensorRT</a></span>' in made["frameworks/mxnet.md"]
    assert 'CNTK Evaluation Library, <a href="../../tools/#onnx-runtime">ONNX Runtime</a>' in made["frameworks/cntk.md"]


def test_tools_are_in_the_nav_but_not_in_the_chooser(catalog: Catalog) -> None:
    assert {"관련 도구": "tools.md"} in nav(catalog)
    made = pages(catalog)
    needs = made["guide/index.md"].split('class="dlkb-live"')[0]  # the chooser's list of needs
    assert "ExecuTorch" not in needs and "ExecuTorch" not in made["compare/matrix.md"].split("<tbody>")[0]


def test_without_a_tools_file_there_is_no_page_and_no_link(fixture_data: Path) -> None:
    (fixture_data / "tools.yaml").unlink()
    catalog = load_catalog(fixture_data, today=TODAY)
    made = pages(catalog)
    assert "tools.md" not in made and {"관련 도구": "tools.md"} not in nav(catalog)
    assert '<span class="dlkb-tools">AlphaOnSpark</span>' in made["frameworks/alpha.md"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_a_mistake_in_the_tools_file_is_an_exact_korean_message(case: dict, fixture_data: Path) -> None:
    path = fixture_data / "tools.yaml"
    text = edited(path.read_text(encoding="utf-8"), case)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(fixture_data, today=TODAY)
    assert [str(p) for p in caught.value.problems] == case["expect"]
