#!/usr/bin/env bash
# Installs nginx (Debian's nginx-light) for `genai bench serve --nginx` when it is missing.
# The fleet test only needs the binary: it writes its own configuration and runs nginx in the
# foreground under a temporary prefix, never as the system service.
set -euo pipefail
if command -v nginx >/dev/null 2>&1; then
  echo "nginx is installed: $(command -v nginx)"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx
# Debian starts the service on install; the fleet runs its own instance, so stop the system one.
($SUDO service nginx stop || true) >/dev/null 2>&1
command -v nginx
