#!/usr/bin/env python3
"""Per-rule finding counts over the 897 dev articles, compared with the
committed snapshot tests/corpus/dev-articles-counts.txt.

These are real, edited BBC articles: nearly every fact-check finding on
them is a false alarm. A rule that starts firing on good articles shows up
here as a diff, with the files it newly fires on.

  scripts/corpus-counts.py BINARY [ARTICLES_DIR]          # compare
  scripts/corpus-counts.py BINARY [ARTICLES_DIR] --bless  # rewrite snapshot

Exits 0 when the counts match, 1 on a difference, 2 when it cannot run.
"""
import collections
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "corpus" / "dev-articles-counts.txt"


def counts(binary, articles):
    files = sorted(str(p) for p in pathlib.Path(articles).glob("*.txt"))
    if not files:
        sys.exit(f"corpus-counts: no articles in {articles}")
    out = subprocess.run(
        [binary, "check", "--format", "json", *files],
        capture_output=True, text=True,
    )
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr)
        sys.exit(2)
    report = json.loads(out.stdout)
    per_rule = collections.Counter()
    where = collections.defaultdict(set)
    for d in report["diagnostics"]:
        key = f'{d["rule"]} {d["severity"]}'
        per_rule[key] += 1
        where[key].add(pathlib.Path(d["path"]).name)
    return len(files), per_rule, where


def render(n, per_rule, where):
    lines = [f"# findings per rule and severity over {n} dev articles "
             "(scripts/corpus-counts.py --bless rewrites this)"]
    for key in sorted(per_rule):
        files = ", ".join(sorted(where[key])[:6])
        more = len(where[key]) - 6
        lines.append(f"{key}: {per_rule[key]}  [{files}{f', +{more}' if more > 0 else ''}]")
    return "\n".join(lines) + "\n"


def main():
    args = [a for a in sys.argv[1:] if a != "--bless"]
    if not args:
        sys.exit(__doc__)
    binary = args[0]
    articles = args[1] if len(args) > 1 else ROOT.parent / "shared" / "corpus" / "dev" / "articles"
    n, per_rule, where = counts(binary, articles)
    fresh = render(n, per_rule, where)
    if "--bless" in sys.argv:
        SNAPSHOT.write_text(fresh)
        print(f"wrote {SNAPSHOT}")
        return 0
    old = SNAPSHOT.read_text() if SNAPSHOT.exists() else ""
    strip = lambda t: {l.split("  [")[0] for l in t.splitlines() if not l.startswith("#")}
    if strip(old) == strip(fresh):
        print(f"corpus counts match ({sum(per_rule.values())} findings over {n} articles)")
        return 0
    print("corpus counts changed (a rule fires differently on good articles):")
    for line in sorted(strip(old) - strip(fresh)):
        print(f"  - {line}")
    for line in sorted(strip(fresh) - strip(old)):
        full = next(l for l in fresh.splitlines() if l.startswith(line))
        print(f"  + {full}")
    print("Read the new findings; if they are right, run with --bless and commit.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
