#!/usr/bin/env python3
"""numpy's float32 matmul speed, the peer figure for `genai bench matmul --peer numpy`.

Alone it prints one line (and with --json one JSON line):
    python3 bench/peers/numpy_matmul.py --m 1024 --n 1024 --k 1024 --threads 1

With --serve it stays up so genai can interleave Java and numpy runs in one session: it prints
one JSON line describing itself once warmed up, then answers each "run <untimed> <timed>" line on
stdin with a JSON line of the timed durations in seconds, and exits at end of input.

The product is C = A @ B into a preallocated C (np.matmul(..., out=c)), float32, C-contiguous, the
same shapes and the same "beta = 0" overwrite as the Java benchmark; numpy hands it to OpenBLAS's
sgemm. Inputs are uniform in [-1, 1).
"""
import argparse
import glob
import json
import os
import statistics
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--m", type=int, default=1024)
    p.add_argument("--n", type=int, default=1024)
    p.add_argument("--k", type=int, default=1024)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    p.add_argument("--repeats", type=int, default=10, help="timed runs; the median is reported")
    p.add_argument("--json", action="store_true", help="also print one JSON line")
    p.add_argument("--serve", action="store_true", help="answer 'run U T' lines on stdin (used by genai)")
    a = p.parse_args()
    if min(a.m, a.n, a.k, a.threads, a.repeats) < 1 or a.warmup < 0:
        p.error("sizes, --threads and --repeats must be >= 1, --warmup >= 0")
    return a


def prepare_environment(threads):
    # OpenBLAS reads these when numpy loads it, so they must be set before the import. The machine
    # may pin OPENBLAS_CORETYPE (to Haswell) and OPENBLAS_L2_SIZE for everyone; drop them for this
    # process only so OpenBLAS picks its kernel for the real CPU (AVX-512 where there is one).
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        os.environ.pop(var, None)
    os.environ["OPENBLAS_NUM_THREADS"] = str(threads)
    os.environ["OMP_NUM_THREADS"] = str(threads)  # for numpy builds on an OpenMP BLAS


def blas_description(np):
    """numpy's BLAS name and version, plus the kernel OpenBLAS chose when that can be asked."""
    desc = {"numpy": np.__version__, "blas": "unknown", "core": "unknown"}
    try:
        cfg = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        desc["blas"] = "%s %s" % (cfg.get("name", "?"), cfg.get("version", "?"))
    except Exception:
        pass
    # Wheels bundle OpenBLAS in numpy.libs; loading the same file again returns numpy's own copy,
    # whose openblas_get_corename reports the kernel in use.
    try:
        import ctypes
        libs = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
        for path in glob.glob(os.path.join(libs, "*openblas*.so*")):
            lib = ctypes.CDLL(path)
            for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename",
                         "openblas_get_corename64_", "openblas_get_corename"):
                fn = getattr(lib, name, None)
                if fn is not None:
                    fn.restype = ctypes.c_char_p
                    desc["core"] = fn().decode().strip()
                    return desc
    except Exception:
        pass
    return desc


def main():
    a = parse_args()
    prepare_environment(a.threads)
    try:
        import numpy as np
    except ImportError:
        msg = "numpy is not installed for %s (pip install numpy)" % sys.executable
        if a.serve:
            print(json.dumps({"error": msg}), flush=True)
        else:
            print(msg, file=sys.stderr)
        return 3

    rng = np.random.default_rng(0)
    x = (rng.random((a.m, a.k), dtype=np.float32) * 2 - 1)
    y = (rng.random((a.k, a.n), dtype=np.float32) * 2 - 1)
    out = np.empty((a.m, a.n), dtype=np.float32)

    def timed(count):
        seconds = []
        for _ in range(count):
            t0 = time.perf_counter_ns()
            np.matmul(x, y, out=out)
            seconds.append((time.perf_counter_ns() - t0) / 1e9)
        return seconds

    timed(a.warmup)
    info = blas_description(np)
    info.update({"threads": a.threads, "ready": True})
    flops = 2.0 * a.m * a.n * a.k

    if a.serve:
        print(json.dumps(info), flush=True)
        for line in sys.stdin:
            parts = line.split()
            if len(parts) != 3 or parts[0] != "run":
                print(json.dumps({"error": "expected 'run <untimed> <timed>', got %r" % line.strip()}), flush=True)
                continue
            timed(int(parts[1]))
            print(json.dumps({"seconds": timed(int(parts[2]))}), flush=True)
        return 0

    median = statistics.median(timed(a.repeats))
    gflops = flops / median / 1e9
    print("numpy matmul %dx%dx%d  threads %d  %.1f GFLOP/s  (median of %d, %.3f ms; numpy %s, %s, core %s)"
          % (a.m, a.n, a.k, a.threads, gflops, a.repeats, median * 1e3, info["numpy"], info["blas"], info["core"]))
    if a.json:
        print(json.dumps({"op": "matmul", "backend": "numpy", "m": a.m, "n": a.n, "k": a.k,
                          "threads": a.threads, "gflops": round(gflops, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
