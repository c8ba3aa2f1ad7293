"""A tiny Llama (RMSNorm, rotary positions, SwiGLU) whose weights map one to one onto llama.cpp's GGUF
tensors. Rotary embedding rotates adjacent pairs (llama.cpp's LLAMA_ROPE_TYPE_NORM), so q/k weights are
written without the permutation HF checkpoints need."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope_tables(n_pos, head_dim, base=10000.0):
    inv = 1.0 / base ** (torch.arange(0, head_dim, 2).float() / head_dim)
    ang = torch.arange(n_pos).float()[:, None] * inv[None, :]
    return ang.cos(), ang.sin()


def apply_rope(x, cos, sin):
    # x: [B, H, T, D]; pairs (2i, 2i+1) rotate together.
    x1, x2 = x[..., 0::2], x[..., 1::2]
    c, s = cos[: x.shape[2]], sin[: x.shape[2]]
    return torch.stack([x1 * c - x2 * s, x1 * s + x2 * c], dim=-1).flatten(-2)


class Block(nn.Module):
    def __init__(self, d, heads, ffn):
        super().__init__()
        self.heads = heads
        self.attn_norm, self.ffn_norm = RMSNorm(d), RMSNorm(d)
        self.q, self.k, self.v, self.o = (nn.Linear(d, d, bias=False) for _ in range(4))
        self.gate, self.up = nn.Linear(d, ffn, bias=False), nn.Linear(d, ffn, bias=False)
        self.down = nn.Linear(ffn, d, bias=False)

    def forward(self, x, cos, sin, mask):
        b, t, d = x.shape
        h = self.attn_norm(x)
        hd = d // self.heads
        q = apply_rope(self.q(h).view(b, t, self.heads, hd).transpose(1, 2), cos, sin)
        k = apply_rope(self.k(h).view(b, t, self.heads, hd).transpose(1, 2), cos, sin)
        v = self.v(h).view(b, t, self.heads, hd).transpose(1, 2)
        # Under bf16 autocast the T x T scores stay bf16 end to end (mask and scale fused into one
        # baddbmm): converting them to fp32 and back cost more than the products themselves.
        dt = torch.get_autocast_cpu_dtype() if torch.is_autocast_cpu_enabled() else q.dtype
        q, k, v = (z.to(dt).reshape(b * self.heads, t, hd) for z in (q, k, v))
        a = torch.baddbmm(mask[:t, :t].to(dt).expand(b * self.heads, t, t), q, k.transpose(-1, -2), alpha=1 / math.sqrt(hd))
        a = torch.bmm(torch.softmax(a, dim=-1), v).view(b, self.heads, t, hd)
        x = x + self.o(a.transpose(1, 2).reshape(b, t, d))
        h = self.ffn_norm(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class TinyLlama(nn.Module):
    """Input embeddings over the ids that occur (`in_ids`), output rows over the ids answers use (`out_ids`).
    Every other output row is exported as zeros (logit 0); training adds log(n_other) to the partition
    function, so the loss equals the full-vocabulary softmax of the exported model."""

    def __init__(self, in_ids, out_ids, n_vocab, d=192, layers=3, heads=6, ffn=512, max_pos=1024):
        super().__init__()
        self.d, self.heads, self.ffn, self.n_vocab = d, heads, ffn, n_vocab
        self.register_buffer('in_ids', torch.tensor(in_ids))
        self.register_buffer('out_ids', torch.tensor(out_ids))
        lut = torch.full((n_vocab,), 0, dtype=torch.long)
        lut[self.in_ids] = torch.arange(len(in_ids))
        self.register_buffer('in_lut', lut)
        self.embed = nn.Embedding(len(in_ids), d)
        nn.init.normal_(self.embed.weight, std=0.02)
        self.blocks = nn.ModuleList([Block(d, heads, ffn) for _ in range(layers)])
        self.norm = RMSNorm(d)
        self.out = nn.Linear(d, len(out_ids), bias=False)
        nn.init.normal_(self.out.weight, std=0.02)
        cos, sin = rope_tables(max_pos, d // heads)
        self.register_buffer('cos', cos)
        self.register_buffer('sin', sin)
        self.register_buffer('mask', torch.triu(torch.full((max_pos, max_pos), float('-inf')), 1))
        self.log_other = math.log(n_vocab - len(out_ids))

    def hidden(self, ids, image=None, image_at=None):
        x = self.embed(self.in_lut[ids])
        if image is not None:
            n = image.shape[1]
            for b in range(ids.shape[0]):
                x[b, image_at[b]:image_at[b] + n] = image[b]
        for blk in self.blocks:
            x = blk(x, self.cos, self.sin, self.mask)
        return self.norm(x)

    def logits(self, h):
        """Logits over out_ids plus one column standing for all other ids together (log n_other)."""
        z = self.out(h)
        return torch.cat([z, torch.full_like(z[..., :1], self.log_other)], dim=-1)

    def full_logits(self, h):
        z = torch.zeros(*h.shape[:-1], self.n_vocab)
        z[..., self.out_ids] = self.out(h)
        return z
