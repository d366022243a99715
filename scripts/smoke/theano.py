"""Theano smoke test: import, one symbolic forward and gradient of a two-layer MLP on CPU.
THEANO_FLAGS=cxx= keeps it in Python (no C compiler needed); the runner sets it."""

import numpy as np
import theano
import theano.tensor as T

rng = np.random.default_rng(0)
x_val = rng.standard_normal((8, 4)).astype(theano.config.floatX)
t_val = rng.integers(0, 3, size=8).astype("int32")
w1 = theano.shared(rng.standard_normal((4, 16)).astype(theano.config.floatX) * 0.1)
w2 = theano.shared(rng.standard_normal((16, 3)).astype(theano.config.floatX) * 0.1)
x, t = T.matrix("x"), T.ivector("t")
probs = T.nnet.softmax(T.dot(T.nnet.relu(T.dot(x, w1)), w2))
loss = T.nnet.categorical_crossentropy(probs, t).mean()
grads = T.grad(loss, [w1, w2])
step = theano.function([x, t], [loss, grads[0]])
loss_val, g1 = step(x_val, t_val)
print(f"theano {theano.__version__} numpy {np.__version__}")
print(f"loss {float(loss_val):.4f} grad_abs_sum {float(np.abs(g1).sum()):.4f}")
assert np.abs(g1).sum() > 0
