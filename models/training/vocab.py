"""The demo model's vocabulary: Llama's SPM 32,000 tokens plus 32 image placeholder tokens (CONTROL type).

The placeholders (ids 32000..32031) are never produced by tokenizing text; their input embeddings are
replaced by the 32 image embeddings at inference (manifest `imagePlaceholderTokenIds`).
"""
import os
from llama_cpp_src import llama_cpp_dir

# The image placeholder tokens = the Q-Former's query tokens (IMAGE_PLACEHOLDER_COUNT in vicunaPrompt.ts).
N_PLACEHOLDERS = 32
# Llama's SPM vocabulary; the placeholders follow it.
N_SPM = 32000


def placeholder_ids(n_base: int = N_SPM) -> list:
    return list(range(n_base, n_base + N_PLACEHOLDERS))


def read_spm_vocab():
    root = llama_cpp_dir()
    import gguf
    r = gguf.GGUFReader(os.path.join(root, 'models', 'ggml-vocab-llama-spm.gguf'))

    def arr(name):
        f = r.fields[name]
        return [f.parts[i] for i in f.data]

    tokens = [bytes(p) for p in arr('tokenizer.ggml.tokens')]
    scores = [float(p[0]) for p in arr('tokenizer.ggml.scores')]
    types = [int(p[0]) for p in arr('tokenizer.ggml.token_type')]
    return tokens, scores, types


def demo_vocab():
    llama_cpp_dir()
    import gguf
    tokens, scores, types = read_spm_vocab()
    base = len(tokens)
    for k in range(N_PLACEHOLDERS):
        tokens.append(f'<img_{k}>'.encode())
        scores.append(0.0)
        types.append(int(gguf.TokenType.CONTROL))
    return tokens, scores, types, placeholder_ids(base)


def add_tokenizer(writer, tokens, scores, types):
    writer.add_tokenizer_model('llama')
    writer.add_tokenizer_pre('default')
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_unk_token_id(0)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)


def write_vocab_only(path: str):
    """A vocab-only GGUF that node-llama-cpp can load to tokenize training text exactly as at inference."""
    llama_cpp_dir()
    import gguf
    tokens, scores, types, _ = demo_vocab()
    w = gguf.GGUFWriter(path, 'llama')
    w.add_name('radialog-demo-vocab')
    w.add_vocab_size(len(tokens))
    w.add_context_length(2048)
    w.add_embedding_length(64)
    w.add_block_count(1)
    w.add_feed_forward_length(128)
    w.add_head_count(1)
    w.add_head_count_kv(1)
    w.add_layer_norm_rms_eps(1e-5)
    add_tokenizer(w, tokens, scores, types)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


if __name__ == '__main__':
    import sys
    write_vocab_only(sys.argv[1])
    print('wrote', sys.argv[1])
