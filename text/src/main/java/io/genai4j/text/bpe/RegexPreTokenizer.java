package io.genai4j.text.bpe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pre-tokenizer made of a sequence of regular expressions, applied as llama.cpp's
 * unicode_regex_split and Hugging Face's Split(behavior=Isolated) apply them: the first regex cuts
 * the text into its matches and the gaps between them (gaps are pieces too); each next regex cuts
 * every piece the same way, never looking across a piece boundary.
 *
 * <p>Regexes are compiled with Unicode character classes: {@code \s} is Unicode White_Space
 * (what llama.cpp's unicode tables and the Rust regex engines use), {@code \p{L}}, {@code \p{N}},
 * {@code \p{P}} are general categories. An unescaped {@code $} outside a character class means end
 * of piece; {@code \$} and {@code [$]} stay a dollar sign.
 *
 * <p>{@link #forGguf} knows the pre-tokenizers llama.cpp selects by {@code tokenizer.ggml.pre}, and
 * matches as llama.cpp's unicode_regex_split does: a regex without a {@code \p{..}} category runs
 * on std::wregex over a copy of the text in which every non-ASCII whitespace character is written
 * as U+000B, so such a character counts as whitespace and never as itself (U+3000 is not in
 * DeepSeek's literal range {@code 　-。}, U+2009 is not in its CJK range {@code ࠀ-一}).
 */
public final class RegexPreTokenizer implements PreTokenizer {
    private final List<Pattern> patterns;
    private final List<String> regexes;
    private final String name;
    private final boolean[] wideSpaceAsVt;    // by regex: match on the text with non-ASCII whitespace as U+000B

    /** A pre-tokenizer from a tokenizer.json: the regexes match the text as it is (Rust regex). */
    public RegexPreTokenizer(String name, List<String> regexes) {
        this(name, regexes, false);
    }

    private RegexPreTokenizer(String name, List<String> regexes, boolean llamaCpp) {
        this.name = name;
        this.regexes = List.copyOf(regexes);
        List<Pattern> ps = new ArrayList<>();
        wideSpaceAsVt = new boolean[regexes.size()];
        for (int i = 0; i < regexes.size(); i++) {
            String r = regexes.get(i);
            ps.add(Pattern.compile(endOfPiece(r), Pattern.UNICODE_CHARACTER_CLASS));
            wideSpaceAsVt[i] = llamaCpp && !r.contains("\\p{");
        }
        this.patterns = List.copyOf(ps);
    }

    /** A pre-tokenizer as llama.cpp runs it (see the class comment). */
    private static RegexPreTokenizer llamaCpp(String name, String... regexes) {
        return new RegexPreTokenizer(name, List.of(regexes), true);
    }

    /**
     * The regex with every anchor {@code $} written {@code \z}: in Java {@code $} also matches before
     * a final line break, in llama.cpp and Rust it is the end of the piece. An escaped {@code \$} or a
     * {@code $} inside brackets is a dollar sign and is left alone (rewriting it turned Falcon's
     * {@code [\p{P}\$...]} into a class holding the letter z, which cut "lazy" into " la", "z", "y").
     */
    static String endOfPiece(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            if (c == '$' && depth == 0) out.append("\\z");
            else out.append(c);
        }
        return out.toString();
    }

    public String name() {
        return name;
    }

    public List<String> regexes() {
        return regexes;
    }

    /** Strings on which the pre-tokenizers of different models tend to disagree. */
    private static final List<String> PROBES = List.of("Hello world", " Hello  World!", "I've 'RE they'll", "3333333 3.3 3..3",
            "\n \n\n \t\t \n", "    Hello\n    Hello", "нещо на Български", "🚀 (normal) 😶\u200d🌫️ ✅", "我想在apple工作1314151天～",
            "------======= ''''``````\"\"......!!!!!!??????", "Führer Cửa Việt ied 4 ½ months", "a\r\nb \r\n\r\n c  \u00A0x");

    /** True when both cut every probe string the same way (how a converter recognises a pre-tokenizer). */
    public boolean equivalent(PreTokenizer other) {
        for (String s : PROBES) if (!split(s).equals(other.split(s))) return false;
        return true;
    }

    @Override
    public void split(String text, Consumer<String> piece) {
        List<String> pieces = List.of(text);
        for (int p = 0; p < patterns.size(); p++) {
            List<String> next = new ArrayList<>(pieces.size() * 2);
            Matcher m = patterns.get(p).matcher("");
            for (String s : pieces) cut(m, s, wideSpaceAsVt[p] ? wideSpaceAsVt(s) : s, next::add);
            pieces = next;
        }
        for (String s : pieces) if (!s.isEmpty()) piece.accept(s);
    }

    /** s with each non-ASCII whitespace character replaced by U+000B (all are one UTF-16 unit). */
    static String wideSpaceAsVt(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            if (isWideSpace(s.charAt(i))) {
                if (c == null) c = s.toCharArray();
                c[i] = '\u000B';
            }
        }
        return c == null ? s : new String(c);
    }

    /** Unicode White_Space above ASCII, the set of llama.cpp's unicode tables. */
    private static boolean isWideSpace(char c) {
        return c == 0x85 || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Matches and gaps of one regex over s, in order; the regex runs on matchOn, a same-length view of s. */
    private static void cut(Matcher m, String s, String matchOn, Consumer<String> out) {
        m.reset(matchOn);
        int last = 0;
        while (m.find()) {
            if (m.end() == m.start()) continue;   // an empty match cuts nothing
            if (m.start() > last) out.accept(s.substring(last, m.start()));
            out.accept(s.substring(m.start(), m.end()));
            last = m.end();
        }
        if (last < s.length()) out.accept(s.substring(last));
    }

    // ------------------------------------------------------------------ the regexes of llama.cpp's pre-tokenizer types

    /** GPT-2's regex without the final \s+ (a gap becomes a piece anyway). */
    static final String GPT2 = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";
    /** Llama 3's regex, its (?i:...) spelled out so case folding cannot reach beyond ASCII. */
    static final String LLAMA3 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** Qwen 2's regex: Llama 3's with single digits. */
    static final String QWEN2 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /**
     * DeepSeek LLM's cased letters (Unicode Lu/Ll/Lt as of its tokenizer), written as code points:
     * several of them (U+2126 OHM SIGN, U+1FD3...) change under Unicode normalization.
     */
    private static final String DEEPSEEK_LETTERS = "A-Za-z\\u00B5\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u01BA\\u01BC-\\u01BF"
            + "\\u01C4-\\u0293\\u0295-\\u02AF\\u0370-\\u0373\\u0376\\u0377\\u037B-\\u037D\\u037F\\u0386\\u0388-\\u038A\\u038C"
            + "\\u038E-\\u03A1\\u03A3-\\u03F5\\u03F7-\\u0481\\u048A-\\u052F\\u0531-\\u0556\\u10A0-\\u10C5\\u13A0-\\u13F5"
            + "\\u13F8-\\u13FD\\u1C90-\\u1CBA\\u1CBD-\\u1CBF\\u1D00-\\u1D2B\\u1D6B-\\u1D77\\u1D79-\\u1D9A\\u1E00-\\u1F15"
            + "\\u1F18-\\u1F1D\\u1F20-\\u1F45\\u1F48-\\u1F4D\\u1F50-\\u1F57\\u1F59\\u1F5B\\u1F5D\\u1F5F-\\u1F7D\\u1F80-\\u1FB4"
            + "\\u1FB6-\\u1FBC\\u1FBE\\u1FC2-\\u1FC4\\u1FC6-\\u1FCC\\u1FD0-\\u1FD3\\u1FD6-\\u1FDB\\u1FE0-\\u1FEC\\u1FF2-\\u1FF4"
            + "\\u1FF6-\\u1FFC\\u2102\\u2107\\u210A-\\u2113\\u2115\\u2119-\\u211D\\u2124\\u2126\\u2128\\u212A-\\u212D"
            + "\\u212F-\\u2134\\u2139\\u213C-\\u213F\\u2145-\\u2149\\u214E\\u2183\\u2184\\u2C00-\\u2C7B\\u2C7E-\\u2CE4"
            + "\\u2CEB-\\u2CEE\\u2CF2\\u2CF3\\uA640-\\uA66D\\uA680-\\uA69B\\uA722-\\uA76F\\uA771-\\uA787\\uA78B-\\uA78E"
            + "\\uAB70-\\uABBF\\uFB00-\\uFB06\\uFB13-\\uFB17\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\x{10400}-\\x{1044F}"
            + "\\x{104B0}-\\x{104D3}\\x{104D8}-\\x{104FB}\\x{10C80}-\\x{10CB2}\\x{10CC0}-\\x{10CF2}\\x{118A0}-\\x{118DF}"
            + "\\x{1E900}-\\x{1E943}";
    private static final String CJK = "[\\u4E00-\\u9FA5\\u0800-\\u4E00\\uAC00-\\uD7FF]+";

    /**
     * The pre-tokenizer llama.cpp uses for a {@code tokenizer.ggml.pre} value (llama-vocab.cpp);
     * unknown or missing names get llama.cpp's default, as there.
     */
    public static RegexPreTokenizer forGguf(String pre) {
        String p = pre == null ? "default" : pre.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2", "dbrx", "smaug-bpe",
                 "chatglm-bpe", "glm4" ->
                    llamaCpp(p, LLAMA3);
            case "qwen2", "deepseek-r1-qwen", "kormo", "stablelm2", "hunyuan", "megrez" -> llamaCpp(p, QWEN2);
            case "deepseek-llm" -> llamaCpp(p,
                    "[\\r\\n]",
                    "\\s?[" + DEEPSEEK_LETTERS + "]+",
                    "\\s?[!-/:-~\\uFF01-\\uFF0F\\uFF1A-\\uFF5E\\u2018-\\u201F\\u3000-\\u3002]+",
                    "\\s+$",
                    CJK,
                    "\\p{N}+");
            case "deepseek-coder" -> llamaCpp(p, "[\\r\\n]", "\\s?\\p{L}+", "\\s?\\p{P}+", CJK, "\\p{N}");
            case "falcon" -> llamaCpp(p, "[\\p{P}\\$\\+<=>\\^~\\|`]+", GPT2, "[0-9][0-9][0-9]");
            case "starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b" ->
                    llamaCpp(p, "\\p{N}", GPT2);
            case "gpt-2", "phi-2", "jina-es", "jina-de", "gigachat", "jina-v2-es", "jina-v2-de", "a.x-4.0", "mellum",
                 "jina-v1-en", "jina-v2-code", "roberta-bpe", "mpt", "olmo", "jais", "exaone4", "trillion", "granite-docling" ->
                    llamaCpp(p, GPT2);
            case "poro-chat", "bloom", "gpt3-finnish" -> llamaCpp(p, " ?[^(\\s|.,!?…。，、।۔،)]+");
            case "viking" -> llamaCpp(p, " ?[^(\\s|.,!?…。，、।۔،)]+", "\\p{N}");
            case "seed-coder" -> llamaCpp(p, "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
                    + "|\\p{N}{1}| ?[^\\s\\p{L}\\p{N}\\r\\n]+|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+");
            default -> llamaCpp("default", "[\\p{P}\\$\\+<=>\\^~\\|]+", GPT2, "\\p{N}+", "[0-9][0-9][0-9]");
        };
    }

    /** True when llama.cpp knows this pre-tokenizer name (others fall back to the default). */
    public static boolean known(String pre) {
        return pre != null && !forGguf(pre).name().equals("default") || "default".equals(pre);
    }

    @Override
    public String toString() {
        return "RegexPreTokenizer[" + name + "]";
    }
}
