package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Debian Chromium, driven through chromedriver, shared by the studio's browser tests (a
 * browser start costs seconds). Installs the Debian packages with server/scripts/install-chromium.sh
 * when they are missing; when that is impossible the tests are skipped with the reason, except under
 * CI, where they fail.
 */
final class StudioBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "studio-screenshots");
    private static StudioBrowser shared;

    final ChromeDriver driver;
    private final Path profile;

    private StudioBrowser() throws IOException {
        profile = Files.createTempDirectory("genai-studio-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /** The shared browser, started (and the packages installed) on first use. */
    static synchronized StudioBrowser get() {
        if (shared == null) {
            ensureInstalled();
            try {
                shared = new StudioBrowser();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit, "studio-browser-quit"));
        }
        return shared;
    }

    private static void ensureInstalled() {
        if (installed()) return;
        String why;
        try {
            Process p = new ProcessBuilder("sh", "scripts/install-chromium.sh").inheritIO().start();
            why = p.waitFor() == 0 ? "the install script ran but " + CHROMIUM + " or " + CHROMEDRIVER + " is still missing"
                    : "server/scripts/install-chromium.sh failed (exit " + p.exitValue() + ")";
        } catch (IOException e) {
            why = "server/scripts/install-chromium.sh could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted while installing chromium";
        }
        if (installed()) return;
        if (System.getenv("CI") != null) fail("the studio's browser tests need chromium and chromedriver: " + why);
        Assumptions.abort("skipping the studio's browser tests: " + why);
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private void quit() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the JVM is exiting; the browser process dies with the driver's
        }
    }

    /** Opens a page at desktop width, dropping the console messages of earlier pages. */
    void open(String url) {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get("about:blank");   // the same URL again would only move to its #hash, keeping the old page
        driver.get(url);
        driver.manage().logs().get(LogType.BROWSER);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * Polls until the condition holds (every 25 ms), failing with what was awaited after a minute:
     * generous, because a loaded CI machine can take seconds to load a model, and a pass returns at once.
     */
    void await(String what, Supplier<Boolean> condition) {
        await(what, Duration.ofSeconds(60), condition);
    }

    void await(String what, Duration limit, Supplier<Boolean> condition) {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (Boolean.TRUE.equals(condition.get())) return;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException notYet) {
                // the page is still drawing
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("timed out waiting for " + what + "; the page's status lines: "
                + js("return [...document.querySelectorAll('[role=status]')].map(e => e.id + '=' + e.textContent).filter(t => !t.endsWith('=')).join(' | ')"));
    }

    /** Asserts the page logged no error or warning (uncaught exceptions and failed requests included). */
    void assertNoConsoleErrors() {
        assertEquals(List.of(), consoleProblems(), "console errors");
    }

    /** The warnings and errors the page logged since the last look. */
    List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
    }

    /** Only the refusal the test provoked on purpose: Chromium logs every 4xx answer of a fetch. */
    void assertOnlyRefusal(String path, int status) {
        List<String> problems = consoleProblems();
        assertEquals(1, problems.size(), "console: " + problems);
        assertTrue(problems.getFirst().contains(path) && problems.getFirst().contains("status of " + status), problems.getFirst());
    }

    /** Saves NAME-360.png and NAME-1280.png (phone and desktop widths), ending at desktop width. */
    void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Map.Entry<Integer, Integer> size : List.of(Map.entry(360, 780), Map.entry(1280, 900))) {
                driver.manage().window().setSize(new Dimension(size.getKey(), size.getValue()));
                await("the layout at " + size.getKey() + " px", () -> ((Number) js("return window.innerWidth")).intValue() <= size.getKey());
                Files.write(SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
