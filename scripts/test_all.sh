#!/usr/bin/env bash
# Everything CI checks, in order (what `npm test` runs):
#
#   fmt --check, lint, type-check (deno task check), doc lint, the Deno test
#   suite, deno publish --dry-run, the npm build with the test suite on Node,
#   and the pack-and-install check.
#
# It keeps going after a failure so that everything is reported, and ends with
# one line `N passed, N failed`: every Deno test and every Node test counted
# once, each other step counted as one test. Exit status 1 if anything failed.
#
# Environment: PYCONC_SKIP_NODE=1 skips the npm build and the Node tests (the
# fast inner loop); DENO_JOBS sets the Deno test parallelism (default: cores).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"
export NO_COLOR=1

if ! command -v deno > /dev/null; then
  echo "test_all: node_modules/.bin/deno is missing: run \`npm ci\` (or \`npm install\`) first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

logs="$(mktemp -d "${TMPDIR:-/tmp}/pyconc-test-all-XXXXXX")"
trap 'rm -rf "$logs"' EXIT

passed=0
failed=0
summary=()
deno_failed_groups=()
started=$SECONDS

# step NAME COMMAND...: runs a step that counts as one test.
step() {
  local name="$1"
  shift
  local t0=$SECONDS
  echo
  echo "== $name: $*"
  if "$@"; then
    passed=$((passed + 1))
    summary+=("ok    $name ($((SECONDS - t0))s)")
  else
    failed=$((failed + 1))
    summary+=("FAIL  $name ($((SECONDS - t0))s)")
  fi
}

step "fmt" deno fmt --check
step "lint" deno lint
step "type-check" deno task check
step "doc lint" deno doc --lint mod.ts

# The Deno test suite, one `deno test` per directory of tests/ (each with
# --parallel), so that a worker one module leaves running cannot slow the rest.
# Counted from each summary line ("ok | 12 passed (3 steps) | 0 failed (2s)").
echo
echo "== deno test: deno test -A --no-check --parallel, per directory of tests/ (type-checked above)"
t0=$SECONDS
dp=0
df=0
groups=()
for entry in tests/*/; do
  [[ -d "$entry" ]] && groups+=("$entry")
done
loose=(tests/*_test.ts tests/*.test.ts)
for f in "${loose[@]}"; do [[ -f "$f" ]] && groups+=("$f"); done
for group in "${groups[@]}"; do
  echo "-- deno test -A --no-check --parallel $group"
  deno test -A --no-check --parallel "$group" 2>&1 | tee "$logs/deno_test.log"
  status=${PIPESTATUS[0]}
  line="$(grep -E '^(ok|FAILED) \| ' "$logs/deno_test.log" | tail -n 1 || true)"
  gp=0
  gf=0
  if [[ -n "$line" ]]; then
    gp="$(sed -nE 's/^[A-Za-z]+ \| ([0-9]+) passed.*/\1/p' <<< "$line")"
    gf="$(sed -nE 's/.*\| ([0-9]+) failed.*/\1/p' <<< "$line")"
    gp=${gp:-0}
    gf=${gf:-0}
  elif grep -q "No test modules found" "$logs/deno_test.log"; then
    continue
  fi
  # A non-zero exit with no failed test (no summary, an uncaught error) is one failure.
  if [[ $status -ne 0 && $gf -eq 0 ]]; then gf=1; fi
  if [[ $gf -ne 0 ]]; then deno_failed_groups+=("$group"); fi
  dp=$((dp + gp))
  df=$((df + gf))
done
passed=$((passed + dp))
failed=$((failed + df))
summary+=("$([[ $df -eq 0 ]] && echo "ok  " || echo "FAIL")  deno test: $dp passed, $df failed ($((SECONDS - t0))s)${deno_failed_groups:+ in ${deno_failed_groups[*]}}")

step "publish dry-run" deno publish --dry-run --allow-dirty

if [[ "${PYCONC_SKIP_NODE:-}" == "1" ]]; then
  summary+=("skip  npm build + Node tests, pack check (PYCONC_SKIP_NODE=1)")
else
  # The npm build and the test suite on Node (counted from its result line).
  echo
  echo "== npm build + Node tests: deno run -A scripts/build_npm.ts --test"
  t0=$SECONDS
  deno run -A scripts/build_npm.ts --test 2>&1 | tee "$logs/node_test.log"
  node_status=${PIPESTATUS[0]}
  line="$(grep -E '^PYCONC_NODE_RESULT ' "$logs/node_test.log" | tail -n 1 || true)"
  if [[ -n "$line" ]]; then
    np="$(sed -nE 's/.* passed=([0-9]+).*/\1/p' <<< "$line")"
    nf="$(sed -nE 's/.* failed=([0-9]+).*/\1/p' <<< "$line")"
    if [[ $node_status -ne 0 && $nf -eq 0 ]]; then nf=1; fi
  else
    # The build failed before any test ran (a type error, say).
    np=0
    nf=1
  fi
  passed=$((passed + np))
  failed=$((failed + nf))
  summary+=("$([[ $nf -eq 0 ]] && echo "ok  " || echo "FAIL")  npm build + Node tests: $np passed, $nf failed ($((SECONDS - t0))s)")

  if [[ $node_status -eq 0 || -n "$line" ]]; then
    step "pack check" bash scripts/check_pack.sh
  else
    failed=$((failed + 1))
    summary+=("FAIL  pack check (no npm build to pack)")
  fi
fi

echo
echo "== summary ($((SECONDS - started))s)"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
