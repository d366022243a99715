"""TensorFlow: 두 층짜리 MLP를 tf.GradientTape와 tf.function으로 5번 학습합니다."""

import numpy as np
import tensorflow as tf

X = tf.constant((np.arange(32).reshape(8, 4) % 7 - 3) / 3, dtype=tf.float32)
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다
W1 = tf.Variable((np.arange(32).reshape(4, 8) % 5 - 2) / 10, dtype=tf.float32)
b1 = tf.Variable(tf.fill([8], 0.01))
W2 = tf.Variable((np.arange(8).reshape(8, 1) % 3 - 1) / 5, dtype=tf.float32)
b2 = tf.Variable(tf.zeros([1]))
params = [W1, b1, W2, b2]


@tf.function
def train_step() -> tf.Tensor:
    with tf.GradientTape() as tape:
        pred = tf.nn.relu(X @ W1 + b1) @ W2 + b2
        loss = tf.reduce_mean(tf.square(pred - y))
    for p, g in zip(params, tape.gradient(loss, params)):
        p.assign_sub(0.1 * g)
    return loss


print(f"tensorflow {tf.__version__} numpy {np.__version__}")
for step in range(1, 6):
    print(f"step {step} loss {float(train_step()):.6f}")
