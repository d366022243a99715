"""tinygrad: nn.Linear로 만든 두 층짜리 MLP를 5번 학습합니다."""

from importlib.metadata import version

import numpy as np
from tinygrad import Context, Tensor, nn

X = Tensor((np.arange(32).reshape(8, 4) % 7 - 3) / 3, dtype="float32")
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]


class MLP:
    def __init__(self):
        self.l1, self.l2 = nn.Linear(4, 8), nn.Linear(8, 1)
        # 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (weight는 출력 × 입력)
        self.l1.weight = Tensor(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).T, dtype="float32")
        self.l1.bias = Tensor.full((8,), 0.01)
        self.l2.weight = Tensor(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).T, dtype="float32")
        self.l2.bias = Tensor.zeros(1)

    def __call__(self, x: Tensor) -> Tensor:
        return self.l2(self.l1(x).relu())


model = MLP()
optimizer = nn.optim.SGD(nn.state.get_parameters(model), lr=0.1)
print(f"tinygrad {version('tinygrad')} numpy {np.__version__}")
with Context(TRAINING=1):  # 옵티마이저는 학습 모드에서만 돕니다
    for step in range(1, 6):
        optimizer.zero_grad()
        loss = ((model(X) - y) ** 2).mean()
        loss.backward()
        value = loss.item()  # 지금 계산합니다: tinygrad는 지연 실행이라 걸음 뒤에는 새 가중치의 손실이 나옵니다
        optimizer.step()
        print(f"step {step} loss {value:.6f}")
