"""PaddlePaddle: a two-layer MLP from paddle.nn, five SGD steps in dynamic-graph mode on fixed data."""

import numpy as np
import paddle
from paddle import nn

X = paddle.to_tensor((np.arange(32).reshape(8, 4) % 7 - 3) / 3, dtype="float32")
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
# fixed start instead of random init, so every framework prints the same losses (weight is in × out)
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
