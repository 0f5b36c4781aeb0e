// Makes the llama.cpp parity fixture of LlamaCppParityTest: a seeded set of strings (strings.json)
// and, for each vocabulary, the ids llama.cpp gives them (<vocab>.ids.gz).
//
// The oracle is llama.cpp as bundled by node-llama-cpp 3.22.1 (install it outside the repo, see
// ../shared/peers/node-llama-cpp/README.md), loading the vocab-only GGUF files. ES modules resolve
// imports beside the script, so run a copy placed in the install folder:
//   cp make-fixture.mjs $PEERS/ && cd $PEERS && \
//     FIXTURE_DIR=<this folder> node make-fixture.mjs ../shared/data/tokenizers/llamacpp
//
// <vocab>.ids.gz: one line per string, the ids of llama_tokenize(text, add_special=false,
// parse_special=false); when parse_special=true gives other ids they follow after " | ".
import fs from "fs";
import path from "path";
import zlib from "zlib";
import {fileURLToPath} from "url";
import {getLlama} from "node-llama-cpp";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.env.FIXTURE_DIR || here;
const vocabDir = process.argv[2];
const VOCABS = ["baichuan", "bert-bge", "deepseek-coder", "deepseek-llm", "falcon", "gpt-2", "gpt-neox", "llama-bpe",
    "llama-spm", "mpt", "phi-3", "refact", "starcoder"];

// ------------------------------------------------------------------ seeded strings
let seed = 0x13572468;
function rnd() { // mulberry32
    seed |= 0; seed = seed + 0x6D2B79F5 | 0;
    let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
}
const pick = a => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const EN = ("the quick brown fox jumps over lazy dog a an of to in is was for on that with as by at from it he she they we you "
    + "I me my our their this these those what which who whom whose when where why how all any both each few more most other "
    + "some such no nor not only own same so than too very can will just don should now hello world Hello World HELLO The "
    + "tokenizer token tokens model models lazily laziness crazy dizzy fizz buzz jazz pizza zebra zero zone zoo amazing "
    + "prize size breeze freeze quiz whizz analyze organize realize dozen puzzle blizzard Zurich Amazon Arizona").split(" ");
const FR = ("saviez vous le la les un une des est été était êtes où à ça ce cet cette être avoir fait français française "
    + "élève élèves café crème brûlée naïve Noël œuvre cœur sœur garçon déjà très après voilà Saviez-vous "
    + "aujourd'hui l'hôpital qu'il n'est c'était j'ai s'il l'été hôtel forêt île août Zoé zèbre onze douze treize "
    + "seize gazelle azur hasard lézard bizarre Genève Montréal Québec").split(" ");
const OTHER = ["Führer Straße Größe über schön", "Cửa Việt nghiêng", "ñandú año España pingüino", "нещо на Български",
    "Привет мир как дела", "Καλημέρα κόσμε", "مرحبا بالعالم", "नमस्ते दुनिया", "שלום עולם", "ไทย ภาษา", "Ελληνικά ΑΒΓ",
    "İstanbul ılık", "Ærø øl Åse", "ǅemal ǈ ǋ", "ﬁ ﬂ ﬀ", "Ｈｅｌｌｏ　ｗｏｒｌｄ", "Ω Å K ℃ ½ ¼ ² ³ ⅓"];
const CJK = ["我想在apple工作1314151天～", "你好世界", "今天天气很好。", "日本語のテキストです", "カタカナ ひらがな",
    "한국어 텍스트", "中文，标点！", "汉字漢字", "東京タワー", "「引用」『二重』"];
const EMOJI = ["🚀", "😶‍🌫️", "✅", "👍🏽", "🇫🇷", "👨‍👩‍👧‍👦", "❤️", "🤖", "☕", "🎉🎉", "😀😃😄", "🏳️‍🌈", "⌚", "🔥", "🧑‍💻"];
const SPECIAL = ["<s>", "</s>", "<unk>", "<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|eot_id|>", "<|begin_of_text|>",
    "<|start_header_id|>", "<|end_header_id|>", "[CLS]", "[SEP]", "[MASK]", "[PAD]", "[UNK]", "<|end|>", "<|user|>",
    "<|assistant|>", "<|system|>", "<fim_prefix>", "<fim_middle>", "<fim_suffix>", "<|fim_prefix|>", "<pad>", "<mask>"];
const CODE = ["def f(x):\n    return x ** 2\n", "for (int i = 0; i < n; i++) {\n\tsum += a[i];\n}", "if (a != b && c >= d) return;",
    "const x = `${name}: ${value}`;", "echo \"$HOME\" && export PATH=$PATH:/usr/bin", "price = $12.50 + $3", "$x = 5; $$y",
    "SELECT * FROM users WHERE id = 42;", "{\"key\": [1, 2, 3], \"ok\": true}", "<div class=\"a\">Hi</div>", "x <= y => z",
    "a^b ~c |d| e`f`", "/* comment */ // line", "#include <stdio.h>", "print('hello')", "lambda x: x+1", "s/foo/bar/g",
    "    indented\n        more\n", "\t\ttabs\tand spaces  ", "import numpy as np\nnp.zeros((3, 4))", "i++; --j; k+=1;",
    "arr[0][1] = {a:1}", "C:\\Users\\zoe\\file.txt", "https://example.com/a?b=c&d=e#f", "user@example.org",
    "fn main() { println!(\"{}\", 1_000); }", "x = y ? z : w;", "@Override public String toString()", "<?php echo $z; ?>",
    "``` python\nx=1\n```", "--flag=value -v", "==> ... ... <==", "'''docstring'''", "a->b->c", "::std::vector<int>"];
const PUNCT = ["!", "?", ".", ",", ";", ":", "...", "!!!", "?!", "—", "–", "-", "--", "---", "''", "\"", "«", "»", "“", "”",
    "‘", "’", "(", ")", "[", "]", "{", "}", "*", "&", "%", "#", "@", "$", "^", "~", "|", "`", "+", "=", "<", ">", "/", "\\", "_",
    "…", "。", "、", "，", "·", "•", "§", "¶", "©", "®", "™", "°", "±", "×", "÷", "€", "£", "¥", "¢"];
const WS = [" ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", " \n", "\n ", "\u00A0", "\u2009", "\u3000", "\u200B", "\v", "\f",
    "    ", "\t\t", " \t ", "\n\n\n", "\r"];
const CONTRACTIONS = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'VE", "'M", "'LL", "'D", "’s", "'x"];

function number() {
    switch (int(0, 7)) {
        case 0: return String(int(0, 9));
        case 1: return String(int(10, 99999));
        case 2: return String(int(0, 9999999)) + String(int(0, 9999999));
        case 3: return (rnd() * 1000).toFixed(int(1, 4));
        case 4: return int(1, 12) + "/" + int(1, 28) + "/" + int(1900, 2099);
        case 5: return int(1, 999) + "," + String(int(0, 999)).padStart(3, "0") + "," + String(int(0, 999)).padStart(3, "0");
        case 6: return "3".repeat(int(1, 12));
        default: return "+" + int(1, 99) + " " + int(100, 999) + "-" + int(1000, 9999);
    }
}
function word() {
    const r = rnd();
    if (r < 0.45) return pick(EN);
    if (r < 0.70) return pick(FR);
    if (r < 0.78) return pick(OTHER);
    if (r < 0.85) return pick(CJK);
    if (r < 0.92) return number();
    return pick(EN) + pick(CONTRACTIONS);
}
function sentence() {
    const n = int(1, 12);
    const w = [];
    for (let i = 0; i < n; i++) w.push(word());
    let s = w.join(" ");
    if (rnd() < 0.5) s = s[0].toUpperCase() + s.slice(1);
    return s + (rnd() < 0.7 ? pick([".", "!", "?", "...", ":", ";"]) : "");
}
function fragment() {
    const r = rnd();
    if (r < 0.35) return sentence();
    if (r < 0.45) return pick(CODE);
    if (r < 0.55) return pick(EMOJI);
    if (r < 0.63) return pick(SPECIAL);
    if (r < 0.72) return pick(PUNCT).repeat(int(1, 3));
    if (r < 0.82) return pick(WS);
    if (r < 0.90) return number();
    return word();
}
function soup() { // random code points from mixed pools, the ugly corners
    const pools = [[0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x6ff], [0x900, 0x97f],
        [0x2000, 0x206f], [0x2100, 0x214f], [0x3000, 0x30ff], [0x4e00, 0x4eff], [0xac00, 0xac7f], [0xff00, 0xffef], [0x1f300, 0x1f64f],
        [0x9, 0xd], [0x1d400, 0x1d4ff], [0x10400, 0x1044f]];
    let s = "";
    const n = int(1, 20);
    for (let i = 0; i < n; i++) {
        const [lo, hi] = pick(pools);
        s += String.fromCodePoint(int(lo, hi));
    }
    return s;
}
function text() {
    const r = rnd();
    if (r < 0.10) return soup();
    if (r < 0.20) return sentence();
    const n = int(1, 6);
    let s = "";
    for (let i = 0; i < n; i++) s += fragment() + (rnd() < 0.6 ? " " : "");
    return rnd() < 0.2 ? pick(WS) + s : s;
}

const strings = [
    "The quick brown fox jumps over the lazy dog.", " lazy", "lazy", "Saviez-vous que", "vous saviez", "zzz zz z",
    "$", "$$ money $5", "a$b", "\\z", "\\", "Zz", "price: $100 and z", "lazy$", "z$", "3333333 3.3 3..3", "",
    " ", "  ", "\n", "Hello world", " Hello world", "Hello World", "I've 'RE they'll", "\n \n\n \t\t \n"];
while (strings.length < 3000) strings.push(text());

// ------------------------------------------------------------------ the oracle
const llama = await getLlama({gpu: false, build: "never", logLevel: "error"});
fs.writeFileSync(path.join(out, "strings.json"), "[\n" + strings.map(s => JSON.stringify(s)).join(",\n") + "\n]\n");
for (const v of VOCABS) {
    const model = await llama.loadModel({modelPath: path.join(vocabDir, `ggml-vocab-${v}.gguf`), vocabOnly: true});
    const lines = strings.map(s => {
        const plain = Array.from(model.tokenize(s, false)).join(" ");
        const special = Array.from(model.tokenize(s, true)).join(" ");
        return special === plain ? plain : plain + " | " + special;
    });
    fs.writeFileSync(path.join(out, `${v}.ids.gz`), zlib.gzipSync(lines.join("\n") + "\n", {level: 9}));
    console.log(v, lines.length);
    await model.dispose();
}
await llama.dispose();
