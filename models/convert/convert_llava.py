"""Converts RaDialog-LLaVA as downloaded into the workstation's model files (the CLI writes the manifest):

   /usr/bin/python3 models/convert/convert_llava.py --model DIR --base-llm DIR --out DIR --summary FILE
        [--outtype f16|f32] [--quantize q8_0]

--model     the Hugging Face folder of RaDialog-LLaVA (config.json, adapter_config.json, adapter_model.bin,
            non_lora_trainables.bin, findings_classifier/checkpoints/chexpert_train/ChexpertClassifier.ckpt)
--base-llm  the liuhaotian/llava-v1.5-7b folder (config.json, pytorch_model-*.bin + index, tokenizer.model)

Writes image-tokens.onnx ([B,3,448,448] -> [B,196,hidden]), classifier.onnx ([B,3,488,488] -> [B,14]),
llm.gguf (LoRA merged: W + alpha/r * B @ A; 196 image placeholder tokens appended) and a JSON summary for
the manifest. Every file's keys and shapes are checked against the published layout first; the first
difference stops the conversion (exit 3, last stderr line `ModelLayoutMismatch: ...`).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'training'))
sys.path.insert(0, os.path.dirname(__file__))
import llava_layout as L  # noqa: E402
from llava_modules import Findings, ImageTokens  # noqa: E402
from llama_cpp_src import llama_cpp_dir  # noqa: E402
from vocab import add_tokenizer  # noqa: E402

CLASSIFIER_FILE = os.path.join('findings_classifier', 'checkpoints', 'chexpert_train', 'ChexpertClassifier.ckpt')
START = time.time()


class Refused(Exception):
    def __init__(self, name, message):
        super().__init__(message)
        self.name = name


def say(text):
    print(f'[{time.time() - START:6.1f} s] {text}', file=sys.stderr, flush=True)


def mismatch(file, message):
    return Refused('ModelLayoutMismatch', f'{file}: {message}')


def check_layout(file, sd, expected, optional=(), ignore=lambda k: False):
    """Keys and shapes against the published layout; the first difference is the error."""
    have = {k: v for k, v in sd.items() if not ignore(k)}
    for k, shape in expected.items():
        if k not in have:
            if k in optional:
                continue
            raise mismatch(file, f'key "{k}" is missing (expected shape {shape})')
        t = have[k]
        if list(t.shape) != list(shape):
            raise mismatch(file, f'key "{k}" has shape {list(t.shape)}, the published layout has {shape}')
        if not k.endswith('num_batches_tracked') and not t.is_floating_point():
            raise mismatch(file, f'key "{k}" has dtype {t.dtype}, expected a floating-point tensor')
    extra = [k for k in have if k not in expected]
    if extra:
        raise mismatch(file, f'unexpected key "{extra[0]}" (not in the published layout)')
    dtypes = sorted({str(t.dtype).replace('torch.', '') for t in have.values()})
    say(f'read {file}: {len(have)} tensors ({", ".join(dtypes)}), all keys and shapes as published')


def load(path):
    if not os.path.isfile(path):
        raise Refused('ModelFileMissing', f'{path}: file not found')
    return torch.load(path, map_location='cpu')


def read_json(path):
    if not os.path.isfile(path):
        raise Refused('ModelFileMissing', f'{path}: file not found')
    with open(path) as f:
        return json.load(f)


def check_config(cfg, file):
    wants = {'mm_vision_tower': 'biovil', 'mm_projector_type': 'mlp2x_gelu', 'mm_hidden_size': L.PATCH_FEATURES,
             'mm_use_im_start_end': False, 'mm_use_im_patch_token': False}
    for k, v in wants.items():
        if cfg.get(k) != v:
            raise Refused('UnsupportedModelConfig', f'{file}: {k} is {cfg.get(k)!r}; this converter reproduces the '
                          f'RaDialog-LLaVA release, which has {v!r}')
    if cfg.get('mv_type') not in (None, False, 'none'):
        raise Refused('UnsupportedModelConfig', f'{file}: mv_type {cfg["mv_type"]!r} (multi-image) is not supported')


def rename_non_lora(sd):
    """builder.py's renaming: drop `base_model.`, then `model.` when keys start with `model.model.`."""
    sd = {(k[11:] if k.startswith('base_model.') else k): v for k, v in sd.items()}
    if any(k.startswith('model.model.') for k in sd):
        sd = {(k[6:] if k.startswith('model.') else k): v for k, v in sd.items()}
    return sd


def read_model(a, m):
    lcfg = read_json(os.path.join(a.model, 'adapter_config.json'))
    r, alpha = lcfg.get('r'), lcfg.get('lora_alpha')
    if sorted(lcfg.get('target_modules') or []) != sorted(L.LORA_TARGETS) or lcfg.get('fan_in_fan_out') or \
            lcfg.get('bias', 'none') != 'none' or lcfg.get('peft_type') != 'LORA':
        raise Refused('UnsupportedModelConfig', 'adapter_config.json: expected a LoRA on q, k, v, o, gate, up, '
                      f'down without bias; found {lcfg}')
    say(f'adapter_config.json: LoRA r {r}, alpha {alpha} (scale {alpha / r}), targets {", ".join(L.LORA_TARGETS)}')
    non_lora = rename_non_lora(load(os.path.join(a.model, 'non_lora_trainables.bin')))
    rotary = L.rotary_keys(m)
    check_layout('non_lora_trainables.bin', non_lora, L.non_lora_keys_as_loaded(m), optional=set(rotary))
    lora = load(os.path.join(a.model, 'adapter_model.bin'))
    check_layout('adapter_model.bin', lora, L.lora_keys(m, r))
    ckpt = load(os.path.join(a.model, CLASSIFIER_FILE))
    if not isinstance(ckpt, dict) or 'state_dict' not in ckpt:
        raise mismatch(CLASSIFIER_FILE, 'not a PyTorch Lightning checkpoint (no "state_dict")')
    cls = ckpt['state_dict']
    # The loss's class weights (a buffer of the Lightning module) are not part of the classifier.
    check_layout(CLASSIFIER_FILE, cls, L.classifier_keys(), ignore=lambda k: k.startswith('criterion.'))
    names = (ckpt.get('hyper_parameters') or {}).get('class_names')
    if names is not None and list(names) != L.CHEXPERT_COLUMNS:
        raise mismatch(CLASSIFIER_FILE, f'class_names {list(names)} differ from the CheXpert order {L.CHEXPERT_COLUMNS}')
    return non_lora, lora, cls, alpha / r


def export_onnx(module, name, size, out_name, path):
    t = time.time()
    module.eval()
    dummy = torch.rand(1, 3, size, size)
    with torch.no_grad():
        y = module(dummy)
        torch.onnx.export(module, dummy, path, input_names=['image'], output_names=[out_name], opset_version=17, do_constant_folding=False,
                          dynamic_axes={'image': {0: 'batch'}, out_name: {0: 'batch'}})
    say(f'wrote {os.path.basename(path)}: {name} image [B,3,{size},{size}] -> {out_name} '
        f'{["B"] + list(y.shape[1:])} in {time.time() - t:.1f} s')
    return list(y.shape[1:])


def permute_qk(w, heads):
    """HF Llama stores q/k rows for rotate-half RoPE; llama.cpp's llama arch pairs adjacent dimensions."""
    return w.reshape(heads, 2, w.shape[0] // heads // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


GGUF_NAMES = {'self_attn.q_proj': 'attn_q', 'self_attn.k_proj': 'attn_k', 'self_attn.v_proj': 'attn_v',
              'self_attn.o_proj': 'attn_output', 'mlp.gate_proj': 'ffn_gate', 'mlp.up_proj': 'ffn_up',
              'mlp.down_proj': 'ffn_down', 'input_layernorm': 'attn_norm', 'post_attention_layernorm': 'ffn_norm'}


def write_gguf(a, m, base, lora, scale, pieces, scores, types, path):
    import gguf
    t0 = time.time()
    n_img = L.IMAGE_TOKENS
    tokens = list(pieces) + [f'<img_{k}>'.encode() for k in range(n_img)]
    scores = list(scores) + [0.0] * n_img
    types = list(types) + [int(gguf.TokenType.CONTROL)] * n_img
    ids = list(range(len(pieces), len(pieces) + n_img))
    qtype = {'q8_0': gguf.GGMLQuantizationType.Q8_0}.get(a.quantize)
    ftype = gguf.LlamaFileType.MOSTLY_Q8_0 if qtype else (
        gguf.LlamaFileType.ALL_F32 if a.outtype == 'f32' else gguf.LlamaFileType.MOSTLY_F16)
    w = gguf.GGUFWriter(path, 'llama')
    w.add_name('RaDialog-LLaVA (LoRA merged into llava-v1.5-7b)')
    w.add_context_length(m['ctx'])
    w.add_embedding_length(m['d'])
    w.add_block_count(m['layers'])
    w.add_feed_forward_length(m['ffn'])
    w.add_head_count(m['heads'])
    w.add_head_count_kv(m['kv_heads'])
    w.add_rope_dimension_count(m['d'] // m['heads'])
    w.add_rope_freq_base(float(m['rope_theta']))
    w.add_layer_norm_rms_eps(float(m['eps']))
    w.add_file_type(int(ftype))
    w.add_vocab_size(len(tokens))
    add_tokenizer(w, tokens, scores, types)

    def put(name, t):
        x = t.float().numpy() if isinstance(t, torch.Tensor) else t
        if x.ndim == 1:
            w.add_tensor(name, x.astype(np.float32))
        elif qtype is not None and x.shape[-1] % 32 == 0:
            w.add_tensor(name, gguf.quants.quantize(x.astype(np.float32), qtype), raw_dtype=qtype)
        else:
            w.add_tensor(name, x.astype(np.float32 if a.outtype == 'f32' else np.float16))

    def with_placeholders(t):
        x = t.float().numpy()
        return np.concatenate([x, np.zeros((n_img, x.shape[1]), np.float32)])

    # Each base tensor is dropped once written, so memory stays near one copy of the model.
    put('token_embd.weight', with_placeholders(base.pop('model.embed_tokens.weight')))
    for i in range(m['layers']):
        for hf, gg in GGUF_NAMES.items():
            wt = base.pop(f'model.layers.{i}.{hf}.weight').float()
            lp = f'{L.LORA_PREFIX}{i}.{hf}.'
            if lp + 'lora_A.weight' in lora:
                wt = wt + scale * (lora[lp + 'lora_B.weight'].float() @ lora[lp + 'lora_A.weight'].float())
            if hf == 'self_attn.q_proj':
                wt = permute_qk(wt, m['heads'])
            elif hf == 'self_attn.k_proj':
                wt = permute_qk(wt, m['kv_heads'])
            put(f'blk.{i}.{gg}.weight', wt)
    put('output_norm.weight', base.pop('model.norm.weight'))
    put('output.weight', with_placeholders(base.pop('lm_head.weight')))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    kind = a.quantize or a.outtype
    say(f'wrote {os.path.basename(path)}: {m["layers"]} layers, width {m["d"]}, vocabulary {len(pieces)} + {n_img} '
        f'image placeholders (ids {ids[0]}..{ids[-1]}), {kind}, LoRA merged at scale {scale:g}, '
        f'{os.path.getsize(path) / 1e6:.1f} MB in {time.time() - t0:.1f} s')
    return ids, len(tokens)


def read_base(a, m):
    cfg = read_json(os.path.join(a.base_llm, 'config.json'))
    bm = L.llm_dims(cfg)
    for k in ['d', 'ffn', 'layers', 'heads', 'kv_heads', 'vocab']:
        if bm[k] != m[k]:
            raise mismatch('base LLM config.json', f'{k} is {bm[k]}, the RaDialog-LLaVA config.json says {m[k]}')
    index = read_json(os.path.join(a.base_llm, 'pytorch_model.bin.index.json'))
    base = {}
    for shard in sorted(set(index['weight_map'].values())):
        sd = load(os.path.join(a.base_llm, shard))
        base.update(sd)
        say(f'read {shard}: {len(sd)} tensors')
    # llava-v1.5-7b's own CLIP projector is replaced by RaDialog-LLaVA's; rotary buffers are recomputed.
    check_layout('base LLM shards', base, L.base_llm_keys(m),
                 ignore=lambda k: k.startswith('model.mm_projector.') or k.endswith('rotary_emb.inv_freq'))
    tok = os.path.join(a.base_llm, 'tokenizer.model')
    if not os.path.isfile(tok):
        raise Refused('ModelFileMissing', f'{tok}: file not found')
    pieces, scores, types, facts = L.read_spm_model(tok)
    if len(pieces) != m['vocab'] or facts['model_type'] != 2 or not facts['byte_fallback']:
        raise mismatch('tokenizer.model', f'{len(pieces)} pieces, model type {facts["model_type"]}, byte fallback '
                       f'{facts["byte_fallback"]}; expected Llama\'s BPE with {m["vocab"]} pieces and byte fallback')
    say(f'read tokenizer.model: {len(pieces)} pieces (SentencePiece BPE, byte fallback)')
    return base, pieces, scores, types


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--model', required=True)
    ap.add_argument('--base-llm', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--summary', required=True)
    ap.add_argument('--outtype', choices=['f16', 'f32'], default='f16')
    ap.add_argument('--quantize', choices=['q8_0'])
    a = ap.parse_args()
    torch.set_num_threads(max(1, min(8, os.cpu_count() or 1)))
    try:
        cfg = read_json(os.path.join(a.model, 'config.json'))
        check_config(cfg, 'config.json')
        m = L.llm_dims(cfg)
        say(f'config.json: llama, {m["layers"]} layers, width {m["d"]}, {m["heads"]} heads, '
            f'vocabulary {m["vocab"]}; vision tower biovil, projector mlp2x_gelu 512 -> {m["d"]} -> {m["d"]}')
        non_lora, lora, cls, scale = read_model(a, m)
        base, pieces, scores, types = read_base(a, m)
        llama_cpp_dir()
        os.makedirs(a.out, exist_ok=True)
        tower = {k[len('model.vision_tower.'):]: v for k, v in non_lora.items() if k.startswith('model.vision_tower.')}
        proj = {k[len('model.mm_projector.'):]: v for k, v in non_lora.items() if k.startswith('model.mm_projector.')}
        enc_shape = export_onnx(ImageTokens(tower, proj), 'BioViL-T + mm_projector', 448, 'embeddings',
                                os.path.join(a.out, 'image-tokens.onnx'))
        cls_shape = export_onnx(Findings(cls, L.CLASSIFIER_PREFIX), 'CheXpert classifier', 488, 'probabilities',
                                os.path.join(a.out, 'classifier.onnx'))
        ids, n_vocab = write_gguf(a, m, base, lora, scale, pieces, scores, types, os.path.join(a.out, 'llm.gguf'))
    except Refused as e:
        print(f'{e.name}: {e}', file=sys.stderr, flush=True)
        sys.exit(3)
    with open(a.summary, 'w') as f:
        json.dump({
            'encoder': {'file': 'image-tokens.onnx', 'output': [-1] + enc_shape},
            'classifier': {'file': 'classifier.onnx', 'output': [-1] + cls_shape, 'labels': L.CHEXPERT_COLUMNS},
            'llm': {'file': 'llm.gguf', 'embeddingLength': m['d'], 'vocabularySize': n_vocab,
                    'imagePlaceholderTokenIds': ids, 'contextSize': m['ctx'], 'type': a.quantize or a.outtype},
            'seconds': round(time.time() - START, 1),
        }, f, indent=2)
    say(f'conversion done in {time.time() - START:.1f} s')


if __name__ == '__main__':
    main()
