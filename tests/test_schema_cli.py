"""The committed JSON Schema matches the model; the `dlkb` command does what it says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT
from dlkb.schema import SCHEMAS, render_schema
from invalid_cases import BY_NAME

DLKB = [sys.executable, "-m", "dlkb.cli"]


def test_committed_schema_matches_the_model() -> None:
    for name, cls in SCHEMAS.items():
        committed = (ROOT / "data" / "schema" / name).read_text(encoding="utf-8")
        assert committed == render_schema(cls), f"data/schema/{name} 파일이 모델과 다릅니다: `dlkb schema`를 실행하세요"


def test_every_record_points_editors_at_the_schema() -> None:
    for path in sorted((ROOT / "data" / "frameworks").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/framework.schema.json", path.name


def test_check_lists_every_problem_and_exits_1(fixture_data: Path) -> None:
    for name in ("unknown-spdx", "wrong-extension"):
        case = BY_NAME[name]
        (fixture_data / "frameworks" / case.file).write_bytes(case.content())
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "check"], capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == "데이터에서 문제 2개를 찾았습니다. 고친 뒤 다시 실행하세요."
    assert "data/frameworks/unknown-spdx.yaml:35 › license.spdx: SPDX 목록에 없는 라이선스 식별자입니다" in run.stderr
    assert "data/frameworks/wrong-extension.yml: 이 폴더에는 .yaml 파일만 둘 수 있습니다" in run.stderr
    assert "Traceback" not in run.stderr


def test_check_passes_on_good_data(fixture_data: Path) -> None:
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "check"], capture_output=True, text=True)
    assert run.returncode == 0
    assert run.stdout.splitlines()[0] == "문제 없음: 프레임워크 2개, 비교 1개를 확인했습니다."  # health warnings follow (test_health.py)


def test_new_writes_a_commented_skeleton_that_names_mandatory_fields(fixture_data: Path) -> None:
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "new", "jax"], capture_output=True, text=True)
    assert run.returncode == 0
    text = (fixture_data / "frameworks" / "jax.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/framework.schema.json"
    assert "id: jax" in text and "[필수]" in text
    assert yaml.safe_load(text)["id"] == "jax"
    again = subprocess.run(DLKB + ["--data", str(fixture_data), "new", "jax"], capture_output=True, text=True)
    assert again.returncode == 1 and "이미 있는 파일입니다" in again.stderr


def test_new_rejects_a_bad_id(fixture_data: Path) -> None:
    run = subprocess.run(DLKB + ["--data", str(fixture_data), "new", "Bad Id"], capture_output=True, text=True)
    assert run.returncode == 2
    assert not list((fixture_data / "frameworks").glob("Bad*"))


def test_schema_command_regenerates_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    run = subprocess.run(DLKB + ["--data", str(data), "schema"], capture_output=True, text=True)
    assert run.returncode == 0
    assert sorted(p.name for p in (data / "schema").iterdir()) == sorted(SCHEMAS)
