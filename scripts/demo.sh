#!/usr/bin/env bash
# The demo: installs what is missing, builds the page, and runs the mock
# portal with the API and the page on two origins. Ctrl-C stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
cargo build --quiet --release -p mock-portal
exec ./target/release/mock-portal --dist dist --examples examples "$@"
