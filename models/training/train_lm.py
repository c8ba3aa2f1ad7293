"""Trains the alignment module (Q-Former, 32 queries, projection) and the tiny Llama together on the
phantom instruct dataset, with image embeddings in place of the 32 placeholder tokens. The encoder's CNN
is a frozen, seeded random-feature stem (not the classifier's backbone), so this stage does not wait for
the classifier and both fit the CPU budget side by side; the findings reach the LLM through the
"Predicted Findings" text, as in RaDialog. Exports the encoder graph (ONNX) and the LLM (GGUF).
   /usr/bin/python3 models/training/train_lm.py DATA_DIR OUT_DIR"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from bf16 import autocast, bf16_wanted
from lm import TinyLlama
from vision import Backbone, EncoderGraph, QFormer
from vocab import N_PLACEHOLDERS, N_SPM

torch.manual_seed(11)
np.random.seed(11)
torch.set_num_threads(int(os.environ.get('RADIALOG_TRAIN_THREADS', '2')))
data, out = sys.argv[1], sys.argv[2]
D, LAYERS, HEADS, FFN = (int(os.environ.get(k, v)) for k, v in [('RADIALOG_LM_WIDTH', '160'), ('RADIALOG_LM_LAYERS', '3'), ('RADIALOG_LM_HEADS', '5'), ('RADIALOG_LM_FFN', '448')])
STEPS = int(os.environ.get('RADIALOG_LM_STEPS', '4200'))
BATCH = int(os.environ.get('RADIALOG_LM_BATCH', '16'))
# A yes/no answer is decided by one token among hundreds of report tokens; it weighs this much more.
YES_NO_WEIGHT = float(os.environ.get('RADIALOG_LM_YES_NO_WEIGHT', '3'))
# A follow-up's side, size and zone words (and a quote's words) can be read off the report in the context,
# or guessed from the image; each is one token of dozens, so reading them is learned slowly. Weights:
DETAIL_WEIGHT = float(os.environ.get('RADIALOG_LM_DETAIL_WEIGHT', '5'))
QUOTE_WEIGHT = float(os.environ.get('RADIALOG_LM_QUOTE_WEIGHT', '2'))
N_VOCAB = N_SPM + N_PLACEHOLDERS
BF16 = bf16_wanted()


def main():
    lm_data = json.load(open(os.path.join(data, 'lm-samples.json')))
    samples = lm_data['samples']
    placeholders = lm_data['placeholders']
    vis = json.load(open(os.path.join(data, 'train-labels.json')))
    row_of_seed = {s: i for i, s in enumerate(vis['seeds'])}
    images = np.fromfile(os.path.join(data, 'train-images.u8'), dtype=np.uint8).reshape(-1, 1, 224, 224)
    torch.manual_seed(23)
    backbone = Backbone().eval()
    torch.manual_seed(11)
    needed = sorted({s['seed'] for s in samples})
    feats = {}
    with torch.no_grad():
        for k in range(0, len(needed), 64):
            chunk = needed[k:k + 64]
            x = torch.from_numpy(images[[row_of_seed[s] for s in chunk]]).float() / 255
            for s, f in zip(chunk, backbone(x)):
                feats[s] = f
    in_ids = sorted({i for s in samples for i in s['ids'] if i not in placeholders} | {1, 2})
    out_ids = sorted({i for s in samples for a, b in s['spans'] for i in s['ids'][a:b]})
    print(f'{len(samples)} samples, {len(in_ids)} input ids, {len(out_ids)} output ids, bf16 {BF16}', flush=True)
    out_pos = {t: i for i, t in enumerate(out_ids)}
    for s in samples:
        s['tensors'] = sample_tensors(s, out_pos)
    lm = TinyLlama(in_ids, out_ids, N_VOCAB, D, LAYERS, HEADS, FFN)
    qformer = QFormer(D)
    max_lr = 3e-3
    params = list(lm.parameters()) + list(qformer.parameters())
    opt = torch.optim.AdamW(params, lr=max_lr, weight_decay=0.01, betas=(0.9, 0.98))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=max_lr, total_steps=STEPS, pct_start=0.05)
    # Batches of similar length waste little on padding.
    order = sorted(range(len(samples)), key=lambda i: len(samples[i]['ids']))
    batches = [order[k:k + BATCH] for k in range(0, len(order), BATCH)]
    t0, step, seen = time.time(), 0, 0
    lm.train(); qformer.train()
    while step < STEPS:
        for bi in np.random.permutation(len(batches)):
            if step >= STEPS:
                break
            batch = [samples[i] for i in batches[bi]]
            loss = batch_loss(lm, qformer, batch, feats)
            opt.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step(); sched.step(); step += 1
            seen += sum(len(s['ids']) for s in batch)
            if step % 10 == 0 or step == 1:
                print(f'step {step}/{STEPS} loss {loss.item():.4f} ({seen / (time.time() - t0):.0f} tokens/s, {time.time() - t0:.0f} s)', flush=True)
    lm.eval(); qformer.eval()
    torch.save({'lm': lm.state_dict(), 'qformer': qformer.state_dict(), 'in_ids': in_ids, 'out_ids': out_ids,
                'config': {'d': D, 'layers': LAYERS, 'heads': HEADS, 'ffn': FFN}}, os.path.join(out, 'lm.pt'))
    json.dump({'d': D, 'layers': LAYERS, 'heads': HEADS, 'ffn': FFN}, open(os.path.join(out, 'lm-config.json'), 'w'))
    export_encoder(backbone, qformer, os.path.join(out, 'encoder.onnx'))
    from export_gguf import write_gguf
    write_gguf(lm, os.path.join(out, 'radialog-demo-llm.gguf'))
    write_greedy_reference(lm, qformer, [s for s in samples if 'prompt' in s][:4], feats, os.path.join(out, 'greedy-reference.json'))


@torch.no_grad()
def write_greedy_reference(lm, qformer, refs, feats, path, max_new=24):
    """Greedy continuations of a few training prompts by the PyTorch model with weights rounded to f16 (as
    in the GGUF), with the image embeddings used; the runtime must reproduce these token ids."""
    saved = {k: v.clone() for k, v in lm.state_dict().items()}
    for k, v in lm.state_dict().items():
        if v.is_floating_point() and 'norm' not in k and k not in ('cos', 'sin', 'mask'):
            v.copy_(v.half().float())
    out = []
    for s in refs:
        image = qformer(feats[s['seed']][None])
        ids = [i if i < N_SPM else 2 for i in s['ids'][:s['spans'][0][0]]]
        gen = []
        for _ in range(max_new):
            h = lm.hidden(torch.tensor([ids]), image, [s['imageAt']])
            nxt = int(lm.full_logits(h[0, -1]).argmax())
            gen.append(nxt)
            if nxt == 2:
                break
            ids.append(nxt)
        out.append({'prompt': s['prompt'], 'embeddings': image[0].flatten().tolist(), 'tokens': gen})
    lm.load_state_dict(saved)
    json.dump(out, open(path, 'w'))
    print('wrote', path)


def sample_tensors(s, out_pos):
    """Input ids (image placeholders as EOS; their rows are replaced), targets and loss weights of a sample."""
    x = torch.tensor([i if i < N_SPM else 2 for i in s['ids']])
    y = torch.full((len(x),), -100, dtype=torch.long)
    w = torch.ones(len(x))
    # Position p predicts token p+1; only answer tokens (each answer with its EOS) are learned.
    for start, end in s['spans']:
        y[start - 1:end - 1] = torch.tensor([out_pos[i] for i in s['ids'][start:end]])
    for k in s.get('yesNo', []):
        w[s['spans'][k][0] - 1] = YES_NO_WEIGHT
    for i in s.get('quoted', []):
        w[i - 1] = QUOTE_WEIGHT
    for i in s.get('details', []):
        w[i - 1] = DETAIL_WEIGHT
    return x, y, w


def batch_loss(lm, qformer, batch, feats):
    t = max(len(s['ids']) for s in batch)
    ids = torch.full((len(batch), t), 2, dtype=torch.long)
    target = torch.full((len(batch), t), -100, dtype=torch.long)
    weight = torch.ones(len(batch), t)
    for b, s in enumerate(batch):
        x, y, w = s['tensors']
        ids[b, :len(x)], target[b, :len(x)], weight[b, :len(x)] = x, y, w
    with autocast(BF16):
        image = qformer(torch.stack([feats[s['seed']] for s in batch]))
        h = lm.hidden(ids, image, [s['imageAt'] for s in batch])
        # Logits only where an answer token is predicted: most positions are prompt.
        learned = (target >= 0).reshape(-1)
        logits = lm.logits(h.reshape(-1, h.shape[-1])[learned])
    loss = F.cross_entropy(logits.float(), target.reshape(-1)[learned], reduction='none')
    weight = weight.reshape(-1)[learned]
    return (loss * weight).sum() / weight.sum()


def export_encoder(backbone, qformer, path):
    g = EncoderGraph(backbone, qformer).eval()
    torch.onnx.export(g, torch.rand(1, 3, 448, 448), path, input_names=['image'], output_names=['embeddings'],
                      dynamic_axes={'image': {0: 'batch'}, 'embeddings': {0: 'batch'}}, opset_version=13)
    print('wrote', path)


if __name__ == '__main__':
    main()
