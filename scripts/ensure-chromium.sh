#!/usr/bin/env bash
# Makes sure a Chromium for Playwright exists: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
# installed with apt-get when this runs as root. Prints the path on success.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then echo "$path"; exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $path; installing Debian's chromium with apt-get..." >&2
  if ! apt-get install -y chromium >&2; then
    apt-get update >&2 && apt-get install -y chromium >&2
  fi
  if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
fi
echo "Chromium is missing: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH to a Chromium binary), then run 'npm test' again." >&2
exit 1
