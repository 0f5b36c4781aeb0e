// Makes text/src/test/resources/io/genai4j/text/bpe/gpt2-reference-ids.json: a few hundred strings and
// the GPT-2 token ids that the npm package gpt-3-encoder (a port of OpenAI's encoder.py) gives them.
// Run by hand, from this folder:  npm install && node make-gpt2-fixture.js
// The strings stress where a Java port can drift from the JS reference: JS's \s set vs Java's,
// surrogate pairs and lone surrogates (TextEncoder writes U+FFFD), \s+(?!\S) on whitespace runs,
// contractions, and merges whose JS lookup key "a,b" is ambiguous when a token holds a comma.
'use strict';
const fs = require('fs');
const path = require('path');
const { encode, decode } = require('gpt-3-encoder');

const root = path.resolve(__dirname, '..', '..', '..', '..');
const corpus = fs.readFileSync(path.join(root, 'text/src/main/resources/io/genai4j/text/corpora/tinyshakespeare.txt'), 'utf8');
const out = path.join(root, 'text/src/test/resources/io/genai4j/text/bpe/gpt2-reference-ids.json');

// A small seeded PRNG (mulberry32) so the fixture is the same on every run.
let seed = 20240601;
function rand() {
  seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = a => a[Math.floor(rand() * a.length)];

const strings = [];
const add = s => { if (!strings.includes(s)) strings.push(s); };

// 1. Shakespeare: single lines at a fixed stride, and multi-line chunks (newline runs, speaker names).
const lines = corpus.split('\n');
for (let i = 0; i < lines.length && strings.length < 120; i += 331) if (lines[i].length > 0) add(lines[i]);
for (let k = 0; k < 30; k++) {
  const at = Math.floor(rand() * (corpus.length - 400));
  add(corpus.slice(at, at + 50 + Math.floor(rand() * 300)));
}

// 2. Hand-picked cases.
[
  '', ' ', '  ', '   ', '\t', '\n', '\n\n\n', ' \n ', 'a  b', 'a   b', 'a \tb', 'end   ', '   start',
  'Hello world', ' Hello world', 'Hello  world', 'Hello\n\nworld', 'line one\r\nline two\r\n',
  "I'm", "you're", "they've", "we'll", "she'd", "it's", "DON'T", "I'M", "O'er the hill", "'tis", "rock 'n' roll",
  'it’s curly', '“quoted”', "'''triple'''",
  '1234567890', '3.14159', '1,000,000', '-42', '0x1F', '2024-06-01T12:00:00Z', '١٢٣ Arabic-Indic digits', 'Ⅻ roman', '½ ¾ ²',
  'café', 'naïve', 'e\u0301', 'Zoë Ångström', 'Straße', 'ﬁ ligature', 'İstanbul', 'ΑΒΓ αβγ', 'Привет, мир!',
  '日本語のテキスト', '中文字符', '한국어', 'مرحبا بالعالم', 'שלום', 'हिन्दी', 'ภาษาไทย',
  '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷🇯🇵', 'I ❤️ NY', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𝟙𝟚𝟛', 'a😀b', ' 😀 ',
  'a\u00a0b', 'a\u2003b', 'a\u3000b', 'a\ufeffb', 'a\u0085b', 'a\u2028b', 'a\u1680b', 'a\u180eb', 'a\u200bb',
  'a\u00a0\u00a0b', '\u00a0', '\u3000\u3000x', 'x\u2028\u2029y', '\u000b\u000c', 'a\x1c\x1d\x1e\x1fb', '\x00\x01\x7f',
  '\ud800', '\udc00', 'a\ud800b', 'x\udfff', '\ud83d', '\ud83dx\ude00', '😀\ud800',
  '<|endoftext|>', 'text<|endoftext|>more', '<|endoftext|> <|endoftext|>',
  'public static void main(String[] args) {\n    System.out.println("hi");\n}',
  'def f(x):\n\treturn x ** 2  # square\n',
  '{"a":1,"b":[2,3],"c":{"d":"e"}}', '","', '",",",",', ',,,,', ',,,, ,,', '},{"', '"},{"', '],"', '),"', '"a",b"',
  'SELECT * FROM t WHERE x >= 10;', '<div class="x">&amp;</div>', 'https://example.com/a?b=c&d=e#f',
  'a_b_c __init__', '#!/bin/sh\nset -eu', '$HOME/~user', 'C:\\Windows\\path', '    indented\n        more',
  '!!!???...', '---', '=====', '***bold***', '(parens) [brackets] {braces}',
].forEach(add);

// 3. Random strings from an alphabet of the pieces above, to hit their combinations.
const alphabet = [
  'a', 'b', 'The', 'the', ' ', ' ', '  ', '\n', '\t', '\r\n', "'s", "'", "'ll", '’', ',', '.', '"', '!', '?',
  '0', '7', '42', '3.5', 'é', 'e\u0301', 'ß', 'ж', '中', 'ع', '😀', '👍🏽', '\u200d', '\u00a0', '\u3000',
  '\ufeff', '\u0085', '\u2028', '\ud800', '\udc00', '<|endoftext|>', '{', '}', '_', '-', '#', '\\', '/', '`',
];
for (let k = 0; k < 100; k++) {
  let s = '';
  const n = 1 + Math.floor(rand() * 24);
  for (let i = 0; i < n; i++) s += pick(alphabet);
  add(s);
}

const cases = strings.map(text => ({ text, ids: encode(text) }));
for (const c of cases) {
  if (c.ids.some(id => typeof id !== 'number')) throw new Error('reference gave a non-number id for ' + JSON.stringify(c.text));
}
const pkg = require('gpt-3-encoder/package.json');
const fixture = {
  source: `npm gpt-3-encoder@${pkg.version}, node ${process.version} (Unicode ${process.versions.unicode})`,
  made_by: 'text/src/test/node/make-gpt2-fixture.js',
  cases,
};
// One case per line keeps diffs readable.
const body = cases.map(c => '    ' + JSON.stringify(c)).join(',\n');
fs.writeFileSync(out, '{\n  "source": ' + JSON.stringify(fixture.source) + ',\n  "made_by": ' + JSON.stringify(fixture.made_by)
  + ',\n  "cases": [\n' + body + '\n  ]\n}\n');
console.log(`wrote ${cases.length} cases to ${path.relative(root, out)}`);
// A sanity check the other way: decoding the reference ids gives the text back (lone surrogates -> U+FFFD).
let lossy = 0;
for (const c of cases) if (decode(c.ids) !== c.text) lossy++;
console.log(`${lossy} cases do not decode to their exact text (lone surrogates become U+FFFD)`);
