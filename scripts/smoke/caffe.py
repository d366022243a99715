"""Caffe smoke test without Caffe: OpenCV 4.x reads a Caffe model (.prototxt + .caffemodel) and
runs one forward pass, checked against the same two-layer MLP computed with NumPy.

Caffe itself no longer installs here (no Debian 12 package, no wheel), so this checks the route
the migration page recommends for inference. The .caffemodel is a protobuf message; it is
written by hand below with the field numbers of caffe.proto (NetParameter.layer = 100,
LayerParameter.name = 1, type = 2, blobs = 7, BlobProto.data = 5, shape = 7, BlobShape.dim = 1),
so that no Caffe and no protobuf compiler is needed.
"""

import struct
import tempfile
from pathlib import Path

import cv2
import numpy as np

PROTOTXT = """name: "mlp"
input: "data"
input_shape { dim: 8 dim: 4 }
layer { name: "fc1" type: "InnerProduct" bottom: "data" top: "fc1" inner_product_param { num_output: 16 } }
layer { name: "relu1" type: "ReLU" bottom: "fc1" top: "fc1" }
layer { name: "fc2" type: "InnerProduct" bottom: "fc1" top: "fc2" inner_product_param { num_output: 3 } }
layer { name: "prob" type: "Softmax" bottom: "fc2" top: "prob" }
"""


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number: int, payload: bytes) -> bytes:
    """A length-delimited field (wire type 2): strings, sub-messages and packed arrays."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def blob(array: np.ndarray) -> bytes:
    shape = field(1, b"".join(varint(d) for d in array.shape))
    data = field(5, struct.pack(f"<{array.size}f", *array.astype(np.float32).ravel()))
    return field(7, shape) + data


def layer(name: str, kind: str, *arrays: np.ndarray) -> bytes:
    return field(100, field(1, name.encode()) + field(2, kind.encode()) + b"".join(field(7, blob(a)) for a in arrays))


rng = np.random.default_rng(0)
x = rng.standard_normal((8, 4)).astype(np.float32)
# InnerProduct keeps its weights as (num_output, input), like torch.nn.Linear
w1, b1 = rng.standard_normal((16, 4)).astype(np.float32), np.zeros(16, np.float32)
w2, b2 = rng.standard_normal((3, 16)).astype(np.float32), np.zeros(3, np.float32)
model = field(1, b"mlp") + layer("fc1", "InnerProduct", w1, b1) + layer("fc2", "InnerProduct", w2, b2)

with tempfile.TemporaryDirectory() as tmp:
    (Path(tmp) / "mlp.prototxt").write_text(PROTOTXT)
    (Path(tmp) / "mlp.caffemodel").write_bytes(model)
    net = cv2.dnn.readNetFromCaffe(str(Path(tmp) / "mlp.prototxt"), str(Path(tmp) / "mlp.caffemodel"))
net.setInput(x)
prob = net.forward()
logits = np.maximum(x @ w1.T + b1, 0) @ w2.T + b2
expected = np.exp(logits - logits.max(1, keepdims=True))
expected /= expected.sum(1, keepdims=True)
diff = float(np.abs(prob - expected).max())
print(f"opencv {cv2.__version__} numpy {np.__version__}")
print(f"prob_sum {float(prob.sum()):.4f} max_abs_diff_vs_numpy {diff:.1e}")
assert diff < 1e-4
