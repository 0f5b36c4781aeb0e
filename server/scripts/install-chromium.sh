#!/bin/sh
# Installs Debian's headless-capable Chromium and its chromedriver for the studio's browser tests.
# Needs root (CI runs as root); does nothing when both are already there.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium.sh: chromium and chromium-driver are missing and this is not root: run apt-get install chromium chromium-driver as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium chromium-driver
