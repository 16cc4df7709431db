#!/usr/bin/env bash
# Times the CLI on a generated fleet. Usage: scripts/bench.sh [APPS] [FILES_PER_APP]
# Writes the fleet under a temporary folder and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
apps=${1:-40}
files=${2:-250}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/actionguard" ./cmd/actionguard
go run ./scripts/genfleet -dir "$tmp/fleet" -apps "$apps" -files "$files"
echo "cores: $(nproc)"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s wall, %M KiB max RSS" "$tmp/actionguard" scan "$tmp/fleet" --format json --fail-on none --output "$tmp/report.json"
done
