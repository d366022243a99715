"""JAX: 두 층짜리 MLP를 순수 함수로 적고 jax.value_and_grad와 jax.jit으로 5번 학습합니다."""

import jax
import jax.numpy as jnp

X = (jnp.arange(32, dtype=jnp.float32).reshape(8, 4) % 7 - 3) / 3
y = X[:, :1] - X[:, 1:2] * X[:, 2:3]

# 난수 대신 고정된 첫 가중치: 어느 프레임워크에서든 같은 손실이 나옵니다
params = {
    "W1": (jnp.arange(32, dtype=jnp.float32).reshape(4, 8) % 5 - 2) / 10, "b1": jnp.full(8, 0.01),
    "W2": (jnp.arange(8, dtype=jnp.float32).reshape(8, 1) % 3 - 1) / 5, "b2": jnp.zeros(1),
}


def loss_fn(p: dict[str, jax.Array]) -> jax.Array:
    pred = jax.nn.relu(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    return jnp.mean((pred - y) ** 2)


@jax.jit
def train_step(p: dict[str, jax.Array]) -> tuple[dict[str, jax.Array], jax.Array]:
    loss, grads = jax.value_and_grad(loss_fn)(p)
    return jax.tree.map(lambda w, g: w - 0.1 * g, p, grads), loss


print(f"jax {jax.__version__}")
for step in range(1, 6):
    params, loss = train_step(params)
    print(f"step {step} loss {float(loss):.6f}")
