#!/usr/bin/env bash
# XLSX and text export benchmark (issue 3), run by hand, next to bench/run.sh (which covers CSV/JSON and is left
# untouched). Per size: the app on its own embedded PostgreSQL (bench/work/pg-<size>, seeded once, reused) at -Xmx256m,
# and one reference JVM (bench/src/SxssfReference.java, same -Xmx) serving modes over stdin. Each round runs, one
# after the other so all see the same load on this shared machine:
#   ref-sxssf   bare POI SXSSF loop (the XLSX reference)
#   app-xlsx    GET /api/leads/export?format=xlsx over HTTP (curl time_total; ttfb recorded too)
#   ref-xlsx    the same plain loop with the app's XlsxLeadWriter (the writer's own cost vs bare POI), if LOOP_XLSX=1
#   ref-text    the plain loop with the app's TextLeadWriter (the text reference)
#   app-text    GET /api/leads/export?format=text
# After the rounds: one untimed XLSX export with a forced full GC (jcmd GC.run) about every second (live heap),
# saved to a file whose sheets are counted by streaming their XML. Optionally JFR on the warm-up round at the
# largest size (app-xlsx and ref-sxssf): the warm-up is not in the medians.
#
#   bench/run-xlsx-text.sh [SIZE ...]        default: 100000 1100000
# Environment: RUNS=3 WARMUPS=1 RUNS_LARGE=(RUNS) (timed rounds for sizes > 1,000,000) LOOP_XLSX=1 JFR=1
#              PORT=18090 XMX=256m EXPORT_TIMEOUT=1800 STARTUP_TIMEOUT=900
# Raw data: bench/work/runs-xt/<stamp>/ (times.tsv, memory.tsv, live.tsv, sheets-*.tsv, jfr-*.txt, logs); the
# medians are printed to summary.md there. bench/RESULTS-xlsx-text.md is written by hand from it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
(($# > 0)) || set -- 100000 1100000
SIZES=("$@")
RUNS=${RUNS:-3}
WARMUPS=${WARMUPS:-1}
RUNS_LARGE=${RUNS_LARGE:-$RUNS}
LOOP_XLSX=${LOOP_XLSX:-1}
JFR=${JFR:-1}
PORT=${PORT:-18090}
XMX=${XMX:-256m}
EXPORT_TIMEOUT=${EXPORT_TIMEOUT:-1800}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-900}
export PGPASSWORD=postgres

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$WORK/runs-xt/$STAMP
TIMES=$RUN/times.tsv   # size round metric seconds
MEMORY=$RUN/memory.tsv # size round format heapAfterMaxMB heapBeforeMaxMB committedMB gcs pauseMs hwmKB
LIVE=$RUN/live.tsv     # size format maxAfterForcedFullGcMB forcedFullGcs hwmKB seconds
mkdir -p "$RUN" "$WORK/exports-xt"
: >"$TIMES"; : >"$MEMORY"; : >"$LIVE"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Build (as run.sh does) and compile only this benchmark's class (plus nothing of run.sh's).
JAR=$ROOT/target/lead-export-0.1.0-SNAPSHOT.jar
if [[ ! -f $JAR || -n $(find "$ROOT/src/main" "$ROOT/routes" "$ROOT/pom.xml" -newer "$JAR" -print -quit) ]]; then
    log "building $JAR"
    mvn -B -q package -DskipTests >"$RUN/build.log" 2>&1 \
        || mvn -B -q resources:resources compiler:compile jar:jar spring-boot:repackage >>"$RUN/build.log" 2>&1 \
        || die "the build failed (see $RUN/build.log)"
fi
# The app's own runtime jars, unpacked from its jar (as run.sh does): no offline Maven step.
if [[ ! -d $WORK/lib || $JAR -nt $WORK/lib ]]; then
    rm -rf "$WORK/lib" "$WORK/unpack" && mkdir -p "$WORK/unpack"
    (cd "$WORK/unpack" && jar xf "$JAR" BOOT-INF/lib) || die "cannot unpack $JAR"
    mv "$WORK/unpack/BOOT-INF/lib" "$WORK/lib" && rm -rf "$WORK/unpack"
fi
rm -rf "$WORK/classes-xt" && mkdir -p "$WORK/classes-xt"
REF_CP=$WORK/classes-xt:$ROOT/target/classes:$WORK/lib/*
javac -nowarn -d "$WORK/classes-xt" -cp "$REF_CP" "$ROOT/bench/src/SxssfReference.java" "$ROOT/bench/src/BenchApp.java" 2>"$RUN/javac.log" \
    || { cat "$RUN/javac.log" >&2; die "javac failed"; }

APP_PID="" APP_DATA="" APP_LOG="" GC_LOG="" PG_PORT="" REF_PID=""

stop_app() {
    [[ -n $APP_PID ]] || return 0
    local pid=$APP_PID i pm
    APP_PID=""
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ -f $APP_DATA/postmaster.pid ]]; then # left behind after a kill: stop it only if it is ours
        pm=$(head -1 "$APP_DATA/postmaster.pid")
        if [[ $pm =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pm/cmdline" 2>/dev/null | grep -qF -- "-D $APP_DATA"; then
            kill -INT "$pm" 2>/dev/null || true
        fi
    fi
}

start_app() {
    local size=$1 attempt=$2 deadline count
    APP_DATA=$WORK/pg-$size
    APP_LOG=$RUN/app-$size-$attempt.log
    GC_LOG=$RUN/gc-app-$size-$attempt.log
    log "starting the app ($size leads, ${APP_DATA#"$ROOT"/}, -Xmx$XMX, port $PORT)"
    java "-Xmx$XMX" "-Xlog:gc:file=$GC_LOG:uptime" -jar "$JAR" \
        --server.port="$PORT" --server.address=127.0.0.1 \
        --lead-export.database.embedded-directory="$APP_DATA" \
        --lead-export.demo.leads="$size" \
        --lead-export.storage.directory="$WORK/exports-xt" \
        --lead-export.users[0].username=bench \
        --lead-export.users[0].password="{noop}bench" \
        --lead-export.users[0].roles=ADMIN >"$APP_LOG" 2>&1 &
    APP_PID=$!
    deadline=$((SECONDS + STARTUP_TIMEOUT))
    until grep -qs 'Started LeadExportApplication' "$APP_LOG"; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$APP_LOG" >&2; die "the app exited during start-up"; }
        ((SECONDS < deadline)) || die "start-up timed out"
        sleep 1
    done
    PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$APP_LOG" | awk '{print $NF}' | tail -1)
    while :; do
        count=$(psql -X -qtA -h localhost -p "$PG_PORT" -U postgres -d postgres -c 'select count(*) from leads')
        [[ $count == "$size" ]] && break
        [[ $count == 0 ]] || die "${APP_DATA#"$ROOT"/} holds $count leads, not $size"
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited while seeding"
        ((SECONDS < deadline)) || die "seeding timed out"
        sleep 2
    done
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/actuator/health") == 200 ]]; do
        ((SECONDS < deadline)) || die "health check timed out"
        sleep 1
    done
}

start_reference() {
    local size=$1 line
    coproc REF { exec java "-Xmx$XMX" "-Xlog:gc:file=$RUN/gc-reference-$size.log:uptime" -cp "$REF_CP" SxssfReference \
        serve=true url="jdbc:postgresql://localhost:$PG_PORT/postgres" out="$WORK/xt-reference" expect="$size" \
        2>"$RUN/reference-$size.err"; }
    REF_PID=$REF_PID
    read -r -t 120 line <&"${REF[0]}" || die "the reference did not start"
    [[ $line == READY ]] || die "the reference said '$line'"
}

stop_reference() {
    [[ -n ${REF_PID:-} ]] || return 0
    local pid=$REF_PID i
    REF_PID=""
    { echo quit >&"${REF[1]}"; } 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$WORK"/xt-reference.*
}

cleanup() {
    local status=$?
    stop_reference
    stop_app
    ((status == 0)) || log "failed; logs in ${RUN#"$ROOT"/}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

field() { awk -v k="$1" '{for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2)}' <<<"$2"; }

# gc_stats LOG FROM_LINE: maxHeapAfterMB maxHeapBeforeMB maxCommittedMB gcCount pauseMs maxAfterForcedFullMB forcedFulls
gc_stats() {
    awk -v from="$2" '
        function mb(v,    u, x) { u = substr(v, length(v)); x = substr(v, 1, length(v) - 1) + 0
                                  return u == "K" ? x / 1024 : u == "G" ? x * 1024 : x }
        NR > from + 0 && /GC\([0-9]+\) Pause/ && match($0, /[0-9.]+[KMG]->[0-9.]+[KMG]\([0-9.]+[KMG]\)/) {
            s = substr($0, RSTART, RLENGTH); split(s, p, /->|\(|\)/)
            b = mb(p[1]); a = mb(p[2]); c = mb(p[3])
            if (a > maxa) maxa = a; if (b > maxb) maxb = b; if (c > maxc) maxc = c
            n++; t = $NF; sub(/ms$/, "", t); pause += t
            if ($0 ~ /Pause Full \((System\.gc\(\)|Diagnostic Command)\)/) { full++; if (a > maxf) maxf = a }
        }
        END { printf "%.0f %.0f %.0f %d %.0f %s %d\n", maxa, maxb, maxc, n, pause, full ? sprintf("%.0f", maxf) : "-", full }
    ' "$1"
}

reference_run() { # SIZE ROUND MODE
    local line
    echo "$3" >&"${REF[1]}"
    read -r -t "$EXPORT_TIMEOUT" line <&"${REF[0]}" || die "no answer from the reference for $3"
    [[ $line == RESULT* ]] || die "reference $3: $line"
    printf '%s\t%s\tref-%s\t%s\n' "$1" "$2" "$3" "$(field seconds "$line")" >>"$TIMES"
    printf '%s\t%s\tref-%s-bytes\t%s\n' "$1" "$2" "$3" "$(field bytes "$line")" >>"$TIMES"
    printf '%s\t%s\tref-%s-allocMB\t%s\n' "$1" "$2" "$3" "$(awk -v b="$(field allocated "$line")" 'BEGIN{printf "%.0f", b/1048576}')" >>"$TIMES"
}

# app_run SIZE ROUND FORMAT [probe]: one HTTP export; probe = untimed, forced full GC ~every second, saved to a file.
app_run() {
    local size=$1 round=$2 format=$3 probe=${4:-} headers=$RUN/headers.txt from pid code ttfb total bytes rows hwm dest=/dev/null
    [[ $probe == probe ]] && dest=$WORK/exports-xt/app-$size.$format
    from=$(wc -l <"$GC_LOG")
    { echo 5 >"/proc/$APP_PID/clear_refs"; } 2>/dev/null || log "cannot reset VmHWM"
    curl -sS --max-time "$EXPORT_TIMEOUT" -u bench:bench -D "$headers" -o "$dest" \
        -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
        "http://127.0.0.1:$PORT/api/leads/export?format=$format" >"$RUN/curl.out" &
    pid=$!
    if [[ $probe == probe ]]; then
        while kill -0 "$pid" 2>/dev/null; do
            sleep 1
            kill -0 "$pid" 2>/dev/null && { jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true; }
        done
    fi
    wait "$pid" || die "curl failed for $format at $size"
    read -r code ttfb total bytes <"$RUN/curl.out"
    [[ $code == 200 ]] || die "the $format export answered $code"
    rows=$(awk 'tolower($1) == "x-export-rows:" {print $2}' "$headers" | tr -d '\r')
    [[ $rows == "$size" ]] || die "the $format export says $rows rows, not $size"
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$APP_PID/status")
    sleep 0.3
    # shellcheck disable=SC2046
    set -- $(gc_stats "$GC_LOG" "$from")
    if [[ $probe == probe ]]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$format" "$6" "$7" "$hwm" "$total" >>"$LIVE"
    else
        printf '%s\t%s\tapp-%s\t%s\n' "$size" "$round" "$format" "$total" >>"$TIMES"
        printf '%s\t%s\tapp-%s-ttfb\t%s\n' "$size" "$round" "$format" "$ttfb" >>"$TIMES"
        printf '%s\t%s\tapp-%s-bytes\t%s\n' "$size" "$round" "$format" "$bytes" >>"$TIMES"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$round" "$format" "$1" "$2" "$3" "$4" "$5" "$hwm" >>"$MEMORY"
    fi
}

# jfr_top JFR OUT: the top frames of the CPU samples, and the samples by the package of the first non-JDK frame.
jfr_top() {
    jfr print --events jdk.ExecutionSample --stack-depth 64 "$1" | awk '
        /stackTrace = \[/ { inst = 1; first = ""; owner = ""; next }
        inst && /^[[:space:]]*\]/ { inst = 0; if (first != "") { top[first]++; n++ } if (owner == "") owner = "(JDK only)"; own[owner]++; next }
        inst { f = $0; gsub(/^[[:space:]]+|[[:space:]]+line:.*$/, "", f)
               if (first == "") first = f
               if (owner == "" && f !~ /^(java|javax|jdk|sun)\./) { split(f, p, "."); owner = p[1] "." p[2] "." p[3] } }
        END { print "samples\t" n
              for (k in own) printf "owner\t%d\t%.1f%%\t%s\n", own[k], own[k] * 100 / n, k
              for (k in top) printf "top\t%d\t%.1f%%\t%s\n", top[k], top[k] * 100 / n, k }' |
        sort -t$'\t' -k1,1 -k2,2nr | awk -F'\t' '$1 == "samples" || c[$1]++ < 25' >"$2"
}

median() { # SIZE METRIC
    awk -F'\t' -v s="$1" -v m="$2" '$1 == s && $3 == m && $2 ~ /^[0-9]+$/ {print $4}' "$TIMES" | sort -g |
        awk '{v[++n] = $1} END { if (n) printf "%.3f", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'
}

LARGEST=$(printf '%s\n' "${SIZES[@]}" | sort -n | tail -1)
log "sizes ${SIZES[*]}; raw data in ${RUN#"$ROOT"/}"
for size in "${SIZES[@]}"; do
    start_app "$size" 1
    if grep -q 'Seeded [0-9]* demo leads' "$APP_LOG"; then
        log "seeded; restarting so that seeding is not in the memory figures"
        stop_app
        start_app "$size" 2
    fi
    printf '%s\tload-before\t%s\n' "$size" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/notes.tsv"
    start_reference "$size"
    runs=$RUNS
    ((size > 1000000)) && runs=$RUNS_LARGE
    rounds=()
    for ((r = 1; r <= WARMUPS; r++)); do rounds+=("w$r"); done
    for ((r = 1; r <= runs; r++)); do rounds+=("$r"); done
    for round in "${rounds[@]}"; do
        log "size $size, round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
        profile=0
        [[ $JFR == 1 && $size == "$LARGEST" && $round == w1 ]] && profile=1
        ((profile)) && jcmd "$REF_PID" JFR.start name=xt settings=profile >/dev/null
        reference_run "$size" "$round" sxssf
        ((profile)) && jcmd "$REF_PID" JFR.stop name=xt filename="$RUN/jfr-ref-sxssf-$size.jfr" >/dev/null
        ((profile)) && jcmd "$APP_PID" JFR.start name=xt settings=profile >/dev/null
        app_run "$size" "$round" xlsx
        ((profile)) && jcmd "$APP_PID" JFR.stop name=xt filename="$RUN/jfr-app-xlsx-$size.jfr" >/dev/null
        if ((LOOP_XLSX)); then
            ((profile)) && jcmd "$REF_PID" JFR.start name=xt2 settings=profile >/dev/null
            reference_run "$size" "$round" xlsx
            ((profile)) && jcmd "$REF_PID" JFR.stop name=xt2 filename="$RUN/jfr-ref-xlsx-$size.jfr" >/dev/null
        fi
        reference_run "$size" "$round" text
        app_run "$size" "$round" text
    done
    log "size $size: live heap during an xlsx export (forced full GCs), saved for the sheet check"
    app_run "$size" probe xlsx probe
    java -Xmx256m -cp "$REF_CP" SxssfReference check-xlsx "$WORK/exports-xt/app-$size.xlsx" >"$RUN/sheets-$size.tsv"
    printf '%s\tload-after\t%s\n' "$size" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/notes.tsv"
    stop_reference
    stop_app
    rm -f "$WORK/exports-xt/app-$size.xlsx"
done
for f in "$RUN"/jfr-*.jfr; do [[ -f $f ]] && jfr_top "$f" "${f%.jfr}.txt"; done

{
    echo "| rows | metric | rounds | median s | rows/s |"
    echo "|---:|---|---|---:|---:|"
    for size in "${SIZES[@]}"; do
        for m in $(awk -F'\t' -v s="$size" '$1 == s && !seen[$3]++ {print $3}' "$TIMES"); do
            med=$(median "$size" "$m")
            vals=$(awk -F'\t' -v s="$size" -v m="$m" '$1 == s && $3 == m {printf "%s ", $4}' "$TIMES")
            echo "| $size | $m | $vals | $med | $(awk -v n="$size" -v t="$med" 'BEGIN{ if (t > 0) printf "%.0f", n / t }') |"
        done
    done
    echo; echo "memory (size round format heapAfterMaxMB heapBeforeMaxMB committedMB gcs pauseMs hwmKB):"; cat "$MEMORY"
    echo; echo "live (size format maxAfterForcedFullGcMB forcedFullGcs hwmKB seconds):"; cat "$LIVE"
    for size in "${SIZES[@]}"; do echo; echo "sheets $size:"; cat "$RUN/sheets-$size.tsv"; done
    echo; cat "$RUN/notes.tsv"
} >"$RUN/summary.md"
log "done: ${RUN#"$ROOT"/}/summary.md"
