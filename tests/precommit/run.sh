#!/usr/bin/env bash
# End-to-end test of the pre-commit hook with the real `pre-commit` from
# PyPI: the hook must block a draft holding the seed article and pass the
# corrected draft. Run from the repository root or anywhere:
#
#     bash tests/precommit/run.sh
#
# pre-commit's `language: rust` builds the hook with `cargo install --path`
# (a release build), and `try-repo` installs into a fresh store each time,
# so each of the two runs below builds the hook. To keep CI fast:
# - both builds share one target directory (COPYDESK_PRECOMMIT_TARGET_DIR,
#   default: a temporary one), so the second reuses the first's dependencies;
# - the release profile is overridden to build without optimisation or LTO,
#   since this tests the hook's wiring, not copydesk's speed.
#   COPYDESK_PRECOMMIT_RELEASE=1 builds exactly as a user's pre-commit does.
# PRE_COMMIT_VERSION pins the pre-commit release (default below).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PRE_COMMIT_VERSION="${PRE_COMMIT_VERSION:-4.7.0}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-precommit.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$WORK/cache"   # a fresh hook environment every run
export CARGO_TARGET_DIR="${COPYDESK_PRECOMMIT_TARGET_DIR:-$WORK/target}"
if [ "${COPYDESK_PRECOMMIT_RELEASE:-0}" != 1 ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false
  export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_DEBUG=false
fi
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=copydesk GIT_AUTHOR_EMAIL=copydesk@example.invalid
export GIT_COMMITTER_NAME=copydesk GIT_COMMITTER_EMAIL=copydesk@example.invalid

# The finding the hook must report on the seed draft: Suwayda put in India.
EXPECTED='error[place-country]'

started=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - started ))s)"; }
fail() { echo "FAIL: $1" >&2; exit 1; }

step "pre-commit $PRE_COMMIT_VERSION into a venv"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
PRE_COMMIT="$WORK/venv/bin/pre-commit"
"$PRE_COMMIT" --version

# try-repo installs a hook repository at a commit, so the working tree
# (committed or not) is copied into a throwaway repository and committed.
step "snapshot of the working tree as a hook repository"
mkdir "$WORK/hook-repo"
git -C "$ROOT" ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [ -f "$ROOT/$f" ] && printf '%s\0' "$f"; done \
  | tar -C "$ROOT" --null -T - -cf - \
  | tar -C "$WORK/hook-repo" -xf -
git -C "$WORK/hook-repo" init -q
git -C "$WORK/hook-repo" add -A
git -C "$WORK/hook-repo" commit -q -m snapshot

step "a newsroom repository with the seed article as a draft"
mkdir "$WORK/newsroom"
git -C "$WORK/newsroom" init -q
cp "$ROOT/examples/seed-article.txt" "$WORK/newsroom/draft.txt"
git -C "$WORK/newsroom" add draft.txt

step "pre-commit try-repo on the seed draft (builds the hook: cargo install, release)"
set +e
( cd "$WORK/newsroom" && "$PRE_COMMIT" try-repo "$WORK/hook-repo" copydesk --files draft.txt ) >"$WORK/seed.out" 2>&1
code=$?
set -e
cat "$WORK/seed.out"
[ "$code" -ne 0 ] || fail "the hook passed the seed draft"
grep -qF "$EXPECTED" "$WORK/seed.out" || fail "no '$EXPECTED' in the hook's output"
grep -qF "draft.txt" "$WORK/seed.out" || fail "the hook's output does not name draft.txt"

step "pre-commit try-repo on the corrected draft"
# The seed with every error of shared seed-expected.md corrected, as a copy
# editor would; each edit must apply, so a changed seed fails loudly here.
python3 - "$ROOT/examples/seed-article.txt" "$WORK/newsroom/draft.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
edits = [
    ("high proportion of Druzes in southern India", "high proportion of Druze in southern Syria"),
    ("“Reliable and honest”", "“Honest and responsible”"),
    ("According to the parties’ agreement to continue discussions aimed at maintaining stability, the meeting did not lead to any final agreements, according to Syria’s state-run Ekhbariya TV, citing its own diplomatic source.",
     "The meeting did not lead to any final agreements, but the parties agreed to continue discussions aimed at maintaining stability, according to Syria’s state-run Ekhbariya TV."),
    ("In the first confirmation from the Syrian side that talks had taken place, the TV source described", "The TV source described"),
    ("The official said the organization also rejected", "The official said the delegation also rejected"),
    ("US envoy Tom Barrack claimed that", "US envoy Tom Barrack said that"),
    ("Source: Aljazeera\nLeave a Reply", "Source: Al Jazeera\n"),
]
for old, new in edits:
    if old not in text:
        sys.exit(f"corrected draft: {old!r} is not in the seed any more")
    text = text.replace(old, new)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
git -C "$WORK/newsroom" add draft.txt
set +e
( cd "$WORK/newsroom" && "$PRE_COMMIT" try-repo "$WORK/hook-repo" copydesk --files draft.txt ) >"$WORK/fixed.out" 2>&1
code=$?
set -e
cat "$WORK/fixed.out"
[ "$code" -eq 0 ] || fail "the hook blocked the corrected draft"

step "done"
echo "precommit: 2 passed, 0 failed"
