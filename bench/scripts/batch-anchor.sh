#!/usr/bin/env bash
# The batched-decoding speed anchor: genai4j's continuous batching (`genai bench batch`) against
# node-llama-cpp's llama.cpp with the same number of context sequences in one batch, on one GGUF
# file, interleaved A B B A so machine noise hits both alike. The last stdout line is one JSON
# object: each run's aggregate tokens/s, the medians, their ratio and the load average.
#
#   bench/scripts/batch-anchor.sh MODEL.gguf [STREAMS=4] [GEN_TOKENS=32] [THREADS=2]
#
# Make the model with: genai gguf random --preset llama-3.2-1b --type q4_0 \
#   --vocab ggml-vocab-llama-bpe.gguf --out /tmp/l1b-q4_0.gguf
set -euo pipefail
MODEL="$1"; STREAMS="${2:-4}"; GEN="${3:-32}"; THREADS="${4:-2}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="$(PEERS="${PEERS:-}" bash "$HERE/install-node-llama-cpp.sh" | tail -1)"
ours() { "$ROOT/genai" bench batch "$MODEL" --streams "$STREAMS" --gen-tokens "$GEN" --threads "$THREADS" --json | tail -1; }
peer() { PEERS="$PEERS" node "$HERE/nlc_batch.mjs" --model "$MODEL" --streams "$STREAMS" --gen-tokens "$GEN" --threads "$THREADS" | tail -1; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
A1="$(ours)"; B1="$(peer)"; B2="$(peer)"; A2="$(ours)"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$A1" "$A2" "$B1" "$B2" "$LOAD_BEFORE" "$LOAD_AFTER" "$STREAMS" <<'PY'
import json, sys
a = [json.loads(x)["results"][0]["batched_tps"] for x in sys.argv[1:3]]
b = [json.loads(x)["aggregate_tps"] for x in sys.argv[3:5]]
ma, mb = sum(a) / 2, sum(b) / 2
print(json.dumps({"streams": int(sys.argv[7]), "genai4j_tps": a, "node_llama_cpp_tps": b, "genai4j_mean": round(ma, 2),
                  "node_llama_cpp_mean": round(mb, 2), "ratio": round(ma / mb, 3) if mb else None,
                  "load_before": sys.argv[5], "load_after": sys.argv[6]}))
PY
