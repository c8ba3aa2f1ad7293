"""Writes the tiny Llama as a GGUF llama.cpp loads: the demo vocabulary (Llama SPM + 32 placeholders),
f16 matrices, f32 norms, unused output rows zero."""
import numpy as np
import torch

from llama_cpp_src import llama_cpp_dir
from vocab import add_tokenizer, demo_vocab


def write_gguf(lm, path, context_length=2048):
    llama_cpp_dir()
    import gguf
    tokens, scores, types, _ = demo_vocab()
    n_vocab, d = len(tokens), lm.d
    emb = np.zeros((n_vocab, d), dtype=np.float32)
    emb[lm.in_ids.numpy()] = lm.embed.weight.detach().numpy()
    out = np.zeros((n_vocab, d), dtype=np.float32)
    out[lm.out_ids.numpy()] = lm.out.weight.detach().numpy()
    w = gguf.GGUFWriter(path, 'llama')
    w.add_name('radialog-demo (synthetic phantoms, not for clinical use)')
    w.add_context_length(context_length)
    w.add_embedding_length(d)
    w.add_block_count(len(lm.blocks))
    w.add_feed_forward_length(lm.ffn)
    w.add_head_count(lm.heads)
    w.add_head_count_kv(lm.heads)
    w.add_rope_dimension_count(d // lm.heads)
    w.add_rope_freq_base(10000.0)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_file_type(gguf.LlamaFileType.MOSTLY_F16)
    w.add_vocab_size(n_vocab)
    add_tokenizer(w, tokens, scores, types)
    f16 = lambda t: (t.detach().numpy() if isinstance(t, torch.Tensor) else t).astype(np.float16)
    f32 = lambda t: t.detach().numpy().astype(np.float32)
    w.add_tensor('token_embd.weight', f16(emb))
    for i, b in enumerate(lm.blocks):
        p = f'blk.{i}.'
        w.add_tensor(p + 'attn_norm.weight', f32(b.attn_norm.weight))
        w.add_tensor(p + 'attn_q.weight', f16(b.q.weight))
        w.add_tensor(p + 'attn_k.weight', f16(b.k.weight))
        w.add_tensor(p + 'attn_v.weight', f16(b.v.weight))
        w.add_tensor(p + 'attn_output.weight', f16(b.o.weight))
        w.add_tensor(p + 'ffn_norm.weight', f32(b.ffn_norm.weight))
        w.add_tensor(p + 'ffn_gate.weight', f16(b.gate.weight))
        w.add_tensor(p + 'ffn_up.weight', f16(b.up.weight))
        w.add_tensor(p + 'ffn_down.weight', f16(b.down.weight))
    w.add_tensor('output_norm.weight', f32(lm.norm.weight))
    w.add_tensor('output.weight', f16(out))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    print('wrote', path)
