#!/usr/bin/env bash
# The one check, for contributors and CI alike (.ci/run calls it): lint, types, then the whole test suite.
#   tools/check.sh                  everything
#   tools/check.sh tests/test_plan.py -k wheel    extra arguments go to pytest (lint and types still run)
# Uses $PYTHON, else the checkout's .venv, else python3. WIZARD_TEST_WORKERS sets pytest-xdist's worker
# count (0: no xdist).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${PYTHON:-}" ]; then
    PY=$PYTHON
elif [ -x .venv/bin/python ]; then
    PY=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then
    PY=.venv/Scripts/python.exe
else
    PY=python3
fi

step() { printf '\n== %s\n' "$*"; }

step "ruff check"
"$PY" -m ruff check .

# Windows-only and macOS-only branches (behind sys.platform checks) are only checked when mypy is told
# that platform: three runs, each fast after the first (.mypy_cache).
for platform in linux win32 darwin; do
    step "mypy --platform $platform (files: [tool.mypy] in pyproject.toml)"
    "$PY" -m mypy --platform "$platform"
done

step "pytest"
workers=${WIZARD_TEST_WORKERS:-2}
xdist=()
if [ "$workers" != "0" ] && "$PY" -c "import xdist" 2>/dev/null; then
    xdist=(-n "$workers")
fi
"$PY" -m pytest ${xdist[@]+"${xdist[@]}"} "$@"
