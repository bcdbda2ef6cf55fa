#!/usr/bin/env bash
# run.sh TARGET [SECONDS]: fuzzes one target (csv, json or report) for SECONDS (default
# 1860) at the lowest priority, from the corpora seeds.sh builds, into /tmp/afl-out-TARGET.
# Set RESUME=1 to continue an earlier run from its queue instead of the seeds.
set -euo pipefail
t=$1
secs=${2:-1860}
here=$(cd "$(dirname "$0")" && pwd)
in=/tmp/afl-in-$t
[ "${RESUME:-0}" = 1 ] && in=-
[ -d /tmp/afl-in-$t ] || "$here/seeds.sh" >/dev/null
# No CPU pinning (the cores are shared), a 4 GiB address-space limit so a runaway
# allocation is a crash, and 1 s per input so super-linear work shows as a hang.
export AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
exec nice -n 19 cargo afl fuzz -V "$secs" -m 4096 -t 1000 \
  -x "$here/journey.dict" -i "$in" -o "/tmp/afl-out-$t" \
  "$here/target/release/$t"
