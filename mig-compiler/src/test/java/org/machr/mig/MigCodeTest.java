package org.machr.mig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MigCodeTest {

    @Test
    void codesAreDistinctAndWellFormed() {
        assertThat(Arrays.stream(MigCode.values()).map(MigCode::id)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("MIG\\d{4}"));
    }

    @Test
    void everyCodeIsDocumented() throws IOException {
        Path root = Path.of(System.getProperty("machr.root", "."));
        Path doc = root.resolve("docs/mig.md");
        if (!Files.exists(doc)) doc = Path.of("../docs/mig.md");
        String text = Files.readString(doc);
        for (MigCode code : MigCode.values()) {
            assertThat(text).as("docs/mig.md documents %s", code.id()).contains("### " + code.id());
        }
    }
}
