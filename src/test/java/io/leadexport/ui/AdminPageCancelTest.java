package io.leadexport.ui;

import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.SlowExportsTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.SlowExports;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watching and cancelling a running export from the page. Each chunk of 20 rows is slowed by 20 ms (woven in after
 * {@code write-records}), so 10,000 leads take about ten seconds: long enough to see live progress and press Cancel.
 */
// The slow exports' context (shared with SlowJobsTest and UserLimitsTest): the weave does not slow down the other
// browser tests.
@SlowExportsTest
@UseAdviceWith
class AdminPageCancelTest {

    private static final int LEADS = 10_000;

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @Autowired
    CamelContext camel;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    AdminPage page;


    @BeforeEach
    void setUp() throws Exception {
        SlowExports.startOnce(camel, dataSource, LEADS, 13L);
        page = new AdminPage(browser, port);
    }

    @Test
    void aManagerWatchesItsExportRunAndCancelsIt() {
        page.signInAs("manager");
        page.chooseTemplate("basic");
        page.chooseFormat("xlsx");
        page.preview();
        assertThat(page.awaitPreviewCount()).isEqualTo(LEADS);

        WebElement started = page.start();
        String id = started.getDomAttribute("data-job-id");
        page.waitFor(d -> "running".equals(AdminPage.status(started)) && AdminPage.progressValue(started) != null
                && AdminPage.progressValue(started) >= 2);
        double seen = AdminPage.progressValue(started);

        // A reload comes back to the tab it was on, and the running export as a live card.
        page.openTab("jobs");
        page.driver().navigate().refresh();
        page.awaitSignedInAfterReload("manager");
        assertThat(page.element(By.id("tab-jobs")).getDomAttribute("aria-selected")).isEqualTo("true");
        By cancelInList = By.cssSelector("#jobs-table tr[data-job-id='" + id + "'] button.cancel");
        page.waitFor(d -> !d.findElements(cancelInList).isEmpty());
        page.viewport(1280, 900);
        assertThat(page.onScreen(page.element(cancelInList))).as("Cancel in My exports at 1280 px").isTrue();
        page.viewport(1400, 1000);
        page.openTab("new");
        By restored = By.cssSelector("#job-cards .job-card[data-job-id='" + id + "']");
        page.waitFor(d -> !d.findElements(restored).isEmpty());
        WebElement card = page.element(restored);
        // Live: its progress keeps moving. Well under way (about three seconds in): the README's screenshot.
        page.waitFor(d -> AdminPage.progressValue(card) != null && AdminPage.progressValue(card) >= Math.max(30, seen + 1));

        assertThat(AdminPage.progressValue(card)).isLessThan(100.0);
        assertThat(AdminPage.percentText(card)).matches("\\d+\\.\\d%");
        assertThat(AdminPage.rowsText(card)).matches("[\\d,]+ / 10,000");
        assertThat(AdminPage.speedText(card)).matches("[\\d,.]+ rows/s");
        assertThat(AdminPage.etaText(card)).matches("about (\\d+ s|\\d+ min( \\d+ s)?) left");
        assertThat(AdminPage.button(card, "download").isDisplayed()).isFalse();
        assertThat(AdminPage.button(card, "dismiss").isDisplayed()).as("a running card stays").isFalse();
        page.fullPageScreenshot("07-export-running");

        // Cancel asks first; keeping it running changes nothing.
        AdminPage.button(card, "cancel").click();
        assertThat(page.dialogText()).contains("Cancel this export?").containsPattern("It is \\d+\\.\\d% done");
        page.answerDialog(false);
        assertThat(AdminPage.status(card)).isEqualTo("running");
        AdminPage.button(card, "cancel").click();
        page.dialogText();
        page.answerDialog(true);
        page.awaitStatus(card, "cancelled");

        assertThat(AdminPage.message(card)).matches("Cancelled after [\\d,]+ rows; no file was kept\\.");
        assertThat(AdminPage.button(card, "cancel").isDisplayed()).isFalse();
        assertThat(AdminPage.button(card, "download").isDisplayed()).isFalse();
        assertThat(card.getText()).contains("Cancelled");
        JsonNode job = new Jobs(new Api(port)).get("manager", id);
        assertThat(job.get("status").asText()).isEqualTo("cancelled");
        assertThat(job.get("progress").get("processed").asLong()).isLessThan(LEADS);
        page.screenshot("08-export-cancelled");

        AdminPage.button(card, "dismiss").click();
        page.waitFor(d -> d.findElements(restored).isEmpty());
        assertThat(page.element(By.id("started")).isDisplayed()).as("no empty section left").isFalse();
    }
}
