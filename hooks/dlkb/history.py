"""What changed in the framework files, read from git at build time: the "최근 바뀐 사실" page
and the Atom feeds.

Git is read through subprocesses with a timeout (`git log` for the commits, one `git cat-file
--batch` for every file version), never through a library. Everything shown comes from commits
(their dates, their contents), so two builds of one commit give the same page and feeds.
History is followed along the first parent: a change is dated when it landed on the branch.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from dlkb.fields import FIELDS
from dlkb.fields import titles_along as _titles
from dlkb.live import LIVE

GIT_TIMEOUT = 30  # seconds for one git call; a slow disk must not hang the build
MAX_COMMITS = 300  # commits read, newest first
MAX_CHANGES = 150  # changes kept: the page (its first view within 80 KiB) and the feeds stay small, the build fast
SHORT = 60  # characters of a value shown before it is cut
BEFORE_DIFFERENCE = 15  # characters shown before the first difference of a long value

State = Literal["ok", "shallow", "no-git", "error"]
Kind = Literal["changed", "added", "removed"]


@dataclass(frozen=True)
class Change:
    """One field of one framework file changed in one commit (or the whole file came or went)."""

    sha: str
    date: dt.datetime  # the committer date: when it landed
    fw_id: str
    kind: Kind
    label: str = ""  # the field's Korean label (label_of)
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class History:
    state: State
    changes: list[Change] = field(default_factory=list)
    truncated: bool = False  # more changes exist than MAX_CHANGES
    head_date: dt.datetime | None = None

    def of(self, fw_id: str) -> list[Change]:
        return [c for c in self.changes if c.fw_id == fw_id]


class GitError(Exception):
    pass


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:  # no git installed, or too slow
        raise GitError(str(err)) from None
    if run.returncode != 0:
        raise GitError(run.stderr.decode("utf-8", "replace")[:200])
    return run.stdout


# --- labels --------------------------------------------------------------------------------

_LABELS = {f.path: f.label for f in FIELDS if f.label}
def label_of(path: str) -> str:
    """The Korean label of a changed field: from the longest displayed field the path is or
    starts with, its label (`hardware.cuda.value` -> NVIDIA GPU (CUDA)), then the model's titles
    (`latest_release.version` -> 최신 릴리스 · 버전, `pros[0].text_ko` -> 장점 1 · 내용)."""
    if path.endswith(".value") and path.removesuffix(".value") in _LABELS:  # a Feature's support value
        return _LABELS[path.removesuffix(".value")]
    steps = _titles(path)
    prefixes = [p for p in _LABELS if path == p or path.startswith((p + ".", p + "["))]
    if prefixes:
        best = max(prefixes, key=len)
        at = best.count(".")
        steps = [(_LABELS[best], steps[at][1]), *steps[at + 1:]]
    return " · ".join(title + item for title, item in steps)


# --- structural diff of two YAML documents ---------------------------------------------------

def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Dotted paths to leaf values (an empty one is None); a list of mappings is keyed by their
    `id` when every item has a distinct one (`sources[alpha-repo].url`), else by position; a list
    of plain values is one leaf."""
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, list) and value and all(isinstance(i, dict) for i in value):
        ids = [i.get("id") for i in value]
        keyed = all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)
        out = {}
        for n, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{ids[n] if keyed else n}]"))
        return out
    return {prefix: None if isinstance(value, str) and value in _NULL else value}


_SPACE = re.compile(r"\s+")


def _text(value: Any) -> str:
    """A value as one line; escaping is left to the page and the feed."""
    if value is None or value == [] or value == {}:
        return "—"
    text = ", ".join(_text(v) for v in value) if isinstance(value, list) else str(value)
    return _SPACE.sub(" ", text).strip()


def _cut(text: str, start: int) -> str:
    head = "…" if start else ""
    rest = text[start:]
    room = SHORT - len(head)
    return head + (rest if len(rest) <= room else rest[: room - 1] + "…")


def shown(old: Any, new: Any) -> tuple[str, str]:
    """Both sides of a change as short lines that show where they differ: a long text is cut
    from a little before its first difference, both sides from the same place (cut from its
    start, a sentence edited near its end read the same on both sides)."""
    a, b = _text(old), _text(new)
    same = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) <= SHORT and len(b) <= SHORT:
        return a, b
    start = max(0, same - BEFORE_DIFFERENCE)
    space = a.rfind(" ", 0, start)  # from the start of a word, if one starts a little earlier
    start = space + 1 if start and space >= start - 10 else start
    return _cut(a, start), _cut(b, start)


# Every scalar as the text it is in the file (a base loader resolves no types): `value: yes` is
# "yes", not YAML 1.1's True, as in the site's own loader; and libyaml when present, which does
# a third less work than a safe loader and a tenth of the pure-Python one's.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NULL = {"", "~", "null", "Null", "NULL"}  # how a file leaves a value empty


@functools.lru_cache(maxsize=512)  # a version is the new side of one change and the old side of the next
def _load(text: bytes | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=_Loader)  # a base loader: builds only dicts, lists and strings
    except yaml.YAMLError:
        return {}  # a broken version in the past: compared as empty, the next version shows in full
    return data if isinstance(data, dict) else {}


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(path, old, new) for every leaf that differs, in the new file's order, removed leaves last."""
    before, after = flatten(old), flatten(new)
    paths = list(after) + [p for p in before if p not in after]
    return [(p, *shown(before.get(p), after.get(p))) for p in paths if before.get(p) != after.get(p)]


# --- reading git -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _FileChange:
    sha: str
    parent: str  # "" for a root commit or a shallow boundary
    date: dt.datetime
    status: str  # A, M or D
    path: str  # from the top of the repository


def _commits(top: Path, pathspec: str) -> list[_FileChange]:
    out = _git(top, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", f"-n{MAX_COMMITS}",
               "--format=%x01%H %cI %P", "--name-status", "--", pathspec).decode("utf-8", "replace")
    found = []
    for block in out.split("\x01")[1:]:
        head, *lines = block.strip("\n").split("\n")
        sha, date, *parents = head.split()
        when = dt.datetime.fromisoformat(date)
        for line in filter(None, lines):
            status, _, path = line.partition("\t")
            if path.endswith(".yaml"):
                found.append(_FileChange(sha, parents[0] if parents else "", when, status[:1], path))
    return found


def _blobs(top: Path, names: list[str]) -> dict[str, bytes | None]:
    """Every `<commit>:<path>` asked for, read in one `git cat-file --batch` call."""
    if not names:
        return {}
    out = _git(top, "cat-file", "--batch", stdin="".join(n + "\n" for n in names).encode())
    found: dict[str, bytes | None] = {}
    pos = 0
    for name in names:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[name] = out[pos:pos + size]
            pos += size + 1
        else:  # "<name> missing"
            found[name] = None
    return found


def _versions(f: _FileChange) -> list[str]:
    """The file before and after the commit, as `git cat-file` names them."""
    return ([f"{f.parent}:{f.path}"] if f.parent and f.status != "A" else []) + ([f"{f.sha}:{f.path}"] if f.status != "D" else [])


def read_history(data_dir: Path | None) -> History:
    """The latest changes to `data_dir/frameworks/`, newest first; a Korean-facing state when
    the folder is not a git checkout, the checkout is shallow, or git fails."""
    if data_dir is None or not data_dir.is_dir():
        return History("no-git")
    try:
        top = Path(_git(data_dir, "rev-parse", "--show-toplevel").decode().strip())
    except GitError:
        return History("no-git")
    try:
        prefix = _git(data_dir, "rev-parse", "--show-prefix").decode().strip()
        head_sha = _git(top, "rev-parse", "HEAD").decode().strip()
    except GitError:
        return History("error")
    # The history of one commit cannot change, so `mkdocs serve` reads it once per commit (and
    # per version of this code), not on every save: a save changes the working tree, never the history.
    key = ("history", str(top), prefix, head_sha, _CODE)
    if key not in LIVE.memo:
        LIVE.memo[key] = _read(top, prefix, head_sha)
    # An instance of this class as an earlier import made it: the same code (the key says so).
    return cast(History, LIVE.memo[key])


# The code the history is read and labelled with: this module and the field labels.
_CODE = hashlib.sha256(Path(__file__).read_bytes() + (Path(__file__).parent / "fields.py").read_bytes()).hexdigest()


def _read(top: Path, prefix: str, head_sha: str) -> History:
    """The history of one commit, read from git."""
    try:
        shallow = _git(top, "rev-parse", "--is-shallow-repository").decode().strip() == "true"
        head = _git(top, "log", "-1", "--format=%cI", head_sha).decode().strip()
        files = _commits(top, f"{prefix}frameworks/")
        # A commit with no parent in a shallow checkout is a boundary, not the first commit.
        files = [f for f in files if f.parent or not shallow]
        blobs = _blobs(top, [name for f in files for name in _versions(f)])
    except (GitError, ValueError, IndexError):
        return History("error")
    changes: list[Change] = []
    for f in files:
        if len(changes) > MAX_CHANGES:
            break  # enough for the page: older versions are not parsed at all
        fw_id = Path(f.path).stem
        old = _load(blobs.get(f"{f.parent}:{f.path}")) if f.parent else None
        new = _load(blobs.get(f"{f.sha}:{f.path}"))
        if old is None and new is not None:
            changes.append(Change(f.sha, f.date, fw_id, "added"))
        elif new is None and old is not None:
            changes.append(Change(f.sha, f.date, fw_id, "removed"))
        elif old is not None and new is not None:
            changes += [Change(f.sha, f.date, fw_id, "changed", label_of(p), before, after) for p, before, after in diff(old, new)]
    return History("shallow" if shallow else "ok", changes[:MAX_CHANGES], len(changes) > MAX_CHANGES,
                   dt.datetime.fromisoformat(head) if head else None)


def commit_url(repo_url: str, sha: str) -> str:
    """Where a commit is shown on the forge (GitHub and GitLab share the form); "" without a repository."""
    return f"{repo_url.rstrip('/')}/commit/{sha}" if repo_url.startswith(("https://", "http://")) else ""
