"""Keras 3: the same script runs on the JAX, TensorFlow and PyTorch backends (KERAS_BACKEND)."""

import keras
import numpy as np

X = ((np.arange(32).reshape(8, 4) % 7 - 3) / 3).astype("float32")
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
# fixed start instead of random init, so every framework prints the same losses
model.set_weights([
    (np.arange(32).reshape(4, 8) % 5 - 2) / 10, np.full(8, 0.01),
    (np.arange(8).reshape(8, 1) % 3 - 1) / 5, np.zeros(1),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")

print(f"keras {keras.__version__} backend {keras.backend.backend()} numpy {np.__version__}")
for step in range(1, 6):
    loss = model.train_on_batch(X, y)  # the loss before this step's update
    print(f"step {step} loss {float(loss):.6f}")
