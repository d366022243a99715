"""Keras 3: 같은 스크립트가 JAX, TensorFlow, PyTorch 백엔드에서 돌아갑니다(KERAS_BACKEND로 고름)."""

import keras
import numpy as np

X = ((np.arange(32).reshape(8, 4) % 7 - 3) / 3).astype("float32")
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다
model.set_weights([
    (np.arange(32).reshape(4, 8) % 5 - 2) / 10, np.full(8, 0.01),
    (np.arange(8).reshape(8, 1) % 3 - 1) / 5, np.zeros(1),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")

print(f"keras {keras.__version__} backend {keras.backend.backend()} numpy {np.__version__}")
for step in range(1, 6):
    loss = model.train_on_batch(X, y)  # 이번 걸음에서 갱신하기 전의 손실
    print(f"step {step} loss {float(loss):.6f}")
