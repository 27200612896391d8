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

        assertThat(page.<String>waitFor(d -> row("weekly").getText())).contains("every Monday at 07:00")
                .contains("0 0 7 ? * MON (Europe/Paris)").contains("weekly-drop");
        assertThat(page.<String>waitFor(d -> row("nightly").getText())).contains("every 2 seconds")
                .contains("incremental");

        click(page, "weekly", "pause");
        page.waitFor(d -> "true".equals(row("weekly").getDomAttribute("data-paused")));
        assertThat(page.<String>waitFor(d -> row("weekly").findElement(By.cssSelector(".next")).getText()))
                .isEqualTo("Paused");
        assertThat(jdbc.queryForObject("select count(*) from schedule_pauses where schedule = 'weekly'", Long.class))
                .isEqualTo(1);

        click(page, "weekly", "resume");
        page.waitFor(d -> "false".equals(row("weekly").getDomAttribute("data-paused")));
        assertThat(jdbc.queryForObject("select count(*) from schedule_pauses where schedule = 'weekly'", Long.class))
                .isZero();

        click(page, "weekly", "run");
        page.waitFor(d -> !row("weekly").findElement(By.cssSelector(".last")).getText().contains("Never run"));
        assertThat(jdbc.queryForObject("select count(*) from export_jobs where requested_by = 'weekly' "
                + "and trigger = 'schedule'", Long.class)).isPositive();
    }

    @Test
    void anAdminSeesWhatBecameOfTheInboxFiles() {
        jdbc.update("insert into inbox_files (name, outcome, error) values ('typo.json', 'refused', "
                + "'format: ''pdf'' is not a format')");
        AdminPage page = new AdminPage(browser, port).signInAs("admin");
        page.openTab("inbox");

        page.waitFor(d -> !d.findElements(By.cssSelector("#inbox-table tbody tr[data-outcome=refused]"))
                .isEmpty());
        List<String> rows = page.<List<String>>waitFor(d -> d.findElements(By.cssSelector("#inbox-table tbody tr"))
                .stream().map(WebElement::getText).toList());
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

    /**
     * Clicks a schedule's button. The table is drawn again as the page refreshes it (the nightly schedule ticks every
     * two seconds), so the row is found afresh, and again if it was replaced under the click.
     */
    private void click(AdminPage page, String schedule, String action) {
        page.waitFor(d -> {
            row(schedule).findElement(By.cssSelector("button[data-action=" + action + "]")).click();
            return true;
        });
    }

    private WebElement row(String schedule) {
        return new WebDriverWait(browser.driver(), AdminPage.WAIT).until(d -> d.findElement(
                By.cssSelector("#schedules-table tbody tr[data-schedule='" + schedule + "']")));
    }
}
