"""What `mkdocs serve` shows while the data is broken: the Korean problems, escaped."""

from __future__ import annotations

from html import escape

from dlkb.problems import CatalogError

_STYLE = (
    "border:2px solid #c62828;background:#fff3f3;color:#3b0000;padding:1em 1.2em;margin:0 0 1.5em;"
    "border-radius:6px;font-size:.8rem;line-height:1.6"
)


def _items(error: CatalogError) -> str:
    return "".join(f"<li><code>{escape(str(p))}</code></li>" for p in error.problems)


def error_banner(error: CatalogError, showing_last_good: bool = True) -> str:
    """A block put at the top of every page while the data on disk is broken."""
    what = "마지막으로 성공한 빌드를 보여 줍니다" if showing_last_good else "사이트를 만들 수 없습니다"
    return (
        f'<div role="alert" class="dlkb-error" style="{_STYLE}">'
        f"<p><strong>데이터에 문제가 {len(error.problems)}개 있어 {what}.</strong> "
        f"파일을 고치고 저장하면 이 페이지가 저절로 새로 고쳐집니다.</p><ul>{_items(error)}</ul></div>"
    )


def error_page(error: CatalogError) -> str:
    """A whole page for when no build has succeeded yet; it reloads itself every 2 seconds."""
    return (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="2"><meta name="viewport" content="width=device-width">'
        "<title>데이터 오류 — 딥러닝 프레임워크 비교</title></head>"
        '<body style="font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem">'
        f"<h1>데이터 오류</h1>{error_banner(error, showing_last_good=False)}</body></html>"
    )
