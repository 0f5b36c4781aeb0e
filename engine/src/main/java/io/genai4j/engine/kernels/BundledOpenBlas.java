package io.genai4j.engine.kernels;

import io.genai4j.engine.util.Cache;
import io.genai4j.engine.util.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The OpenBLAS shipped inside the {@code org.bytedeco:openblas} artifact's platform jar (classifier
 * {@code linux-x86_64} and so on). Only its native files are used, not its JavaCPP classes: they sit
 * under {@code org/bytedeco/openblas/<platform>/} as {@code libopenblas.so.0} (or
 * {@code libopenblas_nolapack.so.0} in some releases) next to the GCC runtime it was built against
 * ({@code libgfortran.so.5}, {@code libquadmath.so.0}, {@code libgcc_s.so.1}).
 *
 * <p>A shared library cannot be loaded from inside a jar, so the files are copied once to
 * {@code ~/.cache/genai4j/native/openblas-<version>-<platform>/} ({@code $XDG_CACHE_HOME} is honoured).
 * They are written to a temporary folder beside it and renamed into place in one step, so concurrent
 * first runs never see half-written files. Every use checks the copies against the jar by SHA-256
 * (not by size: a same-size file could be damaged or planted) and copies again on a mismatch. The GCC runtime is then preloaded by path, because the
 * dynamic linker looks for {@code libgfortran}'s own dependencies only on the system's paths.
 */
final class BundledOpenBlas {

    /** The version this code was checked against; named in error messages. */
    static final String TESTED_VERSION = "0.3.31-1.5.13";

    private static final String ROOT = "org/bytedeco/openblas/";
    private static final String[] MAIN_NAMES = {
            "libopenblas.so.0", "libopenblas_nolapack.so.0", "libopenblas.0.dylib", "libopenblas_nolapack.0.dylib",
            "libopenblas.dll", "libopenblas_nolapack.dll"};
    // Dependencies in the order they must be loaded (each before the libraries that need it).
    private static final String[] RUNTIME_ORDER = {"libgcc_s", "libquadmath", "libgfortran"};

    private BundledOpenBlas() {}

    /** bytedeco's platform name for this JVM: linux-x86_64, linux-arm64, macosx-arm64, ... */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx"
                : os.startsWith("windows") ? "windows" : os.replaceAll("\\W", "");
        String a = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return o + "-" + a;
    }

    /**
     * Makes the bundled OpenBLAS loadable and returns the path of its main library, or empty when the
     * artifact is not on the class path. Its runtime dependencies are loaded on the way.
     */
    static Optional<Path> prepare() throws IOException {
        String dir = ROOT + platform() + "/";
        ClassLoader cl = BundledOpenBlas.class.getClassLoader();
        for (String main : MAIN_NAMES) {
            URL url = cl.getResource(dir + main);
            if (url == null) continue;
            Path libDir = switch (url.getProtocol()) {
                case "file" -> fileParent(url);                   // an unpacked class path: use in place
                case "jar" -> extract((JarURLConnection) url.openConnection(), dir);
                default -> throw new IOException("cannot read native libraries from " + url);
            };
            preloadRuntime(libDir);
            return Optional.of(libDir.resolve(main));
        }
        return Optional.empty();
    }

    private static Path fileParent(URL url) throws IOException {
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URL " + url, e);
        }
    }

    /** Copies the native libraries under dir in the jar to the cache, once. Returns the cache folder. */
    private static Path extract(JarURLConnection conn, String dir) throws IOException {
        conn.setUseCaches(false); // our own handle, closed below, not the shared cached JarFile
        try (JarFile jar = conn.getJarFile()) {
            return extract(jar, dir);
        }
    }

    /** As above, from an open jar (tests call this). */
    static Path extract(JarFile jar, String dir) throws IOException {
        Map<String, JarEntry> libs = new LinkedHashMap<>();
        for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
            JarEntry e = en.nextElement();
            String name = e.getName();
            if (!name.startsWith(dir) || e.isDirectory()) continue;
            String file = name.substring(dir.length());
            // Skip subfolders (headers, cmake files) and JavaCPP's JNI glue, which genai4j does not use.
            if (file.contains("/") || file.startsWith("libjni") || file.startsWith("jni")) continue;
            if (file.contains(".so") || file.endsWith(".dylib") || file.endsWith(".dll")) libs.put(file, e);
        }
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, JarEntry> e : libs.entrySet()) {
            try (InputStream in = jar.getInputStream(e.getValue())) {
                digests.put(e.getKey(), Digests.sha256(in));
            }
        }
        Path target = cacheRoot().resolve("openblas-" + version(jar) + "-" + platform());
        if (complete(target, digests)) return target;

        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp-");
        try {
            for (Map.Entry<String, JarEntry> e : libs.entrySet()) {
                try (InputStream in = jar.getInputStream(e.getValue())) {
                    Files.copy(in, tmp.resolve(e.getKey()));
                }
            }
            if (!complete(tmp, digests)) throw new IOException("the native libraries copied to " + tmp + " do not match the jar's");
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !complete(target, digests)) deleteTree(target); // a damaged copy
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another process finished first (rename(2) refuses a non-empty target: Linux reports
                // it as a plain FileSystemException); its copy is as good as ours. Anything else is
                // a real failure.
                if (!complete(target, digests)) throw raced;
            }
        } finally {
            if (Files.exists(tmp)) deleteTree(tmp);
        }
        if (!complete(target, digests)) throw new IOException("could not write the native libraries to " + target);
        return target;
    }

    /**
     * True when the folder (a real folder, not a link) holds exactly the jar's libraries, each with
     * the jar's SHA-256. Exactly: every library in the folder whose name looks like a runtime
     * dependency is preloaded, so an extra file must not pass.
     */
    private static boolean complete(Path target, Map<String, String> digests) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> s = Files.list(target)) {
            if (s.count() != digests.size()) return false;
        } catch (IOException e) {
            return false;
        }
        for (Map.Entry<String, String> e : digests.entrySet()) {
            if (!Digests.matches(target.resolve(e.getKey()), e.getValue())) return false;
        }
        return true;
    }

    private static String version(JarFile jar) throws IOException {
        JarEntry pom = jar.getJarEntry("META-INF/maven/org.bytedeco/openblas/pom.properties");
        if (pom != null) {
            Properties p = new Properties();
            try (InputStream in = jar.getInputStream(pom)) {
                p.load(in);
            }
            String v = p.getProperty("version");
            if (v != null && v.matches("[\\w.+-]+")) return v;
        }
        // A repackaged jar without Maven metadata: name the folder after the library's checksum instead.
        for (String main : MAIN_NAMES) {
            JarEntry e = jar.getJarEntry(ROOT + platform() + "/" + main);
            if (e != null) return "crc" + Long.toHexString(e.getCrc());
        }
        return "unknown";
    }

    private static Path cacheRoot() {
        Path root = Cache.dir("native");
        try {
            Files.createDirectories(root);
            if (Files.isWritable(root)) return root;
        } catch (IOException | SecurityException ignored) {
            // A read-only home: fall back to the temporary folder below.
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "genai4j-" + System.getProperty("user.name", "user"), "native");
    }

    /**
     * Loads the bundled GCC runtime before OpenBLAS. libgcc_s is taken from the system when it has one:
     * glibc loads it by name for stack unwinding, and two copies in one process are asking for trouble.
     */
    private static void preloadRuntime(Path libDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(libDir)) {
            files = new ArrayList<>(s.sorted(Comparator.comparing(Path::toString)).toList());
        }
        for (String base : RUNTIME_ORDER) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(base + ".") && !name.startsWith(base + "-")) continue;
                if (base.equals("libgcc_s") && loadsByName(name)) continue;
                try {
                    SymbolLookup.libraryLookup(f, Arena.global());
                } catch (IllegalArgumentException e) {
                    throw new IOException("cannot load " + f + ": " + e.getMessage());
                }
            }
        }
    }

    private static boolean loadsByName(String soname) {
        try {
            SymbolLookup.libraryLookup(soname, Arena.global());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
