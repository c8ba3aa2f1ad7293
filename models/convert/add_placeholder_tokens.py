"""Appends 32 image placeholder tokens (CONTROL type, never produced by tokenizing text) to a llama GGUF:
new token_embd rows (zeros: the runtime replaces them with the image embeddings) and, when the model has
an output matrix, zero output rows (logit 0, so they are effectively never generated).

   /usr/bin/python3 models/convert/add_placeholder_tokens.py IN.gguf OUT.gguf [--count 32]

Prints the placeholder ids for the manifest's llm.imagePlaceholderTokenIds. Works on f32/f16 tensors;
quantize after adding (llama-quantize) if you need Q4/Q8. Tested here only on small f16 models."""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'training'))
from llama_cpp_src import llama_cpp_dir  # noqa: E402

llama_cpp_dir()
import gguf  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('src')
    ap.add_argument('dst')
    ap.add_argument('--count', type=int, default=32)
    a = ap.parse_args()
    r = gguf.GGUFReader(a.src)
    arch = bytes(r.fields['general.architecture'].parts[-1]).decode()
    w = gguf.GGUFWriter(a.dst, arch)
    tokens = [bytes(r.fields['tokenizer.ggml.tokens'].parts[i]) for i in r.fields['tokenizer.ggml.tokens'].data]
    n0 = len(tokens)
    for name, field in r.fields.items():
        if name.startswith('GGUF.') or name == 'general.architecture':
            continue
        t = field.types[0]
        if name == 'tokenizer.ggml.tokens':
            w.add_array(name, [bytes(x) for x in tokens] + [f'<img_{k}>'.encode() for k in range(a.count)])
        elif name == 'tokenizer.ggml.scores':
            w.add_array(name, [float(field.parts[i][0]) for i in field.data] + [0.0] * a.count)
        elif name == 'tokenizer.ggml.token_type':
            w.add_array(name, [int(field.parts[i][0]) for i in field.data] + [int(gguf.TokenType.CONTROL)] * a.count)
        elif name.endswith('.vocab_size'):
            w.add_uint32(name, n0 + a.count)
        elif t == gguf.GGUFValueType.ARRAY:
            sub = field.types[1]
            vals = [bytes(field.parts[i]).decode() if sub == gguf.GGUFValueType.STRING else field.parts[i].tolist()[0] for i in field.data]
            w.add_array(name, vals)
        elif t == gguf.GGUFValueType.STRING:
            w.add_string(name, bytes(field.parts[-1]).decode())
        else:
            w.add_key_value(name, field.parts[-1].tolist()[0], t)
    for t in r.tensors:
        data = np.array(t.data)
        if t.name in ('token_embd.weight', 'output.weight'):
            if t.tensor_type not in (gguf.GGMLQuantizationType.F32, gguf.GGMLQuantizationType.F16):
                sys.exit(f'{t.name} is {t.tensor_type.name}: convert from an f16/f32 GGUF and quantize afterwards')
            data = np.concatenate([data, np.zeros((a.count, data.shape[1]), dtype=data.dtype)])
            w.add_tensor(t.name, data, raw_dtype=t.tensor_type)
        else:
            w.add_tensor(t.name, data, raw_shape=list(reversed([int(x) for x in t.shape])), raw_dtype=t.tensor_type)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    print('imagePlaceholderTokenIds:', list(range(n0, n0 + a.count)))


if __name__ == '__main__':
    main()
