"""MXNet smoke test: import, one forward and one backward pass of a Gluon two-layer MLP on CPU."""

import mxnet as mx
import numpy as np
from mxnet import autograd, gluon

rng = np.random.default_rng(0)
x = mx.nd.array(rng.standard_normal((8, 4)))
t = mx.nd.array(rng.integers(0, 3, size=8))
net = gluon.nn.Sequential()
net.add(gluon.nn.Dense(16, activation="relu"), gluon.nn.Dense(3))
net.initialize(mx.init.Xavier())
loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
with autograd.record():
    loss = loss_fn(net(x), t).mean()
loss.backward()
grad = float(net[0].weight.grad().abs().sum().asscalar())
print(f"mxnet {mx.__version__} numpy {np.__version__}")
print(f"loss {float(loss.asscalar()):.4f} grad_abs_sum {grad:.4f}")
assert grad > 0
