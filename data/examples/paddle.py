"""PaddlePaddle: paddle.nn으로 만든 두 층짜리 MLP를 동적 그래프 방식으로 5번 학습합니다."""

import numpy as np
import paddle
from paddle import nn

X = paddle.to_tensor((np.arange(32).reshape(8, 4) % 7 - 3) / 3, dtype="float32")
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (weight는 입력 × 출력)
model[0].weight.set_value(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).astype("float32"))
model[0].bias.set_value(np.full(8, 0.01, dtype="float32"))
model[2].weight.set_value(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).astype("float32"))
model[2].bias.set_value(np.zeros(1, dtype="float32"))
optimizer = paddle.optimizer.SGD(learning_rate=0.1, parameters=model.parameters())
loss_fn = nn.MSELoss()

print(f"paddle {paddle.__version__} numpy {np.__version__}")
for step in range(1, 6):
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    optimizer.clear_grad()
    print(f"step {step} loss {float(loss):.6f}")
