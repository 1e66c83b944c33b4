#!/usr/bin/env bash
# Every test, in order: typecheck, lint, unit and integration tests, end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh >/dev/null
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
step "typecheck"; node_modules/.bin/tsc -b
step "lint"; npm run --silent lint
step "unit and integration tests"; node_modules/.bin/vitest run
step "end-to-end tests"; bash scripts/e2e.sh
