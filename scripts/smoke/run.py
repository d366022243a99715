"""Install an old framework in a throwaway virtual environment and run its smoke test.

    .venv/bin/python scripts/smoke/run.py chainer

The pins come from `environment.pins` in data/migrations/<id>.yaml, so the page and the run
cannot disagree. It needs the package registry, so it is not part of the test suite; it prints
the `ran:` block to paste under `environment:` after a run that passed, and nothing is written
into the data by itself (a failed run must never turn into "실행 확인").
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
# What a build needs besides the framework's own pins: Chainer 7.8.1's setup.py imports
# pkg_resources, which new setuptools no longer has, so it is built without isolation.
PREPARE = {"chainer": ["setuptools<70", "wheel"]}
# Theano in pure Python: no C++ compiler needed, and no probe of numpy's removed BLAS config.
ENVIRON = {"theano": {"THEANO_FLAGS": "cxx=,blas.ldflags="}}


def pip(python: Path, args: list[str]) -> None:
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args], check=True)


def run(fw_id: str) -> list[str]:
    """Install the pins and run scripts/smoke/<id>.py; the lines it printed."""
    data = yaml.safe_load((ROOT / "data" / "migrations" / f"{fw_id}.yaml").read_text(encoding="utf-8"))
    pins: list[str] = data["environment"]["pins"]
    with tempfile.TemporaryDirectory(prefix=f"smoke-{fw_id}-") as tmp:
        venv.create(tmp, with_pip=True)
        python = Path(tmp) / "bin" / "python"
        if fw_id in PREPARE:
            pip(python, PREPARE[fw_id])
            pip(python, ["--no-build-isolation", *pins])
        else:
            pip(python, pins)
        # -P: the script's folder is not put on the path (scripts/smoke/chainer.py is not chainer)
        done = subprocess.run([str(python), "-P", str(ROOT / "scripts" / "smoke" / f"{fw_id}.py")],
                              capture_output=True, text=True, env={**os.environ, **ENVIRON.get(fw_id, {})})
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise SystemExit(f"{fw_id}: 점검 실패 (종료 코드 {done.returncode})")
    return done.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description="옛 프레임워크를 빈 가상 환경에 설치하고 점검합니다")
    parser.add_argument("id", help="data/migrations/의 파일 이름 (예: chainer)")
    args = parser.parse_args()
    lines = run(args.id)
    block = {"ran": {"date": dt.date.today().isoformat(), "command": f"python scripts/smoke/run.py {args.id}", "output": lines}}
    print(yaml.safe_dump(block, allow_unicode=True, sort_keys=False), end="")


if __name__ == "__main__":
    main()
