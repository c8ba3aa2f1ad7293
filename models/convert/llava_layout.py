"""The published RaDialog-LLaVA layout: file names, state_dict keys and shapes, as the reference code
(github.com/ChantalMP/RaDialog_LLaVA) writes and reads them. The stand-in writer and the converter both
use these tables, so what the converter accepts is exactly what the stand-in writes; the parity test's
reference forward (test/python/) does not use them.

How the keys come about, from the reference:
- `adapter_model.bin`: peft's LoRA state dict (adapter name removed) over every nn.Linear of the LLM
  except lm_head (`find_all_linear_names`): q, k, v, o, gate, up, down; r 128, alpha 256 (`train.sh`).
- `non_lora_trainables.bin`: every parameter with requires_grad and every buffer of the peft model
  (`get_peft_state_non_lora_maybe_zero_3_extended`): the mm_projector (mlp2x_gelu, 512 -> hidden), the
  whole BioViL-T tower (unfrozen by `--unfreeze_vision_tower_layers`, BatchNorm statistics included) and
  the LLM's rotary buffers. Keys start with `base_model.model.model.`.
- The classifier: a PyTorch Lightning checkpoint of `LitIGClassifier` (`findings_classifier/`): BioViL-T
  under `model.biovil_encoder.`, then `fc1` (2048 -> 512) and `fc2` (512 -> 14).
- The base LLM (liuhaotian/llava-v1.5-7b): a LLaVA-Llama checkpoint in shards with an index.
"""
import struct

LORA_TARGETS = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj']
NON_LORA_PREFIX = 'base_model.model.model.'
LORA_PREFIX = 'base_model.model.model.layers.'
CLASSIFIER_PREFIX = 'model.biovil_encoder.'
IMAGE_TOKENS = 196
PATCH_FEATURES = 512
CHEXPERT_COLUMNS = [
    'No Finding', 'Enlarged Cardiomediastinum', 'Cardiomegaly', 'Lung Opacity', 'Lung Lesion', 'Edema',
    'Consolidation', 'Pneumonia', 'Atelectasis', 'Pneumothorax', 'Pleural Effusion', 'Pleural Other',
    'Fracture', 'Support Devices',
]


def _bn(prefix, n):
    return {f'{prefix}.weight': [n], f'{prefix}.bias': [n], f'{prefix}.running_mean': [n],
            f'{prefix}.running_var': [n], f'{prefix}.num_batches_tracked': []}


def resnet50_keys(prefix):
    """torchvision's ResNet-50 (BioViL-T's `ResNetHIML`), fc included although its forward skips it."""
    k = {f'{prefix}conv1.weight': [64, 3, 7, 7], **_bn(f'{prefix}bn1', 64)}
    inplanes = 64
    for li, (planes, blocks) in enumerate(zip([64, 128, 256, 512], [3, 4, 6, 3]), start=1):
        for b in range(blocks):
            p = f'{prefix}layer{li}.{b}.'
            k[p + 'conv1.weight'] = [planes, inplanes, 1, 1]
            k.update(_bn(p + 'bn1', planes))
            k[p + 'conv2.weight'] = [planes, planes, 3, 3]
            k.update(_bn(p + 'bn2', planes))
            k[p + 'conv3.weight'] = [planes * 4, planes, 1, 1]
            k.update(_bn(p + 'bn3', planes * 4))
            if b == 0:
                k[p + 'downsample.0.weight'] = [planes * 4, inplanes, 1, 1]
                k.update(_bn(p + 'downsample.1', planes * 4))
            inplanes = planes * 4
    k[f'{prefix}fc.weight'] = [1000, 2048]
    k[f'{prefix}fc.bias'] = [1000]
    return k


def biovil_t_keys(prefix, with_pos_embed):
    """BioViL-T's ImageModel (RESNET50_MULTI_IMAGE, joint feature size 128) state dict."""
    k = resnet50_keys(prefix + 'encoder.encoder.')
    e = prefix + 'encoder.'
    k[e + 'backbone_to_vit.weight'] = [256, 2048, 1, 1]
    k[e + 'missing_previous_emb'] = [1, 256, 1, 1]
    v = e + 'vit_pooler.'
    k[v + 'type_embed'] = [2, 1, 256]
    for b in range(3):
        p = f'{v}blocks.{b}.'
        for n in ['norm1', 'norm2']:
            k[p + n + '.weight'] = [256]
            k[p + n + '.bias'] = [256]
        for n in ['proj_q', 'proj_k', 'proj_v']:
            k[p + 'attn.' + n + '.weight'] = [256, 256]
        k[p + 'attn.proj.weight'] = [256, 256]
        k[p + 'attn.proj.bias'] = [256]
        for n in ['fc1', 'fc2']:
            k[p + 'mlp.' + n + '.weight'] = [256, 256]
            k[p + 'mlp.' + n + '.bias'] = [256]
    k[v + 'norm_post.weight'] = [256]
    k[v + 'norm_post.bias'] = [256]
    if with_pos_embed:
        # A non-persistent buffer: only in files that save named_buffers (non_lora_trainables.bin).
        k[v + 'pos_embed'] = [1, 196, 256]
    k[prefix + 'projector.model.0.weight'] = [128, 512, 1, 1]
    k.update(_bn(prefix + 'projector.model.1', 128))
    k[prefix + 'projector.model.3.weight'] = [128, 128, 1, 1]
    k[prefix + 'projector.model.3.bias'] = [128]
    return k


def classifier_keys():
    k = biovil_t_keys(CLASSIFIER_PREFIX, with_pos_embed=False)
    k['model.fc1.weight'] = [512, 2048]
    k['model.fc1.bias'] = [512]
    k['model.fc2.weight'] = [len(CHEXPERT_COLUMNS), 512]
    k['model.fc2.bias'] = [len(CHEXPERT_COLUMNS)]
    return k


def llm_dims(cfg):
    d = cfg['hidden_size']
    heads = cfg['num_attention_heads']
    return {
        'd': d, 'ffn': cfg['intermediate_size'], 'layers': cfg['num_hidden_layers'], 'heads': heads,
        'kv_heads': cfg.get('num_key_value_heads', heads), 'vocab': cfg['vocab_size'],
        'eps': cfg.get('rms_norm_eps', 1e-6), 'ctx': cfg.get('max_position_embeddings', 2048),
        'rope_theta': cfg.get('rope_theta', 10000.0),
    }


def _linear_shapes(m):
    d, ffn, hd = m['d'], m['ffn'], m['d'] // m['heads']
    kv = m['kv_heads'] * hd
    return {'q_proj': [d, d], 'k_proj': [kv, d], 'v_proj': [kv, d], 'o_proj': [d, d],
            'gate_proj': [ffn, d], 'up_proj': [ffn, d], 'down_proj': [d, ffn]}


def base_llm_keys(m):
    k = {'model.embed_tokens.weight': [m['vocab'], m['d']], 'model.norm.weight': [m['d']],
         'lm_head.weight': [m['vocab'], m['d']]}
    shapes = _linear_shapes(m)
    for i in range(m['layers']):
        p = f'model.layers.{i}.'
        for t in LORA_TARGETS:
            part = 'self_attn.' if t in ('q_proj', 'k_proj', 'v_proj', 'o_proj') else 'mlp.'
            k[p + part + t + '.weight'] = shapes[t]
        k[p + 'input_layernorm.weight'] = [m['d']]
        k[p + 'post_attention_layernorm.weight'] = [m['d']]
    return k


def lora_keys(m, r):
    k = {}
    shapes = _linear_shapes(m)
    for i in range(m['layers']):
        for t in LORA_TARGETS:
            part = 'self_attn.' if t in ('q_proj', 'k_proj', 'v_proj', 'o_proj') else 'mlp.'
            out_f, in_f = shapes[t]
            p = f'{LORA_PREFIX}{i}.{part}{t}.'
            k[p + 'lora_A.weight'] = [r, in_f]
            k[p + 'lora_B.weight'] = [out_f, r]
    return k


def projector_keys(m):
    return {'model.mm_projector.0.weight': [m['d'], PATCH_FEATURES], 'model.mm_projector.0.bias': [m['d']],
            'model.mm_projector.2.weight': [m['d'], m['d']], 'model.mm_projector.2.bias': [m['d']]}


def rotary_keys(m):
    hd = m['d'] // m['heads']
    k = {}
    for i in range(m['layers']):
        p = f'model.layers.{i}.self_attn.rotary_emb.'
        k[p + 'inv_freq'] = [hd // 2]
        k[p + 'cos_cached'] = [1, 1, m['ctx'], hd]
        k[p + 'sin_cached'] = [1, 1, m['ctx'], hd]
    return k


def non_lora_keys_as_loaded(m):
    """non_lora_trainables.bin's keys after the reference's renaming (builder.py: `base_model.` then
    `model.` dropped): mm_projector, the vision tower under `model.vision_tower.`, rotary buffers."""
    k = projector_keys(m)
    k.update(biovil_t_keys('model.vision_tower.', with_pos_embed=True))
    k.update(rotary_keys(m))
    return k


# --- SentencePiece model files (tokenizer.model), written and read without the sentencepiece package ---

def _varint(n):
    if n < 0:
        n += 1 << 64
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(num, wire, payload):
    key = _varint((num << 3) | wire)
    if wire == 2:
        return key + _varint(len(payload)) + payload
    return key + payload


def spm_model_bytes(pieces, scores, types):
    """A Llama-style SentencePiece ModelProto: BPE, byte fallback, dummy prefix, whitespace kept."""
    out = bytearray()
    for p, s, t in zip(pieces, scores, types):
        sp = _field(1, 2, p) + _field(2, 5, struct.pack('<f', s)) + _field(3, 0, _varint(t))
        out += _field(1, 2, sp)
    trainer = (_field(3, 0, _varint(2)) + _field(4, 0, _varint(len(pieces))) + _field(35, 0, _varint(1)) +
               _field(40, 0, _varint(0)) + _field(41, 0, _varint(1)) + _field(42, 0, _varint(2)) +
               _field(43, 0, _varint(-1)))
    out += _field(2, 2, trainer)
    normalizer = (_field(1, 2, b'identity') + _field(3, 0, _varint(1)) + _field(4, 0, _varint(0)) +
                  _field(5, 0, _varint(1)))
    out += _field(3, 2, normalizer)
    return bytes(out)


def _read_fields(buf):
    i = 0
    while i < len(buf):
        key, i = _read_varint(buf, i)
        num, wire = key >> 3, key & 7
        if wire == 0:
            val, i = _read_varint(buf, i)
        elif wire == 1:
            val, i = buf[i:i + 8], i + 8
        elif wire == 2:
            n, i = _read_varint(buf, i)
            val, i = buf[i:i + n], i + n
        elif wire == 5:
            val, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f'unsupported protobuf wire type {wire}')
        yield num, wire, val


def _read_varint(buf, i):
    n = shift = 0
    while True:
        b = buf[i]
        i += 1
        n |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return n, i


def read_spm_model(path):
    """(pieces as bytes, scores, types, model facts) of a SentencePiece tokenizer.model."""
    with open(path, 'rb') as f:
        buf = f.read()
    pieces, scores, types = [], [], []
    facts = {'model_type': 1, 'byte_fallback': False, 'add_dummy_prefix': True}
    for num, _, val in _read_fields(buf):
        if num == 1:
            piece, score, typ = b'', 0.0, 1
            for n2, _, v2 in _read_fields(val):
                if n2 == 1:
                    piece = bytes(v2)
                elif n2 == 2:
                    score = struct.unpack('<f', v2)[0]
                elif n2 == 3:
                    typ = v2
            pieces.append(piece)
            scores.append(score)
            types.append(typ)
        elif num == 2:
            for n2, _, v2 in _read_fields(val):
                if n2 == 3:
                    facts['model_type'] = v2
                elif n2 == 35:
                    facts['byte_fallback'] = bool(v2)
        elif num == 3:
            for n2, _, v2 in _read_fields(val):
                if n2 == 3:
                    facts['add_dummy_prefix'] = bool(v2)
    return pieces, scores, types, facts
