package dev.zvonok.app;

import javafx.application.Application;

/**
 * The entry point of the jar and of the installer. Not an {@link Application} itself: started from the class path
 * (and by jpackage's launcher), JavaFX refuses a main class that extends Application.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        GdkWithoutGl.beforeToolkit(System.getProperty("prism.order"));
        Application.launch(ZvonokApp.class, args);
    }
}
