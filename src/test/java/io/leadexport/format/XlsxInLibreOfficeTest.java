package io.leadexport.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadexport.record.ConversationRef;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.LeadField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.leadexport.format.Exports.description;
import static io.leadexport.format.Exports.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A workbook with thousands of conversation links over two sheets, opened by a spreadsheet program nobody here wrote:
 * LibreOffice Calc converts it to HTML, where every link it understood becomes an anchor. The links are streamed into
 * the file by {@link XlsxLinks}, outside POI's own writer, so this is where a mistake in their markup would show as a
 * link the reader drops. Skipped without LibreOffice, except under CI ({@code .ci/run} installs it).
 */
class XlsxInLibreOfficeTest {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final Pattern ANCHOR = Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>");

    @TempDir
    Path folder;

    @Test
    void opensEveryStreamedLinkOfEverySheet() throws IOException, InterruptedException {
        requireLibreOffice();
        Map<String, String> expected = new LinkedHashMap<>();
        List<Object[]> records = new ArrayList<>();
        for (int i = 1; i <= 2_500; i++) {
            String id = "conv-" + i;
            String url = "https://crm.example.com/conversation?id=" + i + "&tab=notes";
            expected.put(id, url);
            records.add(new Object[] {new ConversationRef(id, url)});
        }
        Path xlsx = folder.resolve("leads.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx);
             LeadWriter writer = new XlsxLeadWriter(out, description(request(ExportFormat.XLSX,
                     LeadField.CONVERSATION_ID), records.size()), 2_000)) {
            writer.begin();
            writer.write(records);
            writer.finish();
        }

        String html = convertToHtml(xlsx);

        Map<String, String> anchors = new LinkedHashMap<>();
        Matcher anchor = ANCHOR.matcher(html);
        while (anchor.find()) {
            anchors.put(anchor.group(2), anchor.group(1).replace("&amp;", "&"));
        }
        List<String> wrong = expected.entrySet().stream()
                .filter(link -> !link.getValue().equals(anchors.get(link.getKey())))
                .map(link -> link.getKey() + " -> " + anchors.get(link.getKey()))
                .toList();
        assertThat(wrong.stream().limit(5).toList())
                .as("links LibreOffice lost or changed: %d of %d", wrong.size(), expected.size())
                .isEmpty();
        assertThat(anchors).hasSameSizeAs(expected);
    }

    private String convertToHtml(Path xlsx) throws IOException, InterruptedException {
        Path profile = folder.resolve("profile");
        Process soffice = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--convert-to", "html", "--outdir", folder.toString(), xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("soffice.log").toFile())
                .start();
        if (!soffice.waitFor(3, TimeUnit.MINUTES)) {
            soffice.destroyForcibly();
            fail("LibreOffice did not convert the workbook within 3 minutes");
        }
        Path html = folder.resolve("leads.html");
        assertThat(html).as(Files.readString(folder.resolve("soffice.log"))).exists();
        return Files.readString(html, StandardCharsets.UTF_8);
    }

    private static void requireLibreOffice() {
        if (Files.isExecutable(SOFFICE)) {
            return;
        }
        String install = "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)";
        if ("true".equals(System.getenv("CI"))) {
            fail(install + " (CI=true: this test is not skipped on CI)");
        }
        assumeTrue(false, install);
    }
}
