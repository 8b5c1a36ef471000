#!/bin/sh
# Rebuilds models/quotes-neural/tagger.bin.gz (see its README.md):
#   npm run train:attribution [-- --epochs 14 --hidden 100 --minutes 38]
# 1. exports PolNeAR train units and CofeNet's dev units with their inputs and BIO tags, and the
#    shipped word vectors of the words seen, to a scratch folder outside the repository;
# 2. trains the BiLSTM-CRF with PyTorch (Debian's python3-torch at /usr/bin/python3: the
#    runtime never needs it), one thread, early stopping on dev;
# 3. checks that the TypeScript tagger reproduces the Python model's dev tags and prints the
#    model table.
set -eu
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
node --import tsx scripts/export-attribution-data.ts "$scratch"
OMP_NUM_THREADS=1 /usr/bin/python3 scripts/train-attribution.py "$scratch" "$@"
node --import tsx scripts/eval-attribution-models.ts --check-against "$scratch/dev-predicted.json"
