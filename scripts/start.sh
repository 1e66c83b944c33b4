#!/usr/bin/env bash
# Installs what is missing, builds the console and serves it with its seeded demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
node_modules/.bin/vite build --logLevel warn
port="${PORT:-4173}"
echo "Destination console: http://localhost:${port}/ (Ctrl+C to stop)"
exec node_modules/.bin/vite preview --port "$port" --strictPort
