package app.confio.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. The browser is a system
 * package rather than a download of the test tool's own: when it is missing, the test installs it
 * with apt-get (the CI machine runs as root), so a fresh machine needs nothing beforehand.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Logger LOG = Logger.getLogger(Browser.class.getName());

  private Browser() {}

  public static synchronized void ensureInstalled() throws IOException, InterruptedException {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
      return;
    }
    LOG.info("Installing Debian's chromium and chromium-driver for the browser test");
    var install =
        List.of(
            "apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver");
    if (run(install) != 0 && (run(List.of("apt-get", "update")) != 0 || run(install) != 0)) {
      throw new IllegalStateException(
          "Could not install chromium and chromium-driver with apt-get: see target/apt-get.log");
    }
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    var log = Path.of("target", "apt-get.log").toFile();
    var process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
            .start();
    process.getOutputStream().close();
    return process.waitFor();
  }

  /** A new headless browser with its own empty profile; downloads land in {@code downloads}. */
  public static ChromeDriver start(Path downloads) throws IOException {
    Files.createDirectories(downloads);
    var profile = Files.createTempDirectory("confio-chromium");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1640",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    var driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
