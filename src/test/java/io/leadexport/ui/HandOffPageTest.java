package io.leadexport.ui;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-off parts of the admin page in a real browser: presets (save the form, fill it from one, share one as an
 * ADMIN), the CRM profiles in the template list, the e-mail choice, and a link that opens a job.
 */
@EndToEndTest
class HandOffPageTest {

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    AdminPage page;

    @BeforeEach
    void setUp() {
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        leads.insert(TestLeads.plain("Jane Doe", Instant.parse("2024-03-05T17:30:00Z")));
        jdbc.update("delete from export_presets");
        page = new AdminPage(browser, port);
    }

    @Test
    void anAdminSavesTheFormAsASharedPresetAndAManagerFillsTheFormFromIt() {
        page.signInAs("admin");
        page.chooseTemplate("basic");
        page.tickStatus("new");
        type("policy", "Auto");
        type("preset-name", "ui-weekly");
        click("preset-shared");
        click("preset-save");
        page.waitFor(d -> text("preset-status").contains("Saved preset “ui-weekly”, shared with everyone"));

        assertThat(jdbc.queryForObject("select request::text from export_presets where name = 'ui-weekly' and shared",
                String.class)).contains("\"basic\"").contains("\"new\"").contains("Auto").doesNotContain("destination");

        page.signOut();
        page.signInAs("manager");
        assertThat(page.driver().findElements(By.id("preset-shared"))).as("only an ADMIN shares").isEmpty();
        page.waitFor(d -> options("preset-select").contains("ui-weekly (shared by admin)"));
        new Select(page.element(By.id("preset-select"))).selectByVisibleText("ui-weekly (shared by admin)");
        click("preset-apply");

        assertThat(new Select(page.element(By.id("template"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("basic");
        assertThat(page.element(By.id("status-new")).isSelected()).isTrue();
        assertThat(page.element(By.id("policy")).getDomProperty("value")).isEqualTo("Auto");
        assertThat(page.selectedColumns()).containsExactly("fullName", "phone", "email", "status", "createdAt");
    }

    @Test
    void crmProfilesAreOfferedAndSayWhichColumnsTheyWrite() {
        page.signInAs("manager");

        assertThat(page.options("template")).contains("salesforce", "hubspot");
        page.chooseTemplate("salesforce");

        WebElement note = page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("crm-profile-note")));
        assertThat(note.getText()).contains("Last Name (required)").contains("Company (required)");
        assertThat(page.element(By.id("fields-group")).getDomProperty("disabled")).as("the profile's columns are fixed")
                .isEqualTo("true");
        assertThat(page.driver().findElements(By.cssSelector("#field-list input[type=checkbox]")))
                .allSatisfy(box -> assertThat(box.isEnabled()).isFalse());
        page.chooseTemplate("basic");
        page.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("crm-profile-note")));
    }

    @Test
    void theNotificationChoiceGoesWithTheRequest() {
        page.signInAs("manager");
        assertThat(page.element(By.id("notify")).isSelected()).as("on by default").isTrue();
        click("notify");

        WebElement card = page.start();

        String id = card.getDomAttribute("data-job-id");
        JsonNode job = new Jobs(new Api(port)).get("manager", id);
        assertThat(job.get("request").get("notify").asBoolean()).isFalse();
        assertThat(job.get("notification").asText()).isEqualTo("off");
    }

    @Test
    void aLinkToAJobOpensThatJob() {
        String id = new Jobs(new Api(port)).start("manager", "{\"template\": \"basic\"}").get("id").asText();

        // As from an e-mail: a fresh page load, not a jump within a page already open, by someone not signed in.
        page.forgetSession();
        page.driver().get("about:blank");
        page.driver().get("http://localhost:" + port + "/#/jobs/" + id);
        page.signIn("manager", "manager-pw");

        WebElement card = page.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#job-cards .job-card[data-job-id='" + id + "']")));
        page.awaitStatus(card, "succeeded");
    }

    private void type(String id, String text) {
        WebElement input = page.element(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Scrolled to the middle first, as a person would: the form's action bar stays at the bottom of the window. */
    private void click(String id) {
        WebElement element = page.element(By.id(id));
        page.js().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private String text(String id) {
        return page.driver().findElement(By.id(id)).getText();
    }

    private List<String> options(String id) {
        return new Select(page.driver().findElement(By.id(id))).getOptions().stream().map(WebElement::getText).toList();
    }
}
