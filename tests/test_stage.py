"""`dlkb render --out DIR` plus a plain build gives the site that the hook build gives, byte for byte."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_EPOCH
from invalid_cases import BY_NAME
from test_build import make_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
REPO = "https://github.com/dl-frameworks-ko/dl-frameworks-ko"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, env=ENV)


def render(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return run(["dlkb.cli", "render", "--out", str(out)], cwd=project)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The small fixture project built with the hook, and staged then built without it."""
    tmp = tmp_path_factory.mktemp("stage")
    project = make_project(tmp)
    hook = run(["mkdocs", "build", "--strict", "-d", str(tmp / "hook")], cwd=project)
    assert hook.returncode == 0, hook.stderr
    staged = render(project, tmp / "staged")
    assert staged.returncode == 0, staged.stderr
    # From another folder, so that nothing of the project can be picked up but through DIR.
    plain = run(["mkdocs", "build", "--strict", "-f", str(tmp / "staged" / "mkdocs.yml"), "-d", str(tmp / "plain")], cwd=tmp)
    assert plain.returncode == 0, plain.stderr
    assert "WARNING" not in plain.stderr, plain.stderr
    # The hook build adds the content security policy after building; a plain build takes one command.
    csp = run(["dlkb.cli", "--data", str(project / "data"), "csp", str(tmp / "plain")], cwd=tmp)  # data: for the search index
    assert csp.returncode == 0, csp.stderr
    return {"project": project, "hook": tmp / "hook", "staged": tmp / "staged", "plain": tmp / "plain"}


def test_staged_build_gives_identical_files(builds: dict[str, Path]) -> None:
    hook, plain = files(builds["hook"]), files(builds["plain"])
    assert sorted(plain) == sorted(hook)
    # Every page, every download under api/, search_index.json and the sitemap (dated by SOURCE_DATE_EPOCH).
    assert [name for name in hook if hook[name] != plain[name]] == []
    assert "frameworks/alpha/index.html" in hook and "api/frameworks/alpha.json" in hook
    assert "search/search_index.json" in hook and "sitemap.xml.gz" in hook


def test_staged_config_has_the_nav_and_no_hooks(builds: dict[str, Path]) -> None:
    text = (builds["staged"] / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert "hooks" not in config and "watch" not in config
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert config["nav"][1] == {"프레임워크": "frameworks/index.md"}  # the list page links every framework
    assert (builds["staged"] / "overrides" / "partials" / "actions.html").is_file()
    assert (builds["staged"] / "docs" / "api" / "frameworks.csv").is_file()


def edit_links(page: Path) -> list[str]:
    return re.findall(r'<a href="([^"]*)" title="이 페이지를 편집"[^>]*rel="edit noopener">', page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("site", ["hook", "plain"])
def test_edit_button_opens_the_source_file(builds: dict[str, Path], site: str) -> None:
    root = builds[site]
    assert edit_links(root / "frameworks/alpha/index.html") == [f"{REPO}/edit/main/data/frameworks/alpha.yaml"]
    assert edit_links(root / "compare/alpha-vs-beta/index.html") == [f"{REPO}/edit/main/data/comparisons/alpha-vs-beta.yaml"]
    assert edit_links(root / "compare/index.html") == [f"{REPO}/edit/main/docs/compare/index.md"]
    # Made from every record: no single file to open.
    assert edit_links(root / "compare/matrix/index.html") == []
    assert "md-content__button" not in (root / "compare/matrix/index.html").read_text(encoding="utf-8")


def test_theme_links_to_other_sites_open_without_opener(builds: dict[str, Path]) -> None:
    # No pass over the finished pages any more: the templates themselves must write rel="noopener".
    for page in builds["plain"].rglob("*.html"):
        for tag in re.findall(r'<a\b[^>]*\bhref="https?://[^>]*>', page.read_text(encoding="utf-8")):
            assert re.search(r'\brel="[^"]*\bnoopener\b', tag), (page, tag)


def test_render_is_deterministic_and_replaces_its_own_output(builds: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "again"
    assert render(builds["project"], out).returncode == 0
    first = files(out)
    (out / "docs" / "stale.md").write_text("# 지난번에 남은 페이지\n", encoding="utf-8")
    second = render(builds["project"], out)
    assert second.returncode == 0, second.stderr
    assert files(out) == first == files(builds["staged"])


def test_bad_data_prints_the_check_report_and_writes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "data" / "frameworks" / "bad-status.yaml").write_bytes(BY_NAME["bad-status"].content())
    check = run(["dlkb.cli", "check"], cwd=project)
    staged = render(project, tmp_path / "out")
    assert staged.returncode == 1
    assert check.stderr.count("데이터에서 문제") == 1
    assert staged.stderr == check.stderr
    assert staged.stdout == ""
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]  # no half-written folder beside it


def test_render_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("내 메모", encoding="utf-8")
    staged = render(project, out)
    assert staged.returncode == 2
    assert staged.stderr == f"출력 폴더가 비어 있지 않고 `dlkb render`로 만든 폴더도 아닙니다: {out}\n"
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    inside = render(project, project / "docs" / "staged")
    assert inside.returncode == 2
    assert not (project / "docs" / "staged").exists()


def test_properdocs_builds_the_staged_tree(builds: dict[str, Path], tmp_path: Path) -> None:
    site = tmp_path / "properdocs"
    built = run(["properdocs", "build", "--strict", "-f", str(builds["staged"] / "mkdocs.yml"), "-d", str(site)], cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert run(["dlkb.cli", "--data", str(builds["project"] / "data"), "csp", str(site)], cwd=tmp_path).returncode == 0
    ours, theirs = files(builds["plain"]), files(site)
    assert sorted(theirs) == sorted(ours)
    # The same pages; only the generator's name in <meta name="generator"> differs.
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    differ = [name for name in ours if generator.sub(b"", ours[name]) != generator.sub(b"", theirs[name])]
    assert differ == []
    assert b'<meta name="generator" content="mkdocs-ProperDocs ' in theirs["index.html"]
