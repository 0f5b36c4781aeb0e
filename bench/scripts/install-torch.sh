#!/usr/bin/env bash
# Installs PyTorch (Debian's python3-torch) for `genai bench lora --peer torch` when /usr/bin/python3
# cannot import torch. The peer script needs nothing else (numpy comes with python3-torch).
set -euo pipefail
PY=${GENAI_PYTHON:-/usr/bin/python3}
if "$PY" -c 'import torch' >/dev/null 2>&1; then
  echo "PyTorch is installed: $("$PY" -c 'import torch; print(torch.__version__)')"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch
"$PY" -c 'import torch; print("PyTorch", torch.__version__)'
