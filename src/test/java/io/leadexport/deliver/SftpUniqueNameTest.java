package io.leadexport.deliver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SftpUniqueNameTest {

    private static final String JOB = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";

    @Test
    void theJobIdGoesBeforeTheExtension() {
        String name = "leads_export_2024-01-08_020000.csv";

        assertThat(SftpUniqueName.unique(name, name, JOB)).isEqualTo("leads_export_2024-01-08_020000_1f2e3d4c.csv");
    }

    @Test
    void anEncryptedFileKeepsBothExtensions() {
        String name = "leads_export_2024-01-08_020000.csv";

        assertThat(SftpUniqueName.unique(name + ".pgp", name, JOB))
                .isEqualTo("leads_export_2024-01-08_020000_1f2e3d4c.csv.pgp");
    }

    @Test
    void aDotInTheFilterPartOfTheNameIsNotTakenForTheExtension() {
        String name = "leads_export_search_2024-01-08_020000.json";

        assertThat(SftpUniqueName.unique(name, name, JOB))
                .isEqualTo("leads_export_search_2024-01-08_020000_1f2e3d4c.json");
    }

    @Test
    void onlyTheDataFileUnderItsOwnNameIsRenamed() {
        SftpUniqueName names = new SftpUniqueName();
        SftpUpload data = SftpUpload.dataFile("a.csv");

        assertThat(names.applies(data)).isTrue();
        assertThat(names.applies(data.renamedTo("a_1f2e3d4c.csv"))).as("already renamed").isFalse();
        assertThat(names.applies(data.manifest("a.csv.manifest.json"))).as("a manifest").isFalse();
    }
}
