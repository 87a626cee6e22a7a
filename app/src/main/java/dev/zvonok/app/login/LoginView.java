package dev.zvonok.app.login;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The login screen, built in code; it only binds to its {@link LoginViewModel}. Enter anywhere logs in. */
public final class LoginView {

    private final LoginViewModel vm;
    private final LiveTexts texts;
    private final StackPane root = new StackPane();
    private final TextField server = new TextField();
    private final TextField login = new TextField();
    private final PasswordField password = new PasswordField();

    private final Runnable openSettings;

    public LoginView(LoginViewModel vm, ObservableValue<Locale> language) {
        this(vm, language, null);
    }

    /**
     * @param openSettings shows Settings (for the certificate authority an {@code https://} server needs, before
     *                     anyone can log in); null for no link
     */
    public LoginView(LoginViewModel vm, ObservableValue<Locale> language, Runnable openSettings) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(LoginView.class, language);
        this.openSettings = openSettings;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.getStyleClass().add("login");
        root.getStylesheets().add(Objects.requireNonNull(LoginView.class.getResource("login.css")).toExternalForm());

        FontIcon logo = new FontIcon(Feather.PHONE_CALL);
        logo.getStyleClass().add("login-logo");
        logo.setIconSize(emPixels(3));
        Label title = new Label();
        title.textProperty().bind(texts.get("login.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label();
        subtitle.textProperty().bind(texts.get("login.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        server.setId("login-server");
        server.setPromptText("http://pbx-crm.local:3771");
        server.textProperty().bindBidirectional(vm.serverProperty());
        login.setId("login-login");
        login.textProperty().bindBidirectional(vm.loginProperty());
        password.setId("login-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Button submit = new Button();
        submit.setId("login-submit");
        submit.textProperty().bind(texts.get("login.submit"));
        submit.setMnemonicParsing(true);
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setOnAction(e -> vm.submit());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("login-spinner");
        spinner.getStyleClass().add("login-spinner");
        Label progress = new Label();
        progress.setId("login-progress");
        progress.textProperty().bind(texts.text(t -> switch (vm.stateProperty().get()) {
            case RESUMING -> t.get("login.resuming");
            case LOGGING_IN -> t.get("login.loggingIn");
            default -> "";
        }, vm.stateProperty()));
        HBox busyRow = new HBox(spinner, progress);
        busyRow.getStyleClass().add("login-busy");
        busyRow.setAlignment(Pos.CENTER_LEFT);
        busyRow.visibleProperty().bind(vm.busyProperty());
        busyRow.managedProperty().bind(vm.busyProperty());

        Label message = new Label();
        message.setId("login-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().addAll("login-message", Styles.DANGER);
        message.textProperty().bind(texts.text(t -> LoginMessages.text(vm.messageProperty().get(), t),
                vm.messageProperty()));
        message.visibleProperty().bind(vm.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());

        HBox header = new HBox(logo, new VBox(title, subtitle));
        header.getStyleClass().add("login-header");
        header.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(header,
                field("login.server", server),
                field("login.login", login),
                field("login.password", password),
                message, busyRow, submit);
        if (openSettings != null) {
            Hyperlink settings = new Hyperlink();
            settings.setId("login-settings");
            settings.textProperty().bind(texts.get("login.settings"));
            settings.setOnAction(e -> openSettings.run());
            settings.disableProperty().bind(vm.busyProperty());
            form.getChildren().add(settings);
        }
        form.getStyleClass().add("login-form");
        form.setMaxSize(Control.USE_PREF_SIZE, Control.USE_PREF_SIZE);
        server.disableProperty().bind(vm.busyProperty());
        login.disableProperty().bind(vm.busyProperty());
        password.disableProperty().bind(vm.busyProperty());
        submit.disableProperty().bind(vm.busyProperty());
        root.getChildren().add(form);

        vm.messageProperty().addListener((o, was, now) -> focusFor(now));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                Platform.runLater(this::focusFirstEmpty);
            }
        });
    }

    private VBox field(String key, Control input) {
        Label label = new Label();
        label.textProperty().bind(texts.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(input);
        VBox field = new VBox(label, input);
        field.getStyleClass().add("login-field");
        return field;
    }

    /** Where the operator is most likely to type next after a message. */
    private void focusFor(LoginMessage message) {
        TextField target = switch (message) {
            case LoginMessage.Invalid(LoginMessage.Field field) -> switch (field) {
                case SERVER -> server;
                case LOGIN -> login;
                case PASSWORD -> password;
            };
            case LoginMessage.Failed(LoginFailure.ServerUnreachable unreachable) -> server;
            case LoginMessage.Failed(LoginFailure.ServerNotTrusted untrusted) -> server;
            case LoginMessage.Failed(LoginFailure failure) -> password;
            case LoginMessage.SessionEnded() -> password;
            case null -> null;
        };
        if (target != null) {
            // after the form is enabled again: a disabled field does not take the focus
            Platform.runLater(target::requestFocus);
        }
    }

    private void focusFirstEmpty() {
        TextField first = server.getText().isBlank() ? server : login.getText().isBlank() ? login : password;
        first.requestFocus();
    }

    /**
     * An icon size that follows the text's scaling. Not in CSS: an em there is taken of the icon's own font, which the
     * icon size sets, and the layout runs away.
     */
    private static int emPixels(double em) {
        return (int) Math.round(em * Font.getDefault().getSize());
    }
}
