package io.leadexport.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page's server session in a real browser: the form signs in and no credential is left where a script
 * could read it; a reload stays signed in on the tab it was on; Sign out ends the session (its cookie no longer works
 * anywhere); an idle session sends the page back to the sign-in form saying the session ended. (A reload bringing a
 * running export back as a live card: AdminPageCancelTest.)
 */
@EndToEndTest
class AdminPageSessionTest {

    @RegisterExtension
    static final Browser browser = Browser.perTestClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    AdminPage page;

    @BeforeEach
    void setUp() {
        page = new AdminPage(browser, port);
    }

    @Test
    void theFormSignsInToAnHttpOnlySessionAndNoCredentialIsLeftForScripts() {
        page.signInAs("manager");

        assertThat(page.signedInUser()).isEqualTo("manager");
        Cookie session = page.sessionCookie();
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat((String) page.js().executeScript("return document.cookie;")).doesNotContain("SESSION");
        assertThat((Long) page.js().executeScript("return localStorage.length + sessionStorage.length;")).isZero();
        assertThat(page.element(By.id("password")).getDomProperty("value")).isEmpty();
        // (A signed-out page's first question, GET /api/session, answers 401: the browser logs that, not a script error.)
        assertThat(browser.consoleErrors()).as("script errors on the page")
                .noneMatch(message -> message.contains("Uncaught") || message.contains("TypeError"));
    }

    @Test
    void aReloadStaysSignedInOnTheTabItWasOn() {
        page.signInAs("admin");
        page.openTab("history");
        String before = page.sessionCookie().getValue();

        page.driver().navigate().refresh();

        page.awaitSignedInAfterReload("admin");
        assertThat(page.element(By.id("tab-history")).getDomAttribute("aria-selected")).isEqualTo("true");
        assertThat(page.element(By.id("sign-in")).isDisplayed()).isFalse();
        assertThat(page.sessionCookie().getValue()).as("the same session").isEqualTo(before);
    }

    @Test
    void aSignInFromAnotherTabChangesTheTokenAndThePageCarriesOn() {
        page.signInAs("manager");
        String before = page.sessionCookie().getValue();

        // Another tab of the same browser signs in: a new session id and CSRF token; this tab still holds the old token.
        Object status = page.js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/session', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({username: 'manager', password: 'manager-pw'})}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(200);
        assertThat(page.sessionCookie().getValue()).isNotEqualTo(before);

        page.preview();

        assertThat(page.awaitPreviewCount()).as("the preview (a POST) went through with the new token")
                .isGreaterThanOrEqualTo(0);
        assertThat(page.element(By.id("app")).isDisplayed()).isTrue();
    }

    @Test
    void signingOutReturnsToTheSignInFormAndTheOldCookieNoLongerWorks() throws Exception {
        page.signInAs("admin");
        String cookie = "SESSION=" + page.sessionCookie().getValue();
        assertThat(sessionStatus(cookie)).isEqualTo(200);

        page.signOut();

        assertThat(page.signInMessage()).contains("signed out");
        assertThat(sessionStatus(cookie)).as("the old cookie, from any client").isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
                sessionId(cookie))).isZero();
        page.driver().navigate().refresh();
        page.waitFor(d -> d.findElement(By.id("sign-in-form")).isDisplayed());
        assertThat(page.element(By.id("app")).isDisplayed()).as("still signed out after a reload").isFalse();
    }

    @Test
    void anIdleSessionReturnsThePageToTheSignInFormSayingTheSessionEnded() {
        page.signInAs("manager");
        String cookie = "SESSION=" + page.sessionCookie().getValue();

        // As if the idle timeout had passed since the page's last request.
        jdbc.update("update spring_session set max_inactive_interval = 1, last_access_time = ? where session_id = ?",
                System.currentTimeMillis() - 2000, sessionId(cookie));
        page.element(By.id("tab-jobs")).click();

        assertThat(page.signInMessage()).contains("session has ended");
        assertThat(page.element(By.id("app")).isDisplayed()).isFalse();
        assertThat(page.driver().findElements(By.cssSelector("#jobs-table tbody tr"))).as("nothing is left on the page")
                .isEmpty();
    }

    private int sessionStatus(String cookie) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/session")).header("Cookie", cookie).header("X-Requested-With", "XMLHttpRequest").GET()
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring("SESSION=".length())), StandardCharsets.UTF_8);
    }
}
