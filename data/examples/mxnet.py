"""MXNet Gluon: gluon.nn으로 만든 두 층짜리 MLP를 autograd.record로 5번 학습합니다."""

import mxnet as mx
import numpy as np
from mxnet import autograd, gluon, nd

X = nd.array((np.arange(32).reshape(8, 4) % 7 - 3) / 3)
y = X[:, 0:1] - X[:, 1:2] * X[:, 2:3]

model = gluon.nn.Sequential()
model.add(gluon.nn.Dense(8, activation="relu", in_units=4), gluon.nn.Dense(1, in_units=8))
model.initialize()
# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (weight는 출력 × 입력)
model[0].weight.set_data(nd.array(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).T))
model[0].bias.set_data(nd.full(8, 0.01))
model[1].weight.set_data(nd.array(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).T))
model[1].bias.set_data(nd.zeros(1))
trainer = gluon.Trainer(model.collect_params(), "sgd", {"learning_rate": 0.1})
loss_fn = gluon.loss.L2Loss()

print(f"mxnet {mx.__version__} numpy {np.__version__}")
for step in range(1, 6):
    with autograd.record():
        loss = 2 * loss_fn(model(X), y)  # L2Loss는 제곱 오차의 절반입니다
    loss.backward()
    trainer.step(batch_size=8)  # 배치 크기로 나눠 평균을 냅니다
    print(f"step {step} loss {loss.mean().asscalar():.6f}")
