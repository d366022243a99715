"""Theano: 두 층짜리 MLP를 기호 그래프로 적고 theano.function으로 컴파일해 5번 학습합니다."""

import numpy as np
import theano
import theano.tensor as T

X = ((np.arange(32).reshape(8, 4) % 7 - 3) / 3).astype(np.float32)
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다
W1 = theano.shared(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).astype(np.float32))
b1 = theano.shared(np.full(8, 0.01, dtype=np.float32))
W2 = theano.shared(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).astype(np.float32))
b2 = theano.shared(np.zeros(1, dtype=np.float32))
params = [W1, b1, W2, b2]

x, t = T.fmatrix("x"), T.fmatrix("t")  # 공유 변수(가중치)와 같은 float32
loss = T.mean((T.dot(T.nnet.relu(T.dot(x, W1) + b1), W2) + b2 - t) ** 2)
updates = [(p, p - np.float32(0.1) * g) for p, g in zip(params, T.grad(loss, params))]
train = theano.function([x, t], loss, updates=updates)  # 갱신하기 전의 손실을 돌려줍니다

print(f"theano {theano.__version__} numpy {np.__version__}")
for step in range(1, 6):
    print(f"step {step} loss {float(train(X, y)):.6f}")
