package io.genai4j.cli.llm;

import io.genai4j.cli.CommandGroup;
import io.genai4j.cli.Report;
import io.genai4j.course.table.TextTable;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.CachedModels;
import io.genai4j.llm.ModelStore;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai models list|rm}: what {@code genai pull} downloaded, like {@code ollama list} and {@code ollama rm}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List and remove the models downloaded with `genai pull` (kept in ~/.cache/genai4j/hub, or $GENAI4J_CACHE/hub).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.RemoveModel.class})
public final class ModelsCommand extends CommandGroup {
    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = "Show each downloaded repository: name, size on disk, files, last change and folder.")
    static final class ListModels implements Callable<Integer> {
        @Option(names = "--json", description = "Also print {cache, models: [{name, path, bytes, files, partial, modified}]} as one JSON line.") boolean json;

        @Override
        public Integer call() throws Exception {
            List<CachedModels.Entry> entries = CachedModels.list();
            if (entries.isEmpty()) {
                System.out.println("no models in " + Printable.of(ModelStore.hubDir().toString(), 4096) + " (download one with `genai pull OWNER/REPO`)");
            } else {
                TextTable t = new TextTable("NAME", "SIZE", "FILES", "MODIFIED", "WHERE").right(1, 2);
                DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
                for (CachedModels.Entry e : entries) {
                    String files = e.files() + (e.partial() > 0 ? " (+" + e.partial() + " partial)" : "");
                    t.row(Printable.of(e.name()), bytes(e.bytes()), files, time.format(e.modified()), Printable.of(e.path().toString(), 4096));
                }
                System.out.print(t.render(""));
            }
            if (json) {
                List<Map<String, Object>> models = new ArrayList<>();
                for (CachedModels.Entry e : entries) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", e.name());
                    m.put("path", e.path().toString());
                    m.put("bytes", e.bytes());
                    m.put("files", e.files());
                    m.put("partial", e.partial());
                    m.put("modified", e.modified().toString());
                    models.add(m);
                }
                new Report().put("cache", ModelStore.hubDir().toString()).put("models", models).printJson(System.out);
            }
            return 0;
        }
    }

    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
            description = "Remove downloaded repositories (OWNER/REPO) or single files of them (OWNER/REPO/FILE). Only names in the cache are accepted.")
    static final class RemoveModel implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "NAME", description = "OWNER/REPO or OWNER/REPO/FILE, as `genai models list` shows them.") List<String> names;
        @Option(names = "--json", description = "Also print {removed: [{name, path, bytes}]} as one JSON line.") boolean json;

        @Override
        public Integer call() throws Exception {
            List<Map<String, Object>> removed = new ArrayList<>();
            for (String name : names) {
                CachedModels.Removed r = CachedModels.remove(name);
                System.out.println("removed " + Printable.of(r.name()) + " (" + bytes(r.bytes()) + ", " + Printable.of(r.path().toString(), 4096) + ")");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.name());
                m.put("path", r.path().toString());
                m.put("bytes", r.bytes());
                removed.add(m);
            }
            if (json) new Report().put("removed", removed).printJson(System.out);
            return 0;
        }
    }

    /** 1234567 → "1.2 MB" (decimal units, as ollama and the hub show sizes). */
    static String bytes(long n) {
        if (n < 1000) return n + " B";
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
