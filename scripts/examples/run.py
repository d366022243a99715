"""Run the same small example in each framework, each in its own throwaway virtual environment.

    .venv/bin/python scripts/examples/run.py pytorch keras-jax   # some runs
    .venv/bin/python scripts/examples/run.py --all --record      # every run that can install here

Runs, pins and environment variables come from data/examples.yaml, so the page and the run
cannot disagree (the same approach as scripts/smoke/run.py). With --record a run that passed is
written to data/example_runs.yaml with the date, the example's hash and what it printed; a run
that failed is never written, so it cannot turn into "실행 확인". It needs the package registry,
so it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "examples.yaml"
RUNS = ROOT / "data" / "example_runs.yaml"
HEADER = "# Written by scripts/examples/run.py --record after a run that passed; do not edit by hand.\n"


def runs_by_id() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Every run that has pins, by run id, with its example."""
    data = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    return {run["id"]: (ex, run) for ex in data["examples"] for run in ex.get("runs", []) if run.get("pins")}


def run_one(example: dict[str, Any], run: dict[str, Any]) -> list[str]:
    """Install the pins in a new venv and run the example; the lines it printed."""
    with tempfile.TemporaryDirectory(prefix=f"example-{run['id']}-") as tmp:
        venv.create(tmp, with_pip=True)
        python = Path(tmp) / "bin" / "python"
        pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        if run.get("prepare"):  # build tools an old sdist needs before its own install (Chainer)
            subprocess.run([*pip, *run["prepare"]], check=True)
            pip.append("--no-build-isolation")
        subprocess.run([*pip, *run["pins"]], check=True)
        # -P: the example's folder is not put on the path (data/examples/jax.py is not jax)
        done = subprocess.run([str(python), "-P", str(ROOT / "data" / example["file"])], capture_output=True,
                              text=True, env={**os.environ, **run.get("env", {})}, cwd=tmp)
    sys.stderr.write(done.stderr[-4000:])
    if done.returncode != 0:
        raise RuntimeError(f"{run['id']}: 실행 실패 (종료 코드 {done.returncode})")
    return done.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description="같은 예제를 프레임워크마다 빈 가상 환경에서 실행합니다")
    parser.add_argument("ids", nargs="*", help="data/examples.yaml의 실행 id (예: pytorch, keras-jax)")
    parser.add_argument("--all", action="store_true", help="설치할 수 있는 실행을 모두 돌립니다")
    parser.add_argument("--record", action="store_true", help="성공한 실행을 data/example_runs.yaml에 적습니다")
    args = parser.parse_args()
    known = runs_by_id()
    ids = list(known) if args.all else args.ids
    failed = 0
    for run_id in ids:
        example, run = known[run_id]
        text = (ROOT / "data" / example["file"]).read_bytes()  # before the run: an edit meanwhile is not recorded as run
        try:
            lines = run_one(example, run)
        except (RuntimeError, subprocess.CalledProcessError) as err:
            print(f"{run_id}: {err}", file=sys.stderr)
            failed += 1
            continue
        block = {"date": dt.date.today().isoformat(), "sha256": hashlib.sha256(text).hexdigest(),
                 "command": f"python scripts/examples/run.py {run_id}", "output": lines}
        print(yaml.safe_dump({run_id: block}, allow_unicode=True, sort_keys=False), end="", flush=True)
        if args.record:  # read again: other runs may have been recorded meanwhile
            recorded = yaml.safe_load(RUNS.read_text(encoding="utf-8"))["runs"] if RUNS.exists() else {}
            recorded[run_id] = block
            RUNS.write_text(HEADER + yaml.safe_dump({"runs": dict(sorted(recorded.items()))}, allow_unicode=True,
                                                    sort_keys=False), encoding="utf-8")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
