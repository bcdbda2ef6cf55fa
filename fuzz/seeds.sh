#!/usr/bin/env bash
# Builds the starting corpora /tmp/afl-in-{csv,json,report} from the repository's own test
# files, the bundled samples and (when present) the shared real data sets. Big files are cut
# to their first lines: AFL works best on inputs of a few hundred bytes to a few KiB.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
real=${REAL_DATA:-$root/../shared/data/real}
out=${1:-/tmp}

# head_lines FILE N: the first N lines of FILE.
head_lines() { head -n "$2" "$1"; }

for t in csv json report; do rm -rf "$out/afl-in-$t"; mkdir -p "$out/afl-in-$t"; done

for f in "$root"/tests/fixtures/*; do
  case "$f" in *.py) continue ;; esac
  [ -s "$f" ] || continue  # AFL refuses empty inputs
  n=$(basename "$f")
  case "$n" in
    *.json|*.ndjson) cp "$f" "$out/afl-in-json/$n" ;;
    *) cp "$f" "$out/afl-in-csv/$n" ;;
  esac
done
head_lines "$root/public/sample/journeys.csv" 40 > "$out/afl-in-csv/sample_journeys_head.csv"
head_lines "$root/public/sample/viatge_ca.csv" 40 > "$out/afl-in-csv/sample_viatge_ca_head.csv"
# The feed's meta line, its first events, and the closing of the array: still valid JSON.
{ head_lines "$root/public/sample/feed.json" 12 | sed '$ s/,$//'; echo ']}'; } > "$out/afl-in-json/sample_feed_head.json"
if [ -d "$real" ]; then
  for f in "$real"/*/*.csv; do
    n="real_$(basename "$(dirname "$f")")_$(basename "$f")"
    head_lines "$f" 12 | head -c 4096 > "$out/afl-in-csv/$n"
  done
fi
cp "$out"/afl-in-csv/* "$out"/afl-in-json/* "$out/afl-in-report/"
# Known regressions are good starting points too.
for t in csv json report; do
  cp "$root"/fuzz/regressions/$t/* "$out/afl-in-$t/" 2>/dev/null || true
done
ls "$out"/afl-in-* | wc -l
