#!/usr/bin/env bash
# Runs every test layer (what `make test` runs) and ends with one line,
# "N passed, M failed", over all layers. Exits non-zero if any check fails
# or if a layer ran no tests at all. Each layer's full output is kept in
# target/test-logs/ and shown when the layer fails.
set -u
cd "$(dirname "$0")/.."

logs=target/test-logs
mkdir -p "$logs"
total_passed=0
total_failed=0
summary=()

# record NAME PASSED FAILED STATUS: adds a layer's counts to the totals.
record() {
  local name=$1 passed=$2 failed=$3 status=$4
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the command failed without a test failing: a build error, say
  fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # a layer that ran nothing proves nothing
    echo "!! $name ran no tests"
  fi
  if [ "$failed" -ne 0 ]; then
    echo "---- $name failed; its output ($logs/$name.log):"
    tail -n 80 "$logs/$name.log"
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$(printf '%-14s %4d passed, %d failed' "$name" "$passed" "$failed")")
}

# check NAME CMD...: a command that is one check (formatting, lints, a build).
check() {
  local name=$1
  shift
  echo "== $name: $*"
  "$@" >"$logs/$name.log" 2>&1
  local status=$?
  if [ $status -eq 0 ]; then record "$name" 1 0 0; else record "$name" 0 1 $status; fi
}

# cargo_tests NAME CMD...: sums the "test result:" lines cargo and wasm-bindgen print.
cargo_tests() {
  local name=$1
  shift
  echo "== $name: $*"
  "$@" >"$logs/$name.log" 2>&1
  local status=$?
  read -r passed failed < <(grep -E '^test result:' "$logs/$name.log" \
    | awk '{p += $4; f += $6} END {print p + 0, f + 0}')
  record "$name" "$passed" "$failed" $status
}

# node_tests NAME CMD...: reads the totals node's test runner prints.
node_tests() {
  local name=$1
  shift
  echo "== $name: $*"
  "$@" >"$logs/$name.log" 2>&1
  local status=$?
  local passed failed cancelled
  passed=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$logs/$name.log" | tail -n 1)
  failed=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$logs/$name.log" | tail -n 1)
  cancelled=$(sed -n 's/^ℹ cancelled \([0-9]*\)$/\1/p' "$logs/$name.log" | tail -n 1)
  record "$name" "${passed:-0}" "$(( ${failed:-0} + ${cancelled:-0} ))" $status
}

export CARGO_TERM_COLOR=never
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}

check fmt cargo fmt --all --check
check clippy cargo clippy --all-targets -- -D warnings
check clippy-wasm cargo clippy --all-targets --target wasm32-unknown-unknown --features csr -- -D warnings
check clippy-ssr cargo clippy --bin prerender --features ssr -- -D warnings
check validate make --no-print-directory validate
node_tests maps node --test --test-reporter=spec scripts/maps.test.mjs
node_tests bench-server node --test --test-reporter=spec scripts/bench/server.test.mjs
node_tests service-worker node --test --test-reporter=spec scripts/service-worker.test.mjs
node_tests manifest node --test --test-reporter=spec scripts/manifest.test.mjs
cargo_tests unit cargo test
cargo_tests prerender cargo test --features ssr --bin prerender
cargo_tests browser env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --features csr --test browser
check release make --no-print-directory build PUBLIC_URL="${E2E_PUBLIC_URL:-/mission-pages/}"
if [ -f "$logs/release.log" ]; then sed -n '/^file /,$p' "$logs/release.log"; fi
check wasm-budget node scripts/sizes.mjs dist --check
# The Data page's CSV files and zip as the build publishes them, read back with pandas.
check downloads make --no-print-directory check-downloads DOWNLOADS_DIR=dist/downloads DATA_ROOT=dist
check html node scripts/check-html.mjs dist
node_tests e2e env E2E_PUBLIC_URL="${E2E_PUBLIC_URL:-/mission-pages/}" \
  node --test --test-reporter=spec --test-concurrency=1 e2e/

echo
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
