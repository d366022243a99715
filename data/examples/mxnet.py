"""MXNet Gluon: a two-layer MLP from gluon.nn, five SGD steps with autograd.record on fixed data."""

import mxnet as mx
import numpy as np
from mxnet import autograd, gluon, nd

X = nd.array((np.arange(32).reshape(8, 4) % 7 - 3) / 3)
y = X[:, 0:1] - X[:, 1:2] * X[:, 2:3]

model = gluon.nn.Sequential()
model.add(gluon.nn.Dense(8, activation="relu", in_units=4), gluon.nn.Dense(1, in_units=8))
model.initialize()
# fixed start instead of random init, so every framework prints the same losses (weight is out × in)
model[0].weight.set_data(nd.array(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).T))
model[0].bias.set_data(nd.full(8, 0.01))
model[1].weight.set_data(nd.array(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).T))
model[1].bias.set_data(nd.zeros(1))
trainer = gluon.Trainer(model.collect_params(), "sgd", {"learning_rate": 0.1})
loss_fn = gluon.loss.L2Loss()

print(f"mxnet {mx.__version__} numpy {np.__version__}")
for step in range(1, 6):
    with autograd.record():
        loss = 2 * loss_fn(model(X), y)  # L2Loss is half the squared error
    loss.backward()
    trainer.step(batch_size=8)  # the mean over the batch
    print(f"step {step} loss {loss.mean().asscalar():.6f}")
