"""Chainer: chainer.Chain으로 만든 두 층짜리 MLP를 고정된 데이터로 5번 학습합니다(define-by-run)."""

import chainer
import chainer.functions as F
import chainer.links as L
import numpy as np

X = ((np.arange(32).reshape(8, 4) % 7 - 3) / 3).astype(np.float32)
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]


class MLP(chainer.Chain):
    def __init__(self):
        super().__init__()
        with self.init_scope():
            # 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (W는 출력 × 입력)
            self.l1 = L.Linear(4, 8, initialW=((np.arange(32).reshape(4, 8) % 5 - 2) / 10).T.astype(np.float32),
                               initial_bias=np.full(8, 0.01, dtype=np.float32))
            self.l2 = L.Linear(8, 1, initialW=((np.arange(8).reshape(8, 1) % 3 - 1) / 5).T.astype(np.float32),
                               initial_bias=0)

    def forward(self, x: np.ndarray) -> chainer.Variable:
        return self.l2(F.relu(self.l1(x)))


model = MLP()
optimizer = chainer.optimizers.SGD(lr=0.1)
optimizer.setup(model)
print(f"chainer {chainer.__version__} numpy {np.__version__}")
for step in range(1, 6):
    loss = F.mean_squared_error(model(X), y)
    model.cleargrads()
    loss.backward()
    optimizer.update()
    print(f"step {step} loss {float(loss.array):.6f}")
