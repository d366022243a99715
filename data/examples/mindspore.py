"""MindSpore: nn.SequentialCell로 만든 두 층짜리 MLP를 TrainOneStepCell로 5번 학습합니다(CPU)."""

import mindspore as ms
import numpy as np
from mindspore import nn

ms.set_device("CPU")
X = ms.Tensor((np.arange(32).reshape(8, 4) % 7 - 3) / 3, ms.float32)
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다 (weight는 출력 × 입력)
model = nn.SequentialCell(
    nn.Dense(4, 8, weight_init=ms.Tensor(((np.arange(32).reshape(4, 8) % 5 - 2) / 10).T, ms.float32),
             bias_init=ms.Tensor(np.full(8, 0.01), ms.float32)),
    nn.ReLU(),
    nn.Dense(8, 1, weight_init=ms.Tensor(((np.arange(8).reshape(8, 1) % 3 - 1) / 5).T, ms.float32),
             bias_init="zeros"),
)
optimizer = nn.SGD(model.trainable_params(), learning_rate=0.1)
# MindSpore에서 흔히 쓰는 감싸기: 신경망을 손실로 감싸고, 둘을 다시 학습 한 걸음으로 감쌉니다
train_step = nn.TrainOneStepCell(nn.WithLossCell(model, nn.MSELoss()), optimizer)
train_step.set_train()

print(f"mindspore {ms.__version__} numpy {np.__version__}")
for step in range(1, 6):
    loss = train_step(X, y)  # 이번 걸음에서 갱신하기 전의 손실
    print(f"step {step} loss {float(loss):.6f}")
