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
    /** Where jpackage puts the entry in the installed app, and where our postinst copies it for menus. */
    private static final String INSTALLED_ENTRY = "/opt/zvonok/lib/zvonok-Zvonok.desktop";
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
    void theDesktopEntryPassesDesktopFileValidate() throws Exception {
        Path validate = Path.of("/usr/bin/desktop-file-validate");
        assumeTrue(Files.isExecutable(validate), "desktop-file-validate (desktop-file-utils) is not installed");
        Path entry = root.resolve("zvonok.desktop");
        Files.writeString(entry, Files.readString(DESKTOP_ENTRY)
                .replace("APPLICATION_LAUNCHER", "/opt/zvonok/bin/Zvonok")
                .replace("APPLICATION_ICON", "/opt/zvonok/lib/Zvonok.png"));

        Result result = run(List.of(validate.toString(), entry.toString()), Map.of());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).as("no warnings either").isEmpty();
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
        Path installed = Files.createDirectories(root.resolve("opt/zvonok/lib")).resolve("zvonok-Zvonok.desktop");
        Files.copy(DESKTOP_ENTRY, installed);
        Path menu = root.resolve("usr/share/applications");
        Map<String, String> minimal = Map.of("PATH", coreUtilitiesOnly().toString());

        Result configure = runScript("postinst", minimal, "configure");

        assertThat(configure.exit()).as(configure.output()).isZero();
        assertThat(menu.resolve("zvonok.desktop")).as("the menu directory is made, the entry copied")
                .hasSameTextualContentAs(DESKTOP_ENTRY);

        Result remove = runScript("prerm", minimal, "remove");
        Result removed = runScript("postrm", minimal, "remove");
        Result purged = runScript("postrm", minimal, "purge");

        assertThat(List.of(remove.exit(), removed.exit(), purged.exit()))
                .as(remove.output() + removed.output() + purged.output()).containsOnly(0);
        assertThat(menu.resolve("zvonok.desktop")).doesNotExist();
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
        assertThat(configure.output()).contains("no menu entry").contains("/opt/zvonok/bin/Zvonok");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Map<String, String> desktopEntry() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(DESKTOP_ENTRY, StandardCharsets.UTF_8);
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
                .replace(INSTALLED_ENTRY, root + INSTALLED_ENTRY)
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
