#!/usr/bin/env bash
# Runs `copydesk check` as the inputs say (step `check`). Always exits 0
# once the inputs are valid, so the SARIF upload still runs; the exit code
# goes to the `exit-code` output and the `verdict` step decides.
set -euo pipefail
: "${GITHUB_OUTPUT:?}" "${RUNNER_TEMP:?}"
fail_level=${INPUT_FAIL_LEVEL:-warning}
case "$fail_level" in
  error | warning | info | never) ;;
  *) echo "::error::fail-level must be error, warning, info or never, not '$fail_level'"; exit 2 ;;
esac
output=${INPUT_OUTPUT:-sarif}
case "$output" in
  sarif | github | reviewdog) ;;
  *) echo "::error::output must be sarif, github or reviewdog, not '$output'"; exit 2 ;;
esac
# Space-separated, like the inputs' descriptions say; no globbing.
set -f
read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a extra <<< "${INPUT_ARGS:-}"
set +f
[ ${#paths[@]} -gt 0 ] || paths=(.)
args=("${extra[@]}")
if [ "$fail_level" != never ]; then
  args+=(--fail-level "$fail_level")
fi

changed=()
event=${GITHUB_EVENT_NAME:-}
if [ "${INPUT_CHANGED_LINES_ONLY:-true}" = true ] && [ -n "${GITHUB_BASE_REF:-}" ] \
  && { [ "$event" = pull_request ] || [ "$event" = pull_request_target ]; }; then
  # The base branch's tip is enough: the checkout is the merge commit.
  git fetch -q --no-tags --depth=1 origin \
    "+refs/heads/$GITHUB_BASE_REF:refs/remotes/origin/$GITHUB_BASE_REF"
  changed=(--diff-base "origin/$GITHUB_BASE_REF")
fi

code=0
case "$output" in
  sarif)
    sarif="$RUNNER_TEMP/copydesk.sarif"
    copydesk check --format sarif "${args[@]}" -- "${paths[@]}" > "$sarif" || code=$?
    echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
    if [ ${#changed[@]} -gt 0 ] && [ "$code" -ne 2 ]; then
      # The upload has every finding; the verdict only the changed lines'.
      code=0
      copydesk check --format jsonl "${changed[@]}" "${args[@]}" -- "${paths[@]}" > /dev/null || code=$?
    fi
    ;;
  github)
    copydesk check --format github "${changed[@]}" "${args[@]}" -- "${paths[@]}" || code=$?
    ;;
  reviewdog)
    if [ ${#changed[@]} -gt 0 ]; then
      reporter=github-pr-review filter=added
    else
      reporter=github-check filter=nofilter
    fi
    rd_level=$fail_level
    [ "$rd_level" = never ] && rd_level=none
    set +o pipefail
    copydesk check --format rdjsonl "${changed[@]}" "${args[@]}" -- "${paths[@]}" \
      | reviewdog -f=rdjsonl -name=copydesk -reporter="$reporter" \
          -filter-mode="$filter" -fail-level="$rd_level" || code=$?
    set -o pipefail
    ;;
esac
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
echo "copydesk check exited with $code"
