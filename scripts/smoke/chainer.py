"""Chainer smoke test: import, one forward and one backward pass of a two-layer MLP on CPU."""

import chainer
import chainer.functions as F
import chainer.links as L
import numpy as np

rng = np.random.default_rng(0)
x = rng.standard_normal((8, 4)).astype(np.float32)
t = rng.integers(0, 3, size=8).astype(np.int32)
model = chainer.Sequential(L.Linear(4, 16), F.relu, L.Linear(16, 3))
loss = F.softmax_cross_entropy(model(x), t)
model.cleargrads()
loss.backward()
grad = float(np.abs(model[0].W.grad).sum())
print(f"chainer {chainer.__version__} numpy {np.__version__}")
print(f"loss {float(loss.array):.4f} grad_abs_sum {grad:.4f}")
assert grad > 0
