#!/usr/bin/env bash
# Install everything into .venv (and the system packages WeasyPrint and the CJK font need).
# Safe to run again. Used by scripts/start.sh, scripts/test.sh and CI.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

# System packages: a CJK font for PDFs, pango for WeasyPrint, HarfBuzz's subsetter (font
# subsetting is 6× slower through fontTools without it), poppler-utils (pdftotext, used by
# tests), Chromium (browser tests). Only when missing, and only where we may install (root, or sudo without a password).
need=()
dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || need+=(libharfbuzz-subset0)
dpkg -s poppler-utils >/dev/null 2>&1 || need+=(poppler-utils)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0)
dpkg -s libpangoft2-1.0-0 >/dev/null 2>&1 || need+=(libpangoft2-1.0-0)
# Debian's Chromium for the browser end-to-end tests (Playwright cannot download its own).
dpkg -s chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  echo "安装系统软件包：${need[*]}"
  if ! ($SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null); then
    echo "警告：无法安装 ${need[*]}（需要 root 权限）。PDF 中文字体可能不可用。" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# requirements-dev.txt: the runtime lock (requirements.txt) plus test and lint tools, every
# package pinned with its hashes (scripts/lock.sh makes both from requirements/*.in).
# Production installs requirements.txt only.
stamp=.venv/.requirements.sha
want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet --require-hashes -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
