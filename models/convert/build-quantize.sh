#!/usr/bin/env bash
# Builds llama.cpp's `llama-quantize` (CPU only) from the source node-llama-cpp bundles, so a site can
# write q4_k_m GGUFs without downloading anything. Needs Debian's cmake, g++ and git.
# Usage: bash models/convert/build-quantize.sh      (prints the tool's path when done)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUNDLE="$ROOT/node_modules/node-llama-cpp/llama/gitRelease.bundle"
CACHE="$ROOT/models/.cache"
SRC="$CACHE/llama.cpp"
BUILD="$CACHE/llama-quantize-build"
JOBS="${RADIALOG_BUILD_JOBS:-2}"

for tool in git cmake g++; do
	command -v "$tool" >/dev/null || { echo "build-quantize: $tool is missing (apt-get install cmake g++ git)" >&2; exit 1; }
done
[ -f "$BUNDLE" ] || { echo "build-quantize: $BUNDLE is missing (run npm install first)" >&2; exit 1; }

mkdir -p "$CACHE"
if [ ! -f "$SRC/CMakeLists.txt" ]; then
	rm -rf "$SRC"
	git clone -q "$BUNDLE" "$SRC"
fi

# Only what llama-quantize needs: no GPU back ends, no network, no tests, examples or server.
# GGML_NATIVE=OFF: the tool may be copied to another machine of the site.
nice -n 10 cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=OFF \
	-DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF -DGGML_CUDA=OFF -DGGML_VULKAN=OFF -DGGML_METAL=OFF \
	-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_TOOLS=ON >/dev/null
nice -n 10 cmake --build "$BUILD" --target llama-quantize -j "$JOBS"

mkdir -p "$CACHE/bin"
cp "$BUILD/bin/llama-quantize" "$CACHE/bin/llama-quantize"
echo "$CACHE/bin/llama-quantize"
