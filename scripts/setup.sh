#!/usr/bin/env bash
# Installs whatever this project needs and is missing, then builds the page.
# Idempotent: with everything present it only checks versions and builds.
# Sourced by scripts/demo.sh and scripts/test.sh; it leaves PATH set up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The CLI must match Cargo.lock's wasm-bindgen exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
# For the scripts that source this one: sums the numbers PATTERN captures in FILE.
count() { # count FILE PATTERN
  sed -nE "s/$2/\1/p" "$1" | awk '{ n += $1 } END { print n + 0 }'
}

export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and ChromeDriver (Debian packages)"
  apt_install chromium chromium-driver
fi
if ! command -v npm >/dev/null; then
  say "installing Node.js and npm (Debian packages)"
  apt_install nodejs npm
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes 6-18 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes 2-4 minutes)"
  # Not --locked: its own lock file names a crate version the registry lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm packages: wasm-opt (binaryen 132) for trunk, playwright-core for the
# tests, TypeScript and a schema validator for the package's checks, React
# and esbuild for the React host example.
for dir in tools e2e package/test examples/react-host; do
  if [ ! -f "$ROOT/$dir/node_modules/.package-lock.json" ] ||
    [ "$ROOT/$dir/package-lock.json" -nt "$ROOT/$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $dir/"
    (cd "$ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# The npm package (scripts/package.sh, and the test command): target/package/
# and the tarball beside it, from the page just built.
build_package() {
  node "$ROOT/package/build.mjs" "$ROOT/target/package"
  rm -f "$ROOT"/target/chat-activity-*.tgz
  (cd "$ROOT/target/package" && npm pack --silent --pack-destination "$ROOT/target" >/dev/null)
  say "packed: $(cd "$ROOT" && ls target/chat-activity-*.tgz)"
}

say "building the page and the Leptos host example (trunk build --release)"
(cd "$ROOT" && cargo fetch --quiet && trunk build --release --offline >/dev/null)
(cd "$ROOT/examples/leptos-host" && trunk build --release --offline >/dev/null)
say "built: $(cd "$ROOT/dist" && ls | tr '\n' ' ')"

say "packing the npm package and building the React host example from it"
build_package
(cd "$ROOT/examples/react-host" &&
  npm install --no-save --no-audit --no-fund --loglevel=error "$ROOT"/target/chat-activity-*.tgz &&
  node build.mjs)
