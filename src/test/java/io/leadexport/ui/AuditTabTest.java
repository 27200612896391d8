package io.leadexport.ui;

import java.util.List;
import java.util.UUID;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The Audit tab in a real browser: an ADMIN finds a failed sign-in by user and action; a MANAGER has no such tab. */
@EndToEndTest
class AuditTabTest {

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;


    @Test
    void anAdminFindsAFailedSignInByUserAndAction() {
        String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(new Api(port).get(intruder, "/api/leads/export/jobs").statusCode()).isEqualTo(401);
        AdminPage page = new AdminPage(browser, port).signInAs("admin");

        page.openTab("audit");
        var driver = browser.driver();
        driver.findElement(By.id("audit-user")).sendKeys(intruder);
        new Select(driver.findElement(By.id("audit-action"))).selectByValue("sign-in-failed");
        // The entry is written off the request's thread: the page is asked once it is there.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> io.leadexport.support.Jobs
                .json(new Api(port).get("admin", "/api/leads/export/audit?action=sign-in-failed&user=" + intruder))
                .get("total").asLong() == 1);
        driver.findElement(By.id("audit-apply")).click();
        List<String> row = page.waitFor(d -> {
            try {
                List<WebElement> found = d.findElements(
                        By.cssSelector("#audit-table tbody tr[data-action='sign-in-failed']"));
                if (found.size() != 1) {
                    return null;
                }
                WebElement entry = found.get(0);
                if (!intruder.equals(entry.findElement(By.className("audit-user")).getText())) {
                    return null;
                }
                return List.of(entry.findElement(By.className("audit-user")).getText(),
                        entry.findElement(By.className("audit-action")).getText(),
                        entry.findElement(By.className("audit-address")).getText());
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        });

        assertThat(row.get(0)).isEqualTo(intruder);
        assertThat(row.get(1)).isEqualTo("Sign-in failed");
        assertThat(row.get(2)).matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
        assertThat(driver.findElement(By.id("audit-pager")).getText()).contains("1–1 of 1");
    }

    @Test
    void aManagerHasNoAuditTab() {
        AdminPage page = new AdminPage(browser, port).signInAs("manager");

        assertThat(browser.driver().findElement(By.id("tab-audit")).isDisplayed()).isFalse();
        page.signOut();
    }
}
