"""`dlkb refresh` without the network: the release rule on file lists, the client on recorded
answers (tests/fixtures/registry/, replayed through a requests transport adapter), the writer,
a failed fetch and the 20 % limit."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
import requests
import urllib3
from conftest import ROOT
from dlkb import refresh as rf
from dlkb.catalog import load_catalog
from dlkb.refresh import DistFile, FetchError, Pick, pick_latest, pypi_fetcher

RECORDED = ROOT / "tests" / "fixtures" / "registry"
DAY = dt.date(2026, 12, 1)


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T12:00:00+00:00")


def files(*rows: tuple[str, str, bool]) -> list[DistFile]:
    return [DistFile(version, yanked, at(day)) for version, day, yanked in rows]


# --- the rule ------------------------------------------------------------------------------------

def test_pre_releases_and_dev_releases_are_never_the_latest() -> None:
    assert pick_latest(files(("2.0.0rc1", "2026-05-01", False), ("2.0.0.dev3", "2026-05-02", False), ("1.9.0", "2026-04-01", False))) \
        == Pick("1.9.0", dt.date(2026, 4, 1))


def test_a_yanked_release_is_skipped_and_a_yanked_file_does_not_date_a_release() -> None:
    found = files(("1.5.0", "2026-06-01", True), ("1.4.0", "2026-03-01", True), ("1.4.0", "2026-03-03", False), ("1.3.0", "2026-01-01", False))
    assert pick_latest(found) == Pick("1.4.0", dt.date(2026, 3, 3))


def test_a_post_release_counts_as_its_base_and_keeps_the_base_day() -> None:
    found = files(("2.3.0", "2026-02-10", False), ("2.3.0.post1", "2026-02-20", False), ("2.2.1", "2026-01-05", False))
    assert pick_latest(found) == Pick("2.3.0", dt.date(2026, 2, 10))


def test_a_post_release_without_its_base_stands_as_its_own_version() -> None:
    assert pick_latest(files(("0.5.0.post1", "2026-02-20", False), ("0.4.0", "2026-01-05", False))) == Pick("0.5.0.post1", dt.date(2026, 2, 20))


def test_the_highest_version_wins_not_the_newest_upload_and_later_wheels_do_not_move_the_day() -> None:
    found = files(("2.0.0", "2026-03-01", False), ("1.9.9", "2026-05-01", False), ("2.0.0", "2026-08-01", False))
    assert pick_latest(found) == Pick("2.0.0", dt.date(2026, 3, 1))


def test_no_stable_release_is_none() -> None:
    assert pick_latest(files(("0.1.0a1", "2026-02-01", False), ("0.1.0", "2026-01-01", True))) is None


# --- the client on recorded answers -------------------------------------------------------------

class Replay(requests.adapters.HTTPAdapter):
    """Answers every request with a recorded file (by the package in the path), or fails."""

    def __init__(self, fail: type[Exception] | None = None, status: int = 200):
        super().__init__()
        self.fail, self.status, self.asked = fail, status, []

    def send(self, request, **kwargs):  # type: ignore[no-untyped-def, override]
        self.asked.append(kwargs.get("timeout"))
        if self.fail:
            raise self.fail("recorded failure")
        package = request.url.rstrip("/").rsplit("/", 1)[-1]
        path = RECORDED / f"{package}.json"
        body = path.read_bytes() if path.exists() and self.status == 200 else b"not found"
        raw = urllib3.HTTPResponse(body=io.BytesIO(body), headers={"Content-Type": "application/vnd.pypi.simple.v1+json"},
                                   status=self.status if path.exists() else 404, preload_content=False)
        return self.build_response(request, raw)


def test_the_client_reads_a_recorded_answer_with_a_bounded_request() -> None:
    replay = Replay()
    assert pick_latest(pypi_fetcher(replay)("jax")) == Pick("0.12.0.1", dt.date(2026, 10, 21))
    assert pick_latest(pypi_fetcher(replay)("fastai")) == Pick("2.8.12", dt.date(2026, 9, 9))
    assert replay.asked == [(10.0, 20.0), (10.0, 20.0)]  # connect and read timeouts on every request


def test_hostile_strings_in_an_answer_never_reach_the_observed_file() -> None:
    pick = pick_latest(pypi_fetcher(Replay())("hostile"))
    assert pick == Pick("1.2.0", dt.date(2026, 3, 2))  # 9.0.0 is yanked, 10.0.0rc1 a pre-release, the markup no version
    text = rf.observed_text("alpha", "pypi", "hostile", DAY, pick)
    assert "<" not in text and "script" not in text


def test_an_answer_with_pre_releases_only_has_no_stable_release() -> None:
    assert pick_latest(pypi_fetcher(Replay())("prerelease-only")) is None
    assert rf.observed_text("alpha", "pypi", "prerelease-only", DAY, None).endswith("latest_release: unknown\n")


@pytest.mark.parametrize(("replay", "package", "message"), [
    (Replay(), "malformed", "읽을 수 없는 응답입니다 (JSONDecodeError)"),
    (Replay(), "no-such-package", "색인에 없는 패키지입니다"),
    (Replay(fail=requests.exceptions.ReadTimeout), "jax", "시간 안에 답하지 않았습니다"),
    (Replay(fail=requests.exceptions.ConnectionError), "jax", "연결하지 못했습니다 (ConnectionError)"),
    (Replay(status=503), "jax", "연결하지 못했습니다 (HTTPError)"),
])
def test_a_failed_fetch_says_why_in_korean(replay: Replay, package: str, message: str) -> None:
    with pytest.raises(FetchError) as err:
        pypi_fetcher(replay)(package)
    assert str(err.value) == message


def test_an_answer_larger_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rf, "MAX_BYTES", 1000)  # the jax recording is about 2 KB
    with pytest.raises(FetchError) as err:
        pypi_fetcher(Replay())("jax")
    assert str(err.value) == "응답이 1,000바이트를 넘습니다"


# --- the run and the writer ---------------------------------------------------------------------

@pytest.fixture
def real_data(tmp_path: Path) -> Path:
    """A copy of the real data folder with the observed files of the commit."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def answers(failing: set[str]) -> dict[str, rf.Fetcher]:
    """Every package answers one stable release, 1.0.0 on 2026-11-30, except those failing."""
    def fetch(package: str) -> list[DistFile]:
        if package in failing:
            raise FetchError("시간 안에 답하지 않았습니다")
        return [DistFile("1.0.0", False, at("2026-11-30"))]
    return {"pypi": fetch}


def test_the_same_answers_write_the_same_files(real_data: Path) -> None:
    catalog = load_catalog(real_data)
    code, lines = rf.refresh(catalog, real_data, answers(set()), DAY)
    first = {p.name: p.read_bytes() for p in (real_data / "observed").iterdir()}
    assert code == 0 and lines[-1] == "패키지 18개를 읽어 18개를 확인했고 0개는 읽지 못했습니다. 바뀐 파일 18개를 observed/ 폴더에 썼습니다."
    assert first["jax.yaml"].decode() == ("# `dlkb refresh`가 레지스트리에서 읽어 쓴 파일입니다. 손으로 고치지 마세요.\n"
                                          "id: jax\nregistry: pypi\npackage: jax\nchecked: 2026-12-01\nlatest_release:\n  version: 1.0.0\n  date: 2026-11-30\n")
    code, lines = rf.refresh(load_catalog(real_data), real_data, answers(set()), DAY)
    assert code == 0 and lines[-1].endswith("바뀐 파일 0개를 observed/ 폴더에 썼습니다.")
    assert {p.name: p.read_bytes() for p in (real_data / "observed").iterdir()} == first


def test_a_failed_fetch_keeps_the_known_value(real_data: Path) -> None:
    before = (real_data / "observed" / "jax.yaml").read_bytes()
    code, lines = rf.refresh(load_catalog(real_data), real_data, answers({"jax", "torch", "flax"}), DAY)
    assert code == 0  # 3 of 18 is 17 %: under the limit
    assert "  JAX: Python 패키지 색인(PyPI)의 jax 패키지를 읽지 못했습니다 (시간 안에 답하지 않았습니다) — 이전에 확인한 값을 그대로 둡니다" in lines
    assert lines[-1] == "패키지 18개를 읽어 15개를 확인했고 3개는 읽지 못했습니다. 바뀐 파일 15개를 observed/ 폴더에 썼습니다."
    assert (real_data / "observed" / "jax.yaml").read_bytes() == before
    assert load_catalog(real_data).frameworks["jax"].shown_release.version == "0.12.0.1"  # type: ignore[union-attr]


def test_more_than_a_fifth_failing_fails_the_run_and_writes_nothing(real_data: Path) -> None:
    before = {p.name: p.read_bytes() for p in (real_data / "observed").iterdir()}
    code, lines = rf.refresh(load_catalog(real_data), real_data, answers({"jax", "torch", "flax", "mlx"}), DAY)
    assert code == 1
    assert lines[-1] == ("읽지 못한 패키지가 너무 많습니다 (18개 가운데 4개, 22%, 기준 20% 이하). "
                         "아무 파일도 쓰지 않았습니다. 레지스트리에 닿는지 확인한 뒤 다시 실행하세요.")
    assert {p.name: p.read_bytes() for p in (real_data / "observed").iterdir()} == before


def test_registries_without_a_client_are_skipped_with_a_reason(real_data: Path) -> None:
    _, lines = rf.refresh(load_catalog(real_data), real_data, answers(set()), DAY)
    assert "  Burn: 건너뜁니다 — Rust 크레이트 레지스트리는 읽지 않습니다 (유지보수되는 Python 클라이언트가 없고 이 환경에서 닿지 않습니다)" in lines
    assert "  Deeplearning4j: 건너뜁니다 — Maven Central은 읽지 않습니다 (유지보수되는 Python 클라이언트가 없고 이 환경에서 닿지 않습니다)" in lines
    assert "  Caffe: 건너뜁니다 — 패키지 이름이 적혀 있지 않습니다 (레지스트리에 올라가지 않은 프로젝트)" in lines


def test_an_answer_past_the_deadline_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rf, "DEADLINE", -1.0)  # every answer is late: no clock is waited on
    with pytest.raises(FetchError) as err:
        pypi_fetcher(Replay())("jax")
    assert str(err.value) == "응답이 -1초 안에 끝나지 않았습니다"


# --- what pages and downloads show ---------------------------------------------------------------

def observe(data: Path, version: str, date: str) -> None:
    """alpha names its Python package, and `dlkb refresh` observed `version` for it."""
    record = data / "frameworks" / "alpha.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "identifiers:\n  pypi: [alpha]\n", encoding="utf-8")
    (data / "observed").mkdir()
    (data / "observed" / "alpha.yaml").write_text(
        rf.observed_text("alpha", "pypi", "alpha", dt.date(2026, 11, 20), Pick(version, dt.date.fromisoformat(date))), encoding="utf-8")


def test_a_newer_observed_release_is_shown_with_when_and_where_it_was_observed(fixture_data: Path) -> None:
    from dlkb.export import downloads
    from dlkb.render import render_pages

    observe(fixture_data, "1.3.0", "2026-10-02")  # the record says 1.2.0 (2020-05-01)
    catalog = load_catalog(fixture_data, today=DAY)
    page = {p.path: p.markdown for p in render_pages(catalog, DAY)}["frameworks/alpha.md"]
    assert ('1.3.0 (<time datetime="2026-10-02">2026년 10월 2일</time>) <span class="dlkb-note dlkb-observed">자동 확인 '
            '<time datetime="2026-11-20">2026-11-20</time> · 출처: Python 패키지 색인(PyPI)의 <code>alpha</code> 패키지</span>') in page
    rows = downloads(catalog, DAY)["api/frameworks.csv"].decode("utf-8-sig").splitlines()
    header, alpha = rows[0].split(","), dict(zip(rows[0].split(","), next(r for r in rows if r.startswith("alpha,")).split(","), strict=True))
    assert {k: alpha[k] for k in ("latest_version", "latest_date", "observed_version", "observed_date", "observed_checked", "observed_registry")} == {
        "latest_version": "1.2.0", "latest_date": "2020-05-01", "observed_version": "1.3.0", "observed_date": "2026-10-02",
        "observed_checked": "2026-11-20", "observed_registry": "pypi"}
    assert "observed_version" in header


def test_an_older_observed_release_leaves_the_curated_one_on_the_page(fixture_data: Path) -> None:
    from dlkb.render import render_pages

    observe(fixture_data, "1.2", "2020-05-09")  # the same release as the record's 1.2.0, uploaded later
    page = {p.path: p.markdown for p in render_pages(load_catalog(fixture_data, today=DAY), DAY)}["frameworks/alpha.md"]
    assert "자동 확인" not in page and '1.2.0 (<time datetime="2020-05-01">' in page


def test_an_observed_file_for_a_package_the_record_does_not_name_is_an_error(fixture_data: Path) -> None:
    from dlkb.problems import CatalogError

    observe(fixture_data, "1.3.0", "2026-10-02")
    (fixture_data / "observed" / "alpha.yaml").write_text(
        rf.observed_text("alpha", "pypi", "alpha-nightly", DAY, None), encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(fixture_data, today=DAY)
    assert [str(p) for p in err.value.problems] == [
        "data/observed/alpha.yaml:4 › package: 프레임워크 파일의 패키지 이름에 없는 패키지입니다 (입력: 'alpha-nightly') — "
        "올바른 값: identifiers.pypi의 이름 (alpha; `dlkb refresh`로 다시 쓰세요)"]
