package io.leadexport.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The admin page as a person uses it: what the tests do and read, by the ids and roles the page exposes. */
final class AdminPage {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final Browser browser;
    private final ChromeDriver driver;
    private final String url;

    AdminPage(Browser browser, int port) {
        this.browser = browser;
        this.driver = browser.driver();
        this.url = "http://localhost:" + port + "/";
    }

    /** The page as a new visitor sees it: without a session (one left by an earlier test is forgotten). */
    AdminPage open() {
        forgetSession();
        driver.get(url);
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        return this;
    }

    /** Drops this browser's cookies for the app, as a new visitor (the server session itself is not ended). */
    void forgetSession() {
        if (!driver.getCurrentUrl().startsWith(url)) {
            driver.get(url);
        }
        driver.manage().deleteAllCookies();
    }

    /** The server session's cookie as the browser keeps it (WebDriver sees HttpOnly cookies; the page cannot). */
    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("SESSION");
    }

    AdminPage signIn(String username, String password) {
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in-button")).click();
        return this;
    }

    AdminPage signInAs(String username) {
        open().signIn(username, username + "-pw");
        waitFor(d -> d.findElement(By.id("export-form")).isDisplayed()
                || (d.findElement(By.id("sign-in-error")).isDisplayed() && d.findElement(By.id("sign-in-button")).isEnabled()));
        if (!driver.findElement(By.id("export-form")).isDisplayed()) {
            throw new AssertionError("Signing in as " + username + " failed: "
                    + driver.findElement(By.id("sign-in-error")).getText());
        }
        // The catalog has filled the form.
        waitFor(d -> !new Select(d.findElement(By.id("format"))).getOptions().isEmpty());
        return this;
    }

    /**
     * After a reload: the server session keeps the page signed in, so it comes back as {@code username} without the
     * sign-in form ever being shown (nothing is typed again); fails otherwise.
     */
    void awaitSignedInAfterReload(String username) {
        waitFor(d -> d.findElement(By.id("app")).isDisplayed() || d.findElement(By.id("sign-in")).isDisplayed());
        if (driver.findElement(By.id("sign-in")).isDisplayed()) {
            throw new AssertionError("The reload signed out: the sign-in form is shown ("
                    + driver.findElement(By.id("sign-in-error")).getText() + ")");
        }
        waitFor(d -> username.equals(signedInUser()));
        // The catalog has filled the form.
        waitFor(d -> !new Select(d.findElement(By.id("format"))).getOptions().isEmpty());
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    }

    String signInMessage() {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText();
    }

    String signedInUser() {
        return driver.findElement(By.id("session-user")).getText();
    }

    boolean historyTabVisible() {
        return driver.findElement(By.id("tab-history")).isDisplayed();
    }

    void openTab(String name) {
        driver.findElement(By.id("tab-" + name)).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("panel-" + name)));
    }

    // New export

    void chooseTemplate(String key) {
        new Select(driver.findElement(By.id("template"))).selectByValue(key);
    }

    void chooseFormat(String key) {
        new Select(driver.findElement(By.id("format"))).selectByValue(key);
    }

    void chooseNationalId(String key) {
        new Select(driver.findElement(By.id("nationalId"))).selectByValue(key);
    }

    List<String> options(String selectId) {
        return new Select(driver.findElement(By.id(selectId))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
    }

    void tickStatus(String status) {
        WebElement box = driver.findElement(By.id("status-" + status));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Date inputs take typed text in the browser's locale format; setting the value is what a date picker does. */
    void setDate(String id, String isoDate) {
        WebElement input = driver.findElement(By.id(id));
        js().executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoDate);
    }

    /** The ticked columns, in file order. */
    List<String> selectedColumns() {
        return driver.findElements(By.cssSelector("#field-list li")).stream()
                .filter(li -> li.findElement(By.cssSelector("input[type=checkbox]")).isSelected())
                .map(li -> li.getDomAttribute("data-key")).toList();
    }

    WebElement moveUpButton(String label) {
        return driver.findElement(By.cssSelector("#field-list button[aria-label='Move " + label + " up']"));
    }

    void clearColumns() {
        driver.findElement(By.id("fields-none")).click();
    }

    boolean customColumnsBadgeVisible() {
        return driver.findElement(By.id("fields-custom")).isDisplayed();
    }

    void preview() {
        driver.findElement(By.id("preview-button")).click();
    }

    long awaitPreviewCount() {
        WebElement count = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-summary .preview-count")));
        return Long.parseLong(count.getText().replace(",", ""));
    }

    List<String> previewHeaders() {
        return driver.findElements(By.cssSelector("#preview-table thead th")).stream().map(WebElement::getText).toList();
    }

    List<List<String>> previewRows() {
        return driver.findElements(By.cssSelector("#preview-table tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream()
                        .map(td -> td.getDomProperty("textContent")).toList())
                .toList();
    }

    /** Starts the export and returns its card. */
    WebElement start() {
        int before = driver.findElements(By.cssSelector("#job-cards .job-card")).size();
        clickStart();
        waitFor(d -> d.findElements(By.cssSelector("#job-cards .job-card")).size() > before);
        return driver.findElement(By.cssSelector("#job-cards .job-card"));
    }

    void clickStart() {
        driver.findElement(By.id("start-button")).click();
    }

    int jobCards() {
        return driver.findElements(By.cssSelector("#job-cards .job-card")).size();
    }

    /** The message shown next to a form field, once visible. */
    String fieldError(String id) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.id(id + "-error"))).getText();
    }

    String formError() {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText();
    }

    WebElement element(By by) {
        return driver.findElement(by);
    }

    // Job cards

    static String status(WebElement card) {
        return card.getDomAttribute("data-status");
    }

    static String percentText(WebElement card) {
        return card.findElement(By.cssSelector(".job-percent")).getText();
    }

    static String rowsText(WebElement card) {
        return card.findElement(By.cssSelector(".job-rows")).getText();
    }

    static String speedText(WebElement card) {
        return card.findElement(By.cssSelector(".job-speed")).getText();
    }

    static String etaText(WebElement card) {
        return card.findElement(By.cssSelector(".job-eta")).getText();
    }

    static Double progressValue(WebElement card) {
        String now = card.findElement(By.cssSelector("[role=progressbar]")).getDomAttribute("aria-valuenow");
        return now == null ? null : Double.valueOf(now);
    }

    static String message(WebElement card) {
        return card.findElement(By.cssSelector(".job-message")).getText();
    }

    static WebElement button(WebElement card, String cssClass) {
        return card.findElement(By.cssSelector("button." + cssClass));
    }

    WebElement awaitStatus(WebElement card, String status) {
        waitFor(d -> status.equals(status(card)));
        return card;
    }

    // Screenshots

    Path screenshot(String name) {
        awaitTransitions();
        return browser.screenshot(name);
    }

    /** Lets finite CSS transitions (the progress bar growing) end, so a shot shows what the page settles on. */
    private void awaitTransitions() {
        waitFor(d -> (Boolean) js().executeScript("return document.getAnimations()"
                + ".every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity);"));
    }

    /** The whole page, not just the window: the window is made as tall as the page for the shot. */
    Path fullPageScreenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) js().executeScript(
                "return Math.ceil(document.documentElement.scrollHeight);")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(4000, height + 140)));
        try {
            js().executeScript("window.scrollTo(0, 0);");
            awaitTransitions();
            return browser.screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** On a phone-sized window: the page must not scroll sideways (wide tables scroll inside their own box). */
    boolean fitsWidth(int width, String screenshotName) {
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 900));
        try {
            waitFor(d -> ((Number) js().executeScript("return window.innerWidth;")).intValue() < window.getWidth());
            screenshot(screenshotName);
            return (Boolean) js().executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;");
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** Types into a text input, replacing what was there. */
    void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    long jobsInDatabase(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from export_jobs", Long.class);
    }

    /** The page's own confirmation dialog: its text, once open. */
    String dialogText() {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog"))).getText();
    }

    void answerDialog(boolean yes) {
        driver.findElement(By.id(yes ? "confirm-yes" : "confirm-no")).click();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
    }

    /** The window's inner size set exactly (the outer size differs by the browser's frame). */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) js().executeScript("return window.innerWidth;")).longValue();
        long innerHeight = ((Number) js().executeScript("return window.innerHeight;")).longValue();
        driver.manage().window().setSize(new Dimension((int) (2 * width - innerWidth), (int) (2 * height - innerHeight)));
        waitFor(d -> ((Number) js().executeScript("return window.innerWidth;")).intValue() == width);
    }

    /** Whether the page scrolls sideways. */
    boolean scrollsSideways() {
        return (Boolean) js().executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    /** Whether an element is wholly inside the window (not scrolled away in its own box either) and on top. */
    boolean onScreen(WebElement element) {
        return (Boolean) js().executeScript("const r = arguments[0].getBoundingClientRect();"
                + "if (r.width === 0 || r.left < 0 || r.top < 0 || r.right > window.innerWidth"
                + " || r.bottom > window.innerHeight) return false;"
                + "for (let p = arguments[0].parentElement; p; p = p.parentElement) {"
                + "  const b = p.getBoundingClientRect();"
                + "  if (getComputedStyle(p).overflowX !== 'visible' && (r.left < b.left || r.right > b.right)) return false;"
                + "}"
                + "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "return hit === arguments[0] || arguments[0].contains(hit);", element);
    }

    /** Clicks a field list column's checkbox after scrolling it to the middle (the actions bar sticks at the bottom). */
    void tickColumn(String key) {
        WebElement box = driver.findElement(By.id("field-" + key));
        scrollTo(box);
        box.click();
    }

    /** Scrolls the window (only the window, only up or down) to bring an element to its middle. */
    void scrollTo(WebElement element) {
        js().executeScript("const r = arguments[0].getBoundingClientRect();"
                + "window.scrollTo(0, window.scrollY + r.top - window.innerHeight / 2);", element);
    }

    <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        // The page re-renders lists as they refresh: an element found a moment ago may have been replaced.
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    JavascriptExecutor js() {
        return driver;
    }

    ChromeDriver driver() {
        return driver;
    }
}
