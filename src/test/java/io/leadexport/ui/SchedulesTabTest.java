package io.leadexport.ui;

import java.util.List;

import io.leadexport.trigger.ScheduleTestContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Schedules and Inbox tabs in a real browser (ADMIN): the configured schedules with their next run, Pause and
 * Resume, Run now; the inbox's files and what became of them. A MANAGER is offered neither tab.
 */
class SchedulesTabTest extends ScheduleTestContext {

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;


    @Test
    void anAdminPausesResumesAndRunsASchedule() {
        AdminPage page = new AdminPage(browser, port).signInAs("admin");
        page.openTab("schedules");

        WebElement weekly = row("weekly");
        assertThat(weekly.getText()).contains("every Monday at 07:00").contains("0 0 7 ? * MON (Europe/Paris)")
                .contains("weekly-drop");
        assertThat(row("nightly").getText()).contains("every 2 seconds").contains("incremental");

        weekly.findElement(By.cssSelector("button[data-action=pause]")).click();
        wait(page, d -> "true".equals(row("weekly").getDomAttribute("data-paused")));
        assertThat(row("weekly").findElement(By.cssSelector(".next")).getText()).isEqualTo("Paused");
        assertThat(jdbc.queryForObject("select count(*) from schedule_pauses where schedule = 'weekly'", Long.class))
                .isEqualTo(1);

        row("weekly").findElement(By.cssSelector("button[data-action=resume]")).click();
        wait(page, d -> "false".equals(row("weekly").getDomAttribute("data-paused")));
        assertThat(jdbc.queryForObject("select count(*) from schedule_pauses where schedule = 'weekly'", Long.class))
                .isZero();

        row("weekly").findElement(By.cssSelector("button[data-action=run]")).click();
        wait(page, d -> !row("weekly").findElement(By.cssSelector(".last")).getText().contains("Never run"));
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where requested_by = 'weekly' "
                + "and trigger = 'schedule'", Long.class)).isPositive();
    }

    @Test
    void anAdminSeesWhatBecameOfTheInboxFiles() {
        jdbc.update("insert into inbox_files (name, outcome, error) values ('typo.json', 'refused', "
                + "'format: ''pdf'' is not a format')");
        AdminPage page = new AdminPage(browser, port).signInAs("admin");
        page.openTab("inbox");

        wait(page, d -> !d.findElements(By.cssSelector("#inbox-table tbody tr[data-outcome=refused]")).isEmpty());
        List<String> rows = browser.driver().findElements(By.cssSelector("#inbox-table tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).anySatisfy(text -> assertThat(text).contains("typo.json").contains("Refused")
                .contains("format: 'pdf' is not a format"));
    }

    @Test
    void aManagerIsOfferedNeitherTab() {
        AdminPage page = new AdminPage(browser, port).signInAs("manager");

        assertThat(browser.driver().findElement(By.id("tab-schedules")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("tab-inbox")).isDisplayed()).isFalse();
        page.signOut();
    }

    private WebElement row(String schedule) {
        return new WebDriverWait(browser.driver(), AdminPage.WAIT).until(d -> d.findElement(
                By.cssSelector("#schedules-table tbody tr[data-schedule='" + schedule + "']")));
    }

    private static void wait(AdminPage page, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> until) {
        new WebDriverWait(page.driver(), AdminPage.WAIT).until(until::apply);
    }
}
