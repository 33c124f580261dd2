#!/usr/bin/env bash
# The README's layer and field tables are the schemas' own documentation:
# every line `reckon_write_sample --markdown` prints (from src/export/layers.cpp)
# must stand in README.md, so the two cannot drift apart.
#   readme_layers.sh RECKON_EXE SOURCE_DIR WORK_DIR   (RECKON_BINARY_DIR in the environment)
set -uo pipefail
src="$2"
bin="${RECKON_BINARY_DIR:?RECKON_BINARY_DIR not set}"
sample="$bin/tests/reckon_write_sample"
[ -x "$sample" ] || { echo "FAIL: $sample not built"; exit 1; }
status=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  if ! grep -qxF -- "$line" "$src/README.md"; then
    echo "FAIL: README.md lacks: $line"
    status=1
  fi
done < <("$sample" --markdown)
[ "$status" = 0 ] && echo "ok: README layer tables match the schemas"
exit "$status"
