package io.leadexport.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page's safeguards, as sales-ops people trip over them: what starts an export, time zones, values that
 * match no lead, zero-row exports, what a finished export held, template switches, "Export again", relative dates,
 * plain words and whose exports an ADMIN sees. The browser runs in Chicago; the business zone is New York.
 */
@EndToEndTest
class AdminPageSafetyTest {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("America/New_York");

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    AdminPage page;
    Jobs jobs;


    @BeforeEach
    void setUp() {
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        Instant now = Instant.now();
        List<TestLeads.Lead> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(TestLeads.plain("US Auto " + i, now.minusSeconds(i)));
        }
        rows.addAll(TestLeads.hardCases(now));
        leads.insert(rows);
        page = new AdminPage(browser, port);
        jobs = new Jobs(new Api(port));
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(browser.consoleErrors()).as("script errors on the page")
                .noneMatch(message -> message.contains("Uncaught") || message.contains("TypeError"));
    }

    @Test
    void onlyTheStartButtonStartsAnExportAndRepeatedClicksStartOneJob() {
        page.signInAs("manager");
        long before = page.jobsInDatabase(jdbc);

        page.type("search", "Auto");
        page.element(By.id("search")).sendKeys(Keys.ENTER);

        assertThat(page.awaitPreviewCount()).as("Enter previews").isEqualTo(12);
        assertThat(page.jobCards()).isZero();
        assertThat(page.jobsInDatabase(jdbc)).as("Enter starts nothing").isEqualTo(before);

        new Actions(page.driver()).doubleClick(page.element(By.id("start-button"))).perform();
        page.waitFor(d -> page.jobCards() == 1);
        WebElement card = page.element(By.cssSelector("#job-cards .job-card"));
        page.awaitStatus(card, "succeeded");
        page.clickStart();
        page.waitFor(d -> card.getDomAttribute("class").contains("flash"));

        assertThat(page.jobCards()).isEqualTo(1);
        assertThat(page.jobsInDatabase(jdbc)).as("one job for the same unchanged form").isEqualTo(before + 1);

        page.type("search", "Auto 1");
        page.start();
        assertThat(page.jobsInDatabase(jdbc)).as("a changed form is a new export").isEqualTo(before + 2);
    }

    @Test
    void everyTimeNamesTheBusinessZoneWithTheBrowsersInATooltip() {
        String id = jobs.start("admin", "{\"template\": \"basic\"}").get("id").asText();
        jobs.awaitFinished("admin", id, Duration.ofSeconds(20));
        page.signInAs("admin");
        assertThat(page.element(By.id("session-zone")).getText()).matches("Times in America/New_York \\(E[SD]T\\)");
        assertThat(page.element(By.id("created-zone")).getText()).contains("America/New_York");

        page.start();
        WebElement card = page.awaitStatus(page.element(By.cssSelector("#job-cards .job-card")), "succeeded");
        List<String> shown = new ArrayList<>();
        List<String> tooltips = new ArrayList<>();
        for (WebElement time : card.findElements(By.cssSelector("time"))) {
            shown.add(time.getDomProperty("textContent"));
            tooltips.add(time.getDomAttribute("title"));
        }
        assertThat(shown).as("requested and expires").hasSize(2);
        page.openTab("jobs");
        By jobsTime = By.cssSelector("#jobs-table tr[data-job-id='" + id + "'] time");
        page.waitFor(d -> !d.findElements(jobsTime).isEmpty());
        shown.add(page.element(jobsTime).getDomProperty("textContent"));
        tooltips.add(page.element(jobsTime).getDomAttribute("title"));
        page.openTab("history");
        By historyTime = By.cssSelector("#history-table tr[data-job-id='" + id + "'] time");
        page.waitFor(d -> !d.findElements(historyTime).isEmpty());
        String finished = page.element(historyTime).getDomProperty("textContent");
        shown.add(finished);
        tooltips.add(page.element(historyTime).getDomAttribute("title"));
        assertThat(page.element(By.cssSelector(".chart-note")).getText()).contains("America/New_York");

        assertThat(shown).allSatisfy(text -> assertThat(text).matches(".*\\d{1,2}:\\d{2}:\\d{2}\\s?[AP]M E[SD]T"));
        assertThat(tooltips).allSatisfy(title -> assertThat(title).matches("Your time \\(America/Chicago\\): .* C[SD]T"));
        Instant at = Instant.parse(jobs.get("admin", id).get("finishedAt").asText());
        int hour = at.atZone(BUSINESS_ZONE).getHour() % 12 == 0 ? 12 : at.atZone(BUSINESS_ZONE).getHour() % 12;
        assertThat(finished).as("the finish time in New York, not in the browser's Chicago").contains(", " + hour + ":");
    }

    @Test
    void valuesInTheDataAreOfferedAndUnknownOnesGetASuggestionBeforeExport() {
        page.signInAs("manager");
        assertThat(page.element(By.id("country-picks")).getText()).contains("US", "GB", "CH");
        assertThat(page.element(By.cssSelector("label[for='status-new'], #status-options label")).getText())
                .contains("new");
        assertThat(page.element(By.id("status-options")).getText()).contains("new\n12").contains("lost\n1");
        long before = page.jobsInDatabase(jdbc);

        page.type("country", "UK");
        page.clickStart();
        String question = page.waitFor(d -> {
            WebElement node = d.findElement(By.id("country-question"));
            return node.isDisplayed() ? node.getText() : null;
        });
        assertThat(question).isEqualTo("No lead has country “UK”. Did you mean GB?");
        assertThat(page.element(By.id("values-question")).isDisplayed()).isTrue();
        assertThat(page.jobsInDatabase(jdbc)).as("nothing started").isEqualTo(before);

        page.element(By.cssSelector("#country-question .use-suggestion")).click();
        assertThat(page.element(By.id("country")).getDomProperty("value")).isEqualTo("GB");
        assertThat(page.element(By.cssSelector("#country-picks button[data-value='GB']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        page.type("policy", "Car");
        page.preview();
        assertThat(page.awaitPreviewCount()).isZero();
        assertThat(page.element(By.id("policy-question")).getText())
                .isEqualTo("No lead has policy “Car”. Did you mean Auto?");
        assertThat(page.element(By.id("preview-empty")).getText()).contains("No lead matches this filter");

        page.clickStart();
        page.waitFor(d -> d.findElement(By.id("values-question")).isDisplayed());
        assertThat(page.jobCards()).isZero();
        WebElement card = page.start();
        page.awaitStatus(card, "succeeded");
        assertThat(card.findElement(By.cssSelector(".job-status")).getText()).isEqualTo("0 leads matched");
        assertThat(AdminPage.message(card)).contains("0 leads matched.");
    }

    @Test
    void cardsAndHistoryShowFilterColumnsAndPolicyAndExportAgainFillsTheForm() {
        page.signInAs("admin");
        page.chooseTemplate("crm");
        page.tickColumn("status");
        assertThat(page.selectedColumns()).as("a ticked column joins the end of the ticked ones")
                .containsExactly("fullName", "phone", "email", "policyOfInterest", "status");
        assertThat(page.element(By.cssSelector("#field-list li:nth-child(5)")).getDomAttribute("data-key"))
                .isEqualTo("status");
        assertThat(page.element(By.id("fields-custom")).getText()).isEqualTo("crm + Status");
        page.tickStatus("new");
        page.type("country", "US");
        page.chooseNationalId("omitted");

        WebElement card = page.start();
        page.awaitStatus(card, "succeeded");
        assertThat(card.findElement(By.cssSelector(".job-title")).getText()).isEqualTo("CSV · crm + Status");
        assertThat(card.findElement(By.cssSelector(".fact-filter")).getText()).contains("status new · country US");
        assertThat(card.findElement(By.cssSelector(".fact-columns")).getText())
                .contains("Full Name, Phone Number, Email, Policy of Interest, Status");
        assertThat(card.findElement(By.cssSelector(".fact-national-id")).getText()).contains("omitted");
        String id = card.getDomAttribute("data-job-id");

        page.openTab("history");
        By row = By.cssSelector("#history-table tr[data-job-id='" + id + "']");
        page.waitFor(d -> !d.findElements(row).isEmpty());
        assertThat(page.element(row).getText()).contains("crm + Status", "Filter: status new · country US",
                "National ID omitted", "Full Name, Phone Number, Email, Policy of Interest, Status", "By hand");
        assertThat(page.element(row).getText()).doesNotContain("http");

        page.element(By.cssSelector("#history-table tr[data-job-id='" + id + "'] button.again")).click();
        page.waitFor(d -> d.findElement(By.id("panel-new")).isDisplayed());
        assertThat(page.element(By.id("form-filled")).getText()).contains("The form holds the request");
        assertThat(new Select(page.element(By.id("template"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("crm");
        assertThat(page.selectedColumns()).containsExactly("fullName", "phone", "email", "policyOfInterest", "status");
        assertThat(page.element(By.id("status-new")).isSelected()).isTrue();
        assertThat(page.element(By.id("country")).getDomProperty("value")).isEqualTo("US");
        assertThat(new Select(page.element(By.id("nationalId"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("omitted");

        card.findElement(By.cssSelector("button.dismiss")).click();
        page.waitFor(d -> page.jobCards() == 0);
    }

    @Test
    void switchingTemplateAsksBeforeThrowingAwayPickedColumns() {
        page.signInAs("manager");
        page.chooseTemplate("basic");
        page.tickColumn("notes");
        List<String> picked = page.selectedColumns();
        assertThat(picked).endsWith("notes");

        page.chooseTemplate("crm");
        assertThat(page.dialogText()).contains("You picked 6 columns by hand");
        page.answerDialog(false);
        assertThat(page.selectedColumns()).isEqualTo(picked);

        page.chooseTemplate("full");
        page.dialogText();
        page.answerDialog(true);
        assertThat(page.selectedColumns()).hasSize(14);
    }

    @Test
    void relativeDatesAreBusinessZoneDaysAndAReversedHistoryRangeSaysSo() {
        page.signInAs("admin");
        LocalDate today = LocalDate.now(BUSINESS_ZONE);

        new Select(page.element(By.id("created-range"))).selectByValue("last-7-days");
        assertThat(value("createdFrom")).isEqualTo(today.minusDays(6).toString());
        assertThat(value("createdTo")).isEqualTo(today.toString());
        new Select(page.element(By.id("created-range"))).selectByValue("last-week");
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        assertThat(value("createdFrom")).isEqualTo(monday.minusDays(7).toString());
        assertThat(value("createdTo")).isEqualTo(monday.minusDays(1).toString());
        new Select(page.element(By.id("updated-range"))).selectByValue("last-month");
        assertThat(value("updatedFrom")).isEqualTo(today.withDayOfMonth(1).minusMonths(1).toString());
        assertThat(value("updatedTo")).isEqualTo(today.withDayOfMonth(1).minusDays(1).toString());
        new Select(page.element(By.id("updated-range"))).selectByValue("this-month");
        assertThat(value("updatedFrom")).isEqualTo(today.withDayOfMonth(1).toString());
        new Select(page.element(By.id("created-range"))).selectByValue("today");
        page.preview();
        assertThat(page.awaitPreviewCount()).as("the leads created today in New York").isEqualTo(
                jdbc.queryForObject("select count(*) from leads where created_at >= ? and updated_at >= ?", Long.class,
                        java.sql.Timestamp.from(today.atStartOfDay(BUSINESS_ZONE).toInstant()),
                        java.sql.Timestamp.from(today.withDayOfMonth(1).atStartOfDay(BUSINESS_ZONE).toInstant())));

        page.openTab("history");
        page.setDate("history-from", "2026-03-10");
        page.setDate("history-to", "2026-03-01");
        page.element(By.id("history-apply")).click();
        String rangeError = page.waitFor(d -> {
            WebElement node = d.findElement(By.id("history-range-error"));
            return node.isDisplayed() ? node.getText() : null;
        });
        assertThat(rangeError).contains("is after “Finished to”");
        assertThat(page.element(By.id("history-chart-card")).isDisplayed()).isFalse();
        assertThat(page.element(By.cssSelector("#history-table tbody")).getText()).doesNotContain("No exports match");
    }

    @Test
    void destinationsAreDescribedAndAnAdminChoosesWhoseExportsToSee() {
        String managers = jobs.start("manager2", "{}").get("id").asText();
        jobs.awaitFinished("manager2", managers, Duration.ofSeconds(20));
        page.signInAs("admin");
        new Select(page.element(By.id("destination"))).selectByValue("outbox");
        assertThat(page.element(By.id("destination-hint")).getText()).contains("inbox's output folder");
        String own = page.start().getDomAttribute("data-job-id");

        page.openTab("jobs");
        page.waitFor(d -> !d.findElements(By.cssSelector("#jobs-table tr[data-job-id='" + own + "']")).isEmpty());
        assertThat(page.driver().findElements(By.cssSelector("#jobs-table tr[data-job-id='" + managers + "']")))
                .as("an ADMIN's My exports shows its own first").isEmpty();
        new Select(page.element(By.id("jobs-who"))).selectByValue("all");
        page.waitFor(d -> !d.findElements(By.cssSelector("#jobs-table tr[data-job-id='" + managers + "']")).isEmpty());
        new Select(page.element(By.id("jobs-who"))).selectByValue("user");
        page.type("jobs-user", "manager2");
        page.element(By.id("jobs-apply")).click();
        page.waitFor(d -> d.findElements(By.cssSelector("#jobs-table tr[data-job-id='" + own + "']")).isEmpty());
        assertThat(page.driver().findElements(By.cssSelector("#jobs-table tbody tr")))
                .allSatisfy(tr -> assertThat(tr.getText()).contains("manager2"));
    }

    private String value(String id) {
        return page.element(By.id(id)).getDomProperty("value");
    }
}
