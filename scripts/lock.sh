#!/usr/bin/env bash
# Re-compile the lock files (exact versions and hashes of every package, direct or not):
#   requirements/base.in → requirements.txt      (runtime: what production installs)
#   requirements/dev.in  → requirements-dev.txt  (runtime + test and lint tools: setup.sh)
# Run after editing a .in file; commit the .in and .txt files together.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .lock-venv/bin/python ] || python3.11 -m venv .lock-venv >/dev/null 2>&1 || true
.lock-venv/bin/python -m pip install --quiet pip-tools==7.6.2
common=(--quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links)
(cd requirements && ../.lock-venv/bin/pip-compile "${common[@]}" -o ../requirements.txt base.in)
(cd requirements && ../.lock-venv/bin/pip-compile "${common[@]}" -o ../requirements-dev.txt dev.in)
