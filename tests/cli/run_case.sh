#!/bin/sh
# Run one golden CLI case.
# usage: run_case.sh RECKON_BIN CASEFILE WORKDIR
#
# CASEFILE (NAME.cmd) holds one line: the arguments after the binary, in shell
# syntax (quotes work). It may use
#   $GAZ   the fixture gazetteer (WORKDIR/mini.sqlite, from make_fixture.sh);
#          RECKON_GAZETTEER is set to it too
#   $DATA  tests/data
#   $OUT   a scratch directory for this case (also the working directory)
# Beside it:
#   NAME.out     expected stdout, exact (absent: stdout is not compared)
#   NAME.filter  sed script applied to stdout before comparing (optional),
#                for lines that vary between runs (paths, timestamps)
#   NAME.grep    fixed strings, one a line, that stdout must contain (optional)
#   NAME.rc      expected exit code (absent: 0)
#   NAME.err     fixed strings, one a line, that stderr must contain
#                (absent: stderr must be empty)
set -u
if [ $# -ne 3 ]; then
    echo "usage: $0 RECKON_BIN CASEFILE WORKDIR" >&2
    exit 2
fi
bin=$1
case "$bin" in /*) ;; */*) bin="$(pwd)/$bin" ;; esac
case_file=$2
mkdir -p "$3"
work=$(cd "$3" && pwd)
name=$(basename "$case_file" .cmd)
base="$(dirname "$case_file")/$name"

GAZ="$work/mini.sqlite"
DATA=$(cd "$(dirname "$0")/../data" && pwd)
OUT="$work/case-$name"
RECKON_GAZETTEER=$GAZ
export GAZ DATA OUT RECKON_GAZETTEER
rm -rf "$OUT"
mkdir -p "$OUT"

args=$(cat "$case_file")
eval "set -- $args"
(cd "$OUT" && "$bin" "$@") >"$OUT/stdout" 2>"$OUT/stderr"
rc=$?

status=0
fail() {
    echo "FAIL: $name: $1"
    status=1
}

expected_rc=0
[ -f "$base.rc" ] && expected_rc=$(tr -d ' \n' <"$base.rc")
if [ "$rc" != "$expected_rc" ]; then
    fail "exit code $rc, expected $expected_rc"
fi

actual="$OUT/stdout"
if [ -f "$base.filter" ]; then
    sed -f "$base.filter" "$OUT/stdout" >"$OUT/stdout.filtered"
    actual="$OUT/stdout.filtered"
fi
if [ -f "$base.out" ] && ! cmp -s "$base.out" "$actual"; then
    fail "stdout differs from $base.out"
    diff -u "$base.out" "$actual"
fi
if [ -f "$base.grep" ]; then
    while IFS= read -r want || [ -n "$want" ]; do
        [ -z "$want" ] && continue
        grep -qF -- "$want" "$actual" || fail "stdout lacks '$want'"
    done <"$base.grep"
fi

if [ -f "$base.err" ]; then
    while IFS= read -r want || [ -n "$want" ]; do
        [ -z "$want" ] && continue
        grep -qF -- "$want" "$OUT/stderr" || fail "stderr lacks '$want'"
    done <"$base.err"
elif [ -s "$OUT/stderr" ]; then
    fail "unexpected stderr"
fi

if [ "$status" -ne 0 ]; then
    echo "--- command: reckon $args"
    echo "--- stdout:"
    cat "$OUT/stdout"
    echo "--- stderr:"
    cat "$OUT/stderr"
fi
exit "$status"
