#!/usr/bin/env bash
# Writes the Markdown report of one bench/run.sh run to stdout, from the raw data in its run directory.
#   bench/report.sh RUN_DIR FORMATS BREAKDOWN RUNS WARMUPS XMX
# run.sh calls it; it can be re-run by hand on a kept run directory.
set -euo pipefail

RUN=$1
FORMATS=$2
BREAKDOWN=$3
RUNS=$4
WARMUPS=$5
XMX=$6
TIMES=$RUN/times.tsv
MEMORY=$RUN/memory.tsv
LIVE=$RUN/live.tsv
NOTES=$RUN/notes.tsv
ALLOC=$RUN/alloc.tsv
CPU=$RUN/cpu.tsv
cd "$(dirname "${BASH_SOURCE[0]}")/.."

read -r -a SIZES <<<"$(cut -f1 "$TIMES" | awk '!seen[$0]++' | tr '\n' ' ')"

# median SIZE METRIC: the median seconds of the timed rounds (warm-up rounds, named w*, excluded); "" if none.
median() {
    awk -F'\t' -v s="$1" -v m="$2" '$1 == s && $3 == m && $2 ~ /^[0-9]+$/ {print $4}' "$TIMES" | sort -g |
        awk '{v[++n] = $1} END { if (n) printf "%.3f", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'
}
note() { awk -F'\t' -v s="$1" -v k="$2" '$1 == s && $2 == k {print $3}' "$NOTES" | tail -1; }
rps() { # rows/s with thousands separators
    [[ -n $2 ]] && awk -v n="$1" -v t="$2" 'BEGIN { x = sprintf("%.0f", n / t); o = ""
        while (length(x) > 3) { o = "," substr(x, length(x) - 2) o; x = substr(x, 1, length(x) - 3) }
        print x o }' || echo "n/a"
}
ratio() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}' || echo "n/a"; }
us() { [[ -n $2 ]] && awk -v n="$1" -v t="$2" 'BEGIN {printf "%.2f", t / n * 1e6}' || echo "n/a"; }
diffus() { [[ -n $2 && -n $3 ]] && awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN {printf "%.2f", (a - b) / n * 1e6}' || echo "n/a"; }
human() { awk -v n="$1" 'BEGIN { if (n >= 1e6 && n % 1e6 == 0) printf "%dM", n / 1e6; else if (n >= 1e3 && n % 1e3 == 0) printf "%dk", n / 1e3; else print n }'; }

stamp=$(basename "$RUN")
commit=$(git log -1 --format=%h -- src routes pom.xml 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- src routes pom.xml 2>/dev/null | head -1)

cat <<EOF
# Lead Export benchmark: results

One run of \`bench/run.sh ${SIZES[*]}\` started $(date -u -d "${stamp:0:4}-${stamp:4:2}-${stamp:6:2}T${stamp:9:2}:${stamp:11:2}:${stamp:13:2}Z" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo "$stamp"),
app code as of commit \`$commit\`${dirty:+ (with uncommitted changes in src/)}. All numbers below come from this one run: medians of
$RUNS timed rounds after $WARMUPS warm-up round(s); within a round the measurements run one after the other (COPY,
then per format the reference and the app, then the breakdown modes), so each sees the same machine load.
Raw data (not committed): \`bench/work/runs/$stamp/\`. How each number is measured: [README.md](README.md).

## Machine

- CPU: $(nproc) cores ($(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')), memory $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r)
- Java: $(java -version 2>&1 | head -3 | tr '\n' ';' | sed 's/;$//; s/;/; /g')
- GC: $(note "${SIZES[0]}" gc | sed 's/Using //') (the JVM's default here), \`-Xmx$XMX\` for the app and for the reference loop$(
  args=$(note "${SIZES[0]}" app-args); [[ -n $args ]] && printf '\n- App started with extra arguments: `%s`' "$args")
- PostgreSQL: embedded (zonky) server $(note "${SIZES[0]}" postgres), \`psql\` $(psql --version | awk '{print $3}') for COPY
- **Shared machine**: other engineers compile on it while this runs, so single runs vary by 10-20 %. Load average
  (1/5/15 min) before and after each size: $(for s in "${SIZES[@]}"; do printf '%s rows: %s → %s; ' "$(human "$s")" "$(note "$s" load-before)" "$(note "$s" load-after)"; done | sed 's/; $//')

## Headline: rows per second (medians)

Each format against its own single-threaded reference, in the same rounds: the plain loop with the app's writer for
CSV, JSON and text, the bare POI SXSSF loop for XLSX. Targets (issue 15, at 1M rows): CSV ≥ 0.50 × COPY,
JSON ≥ 0.45 × COPY, XLSX ≥ 1.3 × the bare SXSSF loop, text ≥ 1.3 × its loop. *CPU* is the CPU time of the app's JVM
and of PostgreSQL during the app's export over the export's wall time (100 % = one core busy all the time; the
machine has two).

| rows | format | COPY rows/s | reference | reference rows/s | app rows/s | **app / reference** | **app / COPY** | app JVM CPU | PostgreSQL CPU | JVM + PostgreSQL, share of 2 cores |
|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|
EOF
cpu_med() { # cpu_med SIZE METRIC COLUMN: median of a cpu.tsv column over the timed rounds
    awk -F'\t' -v s="$1" -v m="$2" -v c="$3" '$1 == s && $3 == m && $2 ~ /^[0-9]+$/ {print $c}' "$CPU" | sort -g |
        awk '{v[++n] = $1} END { if (n) printf "%.3f", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'
}
pct() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", a / b * 100}' || echo "n/a"; }
for s in "${SIZES[@]}"; do
    copy=$(median "$s" copy)
    for f in $FORMATS; do
        mode=$f
        label="plain loop, app's $f writer"
        if [[ $f == xlsx ]]; then mode=sxssf; label="bare POI SXSSF loop"; fi
        ref=$(median "$s" "ref-$mode")
        app=$(median "$s" "app-$f")
        jvm=$(cpu_med "$s" "app-$f" 4)
        pg=$(cpu_med "$s" "app-$f" 5)
        both=n/a
        if [[ -n $jvm && -n $pg && -n $app ]]; then
            both=$(awk -v a="$jvm" -v b="$pg" -v t="$app" 'BEGIN {printf "%.0f %%", (a + b) / t / 2 * 100}')
        fi
        echo "| $(human "$s") | ${f^^} | $(rps "$s" "$copy") | $label | $(rps "$s" "$ref") | $(rps "$s" "$app") | **$(ratio "$ref" "$app")** | $(ratio "$copy" "$app") | $(pct "$jvm" "$app") | $(pct "$pg" "$app") | $both |"
    done
done

cat <<EOF

Ratios are of rows/s (reference ÷ app time). The app's time is the whole HTTP request as curl sees it
(\`time_total\`: authentication, \`count(*)\`, the export to a file, the transfer of that file over localhost); the
references write the same bytes to a file (checked below) and COPY only reads and serialises the rows inside
PostgreSQL.

### The app's files against the single-threaded loop's

One more (untimed) export per format at the largest size, saved, and the single-threaded loop writing the same format
with the app's writer and the same generated-at time: CSV, JSON and text compared by SHA-256, XLSX by the cell values
of its Leads sheets read back (streamed sheet XML: each cell's reference and value).

| rows | format | app | single-threaded loop | same |
|---|---|---|---|---|
EOF
CHECKS=$RUN/checks.tsv
if [[ -s $CHECKS ]]; then
    awk -F'\t' '{ same = ($3 == $4) ? "**yes**" : "**NO**"; printf "| %s | %s | `%s` | `%s` | %s |\n", $1, toupper($2), $3, $4, same }' "$CHECKS"
fi

CONCUR=$RUN/concurrency.tsv
if [[ -s $CONCUR ]]; then
    cat <<EOF

### Two exports at once

Two background CSV jobs of all leads (\`lead-export.jobs.concurrency=2\`), first one after the other, then both at
once, twice over; wall time from the first request until the last job has ended (polled every 0.2 s). The target is
"at once" within 5 % of "one after the other".

| rows | one after the other (s) | at once (s) | at once ÷ one after the other |
|---:|---|---|---:|
EOF
    for s in $(cut -f1 "$CONCUR" | sort -u); do
        awk -F'\t' -v s="$s" -v h="$(human "$s")" '$1 == s && $2 == "sequential" {q = q sep $3; sq += $3; sep = ", "; n++}
            $1 == s && $2 == "concurrent" {c = c sepc $3; sc += $3; sepc = ", "; m++}
            END { printf "| %s | %s (mean %.2f) | %s (mean %.2f) | **%.3f** |\n", h, q, sq / n, c, sc / m, (sc / m) / (sq / n) }' "$CONCUR"
    done
fi

echo
for s in "${SIZES[@]}"; do
    app=$(note "$s" app-csv-sha256)
    ref=$(note "$s" reference-csv-sha256)
    if [[ -n $app && -n $ref ]]; then
        if [[ $app == "$ref" ]]; then
            echo "- $(human "$s") rows: the reference's CSV is byte-identical to the app's (SHA-256 \`${app:0:16}…\` both)."
        else
            echo "- $(human "$s") rows: **the reference's CSV differs from the app's** (SHA-256 \`${ref:0:16}…\` vs \`${app:0:16}…\`)."
        fi
    fi
done

cat <<EOF

## Memory: the app under \`-Xmx$XMX\`

| rows | format | live heap, idle | live heap during the export | max heap after any GC | max heap used before a GC | heap committed | GCs per export | GC pauses per export | peak RSS |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|
EOF
for s in "${SIZES[@]}"; do
    for f in $FORMATS; do
        idle=$(awk -F'\t' -v s="$s" -v f="$f" '$1 == s && $2 == f && $3 == "idle" {print $4}' "$LIVE" | tail -1)
        live=$(awk -F'\t' -v s="$s" -v f="$f" '$1 == s && $2 == f && $3 != "idle" {print $3 " MB (" $4 " forced GCs)"}' "$LIVE" | tail -1)
        awk -F'\t' -v s="$s" -v f="$f" -v h="$(human "$s")" -v idle="${idle:--}" -v live="${live:--}" '
            $1 == s && $2 ~ /^[0-9]+$/ && $3 == f { n++; if ($4 > a) a = $4; if ($5 > b) b = $5; if ($6 > c) c = $6; g += $7; p += $8; if ($9 > r) r = $9 }
            END { if (n) printf "| %s | %s | %s MB | %s | %d MB | %d MB | %d MB | %.0f | %.0f ms | %.0f MB |\n",
                      h, toupper(f), idle, live, a, b, c, g / n, p / n, r / 1024 }' "$MEMORY"
    done
done

cat <<EOF

- *live heap, idle*: the heap after a forced full GC (\`jcmd <pid> GC.run\`) with the app idle, after the timed
  rounds; *during the export*: the largest heap left by the full GCs forced every ~0.5-1 s during one more export
  (untimed, after the timed rounds): what the export really keeps alive. Flat memory means this does not grow with
  the number of rows.
- *max heap after any GC*, *max used before a GC*, *committed*, GC counts and pauses: from the GC log, over the timed
  exports (max, or the mean per export for counts and pauses). G1 lets garbage fill the heap up to its young-generation
  target before collecting, so "used before a GC" tracks the heap cap, not what the export needs.
- *peak RSS*: \`VmHWM\` of the app's JVM, reset (\`echo 5 > /proc/<pid>/clear_refs\`) before each timed export, max over the
  runs. The embedded PostgreSQL runs in its own processes and is not included.

### Allocation per row

Heap allocated per exported row (median of the timed runs), by each reference mode and by the app: the reference
loop's thread counts its own (\`ThreadMXBean\`), the app's is summed from its GC log (heap used before each GC minus
what the GC before left, plus the heap in use at the end; all threads of the app, HTTP included).

| measurement |$(for s in "${SIZES[@]}"; do printf ' KB/row at %s | GCs per run at %s |' "$(human "$s")" "$(human "$s")"; done)
|---|$(for s in "${SIZES[@]}"; do printf -- '---:|---:|'; done)
EOF
for m in $(awk -F'\t' '!seen[$3]++ {print $3}' "$ALLOC"); do
    line="| $m |"
    for s in "${SIZES[@]}"; do
        line+=$(awk -F'\t' -v s="$s" -v m="$m" '$1 == s && $3 == m && $2 ~ /^[0-9]+$/ {print $4 "\t" $5}' "$ALLOC" |
            sort -g | awk -F'\t' -v n="$s" '{v[++c] = $1; g[c] = $2}
                END { if (!c) { printf " n/a | n/a |"; exit }
                      printf " %.1f | %s |", v[int((c + 1) / 2)] * 1024 / n, g[int((c + 1) / 2)] }')
    done
    echo "$line"
done

cat <<EOF

## All timings (seconds)

| rows | measurement | $(for ((r = 1; r <= WARMUPS; r++)); do printf 'warm-up %d | ' "$r"; done)$(for ((r = 1; r <= RUNS; r++)); do printf 'run %d | ' "$r"; done)median | rows/s |
|---:|---|$(for ((r = 1; r <= WARMUPS + RUNS; r++)); do printf -- '---:|'; done)---:|---:|
EOF
for s in "${SIZES[@]}"; do
    for m in $(awk -F'\t' -v s="$s" '$1 == s && !seen[$3]++ {print $3}' "$TIMES"); do
        med=$(median "$s" "$m")
        vals=$(awk -F'\t' -v s="$s" -v m="$m" '$1 == s && $3 == m {printf "%s | ", $4}' "$TIMES")
        echo "| $(human "$s") | $m | ${vals}${med} | $(rps "$s" "$med") |"
    done
done

cat <<EOF

\`copy\`: psql's COPY to /dev/null (including psql's start and connection, ~20 ms). \`ref-<mode>\`: the reference loop
(see README). \`app-<format>\`: the HTTP export, whole request; \`app-<format>-ttfb\`: up to the first byte of the
response, which the app sends only once the export file is complete, so this is the export itself and the rest is
the transfer of the file.

## Where the time goes

### A row's time, step by step (median µs per row)

The reference's \`csv-stages\` mode runs the reference loop and writes the same bytes, timing each row's
stages in the same pass (\`System.nanoTime()\` around each stage: compare its total with the plain loop's). The phone is formatted by
the app's \`PhoneFormatter\` exactly as \`LeadRecordFormatter\` calls it, and the other 13 fields by
\`LeadRecordFormatter\`. The app's own overhead is its time to first byte minus the plain reference loop and the
file's SHA-256. Shares are of the app's CSV export time.

| step |$(for s in "${SIZES[@]}"; do printf ' %s rows |' "$(human "$s")"; done)$(for s in "${SIZES[@]}"; do printf ' share at %s |' "$(human "$s")"; done)
|---|$(for s in "${SIZES[@]}"; do printf -- '---:|'; done)$(for s in "${SIZES[@]}"; do printf -- '---:|'; done)
EOF
# step LABEL METRIC [SUBTRACTED_METRIC ...]: median µs per row of METRIC minus the others, and its share of app-csv.
step() {
    local label=$1 metric=$2 line shares s value app m v
    shift 2
    line="| $label |"
    shares=""
    for s in "${SIZES[@]}"; do
        value=$(median "$s" "$metric")
        app=$(median "$s" app-csv)
        for m in "$@"; do
            v=$(median "$s" "$m")
            [[ -n $v && -n $value ]] && value=$(awk -v a="$value" -v b="$v" 'BEGIN {printf "%.3f", a - b}') || value=""
        done
        if [[ -z $value || -z $app ]]; then
            line+=" n/a |"
            shares+=" n/a |"
        else
            line+=" $(us "$s" "$value") |"
            shares+=" $(awk -v a="$value" -v t="$app" 'BEGIN {printf "%.0f %%", a / t * 100}') |"
        fi
    done
    echo "$line$shares"
}
step "JDBC: cursor read (waiting for PostgreSQL included) + row mapping" ref-stage-read
step "record step: the 13 fields other than the phone (mask, address, e-mail, dates, URL)" ref-stage-fields
step "record step: the phone (libphonenumber parse, validate, format)" ref-stage-phone
step "CSV writer: Commons CSV, date text, formula guard, UTF-8, buffered file" ref-stage-write
step "**= reference loop timed in stages** (\`csv-stages\`)" ref-csv-stages
step "**= reference loop** (\`csv\`, no timers: the reference of the headline)" ref-csv
step "SHA-256 of the file, as the app does (upper bound: the file hashed again after writing)" ref-stage-digest
step "app: everything else before the first byte: Camel, \`count(*)\`, HTTP Basic, temp file + rename (app ttfb − \`csv\` − SHA-256)" app-csv-ttfb ref-csv ref-stage-digest
step "app: sending the finished file over HTTP and deleting it (app total − ttfb)" app-csv app-csv-ttfb
step "**= the app's CSV export** (app total)" app-csv
for f in $FORMATS; do
    [[ $f == csv ]] && continue
    step "${f^^}: app before the first byte − the reference's \`$f\` loop" "app-$f-ttfb" "ref-$f"
done
step "cross-check, phone by subtraction: \`format\` − \`format-nophone\` (separate passes)" ref-format ref-format-nophone
step "cross-check, JDBC alone: \`read\` (separate pass)" ref-read
step "for comparison: COPY in PostgreSQL, to /dev/null" copy

cat <<EOF

### CPU time per row (medians, µs per row)

Wall time on a loaded 2-core machine includes time spent waiting for a core. CPU time leaves that wait out, so it
is the steadier measure of how much work each side does. *JVM CPU* is the user + system CPU of the whole JVM process
(\`/proc/<pid>/stat\`), split by thread (\`/proc/<pid>/task/*/stat\`). *PostgreSQL CPU* is the CPU of
the embedded server's processes over the same interval (the postmaster, its live backends, and what it reaped from
ended ones). COPY's client, psql, is not counted.

| rows | measurement | wall | JVM CPU | export thread (writer) | cursor reader | format pool | GC threads | JIT compilers | rest of the JVM | PostgreSQL CPU |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
EOF
cpu_median() { # cpu_median SIZE METRIC COLUMN: median of a cpu.tsv column over the timed rounds
    awk -F'\t' -v s="$1" -v m="$2" -v c="$3" '$1 == s && $3 == m && $2 ~ /^[0-9]+$/ {print $c}' "$CPU" | sort -g |
        awk '{v[++n] = $1} END { if (n) printf "%.3f", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'
}
if [[ -s $CPU ]]; then
    for s in "${SIZES[@]}"; do
        for m in $(awk -F'\t' '!seen[$3]++ {print $3}' "$CPU"); do
            if [[ $m == copy ]]; then
                echo "| $(human "$s") | $m | $(us "$s" "$(median "$s" "$m")") | | | | | | | | $(us "$s" "$(cpu_median "$s" "$m" 5)") |"
                continue
            fi
            total=$(cpu_median "$s" "$m" 4)
            export_=$(cpu_median "$s" "$m" 6)
            gc=$(cpu_median "$s" "$m" 7)
            jit=$(cpu_median "$s" "$m" 8)
            read_=$(cpu_median "$s" "$m" 9)
            format_=$(cpu_median "$s" "$m" 10)
            rest=$(awk -v t="$total" -v e="$export_" -v g="$gc" -v j="$jit" -v r="${read_:-0}" -v f="${format_:-0}" 'BEGIN {printf "%.3f", t - e - g - j - r - f}')
            echo "| $(human "$s") | $m | $(us "$s" "$(median "$s" "$m")") | $(us "$s" "$total") | $(us "$s" "$export_") | $(us "$s" "$read_") | $(us "$s" "$format_") | $(us "$s" "$gc") | $(us "$s" "$jit") | $(us "$s" "$rest") | $(us "$s" "$(cpu_median "$s" "$m" 5)") |"
        done
    done
fi
cat <<EOF

Each column is the median over the timed runs on its own, so the parts need not add up exactly to the JVM total.
*Export thread (writer)*: the reference's main thread, or the app's platform-http threads (\`http-N\`), which run the
export route and write the file. *Cursor reader* (\`export-read-N\`) and *format pool* (\`export-format-N\`): the
app's read-ahead and parallel record step. In the references all of it is on the one thread. *Rest of the JVM*: Tomcat's threads (authentication, sending the file), JFR and attach, and threads
that ended during the run. CPU ticks are 10 ms, so at 100k rows the figures have a resolution of 0.1 µs per row.

EOF

for f in "$RUN"/jfr-*.jfr.md; do
    [[ -f $f ]] || continue
    name=$(basename "$f" .jfr.md)
    kind=${name#jfr-}
    who=${kind%%-*}
    rest=${kind#*-}
    format=${rest%-*}
    size=${rest##*-}
    seconds=$(note "$size" "profiled-$who-$format-seconds" | awk '{printf "%.1f", $1}')
    echo
    if [[ $who == app ]]; then
        echo "### JFR CPU samples: the app's ${format^^} export of $(human "$size") rows (${seconds} s with JFR on)"
    else
        echo "### JFR CPU samples: the reference loop, ${format^^}, $(human "$size") rows (${seconds} s with JFR on)"
    fi
    echo
    echo "JFR \`settings=profile\` (a Java sample every 10 ms per thread running Java code), recorded after a throw-away"
    echo "recording; each sample is charged to the first frame from the top of its stack that belongs to a known"
    echo "component (JDK frames are skipped: \`String\` work inside libphonenumber counts as libphonenumber)."
    echo
    cat "$f"
done

cat <<EOF

## Analysis

_Added by hand after the run; re-running the benchmark replaces this file._
EOF
