#!/usr/bin/env bash
# Checks that ./demo stops on SIGTERM as on Ctrl+C: starts it (under xvfb-run when there is no display, so that the
# operator app runs too), waits until the app is up, sends SIGTERM to the script and expects the script, the server
# and the app gone within a few seconds. Needs the jars built (./mvnw -B -DskipTests package) and, without a display,
# xvfb-run. Usage: scripts/check-demo-stops.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."

port=${1:-3779}
patience=20
log=$(mktemp)
trap 'rm -f "$log"' EXIT

launcher=()
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run (apt-get install xvfb)" >&2; exit 2; }
    # xvfb-run stays the parent and passes SIGTERM on; the demo script is what is measured
    launcher=(xvfb-run --auto-servernum)
fi

ZVONOK_DEMO_PORT=$port setsid "${launcher[@]}" ./demo >"$log" 2>&1 &
group=$!

app_pid() { pgrep -f -- "zvonok-app.jar --server http://127.0.0.1:$port" || true; }
server_pid() { pgrep -f -- "server-demo.jar demo --port $port" || true; }
demo_pid() { pgrep -g "$group" -f -- "bash ./demo" || true; }

for _ in $(seq 1 480); do
    [[ -n "$(app_pid)" ]] && break
    if ! kill -0 "$group" 2>/dev/null; then cat "$log" >&2; echo "FAIL: the demo ended before its app started" >&2; exit 1; fi
    sleep 0.5
done
[[ -n "$(app_pid)" ]] || { echo "FAIL: no app after 4 minutes" >&2; exit 1; }
sleep 3 # the app logs in and opens its window

script=$(demo_pid)
started=$(date +%s.%N)
kill -TERM "$script"
for _ in $(seq 1 $((patience * 10))); do
    [[ -z "$(demo_pid)$(server_pid)$(app_pid)" ]] && break
    sleep 0.1
done
took=$(echo "$(date +%s.%N) - $started" | bc)
left="$(demo_pid) $(server_pid) $(app_pid)"
if [[ -n "${left// /}" ]]; then
    echo "FAIL: still running ${patience} s after SIGTERM: $left" >&2
    kill -- -"$group" 2>/dev/null || true
    exit 1
fi
if grep -q "	at " "$log"; then
    grep -B2 "	at " "$log" | head -20 >&2
    echo "FAIL: a stack trace in the log" >&2
    exit 1
fi
printf 'OK: ./demo, its server and its app stopped %.1f s after SIGTERM, without a stack trace\n' "$took"
