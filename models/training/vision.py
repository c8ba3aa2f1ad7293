"""The demo vision models: a small CNN backbone (a 14x14 grid of patch features, like BioViL-T's), a
CheXpert classifier head on it, and a Q-Former-style alignment module (32 learned queries attending to
the patches) with a projection to the LLM width. Inputs follow the manifest preprocessing; the graphs
average the 3 channels and pool 448 -> 224 themselves."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from vocab import N_PLACEHOLDERS


def block(cin, cout, stride):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Backbone(nn.Module):
    """[B,1,224,224] in 0..1 -> [B,64,14,14]."""
    channels = 64

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 16, 5, 2, 2, bias=False), nn.BatchNorm2d(16), nn.ReLU(inplace=True),
            block(16, 24, 2), block(24, 32, 1), block(32, 48, 2), block(48, 48, 1), block(48, 64, 2), block(64, 64, 1))

    def forward(self, x):
        return self.net(x)


class ClassifierHead(nn.Module):
    """Pooled features -> 14 logits. The local findings, a few pixels wide (a rib break, a nodule, a line), come
    instead from per-patch maps (trained against where they were drawn), each from its strongest patch."""
    LOCAL = (12, 4, 13, 3, 6, 8)  # make-vision-data's localLabels, as CheXpert indices

    def __init__(self, n_labels=14):
        super().__init__()
        self.drop = nn.Dropout(0.2)
        self.fc = nn.Linear(Backbone.channels * 2, n_labels)
        self.local = nn.Sequential(nn.Conv2d(Backbone.channels, 32, 3, 1, 1), nn.ReLU(inplace=True), nn.Conv2d(32, len(self.LOCAL), 1))

    def local_maps(self, f):
        """[B,64,14,14] -> [B,len(LOCAL),14,14] logits."""
        return self.local(f)

    def forward(self, f, maps=None):
        pooled = torch.cat([f.mean(dim=(2, 3)), f.amax(dim=(2, 3))], dim=1)
        logits = list(self.fc(self.drop(pooled)).unbind(dim=1))
        peaks = (self.local_maps(f) if maps is None else maps).flatten(2).amax(dim=2)
        for j, k in enumerate(self.LOCAL):
            logits[k] = peaks[:, j]
        return torch.stack(logits, dim=1)


class CrossBlock(nn.Module):
    """Queries attend to themselves, then to the image patches, then an MLP (BLIP-2's Q-Former layer in small)."""

    def __init__(self, d, heads=4):
        super().__init__()
        self.heads = heads
        self.n1, self.n2, self.n3 = nn.LayerNorm(d), nn.LayerNorm(d), nn.LayerNorm(d)
        self.self_qkv = nn.Linear(d, 3 * d)
        self.self_out = nn.Linear(d, d)
        self.q = nn.Linear(d, d)
        self.kv = nn.Linear(d, 2 * d)
        self.cross_out = nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def attend(self, q, k, v):
        b, n, d = q.shape
        h = self.heads
        q = q.reshape(b, n, h, d // h).transpose(1, 2)
        k = k.reshape(b, k.shape[1], h, d // h).transpose(1, 2)
        v = v.reshape(b, v.shape[1], h, d // h).transpose(1, 2)
        a = torch.softmax(q @ k.transpose(-1, -2) / (d // h) ** 0.5, dim=-1)
        return (a @ v).transpose(1, 2).reshape(b, n, d)

    def forward(self, x, mem):
        q, k, v = self.self_qkv(self.n1(x)).chunk(3, dim=-1)
        x = x + self.self_out(self.attend(q, k, v))
        k, v = self.kv(mem).chunk(2, dim=-1)
        x = x + self.cross_out(self.attend(self.q(self.n2(x)), k, v))
        return x + self.mlp(self.n3(x))


class QFormer(nn.Module):
    """[B,64,14,14] patch features -> [B,N_PLACEHOLDERS,n_embd] image embeddings for the LLM."""

    def __init__(self, n_embd, d=128, n_queries=N_PLACEHOLDERS, layers=2):
        super().__init__()
        self.patch = nn.Linear(Backbone.channels, d)
        self.pos = nn.Parameter(torch.randn(1, 196, d) * 0.02)
        self.mem_norm = nn.LayerNorm(d)
        self.queries = nn.Parameter(torch.randn(1, n_queries, d) * 0.02)
        self.blocks = nn.ModuleList([CrossBlock(d) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        self.proj = nn.Linear(d, n_embd)

    def forward(self, f):
        mem = self.mem_norm(self.patch(f.flatten(2).transpose(1, 2)) + self.pos)
        x = self.queries.expand(f.shape[0], -1, -1)
        for blk in self.blocks:
            x = blk(x, mem)
        return self.proj(self.norm(x))


def to_model_input(x448):
    """The graph's own first step: [B,3,448,448] in 0..1 -> [B,1,224,224]."""
    return F.avg_pool2d(x448.mean(dim=1, keepdim=True), 2)


class ClassifierGraph(nn.Module):
    def __init__(self, backbone, head):
        super().__init__()
        self.backbone, self.head = backbone, head

    def forward(self, image):
        return torch.sigmoid(self.head(self.backbone(to_model_input(image))))


class EncoderGraph(nn.Module):
    def __init__(self, backbone, qformer):
        super().__init__()
        self.backbone, self.qformer = backbone, qformer

    def forward(self, image):
        return self.qformer(self.backbone(to_model_input(image)))
