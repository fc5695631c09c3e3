package io.github.cognitosso.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver (no browser or driver
 * downloads): the browser the sample's end-to-end tests walk the application with.
 * Elsewhere, {@code -Dchromium.binary} and {@code -Dchromedriver.binary} name the
 * executables.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	public HeadlessChromium() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--disable-dev-shm-usage", "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	public WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	public String text(String id) {
		return waitFor(By.id(id)).getText();
	}

	public void click(String id) {
		waitFor(By.id(id)).click();
	}

	/**
	 * Waits for the page at {@code url}; after sign-in, Spring Security replays the saved
	 * request as {@code ?continue}.
	 */
	public void waitForUrl(String url) {
		new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.urlMatches("^" + Pattern.quote(url) + "(\\?continue)?$"));
	}

	/** Fills the simulated Cognito's sign-in form, which must be on screen. */
	public void signInAtCognito(String username, String password) {
		waitFor(By.id("signin-button"));
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("signin-button")).click();
	}

	public boolean showsCognitoSignInForm() {
		return !this.driver.findElements(By.cssSelector("input[type=password]")).isEmpty()
				&& !this.driver.findElements(By.id("signin-button")).isEmpty();
	}

	/**
	 * Saves what the browser shows (PNG) and its page source, for a failed step or for
	 * the docs.
	 */
	public void saveScreenshot(Path directory, String name) {
		try {
			Files.createDirectories(directory);
			Path target = directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save a screenshot: " + ex);
		}
	}

	public void savePageSource(Path directory, String name) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".html"),
					this.driver.getPageSource());
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not save the page source: " + ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
