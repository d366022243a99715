"""The scheduled workflows (weekly refresh, monthly examples): not run here, so their files are checked for what they must do."""

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


EXAMPLES = ROOT / ".github" / "workflows" / "examples.yml"
EXAMPLES_COMMAND = "python scripts/examples/run.py --all --record"


def _examples() -> dict:
    return yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))


def test_the_example_run_is_monthly_and_on_demand() -> None:
    triggers = _examples()[True]
    assert triggers["schedule"] == [{"cron": "41 4 3 * *"}]
    assert "workflow_dispatch" in triggers


def test_it_runs_the_documented_command_and_offers_the_results_as_a_pull_request() -> None:
    job = _examples()["jobs"]["examples"]
    steps = job["steps"]
    runs = [s.get("run", "") for s in steps]
    heavy = next(i for i, r in enumerate(runs) if EXAMPLES_COMMAND in r)
    artifact = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-artifact@"))
    pull = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert heavy < artifact < pull
    # One failed run must not stop the pull request with the runs that passed.
    assert steps[heavy]["continue-on-error"] is True
    assert "data/example_runs.yaml" in steps[artifact]["with"]["path"].split()
    assert steps[pull]["with"]["add-paths"] == "data/example_runs.yaml"
    assert steps[pull]["with"]["body-path"] == "${{ runner.temp }}/report.md"
    # The Chainer, Theano and MXNet runs pin NumPy 1.23.5, which installs on Python 3.11.
    assert next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))["with"] == {"python-version": "3.11"}
    assert _examples()["permissions"] == {"contents": "write", "pull-requests": "write"}


def test_the_readme_documents_the_same_command_and_the_workflow() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`--all`" in readme and "`--record`" in readme
    assert "`.github/workflows/examples.yml`" in readme
