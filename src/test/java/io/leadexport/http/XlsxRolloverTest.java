package io.leadexport.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.leadexport.support.Api;
import io.leadexport.support.SmallLimitsTest;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** More leads than a sheet holds continue on Leads (2), Leads (3)…; the per-sheet limit is small here. */
@SmallLimitsTest
class XlsxRolloverTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void leadsContinueOnNumberedSheetsInOrder() throws IOException {
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        List<Lead> many = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            many.add(TestLeads.plain(String.format("Lead %03d", i), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i)));
        }
        leads.insert(many);

        byte[] body = new Api(port).get("admin", "/api/leads/export?format=xlsx&fields=fullName").body();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
            assertThat(workbook.getSheetName(1)).isEqualTo("Leads (2)");
            assertThat(workbook.getSheetName(2)).isEqualTo("Leads (3)");
            assertThat(workbook.getSheetName(3)).isEqualTo("Export Info");
            assertThat(workbook.getSheet("Leads").getLastRowNum()).isEqualTo(40);
            assertThat(workbook.getSheet("Leads (2)").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Full Name");
            assertThat(workbook.getSheet("Leads (2)").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Lead 040");
            assertThat(workbook.getSheet("Leads (3)").getLastRowNum()).isEqualTo(15);
            assertThat(workbook.getSheet("Leads (3)").getRow(15).getCell(0).getStringCellValue()).isEqualTo("Lead 094");
        }
    }
}
