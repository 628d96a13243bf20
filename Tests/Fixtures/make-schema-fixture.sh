#!/usr/bin/env bash
# Makes the fixture of this release's schema: `kepu demo`'s 2023, two pieces of evidence and a door
# opened (expecting 100, calling 2 volunteers) on the address the office set, backed up with `kepu backup` into one .tar. Run it with the
# release's own build when the schema changes (docs/CONTRIBUTING.md):
#
#   Tests/Fixtures/make-schema-fixture.sh .build/debug/kepu     # writes Tests/Fixtures/vN-year-2023.tar
set -euo pipefail
cd "$(dirname "$0")/../.."
kepu=${1:-.build/debug/kepu}
work=$(mktemp -d /tmp/kepu-fixture-XXXXXX)
trap 'rm -rf "$work"' EXIT
export KEPU_DB=$work/kepu.sqlite KEPU_USER=fixture KEPU_TODAY=2023-12-31 KEPU_LANG=zh
"$kepu" demo --db "$KEPU_DB" >/dev/null 2>&1
printf 'jpeg bytes of the photo\n' > "$work/现场.jpg"
printf '姓名,手机\n张三,13800000001\n' > "$work/签到表.csv"
"$kepu" evidence add "$work/现场.jpg" --kind photo --event 1 >/dev/null 2>&1
"$kepu" evidence add "$work/签到表.csv" --kind signin --event 1 >/dev/null 2>&1
"$kepu" settings --public-url http://192.168.1.20:8080 >/dev/null 2>&1
"$kepu" event door 1 --survey --volunteers 2 --expected 100 --from "2023-12-31 00:00" --until "2023-12-31 23:59" >/dev/null 2>&1
schema=$("$kepu" --version | sed -n 's/.*schema v\([0-9]*\).*/\1/p')
out=Tests/Fixtures/v$schema-year-2023.tar
rm -f "$out"
"$kepu" backup "$out" >/dev/null 2>&1
echo "$out"
