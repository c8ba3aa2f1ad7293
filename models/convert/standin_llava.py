"""Writes a RaDialog-LLaVA stand-in in the published layout, random weights from a fixed seed:

   /usr/bin/python3 models/convert/standin_llava.py --out DIR [--seed 1]

DIR/model     as the Hugging Face folder ChantalPellegrini/RaDialog-interactive-radiology-report-generation
DIR/base-llm  as liuhaotian/llava-v1.5-7b

File names, state_dict keys, shapes, dtypes and config fields follow the reference (see llava_layout.py);
the language model is reduced in depth and width (same key names), so the projector's output width
follows it. The image tower and the classifier keep their full published shapes. The tokenizer is
Llama's 32,000-token SentencePiece vocabulary (from llama.cpp's bundled copy), written as tokenizer.model.
"""
import argparse
import json
import math
import os
import sys
from collections import OrderedDict

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'training'))
sys.path.insert(0, os.path.dirname(__file__))
import llava_layout as L  # noqa: E402
from llava_modules import Findings  # noqa: E402
from vocab import read_spm_vocab  # noqa: E402

DIMS = {'hidden_size': 128, 'intermediate_size': 256, 'num_hidden_layers': 2, 'num_attention_heads': 4,
        'num_key_value_heads': 4, 'vocab_size': 32000, 'max_position_embeddings': 4096, 'rms_norm_eps': 1e-5}
LORA_R, LORA_ALPHA = 128, 256


def init_tensor(key, shape, g):
    n = int(math.prod(shape)) if shape else 1
    if key.endswith('num_batches_tracked'):
        return torch.tensor(1000, dtype=torch.long)
    r = torch.randn(n, generator=g).view(*shape) if shape else torch.randn((), generator=g)
    if key.endswith('running_mean') or (key.endswith('.bias') and len(shape) == 1):
        return 0.1 * r
    if key.endswith('running_var'):
        return 1.0 + 0.5 * torch.rand(shape, generator=g)
    last = key.split('.')[-2] if '.' in key else key
    if key.endswith('.weight') and len(shape) == 1:  # norms
        return (0.2 if last.startswith('bn3') or 'downsample' in key else 1.0) + 0.1 * r
    if len(shape) == 4:  # convolutions: He initialisation
        return r * math.sqrt(2.0 / (shape[1] * shape[2] * shape[3]))
    if 'vit_pooler' in key or 'missing_previous_emb' in key:
        return 0.02 * r
    if len(shape) == 2:
        return r / math.sqrt(shape[1])
    return r


def state(keys, g, dtype):
    out = OrderedDict()
    for k, shape in keys.items():
        t = init_tensor(k, shape, g)
        out[k] = t if t.dtype == torch.long else t.to(dtype)
    return out


def write_base_llm(out, m, g):
    os.makedirs(out, exist_ok=True)
    keys = L.base_llm_keys(m)
    sd = state(keys, g, torch.float16)
    sd['model.embed_tokens.weight'] = torch.randn(m['vocab'], m['d'], generator=g).half()
    sd['lm_head.weight'] = (torch.randn(m['vocab'], m['d'], generator=g) * 3 / math.sqrt(m['d'])).half()
    # llava-v1.5-7b carries its CLIP projector (1024 -> hidden); RaDialog-LLaVA replaces it.
    for name, shape in [('0.weight', [m['d'], 1024]), ('0.bias', [m['d']]), ('2.weight', [m['d'], m['d']]),
                        ('2.bias', [m['d']])]:
        sd[f'model.mm_projector.{name}'] = init_tensor(name, shape, g).half()
    names = list(sd)
    half = [k for k in names if k.startswith('model.embed_tokens') or
            any(k.startswith(f'model.layers.{i}.') for i in range(m['layers'] // 2))]
    shards = [('pytorch_model-00001-of-00002.bin', half), ('pytorch_model-00002-of-00002.bin',
                                                           [k for k in names if k not in half])]
    weight_map = {}
    for file, ks in shards:
        torch.save(OrderedDict((k, sd[k]) for k in ks), os.path.join(out, file))
        weight_map.update({k: file for k in ks})
    total = sum(t.numel() * t.element_size() for t in sd.values())
    with open(os.path.join(out, 'pytorch_model.bin.index.json'), 'w') as f:
        json.dump({'metadata': {'total_size': total}, 'weight_map': weight_map}, f, indent=2)
    cfg = {
        '_name_or_path': './checkpoints/vicuna-7b-v1-5', 'architectures': ['LlavaLlamaForCausalLM'],
        'bos_token_id': 1, 'eos_token_id': 2, 'freeze_mm_mlp_adapter': False, 'hidden_act': 'silu',
        'image_aspect_ratio': 'pad', 'initializer_range': 0.02, 'max_length': 4096, 'mm_hidden_size': 1024,
        'mm_projector_type': 'mlp2x_gelu', 'mm_use_im_patch_token': False, 'mm_use_im_start_end': False,
        'mm_vision_select_feature': 'patch', 'mm_vision_select_layer': -2,
        'mm_vision_tower': 'openai/clip-vit-large-patch14-336', 'model_type': 'llava', 'pad_token_id': 0,
        'pretraining_tp': 1, 'rope_scaling': None, 'tie_word_embeddings': False, 'torch_dtype': 'float16',
        'transformers_version': '4.31.0', 'tune_mm_mlp_adapter': False, 'use_cache': True, 'use_mm_proj': True,
        **DIMS,
    }
    with open(os.path.join(out, 'config.json'), 'w') as f:
        json.dump(cfg, f, indent=2)
    with open(os.path.join(out, 'generation_config.json'), 'w') as f:
        json.dump({'bos_token_id': 1, 'eos_token_id': 2, 'pad_token_id': 0, 'max_length': 4096}, f, indent=2)
    tokens, scores, types = read_spm_vocab()
    with open(os.path.join(out, 'tokenizer.model'), 'wb') as f:
        f.write(L.spm_model_bytes(tokens, scores, types))
    special = {'bos_token': '<s>', 'eos_token': '</s>', 'pad_token': '<unk>', 'unk_token': '<unk>'}
    with open(os.path.join(out, 'special_tokens_map.json'), 'w') as f:
        json.dump(special, f, indent=2)
    with open(os.path.join(out, 'tokenizer_config.json'), 'w') as f:
        json.dump({'add_bos_token': True, 'add_eos_token': False, 'clean_up_tokenization_spaces': False,
                   'legacy': False, 'model_max_length': 4096, 'pad_token': None, 'padding_side': 'right',
                   'sp_model_kwargs': {}, 'tokenizer_class': 'LlamaTokenizer', **{k: v for k, v in special.items()
                                                                                  if k != 'pad_token'}}, f, indent=2)


def rotary(key, m):
    """transformers 4.31's LlamaRotaryEmbedding buffers (named_buffers are saved with the trainables)."""
    hd = m['d'] // m['heads']
    inv_freq = 1.0 / (m['rope_theta'] ** (torch.arange(0, hd, 2).float() / hd))
    if key.endswith('inv_freq'):
        return inv_freq.bfloat16()
    freqs = torch.outer(torch.arange(m['ctx']).float(), inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)[None, None]
    return (emb.cos() if key.endswith('cos_cached') else emb.sin()).bfloat16()


def write_classifier(path, g):
    sd = state(L.classifier_keys(), g, torch.float32)
    # Scale the last layer so the stand-in's probabilities spread over (0, 1) instead of saturating.
    with torch.no_grad():
        m = Findings(sd, L.CLASSIFIER_PREFIX)
        image = torch.rand(1, 3, 488, 488, generator=g)
        sd['model.fc2.bias'].zero_()
        m.fc2_b.zero_()
        logits = torch.logit(m(image).clamp(1e-6, 1 - 1e-6))
        scale = 1.5 / max(float(logits.std()), 1e-6)
        sd['model.fc2.weight'] *= scale
        sd['model.fc2.bias'] = -logits[0] * scale * 0.8
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.save({
        'epoch': 6, 'global_step': 0, 'pytorch-lightning_version': '1.6.5', 'state_dict': sd, 'loops': {},
        'callbacks': {}, 'optimizer_states': [], 'lr_schedulers': [], 'hparams_name': 'kwargs',
        'hyper_parameters': {'num_classes': 14, 'class_names': L.CHEXPERT_COLUMNS, 'class_weights': None,
                             'learning_rate': 1e-5},
    }, path)


def write_model(out, m, g):
    os.makedirs(out, exist_ok=True)
    lora = state(L.lora_keys(m, LORA_R), g, torch.bfloat16)
    for k in lora:
        if 'lora_B' in k:
            lora[k] = (lora[k].float() * math.sqrt(lora[k].shape[1]) * 0.015).bfloat16()
    torch.save(lora, os.path.join(out, 'adapter_model.bin'))
    non_lora = OrderedDict()
    for k, t in state(L.non_lora_keys_as_loaded(m), g, torch.bfloat16).items():
        non_lora['base_model.model.' + k] = rotary(k, m) if 'rotary_emb' in k else t
    torch.save(non_lora, os.path.join(out, 'non_lora_trainables.bin'))
    with open(os.path.join(out, 'adapter_config.json'), 'w') as f:
        json.dump({
            'auto_mapping': None, 'base_model_name_or_path': 'liuhaotian/llava-v1.5-7b', 'bias': 'none',
            'fan_in_fan_out': False, 'inference_mode': True, 'init_lora_weights': True, 'layers_pattern': None,
            'layers_to_transform': None, 'lora_alpha': LORA_ALPHA, 'lora_dropout': 0.05, 'modules_to_save': None,
            'peft_type': 'LORA', 'r': LORA_R, 'revision': None,
            'target_modules': ['down_proj', 'k_proj', 'v_proj', 'q_proj', 'up_proj', 'o_proj', 'gate_proj'],
            'task_type': 'CAUSAL_LM',
        }, f, indent=2)
    cfg = {
        '_name_or_path': 'liuhaotian/llava-v1.5-7b', 'architectures': ['LlavaLlamaForCausalLM'], 'bos_token_id': 1,
        'eos_token_id': 2, 'freeze_mm_mlp_adapter': False, 'hidden_act': 'silu', 'image_aspect_ratio': 'pad',
        'initializer_range': 0.02, 'max_length': 4096, 'mm_hidden_size': 512, 'mm_projector_lr': 2e-05,
        'mm_projector_type': 'mlp2x_gelu', 'mm_use_im_patch_token': False, 'mm_use_im_start_end': False,
        'mm_vision_select_feature': 'patch', 'mm_vision_select_layer': -2, 'mm_vision_tower': 'biovil',
        'model_type': 'llava', 'mv_type': False, 'pad_token_id': 0, 'pretraining_tp': 1, 'rope_scaling': None,
        'tie_word_embeddings': False, 'tokenizer_model_max_length': 1300, 'tokenizer_padding_side': 'right',
        'torch_dtype': 'bfloat16', 'transformers_version': '4.31.0', 'tune_mm_mlp_adapter': False,
        'use_cache': True, 'use_mm_proj': True, **DIMS,
    }
    with open(os.path.join(out, 'config.json'), 'w') as f:
        json.dump(cfg, f, indent=2)
    write_classifier(os.path.join(out, 'findings_classifier', 'checkpoints', 'chexpert_train',
                                  'ChexpertClassifier.ckpt'), g)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(a.seed)
    m = L.llm_dims(DIMS)
    write_base_llm(os.path.join(a.out, 'base-llm'), m, g)
    write_model(os.path.join(a.out, 'model'), m, g)
    print(json.dumps({'model': os.path.join(a.out, 'model'), 'baseLlm': os.path.join(a.out, 'base-llm'),
                      'seed': a.seed}))


if __name__ == '__main__':
    main()
