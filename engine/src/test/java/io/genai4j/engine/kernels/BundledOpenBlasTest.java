package io.genai4j.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genai4j.engine.util.TemporaryCache;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundled OpenBLAS copy in the cache is trusted on its SHA-256 against the jar: a same-size
 * library planted in its place, or an extra library beside it, makes it copy again.
 */
class BundledOpenBlasTest {
    @RegisterExtension
    final TemporaryCache cache = new TemporaryCache();
    JarFile jar;
    String dir;

    @BeforeEach
    void openJar() throws Exception {
        dir = "org/bytedeco/openblas/" + BundledOpenBlas.platform() + "/";
        URL url = BundledOpenBlasTest.class.getClassLoader().getResource(dir + "libgfortran.so.5");
        assumeTrue(url != null && url.getProtocol().equals("jar"), "the openblas platform jar is on the test class path");
        JarURLConnection c = (JarURLConnection) url.openConnection();
        c.setUseCaches(false);
        jar = c.getJarFile();
    }

    @AfterEach
    void close() throws Exception {
        if (jar != null) jar.close();
    }

    private byte[] fromJar(String name) throws Exception {
        try (InputStream in = jar.getInputStream(jar.getJarEntry(dir + name))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aPlantedLibraryOfTheSameSizeIsReplaced() throws Exception {
        Path folder = BundledOpenBlas.extract(jar, dir);
        Path lib = folder.resolve("libgfortran.so.5");
        byte[] real = fromJar("libgfortran.so.5");
        assertArrayEquals(real, Files.readAllBytes(lib));
        byte[] planted = real.clone();
        planted[4096] ^= 1;
        Files.write(lib, planted);
        assertEquals(folder, BundledOpenBlas.extract(jar, dir));
        assertArrayEquals(real, Files.readAllBytes(lib));
    }

    @Test
    void anExtraLibraryBesideTheCopyIsNotKept() throws Exception {
        Path folder = BundledOpenBlas.extract(jar, dir);
        Path extra = Files.write(folder.resolve("libgfortran.so.6"), new byte[] {1, 2, 3});   // would be preloaded
        BundledOpenBlas.extract(jar, dir);
        assertFalse(Files.exists(extra));
    }
}
