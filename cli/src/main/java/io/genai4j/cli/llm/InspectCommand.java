package io.genai4j.cli.llm;

import io.genai4j.cli.Report;
import io.genai4j.engine.io.gguf.GgufArray;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufMetadata;
import io.genai4j.engine.io.gguf.GgufTensorInfo;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.ModelStore;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.engine.nn.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai inspect MODEL}: metadata and the tensor table of a GGUF file or a Hugging Face directory. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show a model's metadata and tensors.")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache.") String model;
    @Option(names = "--json", description = "Also print metadata and tensors as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        Path p = ModelStore.resolve(model);
        Map<String, Object> meta = new LinkedHashMap<>();
        List<Map<String, Object>> tensors = new ArrayList<>();
        if (Files.isDirectory(p)) {
            try (LoadedModel m = ModelLoader.load(p)) {
                System.out.println(m.description());
                meta.put("config", m.config().toString());
                for (var e : ((Module) m.model()).stateDict().entrySet()) tensors.add(row(e.getKey(), e.getValue().dtype().toString(), toLong(e.getValue().shape())));
            }
        } else {
            try (GgufFile f = GgufFile.open(p)) {
                System.out.printf(Locale.ROOT, "GGUF v%d, alignment %d, %d metadata keys, %d tensors%n", f.version(), f.alignment(), f.metadata().keys().size(), f.tensors().size());
                for (GgufMetadata.Entry e : f.metadata().entries().values()) {
                    Object v = e.value();
                    // Keys and values come from the file: escaped (no raw ESC sequences) and cut.
                    String shown = v instanceof GgufArray a ? "[" + a.elementType() + " × " + a.length() + "]" : Printable.of(String.valueOf(v));
                    System.out.printf("  %-45s %-8s %s%n", Printable.of(e.key()), e.type(), shown);
                    meta.put(e.key(), v instanceof GgufArray a ? Map.of("type", a.elementType().toString(), "length", a.length()) : v);
                }
                for (GgufTensorInfo t : f.tensors()) tensors.add(row(t.name(), t.type().toString(), t.shape()));
            }
        }
        long params = 0;
        for (Map<String, Object> t : tensors) {
            long n = 1;
            for (long d : (long[]) t.get("shape")) n *= d;
            params += n;
            System.out.printf("  %-45s %-6s %s%n", Printable.of((String) t.get("name")), t.get("type"), Arrays.toString((long[]) t.get("shape")));
        }
        System.out.printf(Locale.ROOT, "%,d parameters in %d tensors%n", params, tensors.size());
        if (json) new Report().put("metadata", meta).put("tensors", tensors).put("parameters", params).printJson(System.out);
        return 0;
    }

    private static Map<String, Object> row(String name, String type, long[] shape) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("type", type);
        r.put("shape", shape);
        return r;
    }

    private static long[] toLong(int[] s) {
        long[] l = new long[s.length];
        for (int i = 0; i < s.length; i++) l[i] = s[i];
        return l;
    }
}
