"""Trains the backbone and CheXpert classifier on phantom images and exports the classifier to ONNX.
   /usr/bin/python3 models/training/train_classifier.py DATA_DIR OUT_DIR"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from bf16 import autocast, bf16_wanted
from vision import Backbone, ClassifierGraph, ClassifierHead

torch.manual_seed(7)
np.random.seed(7)
torch.set_num_threads(int(os.environ.get('RADIALOG_TRAIN_THREADS', '2')))
LABELS = ['No Finding', 'Enlarged Cardiomediastinum', 'Cardiomegaly', 'Lung Opacity', 'Lung Lesion', 'Edema', 'Consolidation',
          'Pneumonia', 'Atelectasis', 'Pneumothorax', 'Pleural Effusion', 'Pleural Other', 'Fracture', 'Support Devices']
DRAWN = [i for i, l in enumerate(LABELS) if l not in ('Pneumonia', 'Pleural Other')]
EPOCHS = int(os.environ.get('RADIALOG_CLS_EPOCHS', '22'))
BF16 = bf16_wanted()
MAP_WEIGHT = float(os.environ.get('RADIALOG_CLS_MAP_WEIGHT', '0.15'))  # per map
MAP_POS_WEIGHT = torch.tensor(20.0)  # a local finding covers a few of 196 patches in one image of six


def load(data, name):
    x = np.fromfile(os.path.join(data, f'{name}-images.u8'), dtype=np.uint8).reshape(-1, 1, 224, 224)
    meta = json.load(open(os.path.join(data, f'{name}-labels.json')))
    y = np.array(meta['labels'], dtype=np.float32)
    assert [LABELS.index(l) for l in meta['localLabels']] == list(ClassifierHead.LOCAL)
    cells = np.zeros((len(y), len(ClassifierHead.LOCAL), 196), dtype=np.float32)
    for i, per_label in enumerate(meta['localCells']):
        for j, c in enumerate(per_label):
            cells[i, j, c] = 1
    return torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(cells.reshape(len(y), -1, 14, 14))


def augment(x):
    """Small shifts, contrast and noise changes: the 1024-pixel DICOM path differs a little from training renders.
    A shift of at most 6 pixels is under half a 16-pixel patch, so the local-finding cells are kept as they are."""
    b = x.shape[0]
    dx, dy = np.random.randint(-6, 7, size=2)
    x = torch.roll(x, shifts=(int(dy), int(dx)), dims=(2, 3))
    gamma = torch.empty(b, 1, 1, 1).uniform_(0.85, 1.18)
    x = x.clamp(1e-4, 1) ** gamma
    x = x + torch.randn_like(x) * torch.empty(b, 1, 1, 1).uniform_(0, 0.02)
    return x


def f1_at(p, y, t):
    pred = p >= t
    tp = (pred & (y > 0.5)).sum(0).float()
    fp = (pred & (y < 0.5)).sum(0).float()
    fn = (~pred & (y > 0.5)).sum(0).float()
    return (2 * tp / (2 * tp + fp + fn).clamp(min=1))


def main():
    data, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    xtr, ytr, ctr = load(data, 'train')
    xva, yva, _ = load(data, 'val')
    backbone, head = Backbone(), ClassifierHead()
    if BF16:
        backbone = backbone.to(memory_format=torch.channels_last)  # oneDNN's fast bf16 convolutions want NHWC
    params = list(backbone.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=3e-3, weight_decay=1e-4)
    steps = EPOCHS * ((len(xtr) + 31) // 32)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.15)
    pos = ytr.mean(0).clamp(min=0.02)
    pos_weight = ((1 - pos) / pos).clamp(max=6)
    t0 = time.time()
    print(f'{len(xtr)} training images, bf16 {BF16}', flush=True)
    for epoch in range(EPOCHS):
        backbone.train(); head.train()
        perm = torch.randperm(len(xtr))
        total = 0.0
        for k in range(0, len(xtr), 32):
            idx = perm[k:k + 32]
            x = augment(xtr[idx].float() / 255)
            cells = ctr[idx]
            if BF16:
                x = x.contiguous(memory_format=torch.channels_last)
            with autocast(BF16):
                f = backbone(x)
                maps = head.local_maps(f)
                logits = head(f, maps)
            loss = F.binary_cross_entropy_with_logits(logits.float(), ytr[idx], pos_weight=pos_weight)
            per_map = F.binary_cross_entropy_with_logits(maps.float(), cells, pos_weight=MAP_POS_WEIGHT, reduction='none').mean(dim=(0, 2, 3))
            loss = loss + MAP_WEIGHT * per_map.sum()
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
            total += loss.item() * len(idx)
        p = predict(backbone, head, xva)
        f1 = f1_at(p, yva, 0.5)[DRAWN].mean().item()
        print(f'epoch {epoch + 1}/{EPOCHS} loss {total / len(xtr):.4f} val macro-F1@0.5 {f1:.3f} ({time.time() - t0:.0f} s)', flush=True)
    p = predict(backbone, head, xva)
    # One threshold per label, chosen on the validation phantoms (never on the held-out ones).
    grid = torch.linspace(0.15, 0.85, 15)
    thresholds = []
    for j in range(len(LABELS)):
        scores = [f1_at(p[:, j:j + 1], yva[:, j:j + 1], t)[0].item() for t in grid]
        thresholds.append(round(float(grid[int(np.argmax(scores))]), 3) if j in DRAWN else 0.5)
    tuned = torch.stack([f1_at(p[:, j:j + 1], yva[:, j:j + 1], thresholds[j])[0] for j in range(len(LABELS))])
    print('val per-label F1 (tuned):', {LABELS[j]: round(tuned[j].item(), 3) for j in DRAWN})
    print(f'val macro-F1 (drawn labels, tuned thresholds) {tuned[DRAWN].mean().item():.3f}')
    scored = [j for j in DRAWN if LABELS[j] != 'No Finding']  # as bench/demo-models.ts scores them
    exact = ((p >= torch.tensor(thresholds)) == (yva > 0.5))[:, scored].all(dim=1).float().mean().item()
    print(f'val exact finding sets {exact:.3f}')
    torch.save({'backbone': backbone.state_dict(), 'head': head.state_dict(), 'thresholds': thresholds}, os.path.join(out, 'vision.pt'))
    export(backbone, head, os.path.join(out, 'classifier.onnx'))
    json.dump({'thresholds': thresholds, 'valMacroF1': tuned[DRAWN].mean().item()}, open(os.path.join(out, 'classifier.json'), 'w'))


@torch.no_grad()
def predict(backbone, head, x):
    backbone.eval(); head.eval()
    return torch.cat([torch.sigmoid(head(backbone(x[k:k + 64].float() / 255))) for k in range(0, len(x), 64)])


def export(backbone, head, path):
    g = ClassifierGraph(backbone.to(memory_format=torch.contiguous_format), head).eval()
    torch.onnx.export(g, torch.rand(1, 3, 448, 448), path, input_names=['image'], output_names=['probabilities'],
                      dynamic_axes={'image': {0: 'batch'}, 'probabilities': {0: 'batch'}}, opset_version=13)
    print('wrote', path)


if __name__ == '__main__':
    main()
