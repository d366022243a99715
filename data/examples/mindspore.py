"""MindSpore: a two-layer MLP as an nn.SequentialCell, five SGD steps with TrainOneStepCell on fixed data (CPU)."""

import mindspore as ms
import numpy as np
from mindspore import nn

ms.set_device("CPU")
X = ms.Tensor((np.arange(32).reshape(8, 4) % 7 - 3) / 3, ms.float32)
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

# fixed start instead of random init, so every framework prints the same losses (weight is out × in)
model = nn.SequentialCell(
    nn.Dense(4, 8, weight_init=ms.Tensor(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).T, ms.float32),
             bias_init=ms.Tensor(np.full(8, 0.01), ms.float32)),
    nn.ReLU(),
    nn.Dense(8, 1, weight_init=ms.Tensor(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).T, ms.float32),
             bias_init="zeros"),
)
optimizer = nn.SGD(model.trainable_params(), learning_rate=0.1)
# the usual MindSpore wrapping: the loss around the network, then one training step around both
train_step = nn.TrainOneStepCell(nn.WithLossCell(model, nn.MSELoss()), optimizer)
train_step.set_train()

print(f"mindspore {ms.__version__} numpy {np.__version__}")
for step in range(1, 6):
    loss = train_step(X, y)  # the loss before this step's update
    print(f"step {step} loss {float(loss):.6f}")
