// nlc_batch.mjs: aggregate decoding speed of node-llama-cpp's bundled llama.cpp with S context
// sequences in one context, the peer of `genai bench batch MODEL --streams S`.
//
//   PEERS=DIR node nlc_batch.mjs --model FILE [--streams 4] [--threads 2] [--prompt-tokens 16] [--gen-tokens 32] [--seed 42]
//
// Each sequence gets its own random prompt (seeded xorshift ids, BOS first when the model adds one),
// evaluated up to its first greedy token; then all S sequences decode M more greedy tokens at once.
// node-llama-cpp gathers the pending evaluations of a context's sequences into one llama_decode batch,
// so each step multiplies every weight matrix once for all S tokens, as genai4j's StepBatcher does.
// End-of-generation tokens do not stop a sequence (yieldEogToken). Aggregate t/s = S·M / wall seconds
// of the decoding (prompts excluded). The last stdout line is one JSON object.
import { performance } from "node:perf_hooks";
import path from "node:path";
import { importNodeLlamaCpp, randomTokens } from "./nlc_common.mjs";

function parseArgs(argv) {
    const o = { model: null, streams: 4, threads: 2, promptTokens: 16, genTokens: 32, seed: 42 };
    const names = { "--model": "model", "--streams": "streams", "--threads": "threads", "--prompt-tokens": "promptTokens", "--gen-tokens": "genTokens", "--seed": "seed" };
    for (let i = 2; i < argv.length; i++) {
        const k = names[argv[i]];
        if (!k) throw new Error(`unknown option ${argv[i]}`);
        const v = argv[++i];
        if (v === undefined) throw new Error(`missing value for ${argv[i - 1]}`);
        o[k] = k === "model" ? v : Number(v);
    }
    if (!o.model) throw new Error("--model FILE is required");
    for (const k of ["streams", "threads", "promptTokens", "genTokens"]) if (!(Number.isInteger(o[k]) && o[k] >= 1)) throw new Error(`--${k} must be a positive integer`);
    return o;
}

const opt = parseArgs(process.argv);
const { getLlama, LlamaLogLevel } = (await importNodeLlamaCpp()).module;
const llama = await getLlama({ gpu: false, build: "never", usePrebuiltBinaries: true, skipDownload: true, progressLogs: false, maxThreads: 0, logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath: path.resolve(opt.model), gpuLayers: 0, useMmap: true });
const S = opt.streams, N = opt.promptTokens, M = opt.genTokens;
const context = await model.createContext({
    contextSize: S * (N + M + 8), sequences: S, batchSize: Math.max(N, S),
    threads: { ideal: opt.threads, min: opt.threads }, flashAttention: false,
});
const nVocab = model.fileInfo?.metadata?.tokenizer?.ggml?.tokens?.length;
if (!nVocab) throw new Error("the GGUF file has no tokenizer.ggml.tokens");
const bos = model.tokens.bos;
const addBos = bos != null && model.tokens.shouldPrependBosToken !== false;
const seqs = [], its = [];
for (let s = 0; s < S; s++) {
    const seq = context.getSequence();
    const prompt = randomTokens(N, nVocab, opt.seed + s);
    if (addBos) prompt[0] = bos;
    seqs.push(seq);
    its.push(seq.evaluate(prompt, { temperature: 0, yieldEogToken: true }));
}
// Prompts (one at a time, untimed) up to each sequence's first token.
for (const it of its) await it.next();
process.stderr.write(`node-llama-cpp: ${S} sequences, ${context.currentThreads} threads, ${N} prompt + ${M} generated tokens each\n`);
const t0 = performance.now();
await Promise.all(its.map(async (it) => { for (let i = 0; i < M; i++) await it.next(); }));
const seconds = (performance.now() - t0) / 1000;
for (const it of its) await it.return();
const out = { engine: "node-llama-cpp", model: path.basename(opt.model), streams: S, threads: context.currentThreads, prompt_tokens: N, gen_tokens: M,
    aggregate_tps: Math.round(S * M / seconds * 100) / 100 };
await context.dispose();
await model.dispose();
console.log(JSON.stringify(out));
