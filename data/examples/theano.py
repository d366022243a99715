"""Theano: a two-layer MLP as a symbolic graph compiled by theano.function with SGD updates, on fixed data."""

import numpy as np
import theano
import theano.tensor as T

X = ((np.arange(32).reshape(8, 4) % 7 - 3) / 3).astype(np.float32)
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

# fixed start instead of random init, so every framework prints the same losses
W1 = theano.shared(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).astype(np.float32))
b1 = theano.shared(np.full(8, 0.01, dtype=np.float32))
W2 = theano.shared(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).astype(np.float32))
b2 = theano.shared(np.zeros(1, dtype=np.float32))
params = [W1, b1, W2, b2]

x, t = T.fmatrix("x"), T.fmatrix("t")  # float32 like the shared weights
loss = T.mean((T.dot(T.nnet.relu(T.dot(x, W1) + b1), W2) + b2 - t) ** 2)
updates = [(p, p - np.float32(0.1) * g) for p, g in zip(params, T.grad(loss, params))]
train = theano.function([x, t], loss, updates=updates)  # returns the loss before the update

print(f"theano {theano.__version__} numpy {np.__version__}")
for step in range(1, 6):
    print(f"step {step} loss {float(train(X, y)):.6f}")
