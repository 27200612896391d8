package io.leadexport.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by its own chromedriver: both binaries are named explicitly, so Selenium Manager
 * never looks for (or downloads) a browser or a driver. A fresh profile and download folder per browser. One browser
 * per test class, started before its tests and quit after them:
 * {@code @RegisterExtension static final Browser browser = Browser.perTestClass();}
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The browser's own zone: away from the business zone (New York) and from UTC, as a sales office would be. */
    static final String BROWSER_ZONE = "America/Chicago";

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;
    private Path downloads;

    private Browser() {
    }

    static Browser perTestClass() {
        return new Browser();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /**
     * Starts the browser, or skips the calling test class when Chromium is not installed, except under CI
     * ({@code CI=true}), where the browser tests must run.
     */
    private void start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String install = "The admin page tests need Chromium and its driver: "
                + "sudo apt-get update && sudo apt-get install -y chromium chromium-driver";
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                fail(install + " (CI=true: browser tests are not skipped on CI)");
            }
            assumeTrue(false, install);
        }
        profile = Files.createTempDirectory("lead-export-chromium-profile");
        downloads = Files.createTempDirectory("lead-export-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true,
                "safebrowsing.enabled", false,
                "intl.accept_languages", "en-US"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", BROWSER_ZONE))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** What the page wrote to the console as errors since the last call (script errors fail the tests). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }

    /** Saves a screenshot of the page as {@code target/screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the one file the page downloads to be complete, and returns it. While Chromium downloads, the folder
     * holds its hidden temporary file ({@code .org.chromium.Chromium.*}) and then {@code <name>.crdownload}.
     */
    Path awaitDownload(Duration timeout) {
        Path[] found = new Path[1];
        await().alias("a completed download in " + downloads).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<Path> files = files();
                    boolean partial = files.stream().map(f -> f.getFileName().toString())
                            .anyMatch(name -> name.startsWith(".") || name.endsWith(".crdownload"));
                    if (files.size() == 1 && !partial && Files.size(files.get(0)) > 0) {
                        found[0] = files.get(0);
                        return true;
                    }
                    return false;
                });
        assertThat(found[0]).isNotNull();
        return found[0];
    }

    /** Forgets earlier downloads. */
    void clearDownloads() {
        for (Path file : files()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() throws IOException {
        if (service == null) {
            return;
        }
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            service.stop();
            delete(profile);
            delete(downloads);
            service = null;
            driver = null;
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
