#!/usr/bin/env bash
# Lead Export under load, run by hand: does the API keep answering while large downloads stream to slow clients and
# background exports run? Per round (ROUNDS, default 3): 4 background exports of every lead (1M) with
# lead-export.jobs.concurrency=4, kept at 4 for the whole round (a new one starts when one ends), and 10 users each downloading a ~150k-row CSV at 8 KB/s, for DURATION seconds
# (default 60); meanwhile one prober asks, in turn, for a job's status, the job list, the fields, a preview and the
# admin page, and records each answer's status and time. Then one running export is cancelled and the time to stop
# it measured. Heap, threads and database connections are sampled every 5 s. Writes bench/RESULTS-load.md: per route
# p50/p99/max (the median over the rounds) and errors, with the samples and the cancel latency.
#
#   bench/load.sh
#
# Environment (all optional): ROUNDS=3 DURATION=60 SIZE=1000000 DOWNLOAD_ROWS=150000 DOWNLOADERS=10 RATE=8k
#   JOBS=4 PORT=18081 XMX=512m PROBE_PAUSE=0.1 RESULTS=bench/RESULTS-load.md
#
# Loopback only; every loop is bounded by DURATION; scratch under bench/work/ (the database of SIZE leads is seeded
# once into bench/work/pg-<SIZE> and reused, as bench/run.sh does).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-60}
SIZE=${SIZE:-1000000}
DOWNLOAD_ROWS=${DOWNLOAD_ROWS:-150000}
DOWNLOADERS=${DOWNLOADERS:-10}
RATE=${RATE:-8k}
JOBS=${JOBS:-4}
PORT=${PORT:-18081}
XMX=${XMX:-512m}
PROBE_PAUSE=${PROBE_PAUSE:-0.1}
RESULTS=${RESULTS:-$ROOT/bench/RESULTS-load.md}
BASE=http://127.0.0.1:$PORT
ADMIN=bench:bench
export PGPASSWORD=postgres

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$WORK/load/$STAMP
mkdir -p "$RUN" "$WORK/load-exports"
PROBES=$RUN/probes.tsv      # round route http_code seconds
SAMPLES=$RUN/samples.tsv    # round t heapUsedMB threads pgConnections
CANCELS=$RUN/cancels.tsv    # round seconds status
: >"$PROBES"; : >"$SAMPLES"; : >"$CANCELS"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in java jcmd psql curl awk; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

JAR=$ROOT/target/lead-export-0.1.0-SNAPSHOT.jar
if [[ ! -f $JAR || -n $(find "$ROOT/src/main" "$ROOT/routes" "$ROOT/pom.xml" -newer "$JAR" -print -quit) ]]; then
    log "building $JAR"
    mvn -B -q -o package -DskipTests >"$RUN/build.log" 2>&1 \
        || mvn -B -q -o resources:resources compiler:compile jar:jar spring-boot:repackage >>"$RUN/build.log" 2>&1 \
        || { tail -20 "$RUN/build.log" >&2; die "the build failed (see $RUN/build.log)"; }
fi

# ---------------------------------------------------------------------------------------------------------------------
# The app, with the bench admin and one MANAGER per downloader (each stays within its own download limit).

APP_PID=""
APP_DATA=$WORK/pg-$SIZE
APP_LOG=$RUN/app.log
PIDS=()

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for ((i = 0; i < 60; i++)); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    # The embedded postmaster is a daemon of its own, stopped by the app on a clean shutdown; after a kill it is
    # left running: stop it by the pid in its data directory, once that pid is checked to be this postmaster.
    if [[ -f $APP_DATA/postmaster.pid ]]; then
        local pm
        pm=$(head -1 "$APP_DATA/postmaster.pid")
        if [[ $pm =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pm/cmdline" 2>/dev/null | grep -qF -- "-D $APP_DATA"; then
            kill -INT "$pm" 2>/dev/null || true
            for ((i = 0; i < 30; i++)); do kill -0 "$pm" 2>/dev/null || break; sleep 1; done
        fi
    fi
}
trap cleanup EXIT

users=(--lead-export.users[0].username=bench --lead-export.users[0].password={noop}bench
       --lead-export.users[0].roles=ADMIN)
for ((i = 1; i <= DOWNLOADERS; i++)); do
    users+=("--lead-export.users[$i].username=dl$i" "--lead-export.users[$i].password={noop}dl$i"
            "--lead-export.users[$i].roles=MANAGER")
done
log "starting the app ($SIZE leads, -Xmx$XMX, jobs.concurrency=$JOBS)"
java "-Xmx$XMX" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --lead-export.database.embedded-directory="$APP_DATA" --lead-export.demo.leads="$SIZE" \
    --lead-export.storage.directory="$WORK/load-exports" --lead-export.jobs.concurrency="$JOBS" \
    --lead-export.inbox.enabled=false "${users[@]}" >"$APP_LOG" 2>&1 &
APP_PID=$!
deadline=$((SECONDS + 900))
until grep -qs 'Started LeadExportApplication' "$APP_LOG"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$APP_LOG" >&2; die "the app exited during start-up"; }
    ((SECONDS < deadline)) || die "the app did not start in 900 s"
    sleep 1
done
PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$APP_LOG" | awk '{print $NF}' | tail -1)
sql() { psql -X -qtA -h localhost -p "$PG_PORT" -U postgres -d postgres -c "$1"; }
until [[ $(sql 'select count(*) from leads') == "$SIZE" ]]; do
    ((SECONDS < deadline)) || die "seeding $SIZE leads did not finish"
    sleep 2
done
# The downloads' filter: the oldest DOWNLOAD_ROWS leads, as whole days up to createdTo.
CREATED_TO=$(sql "select (created_at at time zone 'UTC')::date from leads order by created_at offset $DOWNLOAD_ROWS limit 1")
DOWNLOAD_MATCHES=$(sql "select count(*) from leads where created_at < ('$CREATED_TO'::date + 1)")
log "downloads: createdTo=$CREATED_TO ($DOWNLOAD_MATCHES rows) at $RATE/s by $DOWNLOADERS users"

# probe ROUND ROUTE CURL-ARGS...: one request, its status and total time appended to PROBES.
probe() {
    local round=$1 route=$2 out
    shift 2
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$@" || true)
    [[ -n $out ]] || out="000 10"
    printf '%s\t%s\t%s\n' "$round" "$route" "${out// /$'\t'}" >>"$PROBES"
}

start_background_export() {
    curl -s -u "$ADMIN" -H 'Content-Type: application/json' -d '{"format": "csv"}' "$BASE/api/leads/export" \
        | sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p'
}

# active_jobs FILE: how many of the jobs listed in FILE are queued or running.
active_jobs() {
    local n=0 id
    for id in $(cat "$1"); do
        if curl -s -u "$ADMIN" "$BASE/api/leads/export/jobs/$id" | grep -q '"status":"\(queued\|running\)"'; then
            n=$((n + 1))
        fi
    done
    echo "$n"
}

sample() {
    local round=$1 t=$2 heap threads conns
    heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?/, "", v); print int(v / 1024); exit}}')
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$APP_PID/status")
    conns=$(sql "select count(*) from pg_stat_activity where backend_type = 'client backend'")
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$t" "${heap:-?}" "$threads" "$conns" >>"$SAMPLES"
}

for ((round = 1; round <= ROUNDS; round++)); do
    log "round $round: $JOBS background exports, $DOWNLOADERS slow downloads, probing for $DURATION s"
    # Background exports are kept at JOBS for the whole round: a 1M-row CSV export ends in well under DURATION, so
    # a keeper starts a new one whenever one has ended. Every job of the round is listed in $keep.
    keep=$RUN/jobs-$round.txt
    : >"$keep"
    job_ids=()
    for ((j = 0; j < JOBS; j++)); do
        id=$(start_background_export)
        [[ -n $id ]] || die "could not start a background export"
        job_ids+=("$id")
        echo "$id" >>"$keep"
    done
    PIDS=()
    for ((i = 1; i <= DOWNLOADERS; i++)); do
        curl -s -o /dev/null --limit-rate "$RATE" --max-time "$DURATION" -u "dl$i:dl$i" \
            "$BASE/api/leads/export?format=csv&createdTo=$CREATED_TO" &
        PIDS+=($!)
    done
    start=$SECONDS
    # Sampling (jcmd, psql) runs beside the prober, so that it never delays a probe.
    (
        while ((SECONDS - start < DURATION)); do
            sample "$round" $((SECONDS - start))
            sleep 5
        done
    ) &
    PIDS+=($!)
    (
        while ((SECONDS - start < DURATION)); do
            active=$(active_jobs "$keep")
            for ((k = active; k < JOBS; k++)); do
                id=$(start_background_export)
                [[ -n $id ]] && echo "$id" >>"$keep"
            done
            sleep 1
        done
    ) &
    PIDS+=($!)
    n=0
    while ((SECONDS - start < DURATION)); do
        case $((n % 5)) in
            0) probe "$round" job-status -u "$ADMIN" "$BASE/api/leads/export/jobs/${job_ids[$((n / 5 % JOBS))]}" ;;
            1) probe "$round" job-list -u "$ADMIN" "$BASE/api/leads/export/jobs?size=20" ;;
            2) probe "$round" fields -u "$ADMIN" "$BASE/api/leads/export/fields" ;;
            3) probe "$round" preview -u "$ADMIN" -H 'Content-Type: application/json' \
                   -d '{"template": "basic", "filter": {"status": ["new"]}}' "$BASE/api/leads/export/preview" ;;
            4) probe "$round" admin-page "$BASE/" ;;
        esac
        n=$((n + 1))
        sleep "$PROBE_PAUSE"
    done
    # Cancel one export that is still running; DELETE answers once it has stopped (or after 2.5 s, with 202).
    for id in $(tac "$keep"); do
        if curl -s -u "$ADMIN" "$BASE/api/leads/export/jobs/$id" | grep -q '"status":"running"'; then
            out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X DELETE -u "$ADMIN" "$BASE/api/leads/export/jobs/$id")
            printf '%s\t%s\t%s\n' "$round" "${out#* }" "${out% *}" >>"$CANCELS"
            break
        fi
    done
    for id in $(cat "$keep"); do curl -s -o /dev/null -X DELETE -u "$ADMIN" "$BASE/api/leads/export/jobs/$id" || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
    sleep 5
done

# ---------------------------------------------------------------------------------------------------------------------
# The report.

{
    echo "# Load benchmark: the API under slow downloads and background exports"
    echo
    echo "Run $STAMP by \`bench/load.sh\`: $ROUNDS rounds of $DURATION s on $(nproc) cores, \`-Xmx$XMX\`, $SIZE leads;"
    echo "per round $JOBS background CSV exports of every lead (\`lead-export.jobs.concurrency=$JOBS\`; kept at $JOBS: a new"
    echo "one starts when one ends, $(cat "$RUN"/jobs-*.txt | wc -l) in all) and"
    echo "$DOWNLOADERS users each downloading $DOWNLOAD_MATCHES rows (\`createdTo=$CREATED_TO\`) at $RATE/s, while one prober"
    echo "asks each route in turn ($PROBE_PAUSE s apart). Times are curl's \`time_total\` on loopback, in ms; a request"
    echo "that failed or took over 10 s counts as an error. Per route: p50/p99/max of each round, then the median of"
    echo "the rounds. Load average when the report was written: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the"
    echo "machine counts: compare runs made under the same load)."
    echo
    echo "| route | requests | errors | p50 ms | p99 ms | max ms |"
    echo "|---|---|---|---|---|---|"
    for route in job-status job-list fields preview admin-page; do
        for ((round = 1; round <= ROUNDS; round++)); do
            awk -F'\t' -v r="$round" -v route="$route" '$1 == r && $2 == route {print $4 * 1000}' "$PROBES" | sort -n \
                | awk '{v[NR] = $1} END {if (NR == 0) {print "0 0 0 0"; exit}
                       p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1];
                       printf "%d %.0f %.0f %.0f\n", NR, p50, p99, v[NR]}'
        done >"$RUN/$route.rounds"
        errors=$(awk -F'\t' -v route="$route" '$2 == route && ($3 !~ /^2/) {n++} END {print n + 0}' "$PROBES")
        requests=$(awk '{s += $1} END {print s}' "$RUN/$route.rounds")
        med() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
        p50=$(awk '{print $2}' "$RUN/$route.rounds" | med)
        p99=$(awk '{print $3}' "$RUN/$route.rounds" | med)
        max=$(awk '{print $4}' "$RUN/$route.rounds" | med)
        echo "| $route | $requests | $errors | $p50 | $p99 | $max |"
    done
    echo
    echo "Per round (requests p50 p99 max):"
    echo
    echo '```'
    for route in job-status job-list fields preview admin-page; do
        printf '%-11s %s\n' "$route" "$(tr '\n' ';' <"$RUN/$route.rounds")"
    done
    echo '```'
    echo
    echo "Cancelling a running export (DELETE answers once the export has stopped): $(awk -F'\t' '{printf "%s round %s: %.2f s (HTTP %s)", (NR > 1 ? ";" : ""), $1, $2, $3}' "$CANCELS")."
    echo
    echo "Samples every 5 s (heap used MB, JVM threads, database connections): heap max $(awk -F'\t' '$3 != "?" && $3 > m {m = $3} END {print m + 0}' "$SAMPLES") MB,"
    echo "threads max $(awk -F'\t' '$4 > m {m = $4} END {print m + 0}' "$SAMPLES"), connections max $(awk -F'\t' '$5 > m {m = $5} END {print m + 0}' "$SAMPLES")."
    echo
    echo '```'
    echo "round t heapMB threads connections"
    tr '\t' ' ' <"$SAMPLES"
    echo '```'
} >"$RESULTS"
log "wrote ${RESULTS#"$ROOT"/} (raw data in ${RUN#"$ROOT"/})"
