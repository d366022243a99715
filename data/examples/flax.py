"""Flax NNX: nnx.Module로 만든 두 층짜리 MLP를 nnx.value_and_grad로 5번 학습합니다."""

import flax
import jax
import jax.numpy as jnp
from flax import nnx

X = (jnp.arange(32, dtype=jnp.float32).reshape(8, 4) % 7 - 3) / 3
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]


class MLP(nnx.Module):
    def __init__(self, rngs: nnx.Rngs):
        self.hidden = nnx.Linear(4, 8, rngs=rngs)
        self.out = nnx.Linear(8, 1, rngs=rngs)
        # 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다
        self.hidden.kernel.value = (jnp.arange(32, dtype=jnp.float32).reshape(4, 8) % 5 - 2) / 10
        self.hidden.bias.value = jnp.full(8, 0.01)
        self.out.kernel.value = (jnp.arange(8, dtype=jnp.float32).reshape(8, 1) % 3 - 1) / 5
        self.out.bias.value = jnp.zeros(1)

    def __call__(self, x: jax.Array) -> jax.Array:
        return self.out(nnx.relu(self.hidden(x)))


def loss_fn(model: MLP) -> jax.Array:
    return jnp.mean((model(X) - y) ** 2)


@nnx.jit
def train_step(model: MLP) -> jax.Array:
    loss, grads = nnx.value_and_grad(loss_fn)(model)
    params = nnx.state(model, nnx.Param)
    nnx.update(model, jax.tree.map(lambda p, g: p - 0.1 * g, params, grads))
    return loss


model = MLP(nnx.Rngs(0))
print(f"flax {flax.__version__} jax {jax.__version__}")
for step in range(1, 6):
    print(f"step {step} loss {float(train_step(model)):.6f}")
