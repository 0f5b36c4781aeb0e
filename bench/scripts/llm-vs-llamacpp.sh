#!/usr/bin/env bash
# genai4j vs the newest llama.cpp runnable here (node-llama-cpp 3.22.1 from npm, which bundles llama.cpp
# v0.5.0 and repacks Q4_0/Q4_K at load) on the same random GGUF files, written by `genai gguf random`.
# For each type and thread count the two engines run interleaved A B B A (so the load of the moment
# weighs on both alike); the medians' ratios genai4j / llama.cpp are printed per row, with the load
# average, and the last stdout line is one JSON object of every figure.
#
#   bench/scripts/llm-vs-llamacpp.sh [--types "f16 q8_0 q4_0 q4_k q6_k"] [--threads "1 2"]
#       [--preset llama-3.2-1b] [--prompt-tokens 64] [--gen-tokens 32] [--rounds 1] [--models DIR]
#       [--vocab FILE.gguf] [--peers DIR]
#
# --peers: a folder holding node_modules/node-llama-cpp (default $PEERS, else ~/.cache/genai4j/peers);
# node-llama-cpp is installed there with npm when missing (no install scripts run: the prebuilt
# binaries come from the @node-llama-cpp/linux-x64 package). Needs node >= 20, npm and jq.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
types="f16 q8_0 q4_0 q4_k q6_k"
threads="1 2"
preset="llama-3.2-1b"
pp=64
tg=32
rounds=1
models="${TMPDIR:-/tmp}/genai4j-peer-models"
vocab=""
peers="${PEERS:-$HOME/.cache/genai4j/peers}"
nlc_version="3.22.1"

die() { echo "llm-vs-llamacpp: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --types) types="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --preset) preset="$2"; shift 2 ;;
    --prompt-tokens) pp="$2"; shift 2 ;;
    --gen-tokens) tg="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    --vocab) vocab="$2"; shift 2 ;;
    --peers) peers="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
for n in "$pp" "$tg" "$rounds"; do [[ "$n" =~ ^[0-9]+$ ]] || die "token counts and --rounds are whole numbers, got '$n'"; done
[ "$rounds" -ge 1 ] || die "--rounds must be at least 1"
command -v node >/dev/null || die "node is not installed (apt-get install -y nodejs npm)"
command -v jq >/dev/null || die "jq is not installed (apt-get install -y jq)"
[ -z "$vocab" ] || [ -f "$vocab" ] || die "--vocab: no file '$vocab'"

if [ ! -f "$peers/node_modules/node-llama-cpp/package.json" ]; then
  echo "installing node-llama-cpp $nlc_version into $peers" >&2
  mkdir -p "$peers"
  (cd "$peers" && { [ -f package.json ] || npm init -y >/dev/null; } && \
    npm install --omit=optional --ignore-scripts --no-audit --no-fund \
      "node-llama-cpp@$nlc_version" "@node-llama-cpp/linux-x64@$nlc_version" >&2)
fi

mkdir -p "$models"
genai="$root/genai"
results="[]"
printf '%-6s %-7s %14s %14s %14s %14s %8s %8s  %s\n' type threads "genai pp" "llama pp" "genai tg" "llama tg" "pp x" "tg x" load
for type in $types; do
  file="$models/random-$preset-$type.gguf"
  if [ ! -f "$file" ]; then
    "$genai" gguf random --preset "$preset" --type "$type" ${vocab:+--vocab "$vocab"} --out "$file" >&2
  fi
  for t in $threads; do
    g_pp=(); g_tg=(); l_pp=(); l_tg=()
    run_genai() {
      local j; j="$(nice -n 5 "$genai" bench llm "$file" --threads "$t" --prompt-tokens "$pp" --gen-tokens "$tg" --repeats 1 --json | tail -n 1)"
      g_pp+=("$(jq -r .pp_tps <<<"$j")"); g_tg+=("$(jq -r .tg_tps <<<"$j")")
    }
    run_llama() {
      local j; j="$(PEERS="$peers" nice -n 5 node "$root/bench/scripts/nlc_bench.mjs" --model "$file" --threads "$t" \
        --prompt-tokens "$pp" --gen-tokens "$tg" --repeats 1 --tg-mode fresh 2>/dev/null | tail -n 1)"
      l_pp+=("$(jq -r .pp_tps <<<"$j")"); l_tg+=("$(jq -r .tg_tps <<<"$j")")
    }
    for ((r = 0; r < rounds; r++)); do run_genai; run_llama; run_llama; run_genai; done
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    row="$(jq -n --arg type "$type" --argjson threads "$t" --arg load "$load" \
      --argjson gpp "[$(IFS=,; echo "${g_pp[*]}")]" --argjson gtg "[$(IFS=,; echo "${g_tg[*]}")]" \
      --argjson lpp "[$(IFS=,; echo "${l_pp[*]}")]" --argjson ltg "[$(IFS=,; echo "${l_tg[*]}")]" '
      def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
      def r3: . * 1000 | round / 1000;
      def r2: . * 100 | round / 100;
      {type: $type, threads: $threads, load: $load,
       genai_pp: ($gpp | median | r2), llama_pp: ($lpp | median | r2), genai_tg: ($gtg | median | r2), llama_tg: ($ltg | median | r2),
       genai_pp_runs: $gpp, llama_pp_runs: $lpp, genai_tg_runs: $gtg, llama_tg_runs: $ltg}
      | .pp_ratio = (($gpp | median) / ($lpp | median) | r3) | .tg_ratio = (($gtg | median) / ($ltg | median) | r3)')"
    jq -r '[.type, .threads, .genai_pp, .llama_pp, .genai_tg, .llama_tg, .pp_ratio, .tg_ratio, .load] | @tsv' <<<"$row" |
      awk -F'\t' '{printf "%-6s %-7s %14.2f %14.2f %14.2f %14.2f %8.3f %8.3f  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}'
    results="$(jq -c --argjson row "$row" '. + [$row]' <<<"$results")"
  done
done
jq -c -n --arg preset "$preset" --argjson pp "$pp" --argjson tg "$tg" --argjson rounds "$rounds" --arg peer "node-llama-cpp $nlc_version" \
  --argjson results "$results" '{op: "llm-vs-llamacpp", preset: $preset, peer: $peer, pp_tokens: $pp, tg_tokens: $tg, rounds: $rounds, results: $results}'
