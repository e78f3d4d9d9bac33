package org.machr.kd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The codes are distinct, well-formed, and each is documented in docs/language.md §13 (and nothing more). */
class KdCodeTest {

    static Path docs() {
        String root = System.getProperty("machr.root");
        Path base = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        return base.resolve("docs/language.md");
    }

    @Test
    void codesAreDistinctAndWellFormed() {
        List<String> ids = Arrays.stream(KdCode.values()).map(KdCode::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).allMatch(id -> id.matches("KD\\d{4}"));
    }

    @Test
    void everyCodeIsDocumentedAndEveryDocumentedCodeExists() throws IOException {
        String text = Files.readString(docs());
        Matcher m = Pattern.compile("^\\| (KD\\d{4}) \\|", Pattern.MULTILINE).matcher(text);
        Set<String> documented = new HashSet<>();
        while (m.find()) assertThat(documented.add(m.group(1))).as("documented twice: " + m.group(1)).isTrue();
        Set<String> defined = new HashSet<>(Arrays.stream(KdCode.values()).map(KdCode::id).toList());
        assertThat(documented).isEqualTo(defined);
    }
}
