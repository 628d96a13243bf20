#!/usr/bin/env bash
# Hostile workbooks against kepu, measured: the peak resident memory of `kepu serve` while each bomb
# is uploaded to 导入 and of `kepu attendance import BOMB`, the time to the refusal, and whether any
# file is left in a temporary folder. Loopback only; every request is bounded.
#
#   Benchmarks/hostile-uploads.sh [path/to/kepu] [--big]
#
# The bombs are made by Tests/Fixtures/bombs.py (--big adds a 1 GiB cell and a 4 GiB sheet).
set -euo pipefail
cd "$(dirname "$0")/.."
kepu=${1:-.build/release/kepu}
big=${2:-}
work=$(mktemp -d /tmp/kepu-hostile-XXXXXX)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 Tests/Fixtures/bombs.py "$work/bombs" $big
export KEPU_DB=$work/kepu.sqlite KEPU_USER=bench KEPU_TODAY=2023-12-31
"$kepu" demo --db "$KEPU_DB" >/dev/null 2>&1
printf 'bench password 1\n' | "$kepu" user add bench --role admin --password-stdin >/dev/null 2>&1

peak() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$1/status"; }
leftovers() { find /tmp -maxdepth 1 -newer "$work/kepu.sqlite" \( -name 'kepu-*.xml' -o -name 'kepu-uploads-*' \) | wc -l; }

echo "command line: kepu attendance import BOMB"
printf '  %-22s %10s %10s  %s\n' bomb "peak MiB" seconds "sentence"
for f in "$work"/bombs/*.xlsx; do
    start=$(date +%s.%N)
    out=$( { /usr/bin/time -f '%M' "$kepu" attendance import --event 1 "$f" 2>&1 >/dev/null; } 2>&1 || true)
    end=$(date +%s.%N)
    kib=$(printf '%s\n' "$out" | tail -1)
    printf '  %-22s %10s %10.2f  %s\n' "$(basename "$f")" "$((kib / 1024))" "$(echo "$end - $start" | bc)" \
        "$(printf '%s\n' "$out" | head -1 | cut -c1-90)"
done

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$kepu" serve --listen "127.0.0.1:$port" --max-upload 20 >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
jar=$work/cookies
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" -o "$work/login.html"
token=$(grep -o 'name="csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=bench&password=bench+password+1&csrf=$token" \
    "http://127.0.0.1:$port/login"
curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/imports" -o "$work/imports.html"
csrf=$(grep -o 'name="csrf" value="[^"]*"' "$work/imports.html" | head -1 | sed 's/.*value="//;s/"//')
echo "web: 导入 and 计划 (peak RSS of kepu serve, which started at $(peak $server) MiB)"
printf '  %-22s %-6s %10s %10s  %s\n' bomb page "peak MiB" seconds "status"
# A preview is a job: the upload answers within a second and the page follows the job; the time is to
# the job's end (its page no longer reloads itself), the peak is the server's over its whole run.
follow() {
    local location=$1 n=0
    while [ -n "$location" ] && [ $n -lt 120 ]; do
        curl -s -D "$work/job.head" -o "$work/job.html" -b "$jar" --max-time 30 "http://127.0.0.1:$port$location" || true
        grep -qi '^refresh:' "$work/job.head" || break
        sleep 0.5
        n=$((n + 1))
    done
}
for f in "$work"/bombs/*.xlsx; do
    for page in imports plan; do
        start=$(date +%s.%N)
        if [ $page = imports ]; then
            fields=(-F "csrf=$csrf" -F kind=signin -F event=1 -F "file=@$f")
        else
            fields=(-F "csrf=$csrf" -F "file=@$f")
        fi
        code=$(curl -s -D "$work/answer.head" -o "$work/answer.html" -w '%{http_code}' -b "$jar" --max-time 60 \
            "${fields[@]}" "http://127.0.0.1:$port/$([ $page = imports ] && echo imports || echo plan/upload)" || true)
        location=$(grep -i '^location:' "$work/answer.head" | tr -d '\r' | awk '{print $2}' || true)
        case "$location" in /imports/jobs/*) follow "$location" ;; esac
        end=$(date +%s.%N)
        printf '  %-22s %-6s %10s %10.2f  %s\n' "$(basename "$f")" $page "$(peak $server)" \
            "$(echo "$end - $start" | bc)" "$code"
    done
done
echo "files left in /tmp by kepu: $(leftovers)"
