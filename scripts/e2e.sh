#!/usr/bin/env bash
# Builds the production bundle and runs the Playwright suite against `vite preview`.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM_PATH="$(bash scripts/ensure-chromium.sh)"
export CHROMIUM_PATH
node_modules/.bin/vite build --logLevel warn
node_modules/.bin/playwright test "$@"
