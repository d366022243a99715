"""Every claim of the five seed posts is accounted for: `data/seed_claims.yaml` says, claim by
claim, where the site carries it or why it does not; this module checks both directions.

A claim in the data "comes from" a seed post when it cites one of the post's own source ids, or,
for a post with no address of its own (seed 000), when it carries the post's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import Field

from dlkb.catalog import Catalog
from dlkb.model import Claim, Id, KoLine, KoText, Strict

# frameworks/<id>#pros/<n>, frameworks/<id>#cons/<n>, comparisons/<id>#<aspect key>/<n>
REF = re.compile(r"(frameworks|comparisons)/([a-z0-9-]+)#([a-z0-9-]+)/(\d+)")


class SeedClaim(Strict):
    at: str = Field(min_length=1, description="글에서 그 주장이 나오는 문장의 첫머리(그대로)")
    ko: KoLine = Field(description="주장을 짧게 옮긴 것")
    carried: list[str] = Field(default_factory=list, description="주장을 실은 곳")
    not_carried: KoText | None = Field(None, description="싣지 않은 까닭")


class SeedPost(Strict):
    seed: str = Field(pattern=r"^\d{3}$", description="글 번호(000–004)")
    title: str
    sources: list[Id] = Field(default_factory=list, description="이 글 자체를 가리키는 출처 id")
    date: dt.date | None = Field(None, description="주소가 없는 글: 이 글에서 온 주장이 다는 날짜")
    undated: bool = Field(False, description="글에 날짜가 없어 주장마다 날짜가 추정임을 표시해야 하면 true")
    claims: list[SeedClaim] = Field(min_length=1)


class SeedClaims(Strict):
    seeds: list[SeedPost] = Field(min_length=1)


def load_seed_claims(path: Path) -> SeedClaims:
    return SeedClaims.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def all_claims(catalog: Catalog) -> Iterator[tuple[str, Claim]]:
    """Every dated claim on the site with its reference, in the form seed_claims.yaml uses."""
    for fw_id, fw in sorted(catalog.frameworks.items()):
        for side in ("pros", "cons"):
            for i, claim in enumerate(getattr(fw, side)):
                yield f"frameworks/{fw_id}#{side}/{i}", claim
    for cmp_id, cmp in sorted(catalog.comparisons.items()):
        for aspect in cmp.aspects:
            for i, claim in enumerate(aspect.history):
                yield f"comparisons/{cmp_id}#{aspect.key}/{i}", claim


def comes_from(post: SeedPost, claim: Claim) -> bool:
    if post.sources:
        return bool(set(post.sources) & set(claim.sources))
    return post.date is not None and claim.as_of == post.date


def check_seed_claims(catalog: Catalog, seeds: SeedClaims) -> list[str]:
    """Korean messages for every seed claim that is not accounted for; empty when all are."""
    claims = dict(all_claims(catalog))
    problems: list[str] = []
    listed: set[tuple[str, str]] = set()
    for post in seeds.seeds:
        for sc in post.claims:
            where = f"{post.seed} 글의 주장 '{sc.at}'"
            if bool(sc.carried) == bool(sc.not_carried):
                problems.append(f"{where}: 실린 곳(carried)과 싣지 않은 까닭(not_carried) 가운데 하나만 적어야 합니다")
            for ref in sc.carried:
                claim = claims.get(ref)
                if not REF.fullmatch(ref) or claim is None:
                    problems.append(f"{where}: {ref} 주장을 찾을 수 없습니다")
                elif not comes_from(post, claim):
                    problems.append(f"{where}: {ref} 주장은 이 글을 출처로 달지 않았습니다")
                else:
                    listed.add((post.seed, ref))
    for post in seeds.seeds:
        for ref, claim in claims.items():
            if not comes_from(post, claim):
                continue
            if (post.seed, ref) not in listed:
                problems.append(f"{ref} 주장은 {post.seed} 글에서 왔지만 data/seed_claims.yaml에 적혀 있지 않습니다")
            if post.undated and not claim.as_of_estimated:
                problems.append(f"{ref} 주장은 날짜가 없는 {post.seed} 글에서 왔으므로 날짜가 추정임을 표시해야 합니다")
    return problems
