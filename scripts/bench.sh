#!/usr/bin/env bash
# The benchmark (not part of the test command): builds the release page,
# then measures it next to the hand-written baseline in bench/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
cargo build --quiet --release -p mock-portal
node bench/run.mjs
# The raid tools: a filter on 10,000 events at 100 ms per answer.
node bench/raid-read.mjs
