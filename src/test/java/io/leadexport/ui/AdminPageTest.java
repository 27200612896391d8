package io.leadexport.ui;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page in a real browser against the whole application: sign in, build an export, preview it, start it,
 * watch it finish and download it; what each role is offered; validation errors next to their fields.
 */
@EndToEndTest
class AdminPageTest {

    /** A name that would run script if the page ever put data into the DOM as markup. */
    private static final String MARKUP_NAME = "<img src=x onerror=\"document.title='pwned'\"> O'Brien, \"Ace\"";

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    AdminPage page;
    Jobs jobs;


    @BeforeEach
    void setUp() {
        new TestLeads(jdbc).deleteAll();
        browser.clearDownloads();
        page = new AdminPage(browser, port);
        jobs = new Jobs(new Api(port));
    }

    @Test
    void anAdminBuildsPreviewsStartsWatchesAndDownloadsAnExport() throws Exception {
        DemoLeadSeeder.seed(dataSource, 3000, Instant.now(), 5L);
        new TestLeads(jdbc).insert(TestLeads.plain(MARKUP_NAME, Instant.parse("2001-02-03T04:05:06Z"))
                .withStatus("qualified"));
        long qualified = jdbc.queryForObject("select count(*) from leads where status = 'qualified'", Long.class);

        page.signInAs("admin");
        assertThat(page.signedInUser()).isEqualTo("admin");
        page.chooseTemplate("basic");
        assertThat(page.selectedColumns()).containsExactly("fullName", "phone", "email", "status", "createdAt");
        page.chooseFormat("csv");
        page.tickStatus("qualified");
        // Email first: once with the mouse, once from the keyboard (focus stays on the button that was pressed).
        page.moveUpButton("Email").click();
        page.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(page.driver().switchTo().activeElement().getDomAttribute("aria-label"))
                .as("at the top, Up is disabled, so the keyboard is on Down").isEqualTo("Move Email down");
        assertThat(page.selectedColumns()).containsExactly("email", "fullName", "phone", "status", "createdAt");
        assertThat(page.customColumnsBadgeVisible()).isTrue();

        page.preview();
        assertThat(page.awaitPreviewCount()).isEqualTo(qualified);
        assertThat(page.previewHeaders()).containsExactly("Email", "Full Name", "Phone Number", "Status", "Created Date");
        List<List<String>> rows = page.previewRows();
        assertThat(rows).hasSize(10).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("qualified"));
        assertThat(rows.get(0).get(1)).as("data is shown as text, never as markup").isEqualTo(MARKUP_NAME);
        assertThat(page.driver().findElements(By.cssSelector("#preview-table img"))).isEmpty();
        assertThat(page.driver().getTitle()).isEqualTo("Lead Export");
        page.screenshot("01-preview");

        WebElement card = page.start();
        page.awaitStatus(card, "succeeded");
        assertThat(AdminPage.progressValue(card)).isEqualTo(100.0);
        assertThat(AdminPage.percentText(card)).isEqualTo("100%");
        assertThat(AdminPage.rowsText(card)).isEqualTo(String.format("%,d / %,d", qualified, qualified));
        assertThat(AdminPage.etaText(card)).isEqualTo("done");
        assertThat(AdminPage.button(card, "cancel").isDisplayed()).isFalse();
        assertThat(AdminPage.message(card)).contains(".csv");
        page.fullPageScreenshot("02-export-finished");

        AdminPage.button(card, "download").click();
        Path file = browser.awaitDownload(Duration.ofSeconds(20));

        assertThat(file.getFileName().toString()).startsWith("leads_export_basic_status-qualified_").endsWith(".csv");
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(csv.getHeaderNames()).containsExactly("Email", "Full Name", "Phone Number", "Status", "Created Date");
            records = csv.getRecords();
        }
        assertThat(records).hasSize((int) qualified);
        assertThat(records).allSatisfy(r -> assertThat(r.get("Status")).isEqualTo("qualified"));
        CSVRecord first = records.get(0);
        assertThat(first.get("Full Name")).isEqualTo(MARKUP_NAME);
        assertThat(first.get("Email")).isEqualTo("jane.doe@example.com");
        assertThat(first.get("Phone Number")).isEqualTo("+1 415-555-0132");
        assertThat(first.get("Created Date")).isEqualTo("2001-02-02 23:05:06");
    }

    @Test
    void aManagerIsOfferedNeitherHistoryNorPlainNationalIdsAndSeesOnlyItsOwnExports() {
        new TestLeads(jdbc).insert(TestLeads.plain("Manager Lead", Instant.now()));
        String own = jobs.start("manager", "{\"template\": \"crm\"}").get("id").asText();
        String someoneElses = jobs.start("admin", "{}").get("id").asText();
        jobs.awaitFinished("manager", own, Duration.ofSeconds(20));
        jobs.awaitFinished("admin", someoneElses, Duration.ofSeconds(20));

        page.open().signIn("manager", "not-the-password");
        assertThat(page.signInMessage()).isEqualTo("The username or password is not right.");
        page.screenshot("00-sign-in-refused");
        page.signInAs("manager");

        assertThat(page.historyTabVisible()).isFalse();
        assertThat(page.options("nationalId")).containsExactly("masked", "encrypted", "omitted");
        assertThat(page.options("destination")).contains("download");
        assertThat(page.fitsWidth(400, "03-manager-phone-width")).as("no sideways scrolling on a phone").isTrue();
        page.openTab("jobs");
        page.waitFor(d -> !d.findElements(By.cssSelector("#jobs-table tr[data-job-id='" + own + "']")).isEmpty());
        WebElement row = page.element(By.cssSelector("#jobs-table tr[data-job-id='" + own + "']"));
        assertThat(row.getText()).contains("manager", "Succeeded", "crm");
        assertThat(row.findElements(By.cssSelector("button.download"))).hasSize(1);
        assertThat(page.driver().findElements(By.cssSelector("#jobs-table tr[data-job-id='" + someoneElses + "']")))
                .isEmpty();
        page.screenshot("04-manager-my-exports");

        page.signOut();
        assertThat(page.signInMessage()).contains("signed out");
        assertThat(page.driver().findElements(By.cssSelector("#jobs-table tbody tr"))).as("nothing is left on the page")
                .isEmpty();
    }

    @Test
    void anAdminIsOfferedPlainNationalIdsAndTheHistoryWithItsChart() {
        new TestLeads(jdbc).insert(TestLeads.plain("History Lead", Instant.now()),
                TestLeads.plain("Second Lead", Instant.now()));
        String id = jobs.start("manager2", "{\"format\": \"json\"}").get("id").asText();
        String admins = jobs.start("admin", "{}").get("id").asText();
        jobs.awaitFinished("manager2", id, Duration.ofSeconds(20));
        jobs.awaitFinished("admin", admins, Duration.ofSeconds(20));

        page.signInAs("admin");

        assertThat(page.options("nationalId")).containsExactly("masked", "encrypted", "omitted", "plain");
        assertThat(page.historyTabVisible()).isTrue();
        page.openTab("history");
        By row = By.cssSelector("#history-table tr[data-job-id='" + id + "']");
        page.waitFor(d -> !d.findElements(row).isEmpty());
        assertThat(page.element(row).getText()).contains("manager2", "By hand", "JSON", "Succeeded", "Download");
        page.waitFor(d -> d.findElements(By.cssSelector(".chart-exports .bar")).size() == 14);
        List<WebElement> exportBars = page.driver().findElements(By.cssSelector(".chart-exports .bar"));
        List<WebElement> rowBars = page.driver().findElements(By.cssSelector(".chart-rows .bar"));
        assertThat(rowBars).hasSize(14);
        assertThat(Integer.parseInt(exportBars.get(13).getDomAttribute("data-value"))).as("today's exports")
                .isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(rowBars.get(13).getDomAttribute("data-value"))).as("today's rows")
                .isGreaterThanOrEqualTo(4);
        assertThat(page.driver().findElements(By.cssSelector("#history-table tr[data-job-id='" + admins + "']")))
                .hasSize(1);

        page.element(By.id("history-user")).sendKeys("manager2");
        page.element(By.id("history-apply")).click();
        page.waitFor(d -> d.findElements(By.cssSelector("#history-table tr[data-job-id='" + admins + "']")).isEmpty());
        assertThat(page.driver().findElements(By.cssSelector("#history-table tbody tr")))
                .allSatisfy(tr -> assertThat(tr.getText()).contains("manager2"));
        assertThat(page.driver().findElements(row)).hasSize(1);
        page.fullPageScreenshot("05-admin-history");
    }

    @Test
    void aValidationErrorIsShownNextToItsFieldAndNothingStarts() {
        page.signInAs("admin");
        long jobsBefore = jdbc.queryForObject("select count(*) from export_jobs", Long.class);
        page.setDate("createdFrom", "2024-02-01");
        page.setDate("createdTo", "2024-01-01");

        page.clickStart();
        String message = page.fieldError("createdFrom");

        assertThat(message).contains("2024-02-01").contains("is after");
        assertThat(page.element(By.id("createdFrom")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.element(By.id("createdFrom")).getDomAttribute("aria-describedby")).contains("createdFrom-error");
        assertThat(page.formError()).contains("Invalid export request").contains("Created from");
        assertThat(page.jobCards()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from export_jobs", Long.class)).isEqualTo(jobsBefore);
        page.fullPageScreenshot("06-validation-error");

        page.setDate("createdFrom", "");
        page.clearColumns();
        page.preview();
        assertThat(page.fieldError("fields")).contains("at least one field");
        assertThat(page.element(By.id("createdFrom-error")).isDisplayed()).as("the old error is gone").isFalse();
        assertThat(page.element(By.id("fields-group")).getDomAttribute("class")).contains("invalid");
    }
}
