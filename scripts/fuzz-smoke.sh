#!/usr/bin/env bash
# Fuzz smoke run: builds the cargo-fuzz targets in fuzz/ and runs each for
# SECONDS (default 60), one after the other (the machine has two cores).
# A crash, a panic or an input slower than 10 s fails the run; libFuzzer
# leaves the input in fuzz/artifacts/<target>/.
#
#   scripts/fuzz-smoke.sh [SECONDS] [TARGET...]
#
# Installs cargo-fuzz from crates.io when missing. Only a stable toolchain
# is needed: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
set -euo pipefail

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(document lint rule_yaml config_yaml lsp)
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# No sanitizer: copydesk is safe Rust, and ASan would halve the executions;
# debug assertions catch overflow and the library's own debug checks.
flags=(--sanitizer none --debug-assertions)
start=$(date +%s)
cargo fuzz build "${flags[@]}"
echo "fuzz-smoke: build took $(($(date +%s) - start)) s"

seeds_for() {
  case "$1" in
    document | lint) echo "seeds/document" ;;
    rule_yaml) echo "seeds/rule_yaml $root/rules" ;;
    config_yaml) echo "seeds/config_yaml" ;;
    lsp) echo "seeds/lsp" ;;
  esac
}

mkdir -p logs
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  log="logs/$target.log"
  status=0
  # shellcheck disable=SC2046 # the seed list is meant to split into paths
  cargo fuzz run "${flags[@]}" "$target" "corpus/$target" $(seeds_for "$target") -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz-smoke: $target failed (exit $status); input in fuzz/artifacts/$target/, log in fuzz/$log" >&2
    exit 1
  fi
  echo "fuzz-smoke: $target ran ${seconds} s without a crash"
done
echo "fuzz-smoke: total $(($(date +%s) - start)) s"
