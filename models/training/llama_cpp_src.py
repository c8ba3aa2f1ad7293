"""Locates llama.cpp's source tree (gguf-py and the Llama SPM vocabulary) from node-llama-cpp's bundle.

node-llama-cpp ships llama.cpp as a git bundle; cloning it gives `gguf-py` (the GGUF writer) and
`models/ggml-vocab-llama-spm.gguf` (the 32,000-token Llama tokenizer). Nothing is downloaded.
"""
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
BUNDLE = os.path.join(ROOT, 'node_modules', 'node-llama-cpp', 'llama', 'gitRelease.bundle')
CACHE = os.path.join(ROOT, 'models', 'training', '.cache', 'llama.cpp')


def llama_cpp_dir() -> str:
    if not os.path.isdir(os.path.join(CACHE, 'gguf-py')):
        os.makedirs(os.path.dirname(CACHE), exist_ok=True)
        subprocess.run(['git', '-c', 'advice.detachedHead=false', 'clone', '-q', BUNDLE, CACHE], check=True)
    gguf_py = os.path.join(CACHE, 'gguf-py')
    if gguf_py not in sys.path:
        sys.path.insert(0, gguf_py)
    return CACHE
