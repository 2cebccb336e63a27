#!/usr/bin/env bash
# Every test: installs what is missing, builds the page, then runs format
# and lint checks, native unit tests, component tests in headless Chromium
# and end-to-end tests of the built page against the mock portal.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "lint: native and wasm32"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p chat-activity --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
# As Trunk builds the page: the catalogs fetched, not built in.
cargo clippy -p chat-activity --target wasm32-unknown-unknown --no-default-features --quiet -- -D warnings

step "docs: cargo doc without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p chat-activity

step "unit tests (native)"
cargo test --workspace 2>&1 | tee "$logs/native.txt"

step "component tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test -p chat-activity --target wasm32-unknown-unknown --test web 2>&1 | tee "$logs/component.txt"

step "package: custom-elements.json checked; TypeScript, Vue and React hosts type-checked (tsc, vue-tsc)"
(cd package/test && node --test --test-reporter=spec manifest.test.mjs) 2>&1 | tee "$logs/package.txt"
(cd package/test && ./node_modules/.bin/tsc -p tsconfig.json)
(cd package/test && ./node_modules/.bin/vue-tsc -p tsconfig.vue.json)
(cd examples/react-host && ./node_modules/.bin/tsc --noEmit -p tsconfig.json)

step "crate: cargo package (what a Leptos host depends on by version)"
cargo package --quiet -p chat-activity --allow-dirty

step "end-to-end tests (built page in headless Chromium, mock portal on another origin)"
cargo build --quiet --release -p mock-portal
(cd e2e && node --test --test-concurrency=1 --test-reporter=spec tests/) 2>&1 | tee "$logs/e2e.txt"

passed=$(($(count "$logs/native.txt" '^test result: .* ([0-9]+) passed.*') +
  $(count "$logs/component.txt" '^test result: .* ([0-9]+) passed.*') +
  $(count "$logs/package.txt" '^ℹ pass ([0-9]+)$') +
  $(count "$logs/e2e.txt" '^ℹ pass ([0-9]+)$')))
failed=$(($(count "$logs/native.txt" '^test result: .* ([0-9]+) failed.*') +
  $(count "$logs/component.txt" '^test result: .* ([0-9]+) failed.*') +
  $(count "$logs/package.txt" '^ℹ fail ([0-9]+)$') +
  $(count "$logs/e2e.txt" '^ℹ fail ([0-9]+)$')))
echo
echo "all suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
