"""MLX: nn.Module로 만든 두 층짜리 MLP를 nn.value_and_grad로 5번 학습합니다."""

from importlib.metadata import version

import mlx.core as mx
import mlx.nn as nn
import mlx.optimizers as optim

X = (mx.arange(32, dtype=mx.float32).reshape(8, 4) % 7 - 3) / 3
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (weight는 출력 × 입력)
model.layers[0].weight = ((mx.arange(32, dtype=mx.float32).reshape(4, 8) % 5 - 2) / 10).T
model.layers[0].bias = mx.full([8], 0.01)
model.layers[2].weight = ((mx.arange(8, dtype=mx.float32).reshape(8, 1) % 3 - 1) / 5).T
model.layers[2].bias = mx.zeros([1])
optimizer = optim.SGD(learning_rate=0.1)


def loss_fn(model: nn.Module) -> mx.array:
    return nn.losses.mse_loss(model(X), y)


loss_and_grad = nn.value_and_grad(model, loss_fn)
print(f"mlx {version('mlx')}")
for step in range(1, 6):
    loss, grads = loss_and_grad(model)
    optimizer.update(model, grads)
    mx.eval(model.parameters(), optimizer.state)
    print(f"step {step} loss {loss.item():.6f}")
