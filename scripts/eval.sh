#!/usr/bin/env bash
# Scores the temporal tagger on the TempEval-3 training corpora (TimeBank, AQUAINT).
#
#   scripts/eval.sh [MISSES_FILE]
#
# Builds the CLI, annotates (`dateline timeml`) both corpora into a temporary directory (the
# corpora stay in ../shared; never copy them into the repository) and runs the scorer.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/../shared/corpora/tempeval3-train}"
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpora/tempeval3-train
MANIFEST="${MANIFEST:-$ROOT/Cargo.toml}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
MISSES="${1:-$OUT/misses.tsv}"

cargo build --quiet --release --manifest-path "$MANIFEST" --bin dateline
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/dateline"
for sub in TimeBank AQUAINT; do
  "$BIN" timeml --out "$OUT/$sub" "$CORPUS/$sub"/*.tml
done
python3 "$ROOT/scripts/tempeval.py" "$CORPUS" "$OUT" --misses "$MISSES"

# French TimeBank, development half (the other half is kept apart): the French table
# of src/analysis/time/locale.rs, scored the same way (by character offsets).
FR="${FR_CORPUS:-$ROOT/../shared/corpora/fr-timebank}"
[ -d "$FR" ] || FR=/work/shared/corpora/fr-timebank
if [ -d "$FR/dev" ]; then
  mkdir -p "$OUT/fr/dev"
  "$BIN" timeml --out "$OUT/fr/dev" "$FR/dev"/*.tml
  python3 "$ROOT/scripts/tempeval.py" "$FR" "$OUT/fr"
fi
