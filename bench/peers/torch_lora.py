#!/usr/bin/env python3
"""The LoRA training step of the style lesson in PyTorch, the peer of `genai bench lora --peer torch`.

The model is nanoGPT's GPT (pre-LN blocks, LayerNorm without bias when the config says so, exact
GELU, causal attention, the LM head tied to wte) with LoRA on the layers the exported file names
(PEFT's formula: y = x·Wᵀ + s · dropout(x)·Aᵀ·Bᵀ). The base weights are frozen; the step is what
genai4j's LoraTask + TrainLoop do: mean next-token cross-entropy over the counted targets (a target
of -1 does not count), backward, gradient-norm clipping, AdamW (no weight decay) on A and B.

Everything comes from one safetensors file genai writes (the base weights under nanoGPT's names,
`<layer>.lora_A.weight` / `.lora_B.weight`, `tokens` and `targets` [windows, T] as I32, the sizes and
settings in its metadata), so both sides start from the same numbers.

    python3 torch_lora.py --check IN.safetensors OUT.safetensors
        one step from the file's weights on all its windows as one batch; writes `loss`, `grad_norm`,
        and for every adapter tensor `<name>.grad` (before clipping) and `<name>.after` (after the
        AdamW step) to OUT, so genai compares them with its own step.

    python3 torch_lora.py --serve IN.safetensors --threads N --batch B
        prints one JSON line describing itself once warmed up, then answers each "run <untimed>
        <timed>" line on stdin with a JSON line of the timed steps' durations in seconds (each step
        draws B random windows of the file), and exits at end of input.

Only Python's standard library, numpy and torch (Debian's python3-torch) are needed; safetensors
files are read and written by hand in peer_common.py, which the vision peer shares.
"""
from peer_common import blas_library, peer_parser, read_safetensors, run_peer, serve_requests, write_safetensors


def build(tensors, meta, dropout):
    """The frozen GPT as plain tensors and the adapters as leaf tensors that require gradients."""
    import torch
    base = {k: torch.from_numpy(v.copy()) for k, v in tensors.items() if ".lora_" not in k and k not in ("tokens", "targets")}
    lora = {k: torch.from_numpy(v.copy()).requires_grad_(True) for k, v in tensors.items() if ".lora_" in k}
    cfg = {k: int(meta[k]) for k in ("n_layer", "n_head", "n_embd")}
    scale = float(meta["lora_scale"])
    drop = torch.nn.Dropout(dropout)

    def linear(name, x):
        y = x @ base[name + ".weight"].t()
        if name + ".bias" in base:
            y = y + base[name + ".bias"]
        a = lora.get(name + ".lora_A.weight")
        if a is not None:
            y = y + scale * ((drop(x) @ a.t()) @ lora[name + ".lora_B.weight"].t())
        return y

    def layer_norm(name, x):
        c = x.shape[-1]
        return torch.nn.functional.layer_norm(x, (c,), base[name + ".weight"], base.get(name + ".bias"), 1e-5)

    def forward(idx):
        import math
        b, t = idx.shape
        c, nh = cfg["n_embd"], cfg["n_head"]
        x = base["transformer.wte.weight"][idx] + base["transformer.wpe.weight"][:t]
        mask = torch.ones(t, t, dtype=torch.bool).tril()
        for i in range(cfg["n_layer"]):
            p = "transformer.h.%d." % i
            q, k, v = linear(p + "attn.c_attn", layer_norm(p + "ln_1", x)).split(c, dim=2)
            q, k, v = (z.view(b, t, nh, c // nh).transpose(1, 2) for z in (q, k, v))
            att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(c // nh))
            att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
            y = (att @ v).transpose(1, 2).contiguous().view(b, t, c)
            x = x + linear(p + "attn.c_proj", y)
            h = torch.nn.functional.gelu(linear(p + "mlp.c_fc", layer_norm(p + "ln_2", x)))
            x = x + linear(p + "mlp.c_proj", h)
        x = layer_norm("transformer.ln_f", x)
        return x @ base["transformer.wte.weight"].t()

    return forward, lora


class Step:
    """zero_grad, forward, loss, backward, clip, AdamW: one update as TrainLoop takes it."""

    def __init__(self, forward, lora, meta):
        import torch
        self.torch = torch
        self.forward = forward
        self.params = list(lora.values())
        self.clip = float(meta["grad_clip"])
        self.opt = torch.optim.AdamW(self.params, lr=float(meta["lr"]), betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0)

    def loss(self, idx, targets):
        logits = self.forward(idx)
        return self.torch.nn.functional.cross_entropy(logits.view(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-1)

    def __call__(self, idx, targets, before_update=None):
        self.opt.zero_grad(set_to_none=True)
        loss = self.loss(idx, targets)
        loss.backward()
        if before_update:
            before_update(loss)
        norm = self.torch.nn.utils.clip_grad_norm_(self.params, self.clip) if self.clip > 0 else None
        self.opt.step()
        return loss, norm


def check(args):
    import torch
    torch.set_num_threads(args.threads)
    tensors, meta = read_safetensors(args.check[0])
    forward, lora = build(tensors, meta, 0.0)
    step = Step(forward, lora, meta)
    idx = torch.from_numpy(tensors["tokens"].astype("int64"))
    targets = torch.from_numpy(tensors["targets"].astype("int64"))
    out = {}

    def keep_grads(loss):
        out["loss"] = loss.detach().reshape(1).numpy().copy()
        for name, p in lora.items():
            out[name + ".grad"] = p.grad.detach().numpy().copy()

    _, norm = step(idx, targets, keep_grads)
    out["grad_norm"] = norm.detach().reshape(1).numpy().copy()
    for name, p in lora.items():
        out[name + ".after"] = p.detach().numpy().copy()
    write_safetensors(args.check[1], out)


def serve(args):
    import torch
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    tensors, meta = read_safetensors(args.serve)
    forward, lora = build(tensors, meta, args.dropout)
    step = Step(forward, lora, meta)
    tokens = torch.from_numpy(tensors["tokens"].astype("int64"))
    targets = torch.from_numpy(tensors["targets"].astype("int64"))
    gen = torch.Generator().manual_seed(1)

    def one():
        pick = torch.randint(0, tokens.shape[0], (args.batch,), generator=gen)
        step(tokens[pick], targets[pick])

    for _ in range(args.warmup):
        one()
    serve_requests({"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_library()}, {"run": one})


def main():
    p = peer_parser(__doc__, "one step from IN's weights; results to OUT", "time steps on IN's model and windows, on request")
    p.add_argument("--batch", type=int, default=8, help="windows per step (--serve)")
    p.add_argument("--dropout", type=float, default=0.0, help="lora_dropout (--serve)")
    run_peer(p, check, serve)


if __name__ == "__main__":
    main()
