#!/usr/bin/env bash
# The reliability suites: faults, races, the injection corpus, the strict
# CSP and leaks: the same end-to-end tests the test command runs, one suite
# at a time, with a count per suite of the tests, the cases they tried and
# the failures. Exits non-zero if any failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
cargo build --quiet --release -p mock-portal

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
failed=0
rows=()
for suite in faults races injection csp leaks; do
  printf '\033[1m== %s\033[0m\n' "$suite"
  (cd e2e && node --test --test-concurrency=1 --test-reporter=tap "tests/$suite.test.mjs") >"$logs/$suite.txt" 2>&1 || true
  grep -E '^ *(not ok|ok) |cases tried|after [0-9]+: js' "$logs/$suite.txt" | sed -E 's/^ *# ?/  /' || true
  tests=$(count "$logs/$suite.txt" '^# tests ([0-9]+)$')
  failures=$(count "$logs/$suite.txt" '^# fail ([0-9]+)$')
  cases=$(count "$logs/$suite.txt" '.*cases tried: ([0-9]+).*')
  if [ "$tests" -eq 0 ]; then
    failures=1 # the suite did not run at all
    tail -20 "$logs/$suite.txt"
  fi
  failed=$((failed + failures))
  rows+=("$(printf '%-10s %6s %12s %9s' "$suite" "$tests" "$cases" "$failures")")
done

echo
printf '%-10s %6s %12s %9s\n' suite tests "cases tried" failures
printf '%s\n' "${rows[@]}"
[ "$failed" -eq 0 ]
