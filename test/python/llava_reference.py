"""Reference forward of RaDialog-LLaVA for the parity test, written from the reference code
(github.com/ChantalMP/RaDialog_LLaVA) and sharing no code with models/convert/:

   /usr/bin/python3 test/python/llava_reference.py MODEL_DIR BASE_LLM_DIR IMAGE.u8 ROWS COLS OUT.json

It reads the published files as the reference loads them, and runs:
- the image: remap to uint8 (already 8-bit here), Resize(512) and CenterCrop(448 / 488), ToTensor, three
  channels;
- the vision tower in training mode, as the reference leaves it (BioViL-T's ImageModel calls train() and
  nothing calls eval()), so BatchNorm uses the image's own statistics; patch_embeddings
  flatten(2).transpose(1, 2); mm_projector Linear-GELU-Linear;
- the classifier in eval mode; sigmoid; positive at > 0.5 (demo.py);
- the prompt with conv_vicuna_v1 and tokenizer_image_token (each piece between `<image>` tokenized on its
  own, BOS once), with a SentencePiece BPE written here;
- the LLM as HF Llama (rotate-half RoPE) with the LoRA applied unmerged (x W^T + alpha/r x A^T B^T), the
  image features spliced in at the image position, greedy decoding for up to 32 tokens.
"""
import json
import math
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.set_num_threads(1)
MODEL, BASE, IMAGE, ROWS, COLS, OUT = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), \
    sys.argv[6]
COLUMNS = ['No Finding', 'Enlarged Cardiomediastinum', 'Cardiomegaly', 'Lung Opacity', 'Lung Lesion', 'Edema',
           'Consolidation', 'Pneumonia', 'Atelectasis', 'Pneumothorax', 'Pleural Effusion', 'Pleural Other',
           'Fracture', 'Support Devices']
SYSTEM = ("A chat between a curious user and an artificial intelligence assistant acting as an experienced "
          "radiologist. The assistant gives professional, detailed, and polite answers to the user's questions.")
PROMPT = ("<image>. Predicted Findings: {findings}. You are to act as a radiologist and write the finding section of "
          "a chest x-ray radiology report for this X-ray image and the given predicted findings. Write in the style "
          "of a radiologist, write one fluent text without enumeration, be concise and don't provide explanations "
          "or reasons.")


# ---- BioViL-T (torchvision's ResNet-50 layout) ----
class Bottleneck(nn.Module):
    def __init__(self, inplanes, planes, stride, down):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes * 4, 1, stride, bias=False),
                                        nn.BatchNorm2d(planes * 4)) if down else None

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = F.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        return F.relu(y + (self.downsample(x) if self.downsample is not None else x))


class ResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        inplanes = 64
        for i, (planes, n, stride) in enumerate([(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)], start=1):
            blocks = []
            for b in range(n):
                blocks.append(Bottleneck(inplanes, planes, stride if b == 0 else 1, b == 0))
                inplanes = planes * 4
            setattr(self, f'layer{i}', nn.Sequential(*blocks))
        self.fc = nn.Linear(2048, 1000)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 3, 2, 1)
        return self.layer4(self.layer3(self.layer2(self.layer1(x))))


class PoolerBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(256), nn.LayerNorm(256)
        self.attn = nn.Module()
        for n in ['proj_q', 'proj_k', 'proj_v']:
            setattr(self.attn, n, nn.Linear(256, 256, bias=False))
        self.attn.proj = nn.Linear(256, 256)
        self.mlp = nn.Module()
        self.mlp.fc1, self.mlp.fc2 = nn.Linear(256, 256), nn.Linear(256, 256)


class Encoder(nn.Module):
    """MultiImageEncoder for one image (no previous image): the temporal pooler is unused."""

    def __init__(self):
        super().__init__()
        self.encoder = ResNet()
        self.backbone_to_vit = nn.Conv2d(2048, 256, 1, bias=False)
        self.vit_pooler = nn.Module()
        self.vit_pooler.blocks = nn.ModuleList([PoolerBlock() for _ in range(3)])
        self.vit_pooler.norm_post = nn.LayerNorm(256)
        self.vit_pooler.type_embed = nn.Parameter(torch.zeros(2, 1, 256))
        self.missing_previous_emb = nn.Parameter(torch.zeros(1, 256, 1, 1))

    def forward(self, x):
        patch = self.backbone_to_vit(self.encoder(x))
        b, _, w, h = patch.shape
        return torch.cat([patch, self.missing_previous_emb.repeat(b, 1, w, h)], dim=1)


class ImageModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = Encoder()
        self.projector = nn.Module()
        self.projector.model = nn.Sequential(nn.Conv2d(512, 128, 1, bias=False), nn.BatchNorm2d(128), nn.ReLU(),
                                             nn.Conv2d(128, 128, 1))


def image_tensor(gray, crop):
    # The image is 8-bit already, so remap_to_uint8 and a Resize(512) of a 512 short side change nothing.
    assert min(gray.shape) == 512 and gray.min() == 0 and gray.max() == 255
    top, left = round((gray.shape[0] - crop) / 2), round((gray.shape[1] - crop) / 2)
    t = torch.from_numpy(gray[top:top + crop, left:left + crop].astype(np.float32) / 255.0)
    return t[None].repeat(3, 1, 1)[None]


# ---- SentencePiece BPE (Llama's tokenizer.model) ----
def read_pieces(path):
    buf = open(path, 'rb').read()

    def varint(i):
        n = s = 0
        while True:
            b = buf[i]
            i += 1
            n |= (b & 127) << s
            s += 7
            if b < 128:
                return n, i

    pieces, i = [], 0
    while i < len(buf):
        key, i = varint(i)
        if key & 7 != 2:
            raise ValueError('unexpected field in tokenizer.model')
        n, i = varint(i)
        if key >> 3 == 1:
            sub, j, piece, score, typ = buf[i:i + n], 0, b'', 0.0, 1
            while j < len(sub):
                k = sub[j]
                j += 1
                if k == 10:
                    ln = sub[j]
                    j += 1
                    if ln >= 128:
                        ln = (ln & 127) | (sub[j] << 7)
                        j += 1
                    piece = sub[j:j + ln]
                    j += ln
                elif k == 21:
                    score = np.frombuffer(sub[j:j + 4], '<f4')[0]
                    j += 4
                elif k == 24:
                    typ = sub[j]
                    j += 1
            pieces.append((piece.decode('utf-8'), float(score), typ))
        i += n
    return pieces


class Spm:
    def __init__(self, path):
        self.pieces = read_pieces(path)
        self.ids = {p: i for i, (p, _, t) in enumerate(self.pieces) if t in (1, 4)}
        self.bytes = {p: i for i, (p, _, t) in enumerate(self.pieces) if t == 6}

    def encode(self, text):
        syms = list('\u2581' + text.replace(' ', '\u2581'))
        while True:
            best = None
            for i in range(len(syms) - 1):
                m = syms[i] + syms[i + 1]
                if m in self.ids and (best is None or self.pieces[self.ids[m]][1] > best[0]):
                    best = (self.pieces[self.ids[m]][1], i)
            if best is None:
                break
            i = best[1]
            syms[i:i + 2] = [syms[i] + syms[i + 1]]
        out = []
        for s in syms:
            if s in self.ids:
                out.append(self.ids[s])
            else:
                out.extend(self.bytes[f'<0x{b:02X}>'] for b in s.encode('utf-8'))
        return out


# ---- Llama with an unmerged LoRA ----
class Llm:
    def __init__(self, cfg, base, lora, scale):
        self.cfg, self.w, self.lora, self.scale = cfg, base, lora, scale

    def lin(self, x, name):
        y = x @ self.w[name + '.weight'].T
        a = self.lora.get(f'base_model.model.{name}.lora_A.weight')
        if a is not None:
            y = y + self.scale * ((x @ a.T) @ self.lora[f'base_model.model.{name}.lora_B.weight'].T)
        return y

    def norm(self, x, name):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.cfg['rms_norm_eps']) * self.w[name]

    def logits(self, emb):
        c = self.cfg
        n, d, heads = emb.shape[0], c['hidden_size'], c['num_attention_heads']
        hd = d // heads
        inv = 1.0 / (10000 ** (torch.arange(0, hd, 2).float() / hd))
        f = torch.outer(torch.arange(n).float(), inv)
        cos, sin = torch.cat([f, f], -1).cos(), torch.cat([f, f], -1).sin()

        def rope(t):
            half = torch.cat([-t[..., hd // 2:], t[..., :hd // 2]], -1)
            return t * cos + half * sin

        mask = torch.full((n, n), float('-inf')).triu(1)
        x = emb
        for i in range(c['num_hidden_layers']):
            p = f'model.layers.{i}.'
            h = self.norm(x, p + 'input_layernorm.weight')
            q, k, v = [self.lin(h, p + 'self_attn.' + m).view(n, heads, hd).transpose(0, 1)
                       for m in ['q_proj', 'k_proj', 'v_proj']]
            att = torch.softmax((rope(q) @ rope(k).transpose(1, 2)) / math.sqrt(hd) + mask, -1)
            x = x + self.lin((att @ v).transpose(0, 1).reshape(n, d), p + 'self_attn.o_proj')
            h = self.norm(x, p + 'post_attention_layernorm.weight')
            x = x + self.lin(F.silu(self.lin(h, p + 'mlp.gate_proj')) * self.lin(h, p + 'mlp.up_proj'),
                             p + 'mlp.down_proj')
        return self.norm(x, 'model.norm.weight') @ self.w['lm_head.weight'].T


def main():
    gray = np.fromfile(IMAGE, np.uint8).reshape(ROWS, COLS)
    cfg = json.load(open(f'{MODEL}/config.json'))
    acfg = json.load(open(f'{MODEL}/adapter_config.json'))
    non_lora = torch.load(f'{MODEL}/non_lora_trainables.bin')
    non_lora = {k[len('base_model.model.model.'):]: v.float() if v.is_floating_point() else v
                for k, v in non_lora.items()}
    with torch.no_grad():
        tower = ImageModel()
        tower_sd = {k[len('vision_tower.'):]: v for k, v in non_lora.items()
                    if k.startswith('vision_tower.') and not k.endswith('pos_embed')}
        tower.load_state_dict(tower_sd, strict=True)
        tower.train()  # as the reference leaves it
        proj = nn.Sequential(nn.Linear(512, cfg['hidden_size']), nn.GELU(),
                             nn.Linear(cfg['hidden_size'], cfg['hidden_size']))
        proj.load_state_dict({k[len('mm_projector.'):]: v for k, v in non_lora.items()
                              if k.startswith('mm_projector.')}, strict=True)
        features = tower.encoder(image_tensor(gray, 448)).flatten(2).transpose(1, 2)
        image_features = proj(features)[0]

        ckpt = torch.load(f'{MODEL}/findings_classifier/checkpoints/chexpert_train/ChexpertClassifier.ckpt')
        sd = ckpt['state_dict']
        cls = ImageModel()
        cls.load_state_dict({k[len('model.biovil_encoder.'):]: v for k, v in sd.items()
                             if k.startswith('model.biovil_encoder.')}, strict=True)
        cls.eval()
        x = cls.projector.model(cls.encoder(image_tensor(gray, 488)))
        x = F.avg_pool2d(x, 4).view(1, -1)
        x = F.relu(x @ sd['model.fc1.weight'].T + sd['model.fc1.bias'])
        probs = torch.sigmoid(x @ sd['model.fc2.weight'].T + sd['model.fc2.bias'])[0]

        # test.py's findings string from the predicted labels
        labels = [c for c, p in zip(COLUMNS, probs.tolist()) if p > 0.5]
        if 'No Finding' in labels and len(labels) > (1 + ('Support Devices' in labels)):
            labels.remove('No Finding')
        findings = ', '.join(labels).lower().strip() if labels else 'no common findings'
        prompt = f'{SYSTEM} USER: {PROMPT.format(findings=findings)} ASSISTANT:'
        spm = Spm(f'{BASE}/tokenizer.model')
        chunks = [spm.encode(c) for c in prompt.split('<image>')]
        ids = [1] + chunks[0] + [-200] + chunks[1]

        base = {}
        index = json.load(open(f'{BASE}/pytorch_model.bin.index.json'))
        for shard in sorted(set(index['weight_map'].values())):
            base.update({k: v.float() for k, v in torch.load(f'{BASE}/{shard}').items()})
        lora = {k: v.float() for k, v in torch.load(f'{MODEL}/adapter_model.bin').items()}
        llm = Llm(cfg, base, lora, acfg['lora_alpha'] / acfg['r'])
        emb = base['model.embed_tokens.weight']
        pos = ids.index(-200)
        seq = torch.cat([emb[ids[:pos]], image_features, emb[ids[pos + 1:]]])
        out, gaps = [], []
        for _ in range(32):
            logits = llm.logits(seq)[-1]
            top = torch.topk(logits, 2)
            tok = int(top.indices[0])
            out.append(tok)
            gaps.append(float(top.values[0] - top.values[1]))
            if tok == 2:
                break
            seq = torch.cat([seq, emb[tok][None]])
    json.dump({'embeddings': image_features.flatten().tolist(), 'probabilities': probs.tolist(),
               'promptIds': ids, 'findings': labels, 'greedy': out, 'gaps': gaps}, open(OUT, 'w'))


main()
