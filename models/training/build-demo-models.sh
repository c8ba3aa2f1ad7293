#!/usr/bin/env bash
# Trains the demo model set from scratch on synthetic phantoms and writes models/demo/ (npm run models:demo).
# CPU only, seeded; Debian's python3-torch/python3-onnx (/usr/bin/python3), llama.cpp's gguf-py from
# node-llama-cpp's bundle. Nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/../.."
C=models/training/.cache
D=$C/data
O=$C/out
PY=/usr/bin/python3
mkdir -p "$D" "$O"
step() { echo; echo "== $1 ($(date -u +%T))"; }
step "vocabulary (Llama SPM + 32 image placeholders)"
$PY models/training/vocab.py $C/demo-vocab.gguf
step "phantom images for the vision models"
node --import tsx models/training/make-vision-data.ts $D "${RADIALOG_TRAIN_IMAGES:-1600}" 300
step "backbone + CheXpert classifier"
(cd models/training && $PY train_classifier.py "../../$D" "../../$O")
step "instruct dataset (phantoms, rule-based teacher; 6 builds packed into conversations), tokenized"
node --import tsx models/training/make-lm-data.ts $C/demo-vocab.gguf $D "${RADIALOG_LM_IMAGES:-1200}" models/training/system-prompt.txt
step "Q-Former + tiny Llama"
(cd models/training && OMP_WAIT_POLICY=ACTIVE $PY train_lm.py "../../$D" "../../$O")
step "manifest"
node --import tsx models/training/make-manifest.ts $O models/demo
cp $O/greedy-reference.json models/demo/
cp $D/dataset-summary.json models/demo/training-dataset-summary.json
step "contact sheet"
rm -rf $C/sheet
node --import tsx models/training/write-phantoms.ts $C/sheet 16 1
$PY models/training/contact_sheet.py $C/sheet models/demo/contact-sheet.png
du -sh models/demo
echo "all stages: $((SECONDS / 60)) min $((SECONDS % 60)) s"
