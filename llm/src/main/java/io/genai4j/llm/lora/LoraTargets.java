package io.genai4j.llm.lora;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which Linear layers get an adapter, matched on their dotted module names as PEFT matches
 * {@code target_modules}: a list of names, each matching a module whose name is it or ends with
 * "." + it ({@code q_proj} matches {@code model.layers.3.self_attn.q_proj}); a regex, matching whole
 * names; or {@code all-linear}, every Linear but the output layer ({@code lm_head}).
 *
 * @param names the names of a list, else empty
 * @param regex the pattern, else null
 */
public record LoraTargets(List<String> names, String regex) {
    public static final String ALL_LINEAR = "all-linear";
    /** Llama and Qwen's attention and feed-forward projections. */
    public static final List<String> LLAMA_ALL = List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");
    /** Our GPT's (nanoGPT's) projections. */
    public static final List<String> GPT_ALL = List.of("c_attn", "c_proj", "c_fc");

    public LoraTargets {
        names = List.copyOf(names);
        if (names.isEmpty() == (regex == null)) throw new IllegalArgumentException("LoRA targets need either names or a regex");
        if (regex != null) Pattern.compile(regex);   // a bad pattern fails here, with its position
    }

    public static LoraTargets names(List<String> names) {
        return new LoraTargets(names, null);
    }

    public static LoraTargets regex(String regex) {
        return new LoraTargets(List.of(), regex);
    }

    /** {@code all-linear}, or a comma-separated list of names (the CLI's --target). */
    public static LoraTargets parse(String spec) {
        List<String> list = List.of(spec.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) throw new IllegalArgumentException("no LoRA target modules in '" + spec + "'");
        return names(list);
    }

    public boolean allLinear() {
        return names.equals(List.of(ALL_LINEAR));
    }

    /** Whether the Linear layer of this dotted name is adapted. */
    public boolean matches(String module) {
        if (regex != null) return Pattern.compile(regex).matcher(module).matches();
        if (allLinear()) return !module.equals("lm_head") && !module.endsWith(".lm_head");
        for (String n : names) if (module.equals(n) || module.endsWith("." + n)) return true;
        return false;
    }
}
