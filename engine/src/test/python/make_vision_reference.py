#!/usr/bin/env python3
"""Writes numpy reference values for the engine's image ops (conv2d, pooling, batch/group norm,
upsampling) as a safetensors file.

Run by hand from the repository root when the fixture needs to change:
    python3 engine/src/test/python/make_vision_reference.py
The Java test (VisionReferenceValuesTest) reads the committed output and never needs Python.
Every op is written here the direct way — a loop over output pixels and kernel taps in float64 —
so the oracle shares nothing with the engine's im2col/GEMM path. PyTorch semantics throughout:
cross-correlation, zero padding, dilation, groups; max pooling pads with -inf, average pooling
divides by the full window (count_include_pad=True); batch norm uses the biased variance to
normalise and the unbiased one for running_var (momentum 0.1); interpolate(align_corners=False).
"""
from pathlib import Path

import numpy as np

import safetensors_fixture

OUT = Path(__file__).resolve().parents[1] / "resources" / "fixtures" / "vision_reference.safetensors"
rng = np.random.default_rng(20261203)
tensors = {}


def put(name, array):
    tensors[name] = np.ascontiguousarray(array)


def f32(*shape):
    return rng.standard_normal(shape).astype(np.float32)


def conv2d(x, w, b, stride, pad, dil, groups):
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    oh = (h + 2 * pad[0] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wd + 2 * pad[1] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    og = o // groups
    y = np.zeros((n, o, oh, ow))
    for i in range(n):
        for oc in range(o):
            g = oc // og
            for yy in range(oh):
                for xx in range(ow):
                    s = b[oc] if b is not None else 0.0
                    for ci in range(cg):
                        for ki in range(kh):
                            for kj in range(kw):
                                iy = yy * stride[0] - pad[0] + ki * dil[0]
                                ix = xx * stride[1] - pad[1] + kj * dil[1]
                                if 0 <= iy < h and 0 <= ix < wd:
                                    s += float(w[oc, ci, ki, kj]) * float(x[i, g * cg + ci, iy, ix])
                    y[i, oc, yy, xx] = s
    return y


def pool(x, k, stride, pad, mode):
    n, c, h, w = x.shape
    oh = (h + 2 * pad - k) // stride + 1
    ow = (w + 2 * pad - k) // stride + 1
    y = np.zeros((n, c, oh, ow))
    for yy in range(oh):
        for xx in range(ow):
            vals = []
            for ki in range(k):
                for kj in range(k):
                    iy, ix = yy * stride - pad + ki, xx * stride - pad + kj
                    if 0 <= iy < h and 0 <= ix < w:
                        vals.append(x[:, :, iy, ix].astype(np.float64))
            stack = np.stack(vals)
            y[:, :, yy, xx] = stack.max(axis=0) if mode == "max" else stack.sum(axis=0) / (k * k)
    return y


def resize(x, oh, ow, linear):
    def taps(n_in, n_out):
        out = []
        for o in range(n_out):
            if not linear:
                i = min(int(np.floor(o * n_in / n_out)), n_in - 1)
                out.append((i, i, 0.0))
            else:
                s = max(0.0, (o + 0.5) * n_in / n_out - 0.5)
                i = min(int(np.floor(s)), n_in - 1)
                out.append((i, min(i + 1, n_in - 1), s - i))
        return out
    ty, tx = taps(x.shape[2], oh), taps(x.shape[3], ow)
    x64 = x.astype(np.float64)
    y = np.zeros(x.shape[:2] + (oh, ow))
    for yy, (a0, a1, ly) in enumerate(ty):
        for xx, (b0, b1, lx) in enumerate(tx):
            y[:, :, yy, xx] = ((1 - ly) * (1 - lx) * x64[:, :, a0, b0] + (1 - ly) * lx * x64[:, :, a0, b1]
                               + ly * (1 - lx) * x64[:, :, a1, b0] + ly * lx * x64[:, :, a1, b1])
    return y


# conv2d with everything at once: 2 groups, stride (2, 1), padding (1, 2), dilation (1, 2), a 3×2 kernel
x, w, b = f32(2, 4, 7, 6), f32(6, 2, 3, 2), f32(6)
put("conv_groups.x", x); put("conv_groups.weight", w); put("conv_groups.bias", b)
put("conv_groups.out", conv2d(x, w, b, (2, 1), (1, 2), (1, 2), 2).astype(np.float32))
# LeNet's first layer: 5×5, padding 2, no bias
x, w = f32(3, 1, 9, 9), f32(4, 1, 5, 5)
put("conv_lenet.x", x); put("conv_lenet.weight", w)
put("conv_lenet.out", conv2d(x, w, None, (1, 1), (2, 2), (1, 1), 1).astype(np.float32))

# pooling: 2×2/2 on an odd size (the last row and column are dropped), 3×3/2 with padding 1
x = f32(2, 3, 7, 7)
put("pool.x", x)
put("max_pool_2_2_0.out", pool(x, 2, 2, 0, "max").astype(np.float32))
put("max_pool_3_2_1.out", pool(x, 3, 2, 1, "max").astype(np.float32))
put("avg_pool_3_2_1.out", pool(x, 3, 2, 1, "avg").astype(np.float32))

# batch norm: one training step from running (0, 1), then evaluation with the updated estimates
x, w, b = (f32(4, 3, 5, 5) * 2 + 1).astype(np.float32), f32(3), f32(3)
x64 = x.astype(np.float64)
mu = x64.mean(axis=(0, 2, 3))
var = x64.var(axis=(0, 2, 3))
m = x64.shape[0] * x64.shape[2] * x64.shape[3]
run_mean, run_var = 0.1 * mu, 0.9 + 0.1 * var * m / (m - 1)
norm = (x64 - mu[None, :, None, None]) / np.sqrt(var[None, :, None, None] + 1e-5)
put("batch_norm.x", x); put("batch_norm.weight", w); put("batch_norm.bias", b)
put("batch_norm.train_out", (norm * w[None, :, None, None] + b[None, :, None, None]).astype(np.float32))
put("batch_norm.running_mean", run_mean.astype(np.float32)); put("batch_norm.running_var", run_var.astype(np.float32))
evaln = (x64 - run_mean[None, :, None, None]) / np.sqrt(run_var[None, :, None, None] + 1e-5)
put("batch_norm.eval_out", (evaln * w[None, :, None, None] + b[None, :, None, None]).astype(np.float32))

# group norm: 6 channels in 3 groups
x, w, b = f32(2, 6, 4, 3), f32(6), f32(6)
xg = x.astype(np.float64).reshape(2, 3, -1)
xn = ((xg - xg.mean(axis=-1, keepdims=True)) / np.sqrt(xg.var(axis=-1, keepdims=True) + 1e-5)).reshape(x.shape)
put("group_norm.x", x); put("group_norm.weight", w); put("group_norm.bias", b)
put("group_norm.out", (xn * w[None, :, None, None] + b[None, :, None, None]).astype(np.float32))

# upsampling 3×4 → 7×9 (non-integer factors) and 3×4 → 6×8
x = f32(2, 2, 3, 4)
put("resize.x", x)
put("nearest_7x9.out", resize(x, 7, 9, False).astype(np.float32))
put("bilinear_7x9.out", resize(x, 7, 9, True).astype(np.float32))
put("bilinear_6x8.out", resize(x, 6, 8, True).astype(np.float32))

safetensors_fixture.write(OUT, tensors, "make_vision_reference.py")
