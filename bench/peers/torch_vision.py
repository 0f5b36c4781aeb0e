#!/usr/bin/env python3
"""The CNN and the ViT of `genai vision` in PyTorch, the peer of `genai bench vision --peer torch`.

The models are those of io.genai4j.models.vision, written as PyTorch users write them:
  cnn  LeNet-5 with ReLU and max pooling (conv 5x5 6 maps pad 2, pool 2, conv 5x5 16 maps, pool 2,
       fc 120, fc 84, fc classes);
  vit  patches by a strided conv, a class token and learned positions, pre-LN blocks with
       nn.MultiheadAttention (genai's separate q/k/v projections are the row blocks of its packed
       in_proj) and an exact-GELU MLP, LayerNorm then the head on the class token.
A training step is what genai4j's TrainLoop does for `genai vision train`: zero_grad, forward, mean
cross-entropy, backward, gradient-norm clipping, AdamW (weight decay on tensors of rank >= 2 only).

Everything comes from one safetensors file genai writes: the weights under genai's names, `images`
[N, 1, H, W] and `labels` [N] (whole numbers, F32), the sizes and settings in its metadata.

    python3 torch_vision.py --check IN.safetensors OUT.safetensors
        one step on all of IN's images as one batch; writes `logits`, `loss`, `grad_norm`, and for
        every weight `<name>.grad` (before clipping) and `<name>.after` (after AdamW) to OUT.

    python3 torch_vision.py --serve IN.safetensors --threads N --batch B --infer-batch I
        prints one JSON line describing itself once warmed up, then answers "run <untimed> <timed>"
        (training steps on B random images of the file) and "infer <untimed> <timed>" (the logits of
        the file's first I images, evaluation mode, no autograd) with the timed calls' seconds.
"""
import re

from peer_common import blas_library, peer_parser, read_safetensors, run_peer, serve_requests, write_safetensors


def models():
    """The two model classes (defined here so that importing this file does not need torch)."""
    import torch
    from torch import nn
    import torch.nn.functional as F

    class LeNet(nn.Module):
        def __init__(self, m):
            super().__init__()
            side = (int(m["image_size"]) // 2 - 4) // 2
            self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
            self.conv2 = nn.Conv2d(6, 16, 5)
            self.fc1 = nn.Linear(16 * side * side, 120)
            self.fc2 = nn.Linear(120, 84)
            self.fc3 = nn.Linear(84, int(m["classes"]))

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = F.relu(self.fc1(x.flatten(1)))
            return self.fc3(F.relu(self.fc2(x)))

    class Block(nn.Module):
        def __init__(self, dim, heads, mlp):
            super().__init__()
            self.norm1 = nn.LayerNorm(dim)
            self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
            self.norm2 = nn.LayerNorm(dim)
            self.fc1 = nn.Linear(dim, mlp)
            self.fc2 = nn.Linear(mlp, dim)

        def forward(self, z):
            h = self.norm1(z)
            z = z + self.attn(h, h, h, need_weights=False)[0]
            return z + self.fc2(F.gelu(self.fc1(self.norm2(z))))

    class Vit(nn.Module):
        def __init__(self, m):
            super().__init__()
            size, patch, dim = int(m["image_size"]), int(m["patch"]), int(m["dim"])
            self.patch_embed = nn.Conv2d(1, dim, patch, stride=patch)
            self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
            self.pos_embed = nn.Parameter(torch.zeros(1, (size // patch) ** 2 + 1, dim))
            self.blocks = nn.ModuleList(Block(dim, int(m["heads"]), int(m["mlp"])) for _ in range(int(m["depth"])))
            self.norm = nn.LayerNorm(dim)
            self.head = nn.Linear(dim, int(m["classes"]))

        def forward(self, x):
            p = self.patch_embed(x).flatten(2).transpose(1, 2)                 # [B, N, D]
            z = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), p], 1) + self.pos_embed
            for block in self.blocks:
                z = block(z)
            return self.head(self.norm(z)[:, 0])

    return {"cnn": LeNet, "vit": Vit}


def genai_names(model):
    """genai name -> (torch parameter, rows of it): blocks.0.x is blocks_0.x, and q/k/v_proj are thirds of in_proj."""
    out = {}
    for name, p in model.named_parameters():
        g = re.sub(r"^blocks\.(\d+)\.", r"blocks_\1.", name)
        packed = re.match(r"(.*\.attn\.)in_proj_(weight|bias)$", g)
        if packed:
            d = p.shape[0] // 3
            for i, part in enumerate("qkv"):
                out["%s%s_proj.%s" % (packed.group(1), part, packed.group(2))] = (p, slice(i * d, (i + 1) * d))
        else:
            out[g] = (p, slice(None))
    return out


def build(tensors, meta):
    """The model of meta's kind with the file's weights; every weight of the file used, every parameter set."""
    import torch
    model = models()[meta["kind"]](meta)
    names = genai_names(model)
    weights = {k: v for k, v in tensors.items() if k not in ("images", "labels")}
    if set(names) != set(weights):
        raise SystemExit("weights differ: only in the file %s, only in the model %s" % (sorted(set(weights) - set(names)), sorted(set(names) - set(weights))))
    with torch.no_grad():
        for name, (p, rows) in names.items():
            p[rows].copy_(torch.from_numpy(weights[name].copy()).reshape(p[rows].shape))
    return model, names


class Step:
    """zero_grad, forward, cross-entropy, backward, clip, AdamW: one update as TrainLoop takes it."""

    def __init__(self, model, meta):
        import torch
        self.torch = torch
        self.model = model
        self.params = list(model.parameters())
        self.clip = float(meta["grad_clip"])
        wd = float(meta["weight_decay"])
        groups = [{"params": [p for p in self.params if p.dim() >= 2], "weight_decay": wd},
                  {"params": [p for p in self.params if p.dim() < 2], "weight_decay": 0.0}]
        self.opt = torch.optim.AdamW(groups, lr=float(meta["lr"]), betas=(0.9, 0.999), eps=1e-8)

    def __call__(self, images, labels, before_update=None):
        self.opt.zero_grad(set_to_none=True)
        logits = self.model(images)
        loss = self.torch.nn.functional.cross_entropy(logits, labels)
        loss.backward()
        if before_update:
            before_update(logits, loss)
        norm = self.torch.nn.utils.clip_grad_norm_(self.params, self.clip) if self.clip > 0 else None
        self.opt.step()
        return loss, norm


def data(tensors):
    import torch
    return torch.from_numpy(tensors["images"].copy()), torch.from_numpy(tensors["labels"].astype("int64"))


def check(args):
    import torch
    torch.set_num_threads(args.threads)
    tensors, meta = read_safetensors(args.check[0])
    model, names = build(tensors, meta)
    images, labels = data(tensors)
    out = {}

    def keep(logits, loss):
        out["logits"] = logits.detach().numpy().copy()
        out["loss"] = loss.detach().reshape(1).numpy().copy()
        for name, (p, rows) in names.items():
            out[name + ".grad"] = p.grad[rows].detach().numpy().copy()

    _, norm = Step(model, meta)(images, labels, keep)
    out["grad_norm"] = norm.detach().reshape(1).numpy().copy()
    for name, (p, rows) in names.items():
        out[name + ".after"] = p[rows].detach().numpy().copy()
    write_safetensors(args.check[1], out)


def serve(args):
    import torch
    torch.set_num_threads(args.threads)
    tensors, meta = read_safetensors(args.serve)
    model, _ = build(tensors, meta)
    images, labels = data(tensors)
    step = Step(model, meta)
    probe = images[:args.infer_batch].contiguous()
    gen = torch.Generator().manual_seed(1)

    def train():
        pick = torch.randint(0, images.shape[0], (args.batch,), generator=gen)
        step(images[pick], labels[pick])

    def infer():
        model.eval()
        with torch.inference_mode():
            model(probe)
        model.train()

    for _ in range(args.warmup):
        train()
        infer()
    serve_requests({"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_library()}, {"run": train, "infer": infer})


def main():
    p = peer_parser(__doc__, "one step on IN's weights and images; results to OUT", "time training steps and inference on IN's model and images, on request")
    p.add_argument("--batch", type=int, default=64, help="images per training step (--serve)")
    p.add_argument("--infer-batch", type=int, default=250, help="images per inference call (--serve)")
    run_peer(p, check, serve)


if __name__ == "__main__":
    main()
