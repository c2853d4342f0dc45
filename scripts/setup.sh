#!/usr/bin/env bash
# Installs what a fresh Debian machine with Node 20 lacks for Threadside: Debian packages
# and the npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20 is needed (https://nodejs.org or the distribution's nodejs package)." >&2
  exit 1
fi
# Vite 8 and ESLint 10 need 20.19 or newer: said here, not as a build error later on.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "Node.js $(node --version) is too old: Threadside needs 20.19 or newer." >&2
  exit 1
fi

# Debian packages: Chromium and Firefox ESR (never a downloaded browser), and Xvfb, xdotool
# and xprop for the end-to-end tests that answer the browser's own prompts, press its
# shortcuts and click its notifications on a private display.
missing=()
chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_bin" ] || missing+=(chromium)
firefox_bin="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
[ -x "$firefox_bin" ] || missing+=(firefox-esr)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
command -v xprop >/dev/null 2>&1 || missing+=(x11-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci only when the lock file changed since the last install: it takes a while.
stamp=node_modules/.threadside-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci
  cp package-lock.json "$stamp"
fi
