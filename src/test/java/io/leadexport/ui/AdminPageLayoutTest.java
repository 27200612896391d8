package io.leadexport.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.leadexport.database.DemoLeadSeeder;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import javax.sql.DataSource;

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
 * The admin page's layout on the windows people use (1400, 1280 and 800 px wide): nothing scrolls sideways, the
 * main actions are on screen, Start export is a few Tab presses away and in view; axe-core finds no serious or
 * critical accessibility problem on the sign-in form nor on any tab (New export, My exports, History, Audit, Schedules,
 * Inbox). Takes the README's screenshots.
 */
@EndToEndTest
class AdminPageLayoutTest {

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;


    @Test
    void fitsTheWindowKeepsItsMainActionsOnScreenAndHasNoSeriousAccessibilityProblems() throws Exception {
        new TestLeads(jdbc).deleteAll();
        DemoLeadSeeder.seed(dataSource, 60, Instant.now(), 21L);
        new TestLeads(jdbc).insert(TestLeads.hardCases(Instant.now()));
        Jobs jobs = new Jobs(new Api(port));
        Map<String, String> started = new LinkedHashMap<>();
        for (String user : List.of("admin", "manager2")) {
            started.put(jobs.start(user, "{\"template\": \"crm\", \"fields\": [\"fullName\", \"phone\", \"email\", "
                    + "\"policyOfInterest\", \"notes\", \"conversationUrl\"], \"filter\": {\"status\": [\"new\", \"contacted\"], "
                    + "\"policy\": [\"Auto\", \"Home\"], \"createdFrom\": \"2024-01-01\", \"search\": \"a\"}}").get("id").asText(), user);
        }
        started.forEach((id, user) -> jobs.awaitFinished(user, id, Duration.ofSeconds(30)));
        AdminPage page = new AdminPage(browser, port);
        page.viewport(1400, 1000);
        page.open();
        assertNoSeriousViolations("sign-in form");
        page.signIn("manager2", "wrong");
        page.signInMessage();
        assertNoSeriousViolations("sign-in form with its error");
        page.signInAs("admin");

        assertThat(page.onScreen(page.element(By.id("start-button")))).as("Start export in view at 1400x1000").isTrue();
        page.element(By.id("template")).click();
        page.element(By.id("template")).sendKeys(Keys.ESCAPE);
        int presses = 0;
        while (!"start-button".equals(page.driver().switchTo().activeElement().getDomAttribute("id")) && presses < 60) {
            page.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            presses++;
        }
        assertThat(presses).as("Tab presses from Template to Start export").isLessThanOrEqualTo(5);

        page.preview();
        page.awaitPreviewCount();
        WebElement card = page.start();
        page.awaitStatus(card, "succeeded");
        assertNoSeriousViolations("new export");
        page.fullPageScreenshot("admin-page-1400");

        for (int width : new int[] {1280, 800}) {
            page.viewport(width, 900);
            page.openTab("new");
            assertThat(page.scrollsSideways()).as("New export with a preview at %d px", width).isFalse();
            assertThat(page.onScreen(page.element(By.id("start-button")))).as("Start export at %d px", width).isTrue();

            page.openTab("jobs");
            page.waitFor(d -> d.findElements(By.cssSelector("#jobs-table button.download")).size() >= 2);
            assertThat(page.scrollsSideways()).as("My exports at %d px", width).isFalse();
            assertThat(allOnScreen(page, "#jobs-table button.download")).as("Download in My exports at %d px", width)
                    .isTrue();
            if (width == 1280) {
                assertNoSeriousViolations("my exports");
            }

            page.openTab("history");
            page.waitFor(d -> d.findElements(By.cssSelector("#history-table button.again")).size() >= 2);
            assertThat(page.scrollsSideways()).as("History at %d px", width).isFalse();
            assertThat((Boolean) page.js().executeScript("const w = document.querySelector('#history-table').parentElement;"
                    + "return w.scrollWidth <= w.clientWidth;")).as("every History column on screen at %d px", width)
                    .isTrue();
            assertThat(allOnScreen(page, "#history-table button.again")).as("Export again in History at %d px", width)
                    .isTrue();
            if (width == 1280) {
                assertNoSeriousViolations("history");
            }
        }
        page.openTab("new");
        page.fullPageScreenshot("admin-page-800");

        // The other tabs, with what they list (an audit entry at least: the failed sign-in above).
        page.viewport(1280, 900);
        page.openTab("audit");
        page.waitFor(d -> !d.findElements(By.cssSelector("#audit-table tbody tr")).isEmpty());
        assertNoSeriousViolations("audit");
        page.openTab("schedules");
        page.waitFor(d -> !d.findElements(By.cssSelector("#schedules-table tbody tr")).isEmpty());
        assertNoSeriousViolations("schedules");
        page.openTab("inbox");
        page.waitFor(d -> !d.findElements(By.cssSelector("#inbox-table tbody tr")).isEmpty());
        assertNoSeriousViolations("inbox");
    }

    /** Whether each of these buttons is on screen once the window is scrolled up or down to it (lists refresh). */
    private static boolean allOnScreen(AdminPage page, String css) {
        return page.waitFor(d -> {
            for (WebElement button : d.findElements(By.cssSelector(css))) {
                page.scrollTo(button);
                if (!page.onScreen(button)) {
                    return false;
                }
            }
            return true;
        });
    }

    private void assertNoSeriousViolations(String where) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(browser.driver());
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(AdminPageLayoutTest::describe).toList();
        assertThat(serious).as("axe-core on %s", where).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).toList();
    }
}
