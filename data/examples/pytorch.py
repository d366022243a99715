"""PyTorch: 두 층짜리 MLP를 고정된 데이터 전체로 5번 학습합니다."""

import numpy as np
import torch
from torch import nn

X = torch.tensor((np.arange(32).reshape(8, 4) % 7 - 3) / 3, dtype=torch.float32)
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
with torch.no_grad():  # 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다
    model[0].weight.copy_(torch.tensor((np.arange(32).reshape(4, 8) % 5 - 2) / 10).T)
    model[0].bias.fill_(0.01)
    model[2].weight.copy_(torch.tensor((np.arange(8).reshape(8, 1) % 3 - 1) / 5).T)
    model[2].bias.zero_()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.MSELoss()

print(f"torch {torch.__version__} numpy {np.__version__}")
for step in range(1, 6):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    print(f"step {step} loss {loss.item():.6f}")
