package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** GTK is told to leave OpenGL alone exactly when JavaFX draws in software, through the environment GTK reads. */
@EnabledOnOs(OS.LINUX)
class GdkWithoutGlTest {

    @Test
    void onlyTheSoftwarePipelineTurnsGdkGlOffAndAUsersOwnSettingStays() {
        GdkWithoutGl.LibC libc = GdkWithoutGl.libc();
        assertThat(libc.getenv(GdkWithoutGl.VARIABLE)).as("not set for this test's JVM").isNull();

        GdkWithoutGl.beforeToolkit(null);
        GdkWithoutGl.beforeToolkit("es2,sw");
        assertThat(libc.getenv(GdkWithoutGl.VARIABLE)).as("GL may be wanted: untouched").isNull();

        GdkWithoutGl.beforeToolkit("sw");
        assertThat(libc.getenv(GdkWithoutGl.VARIABLE)).isEqualTo("disable");

        libc.setenv(GdkWithoutGl.VARIABLE, "always", 1); // as a user would have it
        GdkWithoutGl.beforeToolkit("sw");
        assertThat(libc.getenv(GdkWithoutGl.VARIABLE)).isEqualTo("always");
    }
}
