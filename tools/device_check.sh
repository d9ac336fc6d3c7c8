#!/usr/bin/env bash
# One prepared run on a lent GPU machine (see README, "GPU check"): detection, the recommendation,
# verify.py and the demo on cuda with the torch already installed there. Results land in $OUT.
set -u
OUT=${OUT:-/tmp/device-check}
mkdir -p "$OUT"
PY=${PY:-python3}
{
  echo "== nvidia-smi query"; nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader
  echo "== python"; "$PY" -c 'import sys, torch; print(sys.version); print(torch.__version__, torch.version.cuda)'
} 2>&1 | tee "$OUT/summary.txt"
nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader > "$OUT/nvidia_smi_query.csv" 2>&1
"$PY" -m wizard detect --json > "$OUT/detect.json" 2> "$OUT/detect.err"; echo "detect rc=$?" | tee -a "$OUT/summary.txt"
"$PY" -m wizard recommend --json > "$OUT/recommend.json" 2> "$OUT/recommend.err"; echo "recommend rc=$?" | tee -a "$OUT/summary.txt"
"$PY" resources/verify.py > "$OUT/verify.txt" 2>&1; echo "verify rc=$?" | tee -a "$OUT/summary.txt"
"$PY" resources/demo.py --device cuda > "$OUT/demo_cuda.txt" 2>&1; echo "demo rc=$?" | tee -a "$OUT/summary.txt"
cat "$OUT/recommend.json" "$OUT/verify.txt" "$OUT/demo_cuda.txt" | head -80
