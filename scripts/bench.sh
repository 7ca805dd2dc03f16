#!/usr/bin/env bash
# Measures copydesk end to end and prints a markdown table (docs/performance.md
# shows one). Builds release, generates a corpus into a temp dir (never
# committed), and times the binary on it:
#
#   - throughput in MB/s on >= 100 MB as 10,000 files, one thread and all cores
#   - time per article, cold start on examples/seed-article.txt
#   - peak RSS on the corpus and on one large file
#   - cost at 1x, 2x, 4x document length (should be linear)
#   - the same per rule (`--select RULE`), against a parse-only baseline
#   - `grep -c 'according to'` over the same corpus: the I/O floor
#
# The corpus is made from ../shared/corpus/dev/articles when present, else
# from examples/*.txt. Wall and CPU (user+sys) times are each the best of
# BENCH_RUNS runs. On a shared machine wall time includes waiting for a
# core, so single-thread throughput is judged on CPU time, which is the
# work one core does; the load average is printed with the table.
#
# Environment: BENCH_RUNS (3), BENCH_FILES (10000), BENCH_MB (100),
# BENCH_LARGE_MB (8: the 1x size of the single-file runs), BENCH_SOURCE (a
# directory of .txt articles), BENCH_PER_RULE (1; 0 skips the per-rule table),
# BENCH_BIN (measure this binary instead of building one).
# Needs bash, python3 and GNU time (/usr/bin/time, Debian package `time`);
# uses hyperfine for the cold start when installed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${BENCH_RUNS:-3}"
FILES="${BENCH_FILES:-10000}"
TOTAL_MB="${BENCH_MB:-100}"
LARGE_MB="${BENCH_LARGE_MB:-8}"
PER_RULE="${BENCH_PER_RULE:-1}"
CORES="$(nproc)"

if [ ! -x /usr/bin/time ]; then
  echo "bench.sh needs GNU time at /usr/bin/time (apt-get install -y time)" >&2
  exit 2
fi

if [ -n "${BENCH_BIN:-}" ]; then
  BIN="$BENCH_BIN"
else
  echo "building release ..." >&2
  cargo build --release --quiet
  TARGET_DIR="$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
  BIN="$TARGET_DIR/release/copydesk"
fi

SOURCE="${BENCH_SOURCE:-}"
if [ -z "$SOURCE" ]; then
  if [ -d "$ROOT/../shared/corpus/dev/articles" ]; then
    SOURCE="$ROOT/../shared/corpus/dev/articles"
  else
    SOURCE="$ROOT/examples"
  fi
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# Corpus: FILES files of about TOTAL_MB/FILES bytes each, every file the
# next few source articles in turn (blank-line separated), so each file is
# a long draft of real text. Also one large file at 1x, 2x and 4x LARGE_MB.
echo "generating corpus from $SOURCE ..." >&2
python3 - "$SOURCE" "$WORK" "$FILES" "$TOTAL_MB" "$LARGE_MB" <<'PY'
import os, sys
source, work, files, total_mb, large_mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
names = sorted(n for n in os.listdir(source) if n.endswith((".txt", ".md")))
articles = []
for n in names:
    with open(os.path.join(source, n), encoding="utf-8") as f:
        articles.append(f.read().strip() + "\n")
if not articles:
    sys.exit(f"no .txt/.md articles in {source}")
per_file = int(total_mb * 1e6 / files) + 1
corpus = os.path.join(work, "corpus")
os.makedirs(corpus)
k = copies = 0
for i in range(files):
    parts, size = [], 0
    while size < per_file:
        a = articles[k % len(articles)]
        k += 1
        parts.append(a)
        size += len(a.encode("utf-8")) + 1
    copies += len(parts)
    sub = os.path.join(corpus, f"{i // 1000:02d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"draft-{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
def large(name, mb):
    target, parts, size, j = int(mb * 1e6), [], 0, 0
    while size < target:
        a = articles[j % len(articles)]
        j += 1
        parts.append(a)
        size += len(a.encode("utf-8")) + 1
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
for m in (1, 2, 4):
    large(f"large-{m}x.txt", large_mb * m)
# The dev articles are plain ASCII; drafts have curly quotes, apostrophes
# and dashes, which take other paths (Unicode word boundaries, quote marks).
def typographic(par):
    out, n = [], 0
    for ch in par:
        if ch == '"':
            out.append("\u201c" if n % 2 == 0 else "\u201d")
            n += 1
        else:
            out.append("\u2019" if ch == "'" else ch)
    return "".join(out).replace(" - ", " \u2013 ")
with open(os.path.join(work, "large-1x.txt"), encoding="utf-8") as f:
    plain = f.read()
with open(os.path.join(work, "typographic-1x.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(typographic(p) for p in plain.split("\n")))
with open(os.path.join(work, "copies"), "w") as f:
    f.write(str(copies))
PY
CORPUS="$WORK/corpus"
COPIES="$(cat "$WORK/copies")"
CORPUS_BYTES="$(find "$CORPUS" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')"
CORPUS_FILES="$(find "$CORPUS" -type f | wc -l)"
SEED="$ROOT/examples/seed-article.txt"

# measure CMD...: runs CMD RUNS times (stdout discarded; exit 1 = findings
# is fine), prints "best_wall_s best_cpu_s max_rss_kb" (CPU = user + sys).
measure() {
  local wall=9999 cpu=9999 rss=0 line w u s r c
  for _ in $(seq "$RUNS"); do
    line="$(/usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -n 1)"
    read -r w u s r <<<"$line"
    c="$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", u + s}')"
    wall="$(awk -v a="$w" -v b="$wall" 'BEGIN {print (a < b ? a : b)}')"
    cpu="$(awk -v a="$c" -v b="$cpu" 'BEGIN {print (a < b ? a : b)}')"
    rss="$(awk -v a="$r" -v b="$rss" 'BEGIN {print (a > b ? a : b)}')"
  done
  echo "$wall $cpu $rss"
}

mbps() { awk -v b="$1" -v t="$2" 'BEGIN {if (t <= 0) t = 0.005; printf "%.1f", b / 1e6 / t}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# Warm the page cache so every run reads from memory.
cat $(find "$CORPUS" -type f) "$WORK"/large-*.txt >/dev/null

echo "timing the corpus ..." >&2
read -r t1 c1 r1 <<<"$(RAYON_NUM_THREADS=1 measure "$BIN" check --format json "$CORPUS")"
read -r tn cn rn <<<"$(measure "$BIN" check --format json "$CORPUS")"
read -r th ch rh <<<"$(RAYON_NUM_THREADS=1 measure "$BIN" check --format human --color never "$CORPUS")"
read -r tg cg _ <<<"$(measure grep -rc 'according to' "$CORPUS")"

echo "timing one large file at 1x, 2x, 4x ..." >&2
declare -A LT LC LR
for m in 1 2 4; do
  read -r LT[$m] LC[$m] LR[$m] <<<"$(RAYON_NUM_THREADS=1 measure "$BIN" check --format json "$WORK/large-${m}x.txt")"
done
LARGE4_BYTES="$(stat -c %s "$WORK/large-4x.txt")"
cp "$WORK/large-1x.txt" "$WORK/large-1x.md"
read -r tmd cmd _ <<<"$(RAYON_NUM_THREADS=1 measure "$BIN" check --format json "$WORK/large-1x.md")"
read -r tty cty _ <<<"$(RAYON_NUM_THREADS=1 measure "$BIN" check --format json "$WORK/typographic-1x.txt")"
TYPO_BYTES="$(stat -c %s "$WORK/typographic-1x.txt")"
LARGE1_BYTES="$(stat -c %s "$WORK/large-1x.txt")"

echo "timing cold start ..." >&2
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 5 --runs 50 -N -i --export-json "$WORK/cold.json" \
    "$BIN check $SEED" >/dev/null 2>&1
  read -r COLD_MS COLD_CPU COLD <<<"$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = (r["user"] + r["system"]) * 1e3
print("%.1f %.1f %.1f ms wall ± %.1f (min %.1f), %.1f ms CPU; hyperfine, 50 runs" % (r["mean"] * 1e3, cpu, r["mean"] * 1e3, r["stddev"] * 1e3, r["min"] * 1e3, cpu))' "$WORK/cold.json")"
else
  start=$(date +%s%N)
  for _ in $(seq 50); do "$BIN" check "$SEED" >/dev/null 2>&1 || true; done
  COLD_MS="$(awk -v d=$(($(date +%s%N) - start)) 'BEGIN {printf "%.1f", d / 50 / 1e6}')"
  COLD_CPU="$COLD_MS"
  COLD="$COLD_MS ms wall (mean of 50 runs, shell loop)"
fi
read -r _ _ rseed <<<"$(measure "$BIN" check "$SEED")"

ok() { awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN {print ((dir == "le" ? v <= lim : v >= lim) ? "yes" : "**no**")}'; }

MB="$(awk -v b="$CORPUS_BYTES" 'BEGIN {printf "%.1f", b / 1e6}')"
TP1="$(mbps "$CORPUS_BYTES" "$c1")"
SPEEDUP="$(awk -v a="$t1" -v b="$tn" 'BEGIN {printf "%.2f", a / b}')"
PER_ARTICLE="$(awk -v t="$c1" -v n="$COPIES" 'BEGIN {printf "%.0f", t / n * 1e6}')"
RSS_CORPUS="$(mib "$rn")"
RSS_LARGE="$(mib "${LR[4]}")"
LARGE4_MIB="$(awk -v b="$LARGE4_BYTES" 'BEGIN {printf "%.0f", b / 1048576}')"
RSS_RATIO="$(awk -v r="${LR[4]}" -v b="$LARGE4_BYTES" 'BEGIN {printf "%.2f", r * 1024 / b}')"
GREP_RATIO="$(awk -v a="$c1" -v b="$cg" 'BEGIN {if (b <= 0) b = 0.005; printf "%.0f", a / b}')"

echo
if [ -n "${BENCH_BIN:-}" ]; then BUILD="$BIN"; else BUILD="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"; fi
echo "copydesk $("$BIN" --version | awk '{print $2}') ($BUILD), $CORES cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$BIN" rules 2>/dev/null | grep -c '^[a-z]') rules, best of $RUNS runs"
echo "corpus: $CORPUS_FILES files, $MB MB, $COPIES article copies from $(basename "$(dirname "$SOURCE")")/$(basename "$SOURCE")"
echo
echo "| measure | result | target | met |"
echo "| --- | --- | --- | --- |"
echo "| throughput, 1 thread (json) | $TP1 MB/s of CPU ($c1 s CPU; $(mbps "$CORPUS_BYTES" "$t1") MB/s wall, $t1 s) | ≥ 20 MB/s | $(ok "$TP1" 20 ge) |"
echo "| throughput, 1 thread (human) | $(mbps "$CORPUS_BYTES" "$ch") MB/s of CPU ($ch s CPU, $th s wall) | | |"
echo "| throughput, $CORES threads (json) | $(mbps "$CORPUS_BYTES" "$tn") MB/s wall ($tn s wall, $cn s CPU) | | |"
echo "| speed-up, $CORES threads | ${SPEEDUP}× wall; CPU $cn s vs $c1 s | near $CORES× | $(ok "$SPEEDUP" "$(awk -v c="$CORES" 'BEGIN {print c * 0.8}')" ge) |"
echo "| time per article (CPU) | $PER_ARTICLE µs | | |"
echo "| cold start, seed article | $COLD | ≤ 20 ms | $(ok "$COLD_MS" 20 le) wall, $(ok "$COLD_CPU" 20 le) CPU |"
echo "| peak RSS, seed article | $(mib "$rseed") MiB | | |"
echo "| peak RSS, $CORPUS_FILES files ($MB MB), $CORES threads | $RSS_CORPUS MiB (1 thread: $(mib "$r1") MiB) | ≤ 150 MB | $(ok "$rn" 146484 le) |"
echo "| peak RSS, one $LARGE4_MIB MiB file | $RSS_LARGE MiB (${RSS_RATIO}× the file) | ≤ 3× | $(ok "$RSS_RATIO" 3 le) |"
for m in 1 2 4; do
  bytes="$(stat -c %s "$WORK/large-${m}x.txt")"
  per_mb="$(awk -v t="${LC[$m]}" -v b="$bytes" 'BEGIN {printf "%.3f", t / (b / 1e6)}')"
  echo "| one file, ${m}× ($(awk -v b="$bytes" 'BEGIN {printf "%.0f", b / 1e6}') MB) | ${LC[$m]} s CPU ($per_mb s/MB), ${LT[$m]} s wall, $(mib "${LR[$m]}") MiB | linear | $( [ "$m" = 1 ] && echo "" || ok "$(awk -v a="${LC[$m]}" -v b="${LC[1]}" -v m="$m" 'BEGIN {printf "%.2f", a / (b * m)}')" 1.3 le) |"
done
echo "| one file, 1×, typographic quotes and dashes | $cty s CPU, $(mbps "$TYPO_BYTES" "$cty") MB/s of CPU | | |"
echo "| one file, 1×, as Markdown | $cmd s CPU, $(mbps "$LARGE1_BYTES" "$cmd") MB/s of CPU | | |"
echo "| \`grep -rc 'according to'\`, same corpus | $cg s CPU, $tg s wall ($(mbps "$CORPUS_BYTES" "$cg") MB/s of CPU) | floor | copydesk 1 thread is ${GREP_RATIO}× |"

if [ "$PER_RULE" = "1" ]; then
  echo "timing each rule ..." >&2
  BASELINE_IGNORE="place,quote,attribution,consistency,style,hygiene"
  read -r tb cb rb <<<"$(RAYON_NUM_THREADS=1 measure "$BIN" check --format json --ignore "$BASELINE_IGNORE" "$CORPUS")"
  echo
  echo "Per rule, 1 thread, same corpus (\`--select RULE\`); \"rule cost\" is the CPU time above the parse-only baseline (\`--ignore\` every category)."
  echo
  echo "| rule | kind | CPU | rule cost | MB/s of CPU | peak RSS |"
  echo "| --- | --- | --- | --- | --- | --- |"
  echo "| (parse only) | | $cb s | | $(mbps "$CORPUS_BYTES" "$cb") | $(mib "$rb") MiB |"
  "$BIN" rules 2>/dev/null | awk '/^[a-z0-9-]+ / {print $1, $4}' | while read -r rule kind; do
    read -r _ cr rr <<<"$(RAYON_NUM_THREADS=1 measure "$BIN" check --format json --select "$rule" "$CORPUS")"
    cost="$(awk -v a="$cr" -v b="$cb" 'BEGIN {printf "%+.2f s", a - b}')"
    echo "| $rule | $kind | $cr s | $cost | $(mbps "$CORPUS_BYTES" "$cr") | $(mib "$rr") MiB |"
  done
fi
echo
echo "Command: \`scripts/bench.sh\` (BENCH_RUNS=$RUNS, BENCH_FILES=$FILES, BENCH_MB=$TOTAL_MB, BENCH_LARGE_MB=$LARGE_MB)."
