#!/usr/bin/env python3
"""Writes numpy reference values for the engine's ops as a safetensors file.

Run by hand from the repository root when the fixture needs to change:
    python3 engine/src/test/python/make_reference_fixtures.py
The Java tests (ReferenceValuesTest) read the committed output and never need Python.
The safetensors file is written here with the standard library only (8-byte little-endian header
length, JSON header, raw little-endian data), so it also serves as a golden file for the reader.
"""
import math
from pathlib import Path

import numpy as np

import safetensors_fixture

OUT = Path(__file__).resolve().parents[1] / "resources" / "fixtures" / "numpy_reference.safetensors"
rng = np.random.default_rng(20261127)
tensors = {}


def put(name, array):
    tensors[name] = np.ascontiguousarray(array)


def f32(*shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


# matmul: 2-D and batched, in float64 then rounded (the reference is the exact product)
a, b = f32(37, 53), f32(53, 29)
put("matmul.a", a); put("matmul.b", b); put("matmul.out", (a.astype(np.float64) @ b.astype(np.float64)).astype(np.float32))
a, b = f32(3, 17, 33), f32(3, 33, 9)
put("bmm.a", a); put("bmm.b", b); put("bmm.out", (a.astype(np.float64) @ b.astype(np.float64)).astype(np.float32))

# softmax / log-softmax over the last dim, with large logits to test the max shift
x = f32(5, 100, scale=10.0)
x64 = x.astype(np.float64)
m = x64.max(axis=-1, keepdims=True)
lse = m + np.log(np.exp(x64 - m).sum(axis=-1, keepdims=True))
put("softmax.x", x); put("softmax.out", np.exp(x64 - lse).astype(np.float32)); put("log_softmax.out", (x64 - lse).astype(np.float32))

# layer norm, eps 1e-5, with weight and bias (biased variance, as in PyTorch)
x, w, bias = f32(6, 70, scale=3.0), f32(70), f32(70)
x64 = x.astype(np.float64)
mu = x64.mean(axis=-1, keepdims=True)
var = ((x64 - mu) ** 2).mean(axis=-1, keepdims=True)
put("layer_norm.x", x); put("layer_norm.weight", w); put("layer_norm.bias", bias)
put("layer_norm.out", ((x64 - mu) / np.sqrt(var + 1e-5) * w + bias).astype(np.float32))

# rms norm, eps 1e-6
put("rms_norm.out", (x64 / np.sqrt((x64 ** 2).mean(axis=-1, keepdims=True) + 1e-6) * w).astype(np.float32))

# GELU exact (erf) and tanh approximation
x = np.linspace(-6, 6, 1001).astype(np.float32)
x64 = x.astype(np.float64)
erf = np.vectorize(math.erf)
put("gelu.x", x)
put("gelu.out", (0.5 * x64 * (1 + erf(x64 / math.sqrt(2)))).astype(np.float32))
put("gelu_tanh.out", (0.5 * x64 * (1 + np.tanh(math.sqrt(2 / math.pi) * (x64 + 0.044715 * x64 ** 3)))).astype(np.float32))

# cross-entropy with ignore index -100: mean over non-ignored rows, and its gradient
logits = f32(16, 50, scale=2.0)
targets = rng.integers(0, 50, size=16)
targets[[3, 11]] = -100
l64 = logits.astype(np.float64)
m = l64.max(axis=-1, keepdims=True)
lse = m + np.log(np.exp(l64 - m).sum(axis=-1, keepdims=True))
valid = targets != -100
n = valid.sum()
loss = (lse[valid, 0] - l64[valid, targets[valid]]).sum() / n
grad = np.exp(l64 - lse)
grad[valid, targets[valid]] -= 1
grad[~valid] = 0
grad /= n
put("cross_entropy.logits", logits); put("cross_entropy.targets", targets.astype(np.int64))
put("cross_entropy.loss", np.array(loss, dtype=np.float32)); put("cross_entropy.grad", grad.astype(np.float32))

safetensors_fixture.write(OUT, tensors, "make_reference_fixtures.py")
