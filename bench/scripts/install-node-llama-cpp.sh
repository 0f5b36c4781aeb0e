#!/usr/bin/env bash
# Installs node-llama-cpp 3.22.1 (bundles a prebuilt CPU llama.cpp) into $PEERS (default
# ~/.cache/genai4j/peers) for the batched-decoding anchor (batch-anchor.sh); needs node and npm.
# Prints the folder to pass as PEERS. Nothing is installed when it is there already.
set -euo pipefail
PEERS="${PEERS:-$HOME/.cache/genai4j/peers}"
if [ -f "$PEERS/node_modules/node-llama-cpp/package.json" ]; then
  echo "$PEERS"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js 20+ (Debian: apt-get install -y nodejs npm)" >&2; exit 2; }
mkdir -p "$PEERS"
cd "$PEERS"
[ -f package.json ] || npm init -y >/dev/null
npm install --omit=optional --ignore-scripts --no-audit --no-fund node-llama-cpp@3.22.1 @node-llama-cpp/linux-x64@3.22.1 >&2
echo "$PEERS"
