#!/usr/bin/env bash
# Microsoft's SARIF validator (Sarif.Multitool, from npm) over the seed's
# SARIF, written three ways: from the repository root, from a directory
# below it (the run's %SRCROOT% placed inside the repository), and outside
# any repository. Rule kinds Sarif and GHAS (GitHub's ingestion rules).
# Fails on any error or warning; notes are advice and are listed only.
# Usage: tests/sarif/validate.sh [path/to/copydesk]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
bin=$(realpath "${1:-target/debug/copydesk}")
version=5.7.0
tool_dir=${SARIF_MULTITOOL_DIR:-$root/target/sarif-multitool-$version}
mt=$tool_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$mt" ]; then
  start=$(date +%s)
  mkdir -p "$tool_dir"
  npm install --prefix "$tool_dir" --no-save --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool-linux@$version" >/dev/null
  # npm may skip the package's postinstall (chmod); do it here.
  chmod u+x "$mt"
  echo "sarif-multitool $version installed in $(( $(date +%s) - start )) s"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" check --format sarif examples/seed-article.txt > "$work/root.sarif" || true
(cd examples && "$bin" check --format sarif seed-article.txt > "$work/subdir.sarif") || true
mkdir "$work/norepo" && cp examples/seed-article.txt "$work/norepo/"
(cd "$work/norepo" && GIT_CEILING_DIRECTORIES="$work" "$bin" check --format sarif seed-article.txt > "$work/norepo.sarif") || true

python3 - "$work" <<'PY'
import json, sys, pathlib
work = pathlib.Path(sys.argv[1])
root = json.loads((work / "root.sarif").read_text())["runs"][0]
sub = json.loads((work / "subdir.sarif").read_text())["runs"][0]
norepo = json.loads((work / "norepo.sarif").read_text())["runs"][0]
assert root["tool"]["driver"]["informationUri"].startswith("https://"), "informationUri"
assert root["versionControlProvenance"][0]["mappedTo"] == {"uriBaseId": "%SRCROOT%"}
assert sub["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "examples/", sub.get("originalUriBaseIds")
assert "versionControlProvenance" not in norepo, "no provenance outside a repository"
for r in root["results"]:
    assert r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"], r["ruleId"]
PY

status=0
for log in root subdir norepo; do
  "$mt" validate "$work/$log.sarif" --rule-kind "Sarif;Ghas" --level "Error;Warning;Note" \
    -o "$work/$log.validation.sarif" --log ForceOverwrite > "$work/$log.out" 2>&1 \
    || { status=$?; cat "$work/$log.out"; }
  python3 - "$work/$log.validation.sarif" "$log" <<'PY' || status=1
import json, sys
log = json.load(open(sys.argv[1]))
counts = {"error": 0, "warning": 0, "note": 0}
bad = []
for run in log["runs"]:
    rules = {r["id"]: r for r in run["tool"]["driver"].get("rules", [])}
    for res in run.get("results", []):
        # SARIF's default level is "warning".
        level = res.get("level", "warning")
        counts[level] = counts.get(level, 0) + 1
        if level in ("error", "warning"):
            bad.append(f"{level} {res['ruleId']}: {json.dumps(res['message'])}")
print(f"Sarif.Multitool validate ({sys.argv[2]}): {counts['error']} errors, "
      f"{counts['warning']} warnings, {counts['note']} notes")
for b in bad:
    print("  " + b)
sys.exit(1 if bad else 0)
PY
done
exit $status
