#!/usr/bin/env bash
# Lead Export benchmark, run by hand: for each size, the COPY floor, a plain-Java reference loop and the app's HTTP
# exports, timed in interleaved rounds (one warm-up round, then RUNS timed rounds; medians reported), with the app's
# peak heap and RSS, a step-by-step breakdown of the reference loop and JFR profiles. Writes bench/RESULTS.md.
#
#   bench/run.sh [SIZE ...]          default sizes: 100000 1000000
#
# Environment (all optional):
#   FORMATS="csv json xlsx text"   formats exported by the app; each against its single-threaded reference (the
#                        plain loop with the app's writer; for xlsx the bare POI SXSSF loop)
#   VERIFY=1             at the largest size: the app's files against the single-threaded loop's (SHA-256, XLSX cells)
#   CONCURRENCY=1        at the largest size: two background CSV jobs one after the other, then at once
#   RUNS=3 WARMUPS=1     timed rounds and warm-up rounds per size
#   BREAKDOWN="csv-stages read format-nophone format"   extra reference modes for "where the time goes" ("" = none)
#   PROFILE=1            JFR-profile the app and the reference at the largest size (0 = skip)
#   PORT=18080 XMX=256m  the app's HTTP port and heap cap (the reference gets the same heap cap)
#   APP_ARGS=""          extra arguments for the app, e.g. "--lead-export.export.chunk-size=100" to try a tuning
#   STARTUP_TIMEOUT=900 EXPORT_TIMEOUT=1800             bounds, in seconds, on start-up (incl. seeding) and one export
#   RESULTS=bench/RESULTS.md
#
# Everything scratch goes under bench/work/ (git-ignored): embedded database data dirs bench/work/pg-<size> (seeded
# once, reused), logs and raw measurements in bench/work/runs/<timestamp>/. Only localhost is contacted.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BENCH=$ROOT/bench
WORK=$BENCH/work

if (($# == 0)); then
    set -- 100000 1000000
fi
SIZES=("$@")
FORMATS=${FORMATS:-csv json xlsx text}
VERIFY=${VERIFY:-1}
CONCURRENCY=${CONCURRENCY:-1}
RUNS=${RUNS:-3}
WARMUPS=${WARMUPS:-1}
BREAKDOWN=${BREAKDOWN-csv-stages read format-nophone format}
PROFILE=${PROFILE:-1}
PORT=${PORT:-18080}
XMX=${XMX:-256m}
APP_ARGS=${APP_ARGS:-}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-900}
EXPORT_TIMEOUT=${EXPORT_TIMEOUT:-1800}
RESULTS=${RESULTS:-$BENCH/RESULTS.md}
USER_NAME=bench
USER_PASSWORD=bench
PG_USER=postgres
export PGPASSWORD=postgres

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$WORK/runs/$STAMP
TIMES=$RUN/times.tsv        # size round metric seconds
MEMORY=$RUN/memory.tsv      # size round format heapAfterMaxMB heapBeforeMaxMB committedMB gcs pauseMs hwmKB
LIVE=$RUN/live.tsv          # size format idle idleLiveMB | size format exportLiveMaxMB forcedFullGcs
NOTES=$RUN/notes.tsv        # size key value
ALLOC=$RUN/alloc.tsv        # size round metric allocatedMB gcs (from the GC logs)
CPU=$RUN/cpu.tsv            # size round metric jvmCpuS postgresCpuS exportThreadCpuS gcCpuS jitCpuS readCpuS formatCpuS
CHECKS=$RUN/checks.tsv      # format appSha256 referenceSha256 (xlsx: the Leads sheets' cell values)
CONCUR=$RUN/concurrency.tsv # size mode seconds (two background jobs, one after the other / at the same time)

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for size in "${SIZES[@]}"; do
    [[ $size =~ ^[1-9][0-9]*$ ]] || die "sizes are positive integers, not '$size'"
done
for tool in java javac jar jcmd psql curl awk sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
mkdir -p "$RUN" "$WORK/exports"
: >"$TIMES"; : >"$MEMORY"; : >"$LIVE"; : >"$NOTES"; : >"$ALLOC"; : >"$CPU"; : >"$CHECKS"; : >"$CONCUR"

# ---------------------------------------------------------------------------------------------------------------------
# Build: the app jar (if missing or older than the sources), the dependency classpath, the bench classes.

JAR=$ROOT/target/lead-export-0.1.0-SNAPSHOT.jar
if [[ ! -f $JAR || -n $(find "$ROOT/src/main" "$ROOT/routes" "$ROOT/pom.xml" -newer "$JAR" -print -quit) ]]; then
    log "building $JAR"
    # Not offline (-o): on a fresh machine Maven still has to fetch its plugins' own dependencies once. Where
    # 'package' cannot resolve the surefire plugin, the explicit goals build the same jar without it.
    mvn -B -q package -DskipTests >"$RUN/build.log" 2>&1 \
        || mvn -B -q resources:resources compiler:compile jar:jar spring-boot:repackage >>"$RUN/build.log" 2>&1 \
        || { tail -20 "$RUN/build.log" >&2; die "the build failed (see $RUN/build.log)"; }
fi
[[ -d $ROOT/target/classes/io/leadexport ]] || die "target/classes is missing: delete $JAR and re-run"
# The reference loops run on the app's own runtime classpath: the jars packed into the app's jar (BOOT-INF/lib),
# unpacked once per build. No Maven step, so nothing here depends on what the local repository already holds.
if [[ ! -d $WORK/lib || $JAR -nt $WORK/lib ]]; then
    log "unpacking the app's runtime jars"
    rm -rf "$WORK/lib" "$WORK/unpack" && mkdir -p "$WORK/unpack"
    (cd "$WORK/unpack" && jar xf "$JAR" BOOT-INF/lib) || die "cannot unpack $JAR"
    mv "$WORK/unpack/BOOT-INF/lib" "$WORK/lib" && rm -rf "$WORK/unpack"
fi
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
REF_CP=$WORK/classes:$ROOT/target/classes:$WORK/lib/*
javac -nowarn -d "$WORK/classes" -cp "$REF_CP" "$BENCH"/src/*.java
EXPORT_SQL=$(java -cp "$REF_CP" ReferenceExport print-sql)

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT is in use: set PORT=..."
fi

# ---------------------------------------------------------------------------------------------------------------------
# The app: started and stopped here; the embedded PostgreSQL it starts is stopped with it.

APP_PID=""
APP_DATA=""
APP_LOG=""
GC_LOG=""
PG_PORT=""

stop_app() {
    [[ -n $APP_PID ]] || return 0
    local pid=$APP_PID i
    APP_PID=""
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 60; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "app $pid did not stop in 60 s: killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    # The embedded postmaster is a daemon of its own; the app stops it on a clean shutdown. After a kill it is left
    # running: stop it by the pid in its data directory, after checking that pid is that postmaster.
    local pm
    if [[ -f $APP_DATA/postmaster.pid ]]; then
        pm=$(head -1 "$APP_DATA/postmaster.pid")
        if [[ $pm =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pm/cmdline" 2>/dev/null | grep -qF -- "-D $APP_DATA"; then
            log "stopping the embedded PostgreSQL $pm left behind"
            kill -INT "$pm" 2>/dev/null || true
            for ((i = 0; i < 30; i++)); do
                kill -0 "$pm" 2>/dev/null || break
                sleep 1
            done
        fi
    fi
}

# start_app SIZE ATTEMPT: starts the app on the size's data dir; waits until HTTP answers and the table holds SIZE leads.
start_app() {
    local size=$1 attempt=$2 deadline count code
    APP_DATA=$WORK/pg-$size
    APP_LOG=$RUN/app-$size-$attempt.log
    GC_LOG=$RUN/gc-app-$size-$attempt.log
    log "starting the app ($size leads, data in ${APP_DATA#"$ROOT"/}, -Xmx$XMX)"
    java "-Xmx$XMX" "-Xlog:gc:file=$GC_LOG:uptime" -jar "$JAR" \
        --server.port="$PORT" --server.address=127.0.0.1 \
        --lead-export.database.embedded-directory="$APP_DATA" \
        --lead-export.demo.leads="$size" \
        --lead-export.storage.directory="$WORK/exports" \
        --lead-export.users[0].username="$USER_NAME" \
        --lead-export.users[0].password="{noop}$USER_PASSWORD" \
        --lead-export.users[0].roles=ADMIN \
        $APP_ARGS >"$APP_LOG" 2>&1 &
    APP_PID=$!
    deadline=$((SECONDS + STARTUP_TIMEOUT))
    until grep -qs 'Started LeadExportApplication' "$APP_LOG"; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$APP_LOG" >&2; die "the app exited during start-up"; }
        ((SECONDS < deadline)) || die "the app did not start in $STARTUP_TIMEOUT s (see $APP_LOG)"
        sleep 1
    done
    PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$APP_LOG" | awk '{print $NF}' | tail -1)
    [[ -n $PG_PORT ]] || die "no 'Embedded PostgreSQL on port' line in $APP_LOG"
    # Seeding runs after start-up, in one transaction: the count is 0 until it commits.
    while :; do
        count=$(psql -X -qtA -h localhost -p "$PG_PORT" -U "$PG_USER" -d postgres -c 'select count(*) from leads')
        [[ $count == "$size" ]] && break
        [[ $count == 0 ]] || die "${APP_DATA#"$ROOT"/} holds $count leads, not $size: delete it to re-seed"
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$APP_LOG" >&2; die "the app exited while seeding"; }
        ((SECONDS < deadline)) || die "seeding $size leads did not finish in $STARTUP_TIMEOUT s"
        sleep 2
    done
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/actuator/health") == 200 ]]; do
        ((SECONDS < deadline)) || die "the app's health check did not answer 200 in $STARTUP_TIMEOUT s"
        sleep 1
    done
}

# ---------------------------------------------------------------------------------------------------------------------
# The reference loop: one JVM per size, serving one mode per line (see bench/src/ReferenceExport.java), so its runs
# interleave with the app's and see the same machine load.

REF_RUNNING=0
REF_GC_LOG=""

start_reference() {
    local size=$1 line
    REF_GC_LOG=$RUN/gc-reference-$size.log
    coproc REF { exec java "-Xmx$XMX" "-Xlog:gc:file=$REF_GC_LOG:uptime" -cp "$REF_CP" ReferenceExport \
        serve=true url="jdbc:postgresql://localhost:$PG_PORT/postgres" out="$WORK/reference-output" expect="$size" \
        2>"$RUN/reference-$size.err"; }
    REF_RUNNING=1
    read -r -t 120 line <&"${REF[0]}" || die "the reference did not start (see $RUN/reference-$size.err)"
    [[ $line == READY ]] || die "the reference said '$line'"
}

stop_reference() {
    ((REF_RUNNING)) || return 0
    REF_RUNNING=0
    local pid=${REF_PID:-} i
    { echo quit >&"${REF[1]}"; } 2>/dev/null || true
    [[ -n $pid ]] || return 0
    for ((i = 0; i < 30; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    rm -f "$WORK"/reference-output.*
}

# reference MODE: runs one reference pass; prints its RESULT line.
reference() {
    local line
    echo "$1" >&"${REF[1]}"
    read -r -t "$EXPORT_TIMEOUT" line <&"${REF[0]}" || die "no answer from the reference for '$1' in $EXPORT_TIMEOUT s"
    [[ $line == RESULT* ]] || die "reference $1: $line"
    echo "$line"
}

field() { # field NAME LINE: the value of NAME=... in a RESULT line
    awk -v k="$1" '{for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2)}' <<<"$2"
}

cleanup() {
    local status=$?
    stop_reference
    stop_app
    rm -f "$WORK"/reference-output.*
    ((status == 0)) || log "failed; logs are in ${RUN#"$ROOT"/}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------------
# Measurements

now_ns() { date +%s%N; }

TICKS=$(getconf CLK_TCK)

# cpu_ticks PID: user + system CPU of a process, all its threads (fields 14 and 15 of /proc/PID/stat).
cpu_ticks() {
    awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# pg_ticks: CPU of the embedded PostgreSQL: the postmaster, what it reaped from ended backends (cutime, cstime) and
# its live children. Comparable before and after a measurement even when a backend ends in between.
pg_ticks() {
    local pm child total
    pm=$(head -1 "$APP_DATA/postmaster.pid" 2>/dev/null) || { echo 0; return; }
    total=$(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$pm/stat" 2>/dev/null || echo 0)
    for child in $(ps -o pid= --ppid "$pm"); do
        total=$((total + $(cpu_ticks "$child")))
    done
    echo "$total"
}

# jvm_ticks PID: CPU ticks of a JVM as "total export gc jit read format" (export: the thread that runs the export and
# writes the file, "main" in the reference (its OS thread name is "java") and the platform-http threads "http-N" in
# the app; gc: "GC Thread#N" and "G1 ..."; jit: the C1/C2 compiler threads; read: the app's cursor readers
# "export-read-N"; format: its shared format pool "export-format-N"; the rest of total is Tomcat, JFR, attach and
# threads that ended).
jvm_ticks() {
    local total
    total=$(cpu_ticks "$1")
    for f in /proc/"$1"/task/*/stat; do cat "$f" 2>/dev/null; echo; done | awk -v total="$total" '
        /\(/ { comm = substr($0, index($0, "(") + 1); comm = substr(comm, 1, match(comm, /\) [A-Z] /) - 1)
               rest = substr($0, match($0, /\) [A-Z] /) + 2); split(rest, f, " "); t = f[12] + f[13]
               if (comm == "java" || comm == "main" || comm ~ /^http-[0-9]+$/) e += t
               else if (comm ~ /^GC Thread/ || comm ~ /^G1 /) g += t
               else if (comm ~ /^C[12] CompilerThre/) j += t
               else if (comm ~ /^export-read-/) rd += t
               else if (comm ~ /^export-format-/) fm += t }
        END { printf "%d %d %d %d %d %d\n", total, e, g, j, rd, fm }'
}

# cpu_record SIZE ROUND METRIC "JVM_TICKS_BEFORE" "JVM_TICKS_AFTER" PG_TICKS_BEFORE PG_TICKS_AFTER
# (JVM ticks as jvm_ticks prints them; "0 0 0 0 0 0" when no JVM is measured). Columns of cpu.tsv: size round metric
# jvmCpuS postgresCpuS exportThreadCpuS gcCpuS jitCpuS readCpuS formatCpuS
cpu_record() {
    awk -v s="$1" -v r="$2" -v m="$3" -v a="$4" -v b="$5" -v c="$6" -v d="$7" -v t="$TICKS" 'BEGIN {
        split(a, x, " "); split(b, y, " ")
        printf "%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", s, r, m, (y[1] - x[1]) / t, (d - c) / t,
            (y[2] - x[2]) / t, (y[3] - x[3]) / t, (y[4] - x[4]) / t, (y[5] - x[5]) / t, (y[6] - x[6]) / t }' >>"$CPU"
}

# gc_stats LOG FROM_LINE [USED_AT_START_MB USED_AT_END_MB]: over the GC log lines after FROM_LINE, prints
#   maxHeapAfterMB maxHeapBeforeMB maxCommittedMB gcCount pauseMsTotal maxAfterForcedFullGcMB forcedFullGcs allocatedMB
# where allocatedMB adds up, GC by GC, the heap used before it minus the heap left by the GC before it (or the heap
# used at the start), plus what was allocated after the last GC.
gc_stats() {
    awk -v from="$2" -v start="${3:-}" -v end="${4:-}" '
        function mb(v,    u, x) { u = substr(v, length(v)); x = substr(v, 1, length(v) - 1) + 0
                                  return u == "K" ? x / 1024 : u == "G" ? x * 1024 : x }
        /GC\([0-9]+\) Pause/ && match($0, /[0-9.]+[KMG]->[0-9.]+[KMG]\([0-9.]+[KMG]\)/) {
            s = substr($0, RSTART, RLENGTH); split(s, p, /->|\(|\)/)
            b = mb(p[1]); a = mb(p[2]); c = mb(p[3])
            if (NR > from + 0) {
                if (!n && start != "") prev = start + 0
                if (a > maxa) maxa = a; if (b > maxb) maxb = b; if (c > maxc) maxc = c
                n++; t = $NF; sub(/ms$/, "", t); pause += t
                alloc += b - prev
                if ($0 ~ /Pause Full \((System\.gc\(\)|Diagnostic Command)\)/) { full++; if (a > maxf) maxf = a }
            }
            prev = a
        }
        END { if (end != "") alloc += end - (n ? prev : start)
              printf "%.0f %.0f %.0f %d %.0f %s %d %.0f\n", maxa, maxb, maxc, n, pause, full ? sprintf("%.0f", maxf) : "-", full, alloc }
    ' "$1"
}

gc_lines() { wc -l <"$1"; }

# heap_used: the app's heap in use now (MB, garbage included), from jcmd GC.heap_info (G1: its first line).
heap_used() {
    jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i < NF; i++) if ($i == "used") {
        v = $(i + 1); sub(/[,K]+$/, "", v); printf "%.1f", v / 1024; exit } }'
}

# copy_floor SIZE ROUND
copy_floor() {
    local size=$1 round=$2 t0 t1 pg0 pg1
    pg0=$(pg_ticks)
    t0=$(now_ns)
    psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U "$PG_USER" -d postgres \
        -c "COPY ($EXPORT_SQL) TO STDOUT WITH CSV" >/dev/null
    t1=$(now_ns)
    pg1=$(pg_ticks)
    cpu_record "$size" "$round" copy "0 0 0 0 0 0" "0 0 0 0 0 0" "$pg0" "$pg1"
    printf '%s\t%s\tcopy\t%s\n' "$size" "$round" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')" >>"$TIMES"
}

# reference_run SIZE ROUND MODE
reference_run() {
    local size=$1 round=$2 mode=$3 line from jvm0 jvm1 pg0 pg1
    from=$(gc_lines "$REF_GC_LOG")
    jvm0=$(jvm_ticks "$REF_PID")
    pg0=$(pg_ticks)
    line=$(reference "$mode")
    jvm1=$(jvm_ticks "$REF_PID")
    pg1=$(pg_ticks)
    cpu_record "$size" "$round" "ref-$mode" "$jvm0" "$jvm1" "$pg0" "$pg1"
    sleep 0.2 # let the GC log catch up
    # The reference knows its own allocation exactly (ThreadMXBean); GCs from its GC log.
    printf '%s\t%s\tref-%s\t%s\t%s\n' "$size" "$round" "$mode" \
        "$(awk -v b="$(field allocated "$line")" 'BEGIN {printf "%.0f", b / 1048576}')" \
        "$(gc_stats "$REF_GC_LOG" "$from" | awk '{print $4}')" >>"$ALLOC"
    printf '%s\t%s\tref-%s\t%s\n' "$size" "$round" "$mode" "$(field seconds "$line")" >>"$TIMES"
    if [[ $mode == csv-digest || $mode == csv-stages ]]; then
        printf '%s\treference-csv-sha256\t%s\n' "$size" "$(field sha256 "$line")" >>"$NOTES"
    fi
    if [[ $mode == csv-stages ]]; then # stages=read:s,fields:s,...: one metric per stage
        field stages "$line" | tr ',' '\n' | awk -F: -v s="$size" -v r="$round" '{printf "%s\t%s\tref-stage-%s\t%s\n", s, r, $1, $2}' >>"$TIMES"
    fi
}

# app_run SIZE ROUND FORMAT [probe]: one export over HTTP. With "probe" (an extra, untimed round), forces a full GC
# every ~0.5-1 s during the export, so the GC log shows the live heap mid-export.
app_run() {
    local size=$1 round=$2 format=$3 probe=${4:-} headers=$RUN/headers.txt from out pid code ttfb total rows hwm used0 used1 jvm0 jvm1 pg0 pg1
    used0=$(heap_used)
    from=$(gc_lines "$GC_LOG")
    jvm0=$(jvm_ticks "$APP_PID")
    pg0=$(pg_ticks)
    { echo 5 >"/proc/$APP_PID/clear_refs"; } 2>/dev/null || log "cannot reset VmHWM: peak RSS is the process's lifetime peak"
    curl -sS --max-time "$EXPORT_TIMEOUT" -u "$USER_NAME:$USER_PASSWORD" -D "$headers" -o /dev/null \
        -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
        "http://127.0.0.1:$PORT/api/leads/export?format=$format" >"$RUN/curl.out" &
    pid=$!
    if [[ $probe == probe ]]; then
        while kill -0 "$pid" 2>/dev/null; do
            sleep 0.5
            if kill -0 "$pid" 2>/dev/null; then
                jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
            fi
        done
    fi
    wait "$pid" || { stopped_from_outside; die "curl failed for the $format export of $size leads"; }
    jvm1=$(jvm_ticks "$APP_PID")
    pg1=$(pg_ticks)
    read -r code ttfb total _ <"$RUN/curl.out"
    [[ $code == 200 ]] || { stopped_from_outside; die "the $format export answered $code (see ${APP_LOG#"$ROOT"/})"; }
    rows=$(awk 'tolower($1) == "x-export-rows:" {print $2}' "$headers" | tr -d '\r')
    [[ $rows == "$size" ]] || die "the $format export says it wrote '$rows' rows, not $size"
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$APP_PID/status")
    used1=$(heap_used)
    sleep 0.2 # let the GC log catch up
    out=$(gc_stats "$GC_LOG" "$from" "$used0" "$used1")
    # shellcheck disable=SC2086
    set -- $out
    if [[ $probe == probe ]]; then
        printf '%s\t%s\t%s\t%s\n' "$size" "$format" "$6" "$7" >>"$LIVE"
        printf '%s\tprobed-app-%s-seconds\t%s\n' "$size" "$format" "$total" >>"$NOTES"
    else
        printf '%s\t%s\tapp-%s\t%s\n' "$size" "$round" "$format" "$total" >>"$TIMES"
        printf '%s\t%s\tapp-%s-ttfb\t%s\n' "$size" "$round" "$format" "$ttfb" >>"$TIMES"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$round" "$format" "$1" "$2" "$3" "$4" "$5" "$hwm" >>"$MEMORY"
        printf '%s\t%s\tapp-%s\t%s\t%s\n' "$size" "$round" "$format" "$8" "$4" >>"$ALLOC"
        cpu_record "$size" "$round" "app-$format" "$jvm0" "$jvm1" "$pg0" "$pg1"
    fi
    if [[ $format == csv && $round == w1 ]]; then
        printf '%s\tapp-csv-sha256\t%s\n' "$size" \
            "$(awk 'tolower($1) == "x-export-sha256:" {print $2}' "$headers" | tr -d '\r')" >>"$NOTES"
    fi
}

# stopped_from_outside: says so when the app began shutting down while this script had not asked it to.
stopped_from_outside() {
    if grep -q 'Commencing graceful shutdown' "$APP_LOG" 2>/dev/null; then
        log "the app was shut down by a signal from outside this script during the export (see ${APP_LOG#"$ROOT"/})"
    fi
}

# idle_live_heap: the live heap with the app idle (a full GC), in MB.
idle_live_heap() {
    local from
    from=$(gc_lines "$GC_LOG")
    jcmd "$APP_PID" GC.run >/dev/null
    sleep 0.5
    gc_stats "$GC_LOG" "$from" | awk '{print $6}'
}

# profile_app SIZE FORMAT: a JFR recording of one export (after a throw-away recording, so JFR's own start-up
# cost is not in it), summarised by JfrTop.
profile_app() {
    local size=$1 format=$2 jfr=$RUN/jfr-app-$2-$1.jfr t0 t1
    jcmd "$APP_PID" JFR.start name=warm settings=profile >/dev/null
    curl -sS --max-time "$EXPORT_TIMEOUT" -u "$USER_NAME:$USER_PASSWORD" -o /dev/null \
        "http://127.0.0.1:$PORT/api/leads/export?format=$format"
    jcmd "$APP_PID" JFR.stop name=warm >/dev/null
    jcmd "$APP_PID" JFR.start name=bench settings=profile >/dev/null
    t0=$(now_ns)
    curl -sS --max-time "$EXPORT_TIMEOUT" -u "$USER_NAME:$USER_PASSWORD" -o /dev/null \
        "http://127.0.0.1:$PORT/api/leads/export?format=$format"
    t1=$(now_ns)
    jcmd "$APP_PID" JFR.stop name=bench filename="$jfr" >/dev/null
    printf '%s\tprofiled-app-%s-seconds\t%s\n' "$size" "$format" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", (b-a)/1e9}')" >>"$NOTES"
    java -cp "$REF_CP" JfrTop "$jfr" 'io\.leadexport' >"$jfr.md"
}

profile_reference() {
    local size=$1 mode=$2 jfr=$RUN/jfr-reference-$2-$1.jfr line
    jcmd "$REF_PID" JFR.start name=warm settings=profile >/dev/null
    reference "$mode" >/dev/null
    jcmd "$REF_PID" JFR.stop name=warm >/dev/null
    jcmd "$REF_PID" JFR.start name=bench settings=profile >/dev/null
    line=$(reference "$mode")
    jcmd "$REF_PID" JFR.stop name=bench filename="$jfr" >/dev/null
    printf '%s\tprofiled-reference-%s-seconds\t%s\n' "$size" "$mode" "$(field seconds "$line")" >>"$NOTES"
    java -cp "$REF_CP" JfrTop "$jfr" 'ReferenceExport\.run$' >"$jfr.md"
}

# reference_mode FORMAT: the single-threaded loop a format is compared with: the bare POI SXSSF loop for XLSX (the
# same SXSSF settings the app had before this round), the plain loop with the app's own writer for the others.
reference_mode() { if [[ $1 == xlsx ]]; then echo sxssf; else echo "$1"; fi; }

# verify_outputs SIZE: one more, untimed export per format, saved, against the single-threaded loop writing the same
# format with the app's writer and the same generated-at time: CSV, JSON and text must be byte-identical (SHA-256),
# XLSX must hold the same cell values in its Leads sheets (read back by streaming the sheet XML).
verify_outputs() {
    local size=$1 format file clock app ref
    for format in $FORMATS; do
        file=$WORK/exports/check.$format
        curl -sS --max-time "$EXPORT_TIMEOUT" -u "$USER_NAME:$USER_PASSWORD" -o "$file" \
            "http://127.0.0.1:$PORT/api/leads/export?format=$format" || die "the $format export for the check failed"
        clock=""
        case $format in
            json) clock=$(head -c 400 "$file" | grep -o '"generatedAt":"[^"]*"' | cut -d'"' -f4) ;;
            text) clock=$(grep -m1 '^Generated at:' "$file" | awk '{printf "%sT%s%s", $3, $4, $5}') ;;
        esac
        reference "$format${clock:+ clock=$clock}" >/dev/null
        if [[ $format == xlsx ]]; then
            app=$(java -cp "$REF_CP" SxssfReference cells-xlsx "$file" | tr '\n' ' ')
            ref=$(java -cp "$REF_CP" SxssfReference cells-xlsx "$WORK/reference-output.xlsx" | tr '\n' ' ')
        else
            app=$(sha256sum "$file" | cut -d' ' -f1)
            ref=$(sha256sum "$WORK/reference-output.$format" | cut -d' ' -f1)
        fi
        printf '%s\t%s\t%s\t%s\n' "$size" "$format" "$app" "$ref" >>"$CHECKS"
        [[ $app == "$ref" ]] || log "WARNING: the app's $format differs from the single-threaded loop's"
        rm -f "$file" "$WORK/reference-output.$format"
    done
}

# job_start: starts a background CSV export job; prints its id.
job_start() {
    curl -sS -u "$USER_NAME:$USER_PASSWORD" -H 'Content-Type: application/json' -d '{"format": "csv"}' \
        "http://127.0.0.1:$PORT/api/leads/export" | grep -o '"id" *: *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/'
}

# job_wait ID: waits until the job has ended; fails unless it succeeded.
job_wait() {
    local status
    while :; do
        status=$(curl -sS -u "$USER_NAME:$USER_PASSWORD" "http://127.0.0.1:$PORT/api/leads/export/jobs/$1" |
            grep -o '"status" *: *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
        case $status in
            succeeded) return 0 ;;
            queued | running) sleep 0.2 ;;
            *) die "job $1 ended '$status'" ;;
        esac
    done
}

# concurrency_check SIZE: two background CSV jobs (lead-export.jobs.concurrency=2) one after the other, then both at
# once, twice over; wall time from the first request to the last job's end.
concurrency_check() {
    local size=$1 round t0 a b
    for round in 1 2; do
        t0=$(now_ns)
        a=$(job_start); job_wait "$a"
        b=$(job_start); job_wait "$b"
        printf '%s\tsequential\t%s\n' "$size" "$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN{printf "%.3f", (b-a)/1e9}')" >>"$CONCUR"
        t0=$(now_ns)
        a=$(job_start); b=$(job_start)
        job_wait "$a"; job_wait "$b"
        printf '%s\tconcurrent\t%s\n' "$size" "$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN{printf "%.3f", (b-a)/1e9}')" >>"$CONCUR"
    done
    find "$WORK/exports" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---------------------------------------------------------------------------------------------------------------------
# The run

LARGEST=$(printf '%s\n' "${SIZES[@]}" | sort -n | tail -1)
log "sizes ${SIZES[*]}; formats $FORMATS; $WARMUPS warm-up + $RUNS timed rounds; raw data in ${RUN#"$ROOT"/}"
for size in "${SIZES[@]}"; do
    start_app "$size" 1
    if grep -q 'Seeded [0-9]* demo leads' "$APP_LOG"; then
        log "seeded $size leads; restarting so that seeding is not in the app's memory figures"
        stop_app
        start_app "$size" 2
    fi
    printf '%s\tload-before\t%s\n' "$size" "$(loadavg)" >>"$NOTES"
    printf '%s\tapp-args\t%s\n' "$size" "$APP_ARGS" >>"$NOTES"
    printf '%s\tgc\t%s\n' "$size" "$(grep -o 'Using [A-Za-z0-9 ]*' "$GC_LOG" | head -1)" >>"$NOTES"
    start_reference "$size"
    rounds=()
    for ((r = 1; r <= WARMUPS; r++)); do rounds+=("w$r"); done
    for ((r = 1; r <= RUNS; r++)); do rounds+=("$r"); done
    for round in "${rounds[@]}"; do
        log "size $size, round $round (load $(loadavg))"
        copy_floor "$size" "$round"
        for format in $FORMATS; do
            reference_run "$size" "$round" "$(reference_mode "$format")"
            app_run "$size" "$round" "$format"
        done
        for mode in $BREAKDOWN; do
            reference_run "$size" "$round" "$mode"
        done
    done
    # Untimed, after the timed rounds (forced full GCs shrink the heap G1 has grown): the live heap mid-export.
    for format in $FORMATS; do
        log "size $size: live heap during a $format export (forced full GCs)"
        printf '%s\t%s\tidle\t%s\n' "$size" "$format" "$(idle_live_heap)" >>"$LIVE"
        app_run "$size" probe "$format" probe
    done
    if ((VERIFY)) && [[ $size == "$LARGEST" ]]; then
        log "size $size: the app's files against the single-threaded loop's"
        verify_outputs "$size"
    fi
    if ((CONCURRENCY)) && [[ $size == "$LARGEST" ]]; then
        log "size $size: two CSV jobs one after the other, then at once"
        concurrency_check "$size"
    fi
    if ((PROFILE)) && [[ $size == "$LARGEST" ]]; then
        for format in $FORMATS; do
            log "size $size: JFR profile of the app's $format export"
            profile_app "$size" "$format"
        done
        log "size $size: JFR profile of the reference (csv)"
        profile_reference "$size" csv
    fi
    printf '%s\tload-after\t%s\n' "$size" "$(loadavg)" >>"$NOTES"
    printf '%s\tpostgres\t%s\n' "$size" "$(psql -X -qtA -h localhost -p "$PG_PORT" -U "$PG_USER" -d postgres \
        -c 'show server_version')" >>"$NOTES"
    stop_reference
    stop_app
done

# ---------------------------------------------------------------------------------------------------------------------
# The report

log "writing ${RESULTS#"$ROOT"/}"
"$BENCH/report.sh" "$RUN" "$FORMATS" "$BREAKDOWN" "$RUNS" "$WARMUPS" "$XMX" >"$RESULTS"
log "done: ${RESULTS#"$ROOT"/}"
