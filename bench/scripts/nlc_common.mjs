// What the node-llama-cpp peer scripts share: importing node-llama-cpp from the folder in $PEERS,
// and deterministic prompt tokens.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

/** node-llama-cpp's module from $PEERS (a folder holding node_modules/node-llama-cpp), and its entry file. */
export async function importNodeLlamaCpp() {
    const peers = process.env.PEERS;
    if (!peers) throw new Error("set PEERS to the folder holding node_modules/node-llama-cpp (bench/scripts/install-node-llama-cpp.sh)");
    const req = createRequire(path.join(path.resolve(peers), "package.json"));
    const entry = req.resolve("node-llama-cpp");
    return { module: await import(pathToFileURL(entry).href), entry };
}

/** Deterministic token ids (xorshift32), like llama-bench's std::rand() % n_vocab. */
export function randomTokens(n, vocab, seed) {
    let s = (seed >>> 0) || 1;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
        s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
        out[i] = s % vocab;
    }
    return out;
}
