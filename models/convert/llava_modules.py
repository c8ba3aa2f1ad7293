"""The two image graphs of a RaDialog-LLaVA model set, built from the published state dicts for ONNX export.

- ImageTokens: BioViL-T's ResNet-50 -> backbone_to_vit (2048 -> 256) and the learned "missing previous
  image" embedding (256) -> 512 channels on a 14x14 grid -> flatten(2).transpose(1, 2) -> mm_projector
  (Linear, GELU, Linear) -> [B, 196, hidden]. As in the reference's `encode_images` (llava_arch.py).
  The reference never puts the tower in eval mode (BioViL-T's ImageModel calls self.train() when built
  and builder.py attaches it after from_pretrained's eval()), so every BatchNorm normalises with the
  statistics of the batch it sees: with one image, that image's own. `batch_stats=True` reproduces that
  with explicit reductions, which export to plain ONNX ops.
- Findings: the CheXpert classifier (`ChexpertClassifier`): BioViL-T with its 128-d projector (eval mode,
  running statistics), 4x4 average pooling, fc1 + ReLU, fc2, sigmoid -> [B, 14].
"""
import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-5


class Norm(nn.Module):
    def __init__(self, sd, prefix, batch_stats):
        super().__init__()
        self.batch_stats = batch_stats
        for n in ['weight', 'bias', 'running_mean', 'running_var']:
            self.register_buffer(n, sd[f'{prefix}.{n}'].float().clone())

    def forward(self, x):
        w = self.weight.view(1, -1, 1, 1)
        b = self.bias.view(1, -1, 1, 1)
        if self.batch_stats:
            # BatchNorm in training mode: mean and biased variance over batch and space.
            mean = x.mean(dim=(0, 2, 3), keepdim=True)
            var = ((x - mean) ** 2).mean(dim=(0, 2, 3), keepdim=True)
            return (x - mean) / torch.sqrt(var + EPS) * w + b
        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, False, 0.0, EPS)


class Conv(nn.Module):
    def __init__(self, sd, key, stride=1, padding=0):
        super().__init__()
        self.register_buffer('weight', sd[key].float().clone())
        self.stride, self.padding = stride, padding

    def forward(self, x):
        return F.conv2d(x, self.weight, None, self.stride, self.padding)


class Bottleneck(nn.Module):
    def __init__(self, sd, p, stride, down, bs):
        super().__init__()
        self.c1, self.n1 = Conv(sd, p + 'conv1.weight'), Norm(sd, p + 'bn1', bs)
        self.c2, self.n2 = Conv(sd, p + 'conv2.weight', stride, 1), Norm(sd, p + 'bn2', bs)
        self.c3, self.n3 = Conv(sd, p + 'conv3.weight'), Norm(sd, p + 'bn3', bs)
        self.down = nn.Sequential(Conv(sd, p + 'downsample.0.weight', stride), Norm(sd, p + 'downsample.1', bs)) \
            if down else None

    def forward(self, x):
        y = F.relu(self.n1(self.c1(x)))
        y = F.relu(self.n2(self.c2(y)))
        y = self.n3(self.c3(y))
        return F.relu(y + (self.down(x) if self.down is not None else x))


class ResNet50(nn.Module):
    def __init__(self, sd, p, bs):
        super().__init__()
        self.conv1, self.bn1 = Conv(sd, p + 'conv1.weight', 2, 3), Norm(sd, p + 'bn1', bs)
        blocks = []
        for li, (n, stride) in enumerate(zip([3, 4, 6, 3], [1, 2, 2, 2]), start=1):
            for b in range(n):
                blocks.append(Bottleneck(sd, f'{p}layer{li}.{b}.', stride if b == 0 else 1, b == 0, bs))
        self.blocks = nn.Sequential(*blocks)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        return self.blocks(F.max_pool2d(x, 3, 2, 1))


class PatchFeatures(nn.Module):
    """BioViL-T's multi-image encoder for a single image: [B, 512, H/32, W/32]."""

    def __init__(self, sd, p, bs):
        super().__init__()
        self.resnet = ResNet50(sd, p + 'encoder.encoder.', bs)
        self.to_vit = Conv(sd, p + 'encoder.backbone_to_vit.weight')
        self.register_buffer('missing', sd[p + 'encoder.missing_previous_emb'].float().clone())

    def forward(self, x):
        patch = self.to_vit(self.resnet(x))
        missing = self.missing.expand(patch.shape[0], -1, patch.shape[2], patch.shape[3])
        return torch.cat([patch, missing], dim=1)


class ImageTokens(nn.Module):
    def __init__(self, tower_sd, projector_sd):
        super().__init__()
        self.features = PatchFeatures(tower_sd, '', True)
        self.l0 = nn.Linear(1, 1)
        self.l2 = nn.Linear(1, 1)
        for name, lin in [('0', self.l0), ('2', self.l2)]:
            lin.weight = nn.Parameter(projector_sd[f'{name}.weight'].float().clone())
            lin.bias = nn.Parameter(projector_sd[f'{name}.bias'].float().clone())

    def forward(self, image):
        x = self.features(image).flatten(2).transpose(1, 2)
        return self.l2(F.gelu(self.l0(x)))


class Findings(nn.Module):
    def __init__(self, sd, prefix):
        super().__init__()
        self.features = PatchFeatures(sd, prefix, False)
        p = prefix + 'projector.model.'
        self.p0, self.p1, self.p3 = Conv(sd, p + '0.weight'), Norm(sd, p + '1', False), Conv(sd, p + '3.weight')
        self.register_buffer('p3_bias', sd[p + '3.bias'].float().clone())
        for n in ['fc1', 'fc2']:
            self.register_buffer(n + '_w', sd[f'model.{n}.weight'].float().clone())
            self.register_buffer(n + '_b', sd[f'model.{n}.bias'].float().clone())

    def forward(self, image):
        x = F.relu(self.p1(self.p0(self.features(image))))
        x = self.p3(x) + self.p3_bias.view(1, -1, 1, 1)
        x = F.avg_pool2d(x, 4).flatten(1)
        x = F.relu(F.linear(x, self.fc1_w, self.fc1_b))
        return torch.sigmoid(F.linear(x, self.fc2_w, self.fc2_b))
