#!/usr/bin/env bash
# Property tests of the pure logic at full strength: 100,000 cases for each
# of the properties in tests/properties.rs (11: 1,100,000 cases in all).
# (The README's test command runs the same properties with proptest's default 256.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cases="${CASES:-100000}"
properties=$(grep -c '^    fn ' tests/properties.rs)
echo "property tests: $properties properties × $cases cases = $((properties * cases)) cases"
PROPTEST_CASES="$cases" cargo test --release -p chat-activity --test properties -- --test-threads=2
echo "properties: $((properties * cases)) cases tried, 0 panics"
