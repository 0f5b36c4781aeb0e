package io.genai4j.cli.llm;

import io.genai4j.cli.Report;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.hub.HubClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai pull OWNER/REPO [--file NAME]}: download a model from the Hugging Face hub into the cache. */
@Command(name = "pull", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Download a model from the Hugging Face hub ($HF_ENDPOINT, token $HF_TOKEN) into ~/.cache/genai4j/hub/OWNER/REPO.",
                "Resumable (run it again after an interruption; a body that sends nothing for $HF_HUB_DOWNLOAD_TIMEOUT seconds, default 30, stops the download).",
                "Every file, new or already cached, is checked against the hub's size and digest. A GGUF repository needs --file to choose one quantization.",
                "`genai models list` shows what is cached, `genai models rm OWNER/REPO` removes it."})
public final class PullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OWNER/REPO", description = "The repository.") String repo;
    @Option(names = "--file", description = "A file to download (repeatable); default: the model's files (all but other frameworks' weights).") List<String> files = new ArrayList<>();
    @Option(names = "--json", description = "Also print {repo, dir, files} as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        HubClient hub = HubClient.fromEnvironment();
        for (String w : hub.warnings()) System.err.println("genai: " + w);
        List<HubClient.RemoteFile> remote = hub.list(repo);
        List<HubClient.RemoteFile> chosen = new ArrayList<>();
        if (!files.isEmpty()) {
            for (String f : files) {
                HubClient.RemoteFile r = remote.stream().filter(x -> x.name().equals(f)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        repo + " has no file '" + Printable.of(f) + "'; it has " + Printable.of(remote.stream().map(HubClient.RemoteFile::name).toList().toString(), 2000)));
                chosen.add(r);
            }
        } else {
            List<String> ggufs = remote.stream().map(HubClient.RemoteFile::name).filter(n -> n.endsWith(".gguf")).toList();
            if (ggufs.size() > 1) throw new IllegalArgumentException(repo + " has several GGUF files; choose one with --file: " + Printable.of(ggufs.toString(), 2000));
            for (HubClient.RemoteFile r : remote) {
                String n = r.name();
                boolean otherFramework = n.endsWith(".bin") || n.endsWith(".pth") || n.endsWith(".pt") || n.endsWith(".h5") || n.endsWith(".msgpack")
                        || n.endsWith(".onnx") || n.endsWith(".ot") || n.endsWith(".onnx_data") || n.startsWith("onnx/") || n.startsWith(".");
                if (!otherFramework) chosen.add(r);
            }
        }
        Path dir = ModelStore.repoDir(repo);
        List<String> done = new ArrayList<>();
        for (HubClient.RemoteFile f : chosen) {
            Path p = hub.download(repo, f, dir, new DownloadBar());
            done.add(f.name());
            System.out.println(Printable.of(p.toString(), 4096));
        }
        System.err.println("downloaded " + done.size() + " files into " + dir + "; run it with: genai run " + repo + (done.size() == 1 && done.get(0).endsWith(".gguf") ? "/" + Printable.of(done.get(0)) : "") + " --prompt ...");
        if (json) new Report().put("repo", repo).put("dir", dir.toString()).put("files", done).printJson(System.out);
        return 0;
    }
}
