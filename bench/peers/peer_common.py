"""What the PyTorch peers under bench/peers share: safetensors files read and written by hand, the
BLAS the process loaded, and the request loop of a serving peer.

Only Python's standard library and numpy are imported here (torch where asked), so a peer can say
"PyTorch is not installed" as its one JSON line instead of failing on an import.
"""
import argparse
import json
import struct
import sys
import time

DTYPES = {"F32": ("float32", 4), "I32": ("int32", 4)}


def require_torch():
    """Exits with code 3 and an {"error": ...} line when torch cannot be imported (PythonPeer turns it into 'unavailable')."""
    try:
        import torch  # noqa: F401
    except ImportError as e:
        print(json.dumps({"error": "PyTorch is not installed (%s); run bench/scripts/install-torch.sh" % e}), flush=True)
        sys.exit(3)


def read_safetensors(path):
    """The file's tensors as numpy arrays (F32 and I32; 8-byte header length, JSON header, raw little-endian data) and its metadata."""
    import numpy as np
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        dtype, size = DTYPES[info["dtype"]]
        lo, hi = info["data_offsets"]
        tensors[name] = np.frombuffer(data, dtype=dtype, count=(hi - lo) // size, offset=8 + n + lo).reshape(info["shape"])
    return tensors, meta


def write_safetensors(path, arrays):
    """Writes the arrays as F32 tensors."""
    import numpy as np
    header, blobs, offset = {}, [], 0
    for name, a in arrays.items():
        b = np.ascontiguousarray(a, dtype=np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def blas_library():
    """The BLAS this process loaded ("openblas-pthread/libblas.so.3", "blas/libblas.so.3": reference), from its memory map."""
    try:
        with open("/proc/self/maps") as f:
            paths = {line.split()[-1] for line in f if "blas" in line and "/" in line}
        names = sorted("/".join(p.split("/")[-2:]) for p in paths)
        return ", ".join(names) or "unknown"
    except OSError:
        return "unknown"


def serve_requests(hello, actions):
    """Prints hello as one JSON line, then answers each "<verb> <untimed> <timed>" line on stdin with a
    JSON line of the timed calls' durations in seconds (actions maps a verb to a no-argument call);
    returns at end of input."""
    print(json.dumps(hello), flush=True)
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 3 or parts[0] not in actions:
            print(json.dumps({"error": "expected '<%s> <untimed> <timed>', got %r" % ("|".join(actions), line.strip())}), flush=True)
            continue
        one = actions[parts[0]]
        for _ in range(int(parts[1])):
            one()
        seconds = []
        for _ in range(int(parts[2])):
            t0 = time.perf_counter()
            one()
            seconds.append(time.perf_counter() - t0)
        print(json.dumps({"seconds": seconds}), flush=True)


def peer_parser(doc, check_help, serve_help):
    """The arguments every peer takes: --check IN OUT or --serve IN, --threads, --warmup; a peer adds its own."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--check", nargs=2, metavar=("IN", "OUT"), help=check_help)
    p.add_argument("--serve", metavar="IN", help=serve_help)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--warmup", type=int, default=2, help="untimed calls before the first reply (--serve)")
    return p


def run_peer(parser, check, serve):
    """Parses the arguments, makes sure torch is there, and runs check(args) or serve(args)."""
    a = parser.parse_args()
    if (a.check is None) == (a.serve is None):
        parser.error("give --check IN OUT or --serve IN")
    require_torch()
    check(a) if a.check else serve(a)
