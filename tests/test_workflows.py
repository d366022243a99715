"""The scheduled refresh workflow: not run here, so its file is checked for what it must do."""

from __future__ import annotations

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "refresh.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_refresh_runs_weekly() -> None:
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "17 3 * * 1"}]
    assert "workflow_dispatch" in triggers


def test_it_refreshes_checks_and_opens_a_pull_request_with_the_report() -> None:
    steps = _workflow()["jobs"]["refresh"]["steps"]
    runs = [s.get("run", "") for s in steps]
    refresh = next(i for i, r in enumerate(runs) if r.strip() == "dlkb refresh")
    check = next(i for i, r in enumerate(runs) if "dlkb check" in r and "report.md" in r)
    pull = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert refresh < check < pull
    assert steps[pull]["with"]["add-paths"] == "data/observed"
    assert steps[pull]["with"]["body-path"] == "${{ runner.temp }}/report.md"


def test_it_may_write_only_what_a_pull_request_needs() -> None:
    assert _workflow()["permissions"] == {"contents": "write", "pull-requests": "write"}
