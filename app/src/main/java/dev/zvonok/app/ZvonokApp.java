package dev.zvonok.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The composition root of the desktop app: builds every part once and wires them by hand. */
public final class ZvonokApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Zvonok");
        stage.setScene(new Scene(new Label("Zvonok"), 360, 200));
        stage.show();
    }
}
