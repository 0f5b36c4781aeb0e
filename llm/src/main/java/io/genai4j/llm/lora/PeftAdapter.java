package io.genai4j.llm.lora;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.io.TensorInfo;
import io.genai4j.engine.io.WriteEntry;
import io.genai4j.engine.util.AtomicFiles;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PEFT's adapter directory, what {@code model.save_pretrained} writes and {@code PeftModel.from_pretrained}
 * reads: {@code adapter_config.json} (peft_type LORA, task_type CAUSAL_LM, r, lora_alpha, lora_dropout,
 * target_modules, bias none, use_rslora, base_model_name_or_path) and {@code adapter_model.safetensors}
 * with {@code base_model.model.<layer>.lora_A.weight} [r, in] and {@code ...lora_B.weight} [out, r].
 */
public final class PeftAdapter {
    private PeftAdapter() {}

    public static final String CONFIG = "adapter_config.json";
    public static final String WEIGHTS = "adapter_model.safetensors";
    static final String PREFIX = "base_model.model.";

    /** Writes both files (each atomically) into dir, A and B as F32. */
    public static void write(Path dir, LoraWeights w) throws IOException {
        List<WriteEntry> entries = new ArrayList<>();
        for (String m : w.modules()) {
            entries.add(entry(PREFIX + m + ".lora_A.weight", w.a().get(m)));
            entries.add(entry(PREFIX + m + ".lora_B.weight", w.b().get(m)));
        }
        Files.createDirectories(dir);
        SafeTensors.write(dir.resolve(WEIGHTS), entries, Map.of("format", "pt"));
        AtomicFiles.writeString(dir.resolve(CONFIG), configJson(w.config()));
    }

    private static WriteEntry entry(String name, Tensor t) {
        return WriteEntry.ofFloats(name, DType.F32, new long[] {t.size(0), t.size(1)}, t.contiguous().toArray());
    }

    static String configJson(LoraConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peft_type", "LORA");
        m.put("task_type", "CAUSAL_LM");
        m.put("base_model_name_or_path", c.baseModel());
        m.put("r", (long) c.rank());
        m.put("lora_alpha", c.alpha() == Math.rint(c.alpha()) ? (Object) (long) c.alpha() : (Object) (double) c.alpha());
        m.put("lora_dropout", (double) c.dropout());
        m.put("target_modules", c.targets().regex() != null ? c.targets().regex()
                : c.targets().allLinear() ? LoraTargets.ALL_LINEAR : c.targets().names());
        m.put("bias", "none");
        m.put("use_rslora", c.rsLora());
        m.put("fan_in_fan_out", false);
        m.put("inference_mode", true);
        m.put("modules_to_save", null);
        return Json.toJson(m, Integer.MAX_VALUE - 8) + "\n";
    }

    /** Reads a PEFT LoRA directory; anything PEFT would not load as a plain LoRA is an error naming the file and field. */
    public static LoraWeights read(Path dir) throws IOException {
        Path cfgFile = dir.resolve(CONFIG), wFile = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(cfgFile)) throw new IllegalArgumentException(dir + " is not a PEFT adapter: it has no " + CONFIG);
        if (!Files.isRegularFile(wFile)) throw new IllegalArgumentException(dir + " has no " + WEIGHTS + " (only safetensors adapters are read)");
        LoraConfig config = parseConfig(cfgFile, Files.readString(cfgFile));
        Map<String, Tensor> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
        try (SafeTensorsFile f = SafeTensors.open(wFile)) {
            for (TensorInfo t : f.tensors()) {
                String n = t.name();
                boolean isA = n.endsWith(".lora_A.weight"), isB = n.endsWith(".lora_B.weight");
                if (!n.startsWith(PREFIX) || !(isA || isB)) {
                    throw new IllegalArgumentException(wFile + ": tensor " + Printable.of(n) + " is not a base_model.model.<layer>.lora_A/lora_B weight");
                }
                String layer = n.substring(PREFIX.length(), n.length() - ".lora_A.weight".length());
                long[] s = t.shape();
                if (s.length != 2) throw new IllegalArgumentException(wFile + ": tensor " + Printable.of(n) + " is not a matrix");
                (isA ? a : b).put(layer, Tensor.of(f.readF32(n), (int) s[0], (int) s[1]));
            }
        }
        try {
            return new LoraWeights(config, a, b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(wFile + ": " + e.getMessage(), e);
        }
    }

    static LoraConfig parseConfig(Path file, String text) {
        if (!(Json.parse(text) instanceof Map<?, ?> m)) throw new IllegalArgumentException(file + " is not a JSON object");
        String type = String.valueOf(m.get("peft_type"));
        if (!type.equals("LORA")) throw new IllegalArgumentException(file + ": peft_type is " + Printable.of(type) + ", only LORA is supported");
        Object bias = m.get("bias");
        if (bias != null && !"none".equals(bias)) throw new IllegalArgumentException(file + ": bias " + Printable.of(String.valueOf(bias)) + " is not supported (only none)");
        int r = (int) number(file, m, "r");
        float alpha = m.containsKey("lora_alpha") ? (float) number(file, m, "lora_alpha") : 8f;
        float dropout = m.get("lora_dropout") == null ? 0f : (float) number(file, m, "lora_dropout");
        boolean rs = Boolean.TRUE.equals(m.get("use_rslora"));
        Object t = m.get("target_modules");
        LoraTargets targets = switch (t) {
            case String s when s.equals(LoraTargets.ALL_LINEAR) -> LoraTargets.names(List.of(LoraTargets.ALL_LINEAR));
            case String s -> LoraTargets.regex(s);
            case List<?> l when !l.isEmpty() -> LoraTargets.names(l.stream().map(String::valueOf).toList());
            case null, default -> throw new IllegalArgumentException(file + ": target_modules must be a list of names or a regex, got "
                    + Printable.of(String.valueOf(t)));
        };
        Object base = m.get("base_model_name_or_path");
        try {
            return new LoraConfig(r, alpha, dropout, rs, targets, base == null ? "" : base.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static double number(Path file, Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new IllegalArgumentException(file + ": " + key + " must be a number, got " + Printable.of(String.valueOf(m.get(key))));
        return n.doubleValue();
    }
}
