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
#   NAME.err     expected stderr, exact, with the paths of $OUT, $DATA and the
#                work directory written as $OUT, $DATA and $WORK, and
#                NAME.filter applied (absent: stderr must be empty)
#
# RECKON_UPDATE_GOLDEN=1 rewrites the goldens from what the binary does now
# (the one update path; review the diff before committing): NAME.out when it
# exists, or when stdout is not empty and no NAME.grep checks it; NAME.err
# from stderr (removed when stderr is empty); NAME.rc from the exit code
# (removed when it is 0). NAME.grep and NAME.filter are never rewritten.
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

actual="$OUT/stdout"
if [ -f "$base.filter" ]; then
    sed -f "$base.filter" "$OUT/stdout" >"$OUT/stdout.filtered"
    actual="$OUT/stdout.filtered"
fi

# stderr with the machine's paths written as placeholders, then the filter
sed_escape() { printf '%s' "$1" | sed 's/[][\\.*^$|/]/\\&/g'; }
sed -e "s|$(sed_escape "$OUT")|\$OUT|g" -e "s|$(sed_escape "$DATA")|\$DATA|g" \
    -e "s|$(sed_escape "$work")|\$WORK|g" "$OUT/stderr" >"$OUT/stderr.placeholders"
actual_err="$OUT/stderr.placeholders"
if [ -f "$base.filter" ]; then
    sed -f "$base.filter" "$OUT/stderr.placeholders" >"$OUT/stderr.filtered"
    actual_err="$OUT/stderr.filtered"
fi

if [ "${RECKON_UPDATE_GOLDEN:-0}" = 1 ]; then
    update() {  # update FILE CONTENT_FILE
        if [ ! -f "$1" ] || ! cmp -s "$1" "$2"; then
            cp "$2" "$1" && echo "updated $1"
        fi
    }
    if [ -f "$base.out" ] || { [ -s "$actual" ] && [ ! -f "$base.grep" ]; }; then
        update "$base.out" "$actual"
    fi
    if [ -s "$actual_err" ]; then
        update "$base.err" "$actual_err"
    elif [ -f "$base.err" ]; then
        rm -f "$base.err" && echo "removed $base.err"
    fi
    if [ "$rc" != 0 ]; then
        echo "$rc" >"$OUT/rc" && update "$base.rc" "$OUT/rc"
    elif [ -f "$base.rc" ]; then
        rm -f "$base.rc" && echo "removed $base.rc"
    fi
fi

expected_rc=0
[ -f "$base.rc" ] && expected_rc=$(tr -d ' \n' <"$base.rc")
if [ "$rc" != "$expected_rc" ]; then
    fail "exit code $rc, expected $expected_rc"
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
    if ! cmp -s "$base.err" "$actual_err"; then
        fail "stderr differs from $base.err"
        diff -u "$base.err" "$actual_err"
    fi
elif [ -s "$OUT/stderr" ]; then
    fail "unexpected stderr"
fi

if [ "$status" -ne 0 ]; then
    echo "(an intended change? RECKON_UPDATE_GOLDEN=1 ctest -R cli. rewrites the goldens; review the diff)"
    echo "--- command: reckon $args"
    echo "--- stdout:"
    cat "$OUT/stdout"
    echo "--- stderr:"
    cat "$OUT/stderr"
fi
exit "$status"
