#!/usr/bin/env bash
# Installs PyTorch (Debian's python3-torch) for `genai bench lora|vision --peer torch` when /usr/bin/python3
# cannot import torch. Debian's torch calls the generic libblas, which is the reference BLAS unless
# an optimised one is installed system-wide; so that the peer is measured at its best without
# changing the system's BLAS for anyone else, OpenBLAS (libopenblas0-pthread) is unpacked into
# ~/.cache/genai4j/openblas, which `genai bench lora|vision` puts on the torch process's LD_LIBRARY_PATH.
set -euo pipefail
PY=${GENAI_PYTHON:-/usr/bin/python3}
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch
fi
echo "PyTorch $("$PY" -c 'import torch; print(torch.__version__)')"
DEST="$HOME/.cache/genai4j/openblas"
LIB="$DEST/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"
if [ ! -f "$LIB" ]; then
  TMP=$(mktemp -d)
  (cd "$TMP" && apt-get download libopenblas0-pthread >/dev/null 2>&1) || { $SUDO apt-get update -qq && (cd "$TMP" && apt-get download libopenblas0-pthread); }
  mkdir -p "$DEST"
  dpkg -x "$TMP"/libopenblas0-pthread_*.deb "$DEST"
  rm -rf "$TMP"
fi
echo "OpenBLAS for the torch peer: $LIB"
