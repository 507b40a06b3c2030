#!/usr/bin/env bash
# sync-e2e.sh: two laptops, two data files, two Syncthing instances on the
# loopback address (127.0.0.1, no discovery, no relays, no internet): a
# check-in made with one data file appears in the other. Documented in the
# README ("Several laptops"); not run in CI. Needs syncthing, curl, python3.
#
# Usage (from the repository root): cmd/workshopctl/sync-e2e.sh
set -euo pipefail

command -v syncthing >/dev/null || { echo "sync-e2e: syncthing is not installed (apt-get install syncthing)" >&2; exit 1; }
root=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$root"
}
trap cleanup EXIT
export STNOUPGRADE=1 STNODEFAULTFOLDER=1

go build -o "$root/workshopctl" ./cmd/workshopctl
ctl() { "$root/workshopctl" "$@"; }

key=sync-e2e-key
for i in 1 2; do
	home=$root/st$i
	syncthing generate --home="$home" --no-default-folder --skip-port-probing >/dev/null
	# Loopback only: no global or local discovery, relays, NAT, reporting.
	sed -i -e "s#<listenAddress>default</listenAddress>#<listenAddress>tcp://127.0.0.1:2200$i</listenAddress>#" \
		-e 's#<globalAnnounceEnabled>true#<globalAnnounceEnabled>false#' \
		-e 's#<localAnnounceEnabled>true#<localAnnounceEnabled>false#' \
		-e 's#<relaysEnabled>true#<relaysEnabled>false#' \
		-e 's#<natEnabled>true#<natEnabled>false#' \
		-e 's#<urAccepted>0#<urAccepted>-1#' \
		-e 's#<crashReportingEnabled>true#<crashReportingEnabled>false#' "$home/config.xml"
	mkdir -p "$root/shared$i"
done
id1=$(syncthing serve --home="$root/st1" --device-id)
id2=$(syncthing serve --home="$root/st2" --device-id)
for i in 1 2; do
	syncthing serve --home="$root/st$i" --no-browser --no-restart --gui-address="127.0.0.1:838$i" --gui-apikey="$key" \
		--logfile="$root/st$i.log" >/dev/null 2>&1 &
	pids+=($!)
done
api() { curl -fsS -H "X-API-Key: $key" -H 'Content-Type: application/json' "$@"; }
for i in 1 2; do
	for _ in $(seq 60); do api "http://127.0.0.1:838$i/rest/system/ping" >/dev/null 2>&1 && break; sleep 0.5; done
done
# Each instance knows the other at its loopback address and shares one folder.
for i in 1 2; do
	other=$((3 - i)); otherid=$([ $i = 1 ] && echo "$id2" || echo "$id1")
	api -X POST "http://127.0.0.1:838$i/rest/config/devices" \
		-d "{\"deviceID\": \"$otherid\", \"name\": \"laptop$other\", \"addresses\": [\"tcp://127.0.0.1:2200$other\"]}" >/dev/null
	api -X POST "http://127.0.0.1:838$i/rest/config/folders" \
		-d "{\"id\": \"workshopdesk\", \"label\": \"Workshop Desk\", \"path\": \"$root/shared$i\", \"rescanIntervalS\": 1, \"fsWatcherEnabled\": true, \"fsWatcherDelayS\": 1,
		     \"devices\": [{\"deviceID\": \"$id1\"}, {\"deviceID\": \"$id2\"}]}" >/dev/null
done
echo "Syncthing: laptop1 $id1 on 127.0.0.1:22001, laptop2 $id2 on 127.0.0.1:22002"

# wait_for SECONDS COMMAND...: run COMMAND every second until it succeeds.
wait_for() {
	local n=$1; shift
	for _ in $(seq "$n"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
	echo "sync-e2e: timed out waiting for: $*" >&2; return 1
}

echo "--- laptop 1 shares the demo workshop"
ctl --data "$root/a.db" init-demo >/dev/null
ctl --data "$root/a.db" sync --workshop demo --folder "$root/shared1" --name "Desk A"
code=$(ctl --data "$root/a.db" --json laptops --workshop demo | python3 -c 'import json,sys; print(json.load(sys.stdin)["join_code"])')

echo "--- Syncthing carries the folder to laptop 2; laptop 2 joins with the code $code"
wait_for 90 test -f "$root/shared2/demo/workshop.wdjoin"
wait_for 90 bash -c "ls $root/shared2/demo/*/00000001.wdlog"
ctl --data "$root/b.db" join --folder "$root/shared2" --code "$code" --name "Desk B"

attended() { # attended BADGE DATAFILE: the sessions attended, as eligibility counts them
	ctl --data "$2" --json attendance --workshop demo | python3 -c '
import json, sys
print([p["attended"] for p in json.load(sys.stdin)["participants"] if p["badge_code"] == sys.argv[1]][0])' "$1"
}
badge=$(ctl --data "$root/b.db" --json participants --workshop demo | python3 -c 'import json,sys; print(json.load(sys.stdin)[5]["badge_code"])')
before=$(attended "$badge" "$root/a.db")
echo "--- laptop 2 checks in badge $badge at the last session (laptop 1 counts $before sessions attended) and exchanges"
ctl --data "$root/b.db" checkin --workshop demo --session 9 --code "$badge" --status present --any-day --early
ctl --data "$root/b.db" sync --workshop demo

echo "--- laptop 1 exchanges until the check-in has come through Syncthing"
seen() {
	ctl --data "$root/a.db" sync --workshop demo >/dev/null
	[ "$(attended "$badge" "$root/a.db")" = $((before + 1)) ]
}
wait_for 90 seen
ctl --data "$root/a.db" laptops --workshop demo
echo "--- laptop 1 now counts $(attended "$badge" "$root/a.db") sessions attended for $badge"
echo "sync-e2e: OK, a check-in on laptop 2 appeared on laptop 1 through Syncthing"
