package dev.zvonok.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps GTK from loading OpenGL when JavaFX draws in software: sets {@code GDK_GL=disable} in the process's own
 * environment before the toolkit starts (unless the user set {@code GDK_GL} already).
 *
 * <p>Why: GTK 3 looks for OpenGL-capable visuals when it opens the display, and so loads libGL and the system's
 * driver, on a PC without a suitable GPU Mesa's software one with all of LLVM: ~45 MB resident, for nothing, as
 * JavaFX's software pipeline (the installer's {@code -Dprism.order=sw}) never draws through GL, nor through GDK
 * (docs/benchmarks.md, issue 10). An environment variable is the only switch GTK offers, and jpackage's launcher has
 * no way to set one, so the app sets it for itself through libc ({@code System.getenv} is only a copy taken at
 * start). Linux only; with a GPU pipeline asked for, nothing changes.
 */
final class GdkWithoutGl {

    static final String VARIABLE = "GDK_GL";

    private static final Logger LOG = LoggerFactory.getLogger(GdkWithoutGl.class);

    /** libc's own environment, the one GTK reads. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private GdkWithoutGl() {
    }

    /** @param prismOrder the {@code prism.order} system property: GL stays on unless it says "sw" alone */
    static void beforeToolkit(String prismOrder) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || !"sw".equals(prismOrder == null ? null : prismOrder.strip())) {
            return;
        }
        try {
            libc().setenv(VARIABLE, "disable", 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // only memory is at stake: the app works the same with GL loaded
            LOG.warn("could not set {} for GTK: {}", VARIABLE, e.toString());
        }
    }

    static LibC libc() {
        return Native.load("c", LibC.class);
    }
}
