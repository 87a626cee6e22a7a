package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files jpackage takes for the app's Debian package instead of its own (src/packaging/linux, named by deb.args'
 * {@code --resource-dir}): the desktop entry as a menu shows it, and maintainer scripts that cannot fail an install
 * on a minimal Debian. The package itself is built (and was installed by hand) with the installer profile.
 */
class AppPackageFilesTest {

    private static final Path PACKAGING = Path.of("src/packaging");
    private static final Path RESOURCES = PACKAGING.resolve("linux");
    private static final Path DESKTOP_ENTRY = RESOURCES.resolve("Zvonok.desktop");
    private static final Path SUPERVISOR_ENTRY = RESOURCES.resolve("ZvonokSupervisor.desktop");
    private static final Path SUPERVISOR_LAUNCHER = PACKAGING.resolve("ZvonokSupervisor.properties");
    /** Where jpackage puts the entries in the installed app (zvonok-LAUNCHER.desktop), and where postinst copies them. */
    private static final String INSTALLED_ENTRIES = "/opt/zvonok/lib/";
    private static final String MENU_DIRECTORY = "/usr/share/applications";

    @TempDir
    Path root;

    @Test
    void jpackageTakesOurResourcesForTheDebianPackage() throws IOException {
        assertThat(Files.readAllLines(PACKAGING.resolve("deb.args"))).contains("--resource-dir " + RESOURCES);
        assertThat(Files.readAllLines(PACKAGING.resolve("deb.args")))
                .as("the installed entry is PACKAGE-LAUNCHER.desktop, its resource LAUNCHER.desktop")
                .contains("--linux-package-name zvonok");
        assertThat(Files.readAllLines(PACKAGING.resolve("jpackage.args"))).contains("--name Zvonok");
    }

    @Test
    void theDesktopEntryNamesTheAppInBothLanguagesAndTheClassOfItsWindows() throws IOException {
        Map<String, String> entry = desktopEntry();

        assertThat(entry).containsEntry("Type", "Application")
                .containsEntry("Name", "Zvonok").containsEntry("Name[ru]", "Звонок")
                .containsEntry("Exec", "APPLICATION_LAUNCHER").containsEntry("Icon", "APPLICATION_ICON")
                .containsKeys("Comment", "Comment[ru]", "GenericName", "GenericName[ru]", "Categories", "Keywords",
                        "Keywords[ru]");
        assertThat(entry.get("Comment[ru]")).as("Russian, not a copy of the English").isNotEqualTo(entry.get("Comment"))
                .matches(".*[а-яё].*");
        // JavaFX names the windows' WM_CLASS after the Application class (xprop WM_CLASS under Xvfb:
        // "dev.zvonok.app.ZvonokApp"): the dock groups them under this entry's icon only if it says so
        assertThat(entry).containsEntry("StartupWMClass", ZvonokApp.class.getName());
    }

    @Test
    void theDesktopEntriesPassDesktopFileValidate() throws Exception {
        Path validate = Path.of("/usr/bin/desktop-file-validate");
        assumeTrue(Files.isExecutable(validate), "desktop-file-validate (desktop-file-utils) is not installed");
        for (Path source : List.of(DESKTOP_ENTRY, SUPERVISOR_ENTRY)) {
            Path entry = root.resolve(source.getFileName().toString().toLowerCase(java.util.Locale.ROOT));
            Files.writeString(entry, Files.readString(source)
                    .replace("APPLICATION_LAUNCHER", "/opt/zvonok/bin/Zvonok")
                    .replace("APPLICATION_ICON", "/opt/zvonok/lib/Zvonok.png"));

            Result result = run(List.of(validate.toString(), entry.toString()), Map.of());

            assertThat(result.exit()).as(source + ": " + result.output()).isZero();
            assertThat(result.output()).as(source + ": no warnings either").isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------- the supervisor's launcher

    @Test
    void aSecondLauncherGivesSupervisorsTheHeapABoardNeedsWithEveryOtherFlagTheOperatorsHave() throws IOException {
        List<String> args = Files.readAllLines(PACKAGING.resolve("jpackage.args"));
        assertThat(args).as("both the app-image and the installer take it")
                .contains("--add-launcher ZvonokSupervisor=" + SUPERVISOR_LAUNCHER);
        List<String> operators = args.stream().filter(line -> line.startsWith("--java-options "))
                .map(line -> line.substring("--java-options ".length()).strip()).toList();
        assertThat(operators).contains("-Xmx64m");

        Map<String, String> launcher = properties(SUPERVISOR_LAUNCHER);
        List<String> supervisors = List.of(launcher.get("java-options").strip().split("\\s+"));

        // jpackage replaces the main launcher's java-options with these: all of them, in the same order
        assertThat(supervisors).as("a heap that holds a 1,000-operator board's ~70 MB live (docs/benchmarks.md)")
                .contains("-Xmx160m").doesNotContain("-Xmx64m");
        assertThat(supervisors.stream().filter(flag -> !flag.startsWith("-Xmx")).toList())
                .isEqualTo(operators.stream().filter(flag -> !flag.startsWith("-Xmx")).toList());
        assertThat(launcher).as("the main launcher's class and jar: not overridden")
                .doesNotContainKeys("main-class", "main-jar", "arguments")
                .containsEntry("linux-shortcut", "true").containsKey("description");
    }

    @Test
    void theSupervisorsDesktopEntrySaysWhomItIsForInBothLanguages() throws IOException {
        Map<String, String> entry = desktopEntry(SUPERVISOR_ENTRY);

        assertThat(entry).containsEntry("Name", "Zvonok Supervisor").containsEntry("Name[ru]", "Звонок — супервизор")
                .containsEntry("Exec", "APPLICATION_LAUNCHER").containsEntry("Icon", "APPLICATION_ICON")
                .containsEntry("StartupWMClass", ZvonokApp.class.getName())
                .containsKeys("Comment", "Comment[ru]", "GenericName", "GenericName[ru]", "Keywords[ru]");
        assertThat(entry.get("Comment[ru]")).isNotEqualTo(entry.get("Comment")).matches(".*[а-яё].*");
        assertThat(entry.keySet()).as("the same keys as the operator's entry")
                .isEqualTo(desktopEntry(DESKTOP_ENTRY).keySet());
    }

    @Test
    void theMaintainerScriptsAreExecutableValidShellAndNeverCallXdgTools() throws Exception {
        for (String name : List.of("postinst", "prerm", "postrm")) {
            Path script = RESOURCES.resolve(name);
            Result check = run(List.of("sh", "-n", script.toString()), Map.of());
            assertThat(check.exit()).as(name + ": " + check.output()).isZero();
            assertThat(Files.isExecutable(script)).as(name + " is executable").isTrue();
            assertThat(Files.readAllLines(script)).as(name + " commands (comments aside)")
                    .filteredOn(line -> !line.strip().startsWith("#"))
                    .noneMatch(line -> line.contains("xdg-"));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onAMinimalSystemWithoutXdgToolsNorMenuDirectoryInstallAndRemoveSucceed() throws Exception {
        Path lib = Files.createDirectories(root.resolve("opt/zvonok/lib"));
        Files.copy(DESKTOP_ENTRY, lib.resolve("zvonok-Zvonok.desktop"));
        Files.copy(SUPERVISOR_ENTRY, lib.resolve("zvonok-ZvonokSupervisor.desktop"));
        Path menu = root.resolve("usr/share/applications");
        Map<String, String> minimal = Map.of("PATH", coreUtilitiesOnly().toString());

        Result configure = runScript("postinst", minimal, "configure");

        assertThat(configure.exit()).as(configure.output()).isZero();
        assertThat(menu.resolve("zvonok.desktop")).as("the menu directory is made, the entries copied")
                .hasSameTextualContentAs(DESKTOP_ENTRY);
        assertThat(menu.resolve("zvonok-supervisor.desktop")).hasSameTextualContentAs(SUPERVISOR_ENTRY);

        Result remove = runScript("prerm", minimal, "remove");
        Result removed = runScript("postrm", minimal, "remove");
        Result purged = runScript("postrm", minimal, "purge");

        assertThat(List.of(remove.exit(), removed.exit(), purged.exit()))
                .as(remove.output() + removed.output() + purged.output()).containsOnly(0);
        assertThat(menu.resolve("zvonok.desktop")).doesNotExist();
        assertThat(menu.resolve("zvonok-supervisor.desktop")).doesNotExist();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aMenuDirectoryThatCannotBeMadeCostsTheMenuEntryNotTheInstall() throws Exception {
        Path installed = Files.createDirectories(root.resolve("opt/zvonok/lib")).resolve("zvonok-Zvonok.desktop");
        Files.copy(DESKTOP_ENTRY, installed);
        // a file where the directory should be: even root cannot make it (permissions would not stop root)
        Files.createDirectories(root.resolve("usr/share"));
        Files.writeString(root.resolve("usr/share/applications"), "not a directory");

        Result configure = runScript("postinst", Map.of("PATH", coreUtilitiesOnly().toString()), "configure");

        assertThat(configure.exit()).as(configure.output()).isZero();
        assertThat(configure.output()).contains("no menu entry").contains("start /opt/zvonok/bin/Zvonok\n")
                .contains("start /opt/zvonok/bin/ZvonokSupervisor\n");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Map<String, String> desktopEntry() throws IOException {
        return desktopEntry(DESKTOP_ENTRY);
    }

    /** A jpackage launcher's .properties, as java.util.Properties reads it (jpackage reads it so). */
    private static Map<String, String> properties(Path file) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> keys.put(key, properties.getProperty(key)));
        return keys;
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("[Desktop Entry]");
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int equals = line.indexOf('=');
                assertThat(equals).as(line).isPositive();
                assertThat(keys.put(line.substring(0, equals), line.substring(equals + 1))).as("once: " + line).isNull();
            }
        }
        return keys;
    }

    /** A directory with the few tools every Debian has (coreutils), and nothing of xdg-utils or desktop-file-utils. */
    private Path coreUtilitiesOnly() throws IOException {
        Path bin = Files.createDirectories(root.resolve("minimal-bin"));
        for (String tool : List.of("mkdir", "cp", "chmod", "rm")) {
            Path real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
                    .filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        return bin;
    }

    /** The script as jpackage fills it in, with the system's paths moved under {@link #root}. */
    private Result runScript(String name, Map<String, String> environment, String argument) throws Exception {
        Path script = root.resolve(name);
        Files.writeString(script, Files.readString(RESOURCES.resolve(name))
                .replace("APPLICATION_PACKAGE", "zvonok")
                .replace(INSTALLED_ENTRIES, root + INSTALLED_ENTRIES)
                .replace(MENU_DIRECTORY, root + MENU_DIRECTORY));
        return run(List.of("/bin/sh", script.toString(), argument), environment);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!environment.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
