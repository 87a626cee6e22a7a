#!/usr/bin/env bash
# Does a card that pops up leave the keyboard where the operator types? Checked on a real X11 display with a real
# window manager, as an operator meets it (the headless tests cannot tell what a window manager does on a new window).
#
# Xvfb runs the display, openbox (or none: --no-wm) manages the windows, server-lite's demo rings Иван Иванов (777)
# every few seconds, the app is logged in as him; xdotool types digits into the main window's search field, one every
# 100 ms, while cards pop up. Then the field's text is copied out (xclip) and compared with what was typed, and the
# active window, sampled while typing, must never have been a card or the panel of cards waiting for "Finish" (no
# card is finished here, so answered calls pile up as its rows).
#
#   scripts/check-card-focus-x11.sh [--no-wm] [--keys N]      (needs: xvfb openbox xdotool xclip; jars built)
#
# Prints the figures and exits 0 when every key reached the field and no card was ever active, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

wm=openbox
keys=400
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-wm) wm=none ;;
        --keys) keys=$2; shift ;;
        *) echo "usage: $0 [--no-wm] [--keys N]" >&2; exit 2 ;;
    esac
    shift
done
for tool in Xvfb xdotool xclip; do
    command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install xvfb openbox xdotool xclip" >&2; exit 2; }
done
[[ $wm == none ]] || command -v openbox >/dev/null || { echo "needs openbox (or --no-wm)" >&2; exit 2; }
source scripts/jdk.sh
java="$JAVA_HOME/bin/java"
[[ -f server-demo/target/server-demo.jar && -f app/target/zvonok-app.jar ]] || ./mvnw -B -q -DskipTests package

work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
port=$((3800 + RANDOM % 100))
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

Xvfb "$display" -screen 0 1600x1000x24 >"$work/xvfb.log" 2>&1 & pids+=($!)
export DISPLAY=$display
sleep 1
if [[ $wm == openbox ]]; then openbox >"$work/openbox.log" 2>&1 & pids+=($!); sleep 1; fi

"$java" -jar server-demo/target/server-demo.jar demo --port "$port" --speed 2 --data-dir "$work/server" \
    >"$work/server.log" 2>&1 & pids+=($!)
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.5; done
ZVONOK_PASSWORD=demo "$java" --enable-native-access=ALL-UNNAMED -jar app/target/zvonok-app.jar --server "http://127.0.0.1:$port" \
    --login ivanov --data-dir "$work/app" >"$work/app.log" 2>&1 & pids+=($!)

main=""
for _ in $(seq 1 60); do
    main=$(xdotool search --name '^Zvonok — ' 2>/dev/null | head -1 || true)
    [[ -n $main ]] && break
    sleep 0.5
done
[[ -n $main ]] || { echo "the app's main window did not show; see $work/app.log" >&2; exit 1; }
sleep 2
if [[ $wm == openbox ]]; then xdotool windowactivate --sync "$main"; else xdotool windowfocus --sync "$main"; fi
sleep 0.5
xdotool key ctrl+f

typed=""
samples=0
card_active=0
cards_seen=0
panel_seen=0
# the panel of cards waiting for "Finish" (its title, in either language) must not take the keyboard either
panel_title='^(Cards waiting|Ожидающие карточки)$'
for i in $(seq 1 "$keys"); do
    digit=$((i % 10))
    xdotool type --delay 0 "$digit"
    typed+=$digit
    if (( i % 10 == 0 )); then
        samples=$((samples + 1))
        active=$(xdotool getwindowfocus getwindowname 2>/dev/null || true)
        if [[ $active == Call:* || $active =~ $panel_title ]]; then card_active=$((card_active + 1)); fi
        open=$(xdotool search --name '^Call: ' 2>/dev/null | wc -l || true)
        (( open > cards_seen )) && cards_seen=$open
        if xdotool search --onlyvisible --name "$panel_title" >/dev/null 2>&1; then panel_seen=$((panel_seen + 1)); fi
    fi
    sleep 0.1
done
sleep 0.5
xdotool key ctrl+a ctrl+c
sleep 0.5
field=$(xclip -o -selection clipboard 2>/dev/null || true)

echo "window manager: $wm; keys typed: ${#typed}; in the search field: ${#field}; most cards open at once: $cards_seen"
echo "the panel of waiting cards showed in $panel_seen of $samples samples"
echo "a card or the panel had the keyboard in $card_active of $samples samples"
if [[ $field == "$typed" && $card_active -eq 0 && $cards_seen -gt 0 ]]; then
    echo "PASS: every key reached the field the operator typed in; no card took the keyboard"
else
    [[ $cards_seen -gt 0 ]] || echo "no card popped up while typing: nothing was checked"
    echo "FAIL"
    exit 1
fi
