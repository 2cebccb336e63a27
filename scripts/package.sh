#!/usr/bin/env bash
# Builds the npm package of <chat-activity> (for React, Vue and plain
# TypeScript hosts) and packs it: target/package/ and
# target/chat-activity-VERSION.tgz, which `npm install` takes as it is.
# (The set-up does it after building the page; this says where it is.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
echo "package: $ROOT/target/package/"
echo "tarball: $(ls "$ROOT"/target/chat-activity-*.tgz)"
