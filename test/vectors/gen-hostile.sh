#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# gen-hostile.sh RAMPART_IMG OUTDIR: make the hostile images of test/vectors/hostile.txt in
# OUTDIR, plus OUTDIR/MANIFEST (FILE<TAB>REASON per line). See gen-hostile.py.
set -eu
exec python3 "$(dirname "$0")/gen-hostile.py" "$@"
