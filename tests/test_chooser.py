"""The chooser's verdicts on the real data, as a table: for each combination of needs, the exact
ranked list of frameworks that stay, and the verdicts the review found wrong before.

A data change that moves a framework in a ranking fails here on purpose: read the new order,
check that it follows from the facts, and update the row.
"""

from __future__ import annotations

import pytest
from conftest import BUILD_DAY
from dlkb.catalog import Catalog
from dlkb.needs import evaluate, rank

# needs ticked -> frameworks kept, best first ("?" marks one kept with a fact not known).
RANKED = [
    (["maintained"], "burn deeplearning4j mindspore mlx paddle pytorch tensorflow tinygrad jax fastai flax keras pycaret"),
    (["maintained", "beginner"], "fastai flax keras pycaret pytorch tensorflow jax"),
    (["maintained", "apple"], "burn mlx pytorch tinygrad mindspore fastai tensorflow keras deeplearning4j? paddle?"),
    (["maintained", "tpu"], "tensorflow jax flax keras pytorch burn? deeplearning4j? mindspore? paddle? fastai?"),
    (["maintained", "rocm"], "burn pytorch tinygrad jax fastai paddle tensorflow flax keras deeplearning4j? mindspore? pycaret?"),
    (["maintained", "multi-node"], "deeplearning4j mindspore mlx paddle pytorch tensorflow jax fastai keras burn flax tinygrad?"),
    (["maintained", "mobile"], "deeplearning4j mindspore paddle pytorch tensorflow mlx jax flax keras burn? tinygrad? fastai?"),
    (["maintained", "browser"], "burn paddle tensorflow tinygrad pycaret pytorch deeplearning4j? mindspore? mlx? fastai? keras?"),
    (["maintained", "other-languages"], "burn deeplearning4j mindspore mlx paddle pytorch tensorflow"),
    (["maintained", "spark"], "deeplearning4j pycaret pytorch tensorflow burn? mindspore? mlx? paddle? tinygrad? jax? fastai? flax? keras?"),
    (["maintained", "permissive", "dynamic-graph"], "burn deeplearning4j mindspore mlx paddle pytorch tensorflow tinygrad jax fastai flax keras"),
    (["maintained", "serving"], "mindspore paddle tensorflow pycaret burn deeplearning4j mlx pytorch tinygrad jax flax keras fastai?"),
    (["maintained", "cuda", "multi-gpu"], "burn deeplearning4j mlx paddle pytorch tensorflow tinygrad jax fastai flax keras mindspore"),
    (["beginner", "rocm"], "fastai pytorch jax flax keras tensorflow pycaret?"),
    (["maintained", "beginner", "tpu"], "flax keras tensorflow jax pytorch fastai?"),
    (["python", "multi-node", "tpu"], "tensorflow jax keras pytorch flax mindspore? paddle? fastai? oneflow? bigdl? mxnet? caffe2?"),
]


@pytest.mark.parametrize(("needs", "expected"), RANKED, ids=["+".join(n) for n, _ in RANKED])
def test_the_chooser_ranks_exactly(catalog: Catalog, needs: list[str], expected: str) -> None:
    verdicts = evaluate(catalog, BUILD_DAY)
    kept, _ = rank(catalog, BUILD_DAY, needs)
    shown = [fw + ("?" if any(verdicts[fw][k].unknown for k in needs) else "") for fw in kept]
    assert shown == expected.split()


# (framework, need) -> (stays, the reason shown): the verdicts the review found wrong.
VERDICTS = [
    ("caffe", "python", True, "API 언어: C++, Python (pycaffe), MATLAB (matcaffe), 명령줄 (cmdcaffe)"),
    ("theano", "beginner", False, "종류: 딥러닝 엔진, 지금 이 위에서 동작하는 활성 고수준 신경망 라이브러리 기록 없음"),
    ("cntk", "beginner", False, "종류: 딥러닝 엔진, 지금 이 위에서 동작하는 활성 고수준 신경망 라이브러리 기록 없음"),
    ("chainer", "maintained", False, "상태: 유지보수만 (2019년 12월 5일부터), 마지막 릴리스 2022년 1월 5일: 18개월 넘게 새 릴리스가 없습니다"),
    ("oneflow", "maintained", False, "상태: 유지보수만 (2024년부터), 마지막 릴리스 2024년 3월 11일: 18개월 넘게 새 릴리스가 없습니다"),
    ("pycaret", "multi-node", False, "여러 노드: 미지원 — parallel 추가 패키지의 FugueBackend로 compare_models 같은 모델 비교 작업을 Spark·Dask 클러스터에 "
                                     "나눠 돌릴 수 있습니다. 다만 모델 하나를 여러 노드에 나눠 학습하는 기능은 없습니다."),
    ("fastai", "rocm", True, "fastai는 PyTorch 위에서 동작하므로 PyTorch의 지원을 따릅니다 (ROCm: 지원 — AMD GPU는 HIP(ROCm) 빌드로 지원하며, "
                             "torch.cuda 인터페이스를 그대로 재사용합니다.)"),
    ("fastai", "tpu", True, "TPU: 확인 안 됨"),
    ("jax", "beginner", True, "이 위에서 동작하는 고수준 신경망 라이브러리: Flax"),
]


@pytest.mark.parametrize(("fw_id", "need", "ok", "reason"), VERDICTS, ids=[f"{f}-{n}" for f, n, _, _ in VERDICTS])
def test_the_reviewed_verdicts(catalog: Catalog, fw_id: str, need: str, ok: bool, reason: str) -> None:
    verdict = evaluate(catalog, BUILD_DAY)[fw_id][need]
    assert (verdict.ok, verdict.reason) == (ok, reason)


def test_unknown_is_kept_and_marked_not_dropped(catalog: Catalog) -> None:
    verdict = evaluate(catalog, BUILD_DAY)["fastai"]["tpu"]
    assert verdict.ok and verdict.unknown
    assert "fastai" not in rank(catalog, BUILD_DAY, ["tpu"])[1]


def test_native_apple_support_ranks_above_partial_and_a_plugin(catalog: Catalog) -> None:
    kept, _ = rank(catalog, BUILD_DAY, ["apple"])
    assert kept.index("pytorch") < kept.index("fastai") < kept.index("tensorflow")
