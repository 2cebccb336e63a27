// The reliability suites' count: each test says how many cases it tried
// (scripts/reliability.sh adds them up per suite).
export function casesTried(count, what) {
  console.log(`cases tried: ${count} (${what})`);
}
