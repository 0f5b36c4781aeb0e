"""Writes a dict of numpy arrays as a safetensors file with the standard library only (8-byte
little-endian header length, JSON header padded with spaces to 8 bytes, raw little-endian data,
names sorted), so the fixture scripts need nothing but numpy and the files double as golden files
for the engine's reader."""
import json
import struct

import numpy as np


def write(out, tensors, generator):
    header, blobs, offset = {"__metadata__": {"generator": generator, "numpy": np.__version__}}, [], 0
    for name in sorted(tensors):
        arr = tensors[name]
        dtype = {np.float32: "F32", np.int64: "I64"}[arr.dtype.type]
        raw = arr.astype(arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    hjson = json.dumps(header, separators=(",", ":")).encode()
    hjson += b" " * (-len(hjson) % 8)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(struct.pack("<Q", len(hjson)) + hjson + b"".join(blobs))
    print(f"wrote {out} ({out.stat().st_size} bytes, {len(tensors)} tensors)")
