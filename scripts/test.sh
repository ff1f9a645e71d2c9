#!/usr/bin/env bash
# Builds the solution and runs every test project; ends with the line "N passed, N failed".
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Study]
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! dotnet build NasOrleans.sln -c Release -nologo -v quiet; then
    echo "build failed"
    echo "0 passed, 1 failed"
    exit 1
fi

log=$(mktemp)
projects=(tests/*/*.Tests.csproj)
status=0
for project in "${projects[@]}"; do
    echo "== $project"
    dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee -a "$log" \
        | grep -E '^\s+Failed |^Test Run|^\s+(Total tests|Passed|Failed|Skipped):|error' || true
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

passed=$(awk '/^ +Passed: +[0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
failed=$(awk '/^ +Failed: +[0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
summaries=$(grep -cE '^Test Run (Successful|Failed)' "$log")
if [ "$summaries" -lt "${#projects[@]}" ]; then
    echo "$(( ${#projects[@]} - summaries )) test project(s) did not report (crashed test host?)"
    failed=$((failed + ${#projects[@]} - summaries))
fi
# The Python client's tests against a real `nas serve`, with Debian's python3 (python3-sklearn installs for it).
echo "== clients/python/tests"
py_log=$(mktemp)
NAS_BIN="$PWD/src/Client/bin/Release/net10.0/nas" timeout 600 /usr/bin/python3 clients/python/tests/run.py >"$py_log" 2>&1 || status=1
grep -E '^(FAIL|ERROR):|^Ran |^python tests:' "$py_log" || true
py_tally=$(grep -E '^python tests: [0-9]+ passed, [0-9]+ failed$' "$py_log" | tail -1)
py_passed=$(awk '{ print $3 + 0 }' <<<"$py_tally")
py_failed=$(awk '{ print $5 + 0 }' <<<"$py_tally")
[ -n "$py_tally" ] || py_failed=1 # the runner crashed or timed out before its tally
passed=$((passed + py_passed))
failed=$((failed + py_failed))
if [ "$failed" -gt 0 ]; then
    # What each failing test said, so that a CI log is enough to start from.
    echo "== failures"
    grep -E -A14 '^\s+Error Message:' "$log" | cut -c1-400 | head -200
    [ "$py_failed" -eq 0 ] || sed -n '/^======/,$p' "$py_log" | cut -c1-400 | head -200
fi
rm -f "$log" "$py_log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
