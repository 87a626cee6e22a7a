package dev.zvonok.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every screen speaks both languages: each English bundle has its Russian twin, key for key, none left empty. */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(file -> file.getFileName().toString().equals("messages.properties")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("englishBundles")
    void theRussianBundleHasExactlyTheSameKeys(Path english) throws IOException {
        Path russian = english.resolveSibling("messages_ru.properties");
        assertThat(russian).as("the Russian twin of " + english).exists();

        Properties en = load(english);
        Properties ru = load(russian);

        assertThat(new TreeSet<>(ru.stringPropertyNames())).as(RESOURCES.relativize(russian).toString())
                .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        assertThat(ru.stringPropertyNames()).as("no empty Russian text")
                .allSatisfy(key -> assertThat(ru.getProperty(key)).as(key).isNotBlank());
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
