package dev.zvonok.app.history;

import dev.zvonok.model.api.CallListItem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The details windows of calls: one per call (opening a call again brings its window forward), each owned by the main
 * window, never modal and never on top of everything: the operator reads a call's details while the cards and the main
 * window go on working.
 */
public final class CallDetailsWindows {

    private final Function<CallListItem, CallDetailsViewModel> viewModels;
    private final ObservableValue<Locale> language;
    private final Map<String, Stage> open = new HashMap<>();

    /** @param viewModels a new view-model for a call, not yet loading */
    public CallDetailsWindows(Function<CallListItem, CallDetailsViewModel> viewModels,
                              ObservableValue<Locale> language) {
        this.viewModels = Objects.requireNonNull(viewModels, "viewModels");
        this.language = Objects.requireNonNull(language, "language");
    }

    /** Shows the call's details, loading them; FX thread. @param owner the main window */
    public void open(Window owner, CallListItem call) {
        Stage shown = open.get(call.id());
        if (shown != null) {
            shown.toFront();
            shown.requestFocus();
            return;
        }
        CallDetailsViewModel vm = viewModels.apply(call);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        CallDetailsView view = new CallDetailsView(vm, language, stage::close);
        Scene scene = new Scene(view.root(), CallTable.em(48), CallTable.em(50));
        stage.setScene(scene);
        stage.titleProperty().bind(view.title());
        stage.setOnHidden(e -> open.remove(call.id(), stage));
        open.put(call.id(), stage);
        stage.show();
        vm.load();
    }

    /** At logout: another operator must not find the last one's calls on the screen. */
    public void closeAll() {
        List.copyOf(open.values()).forEach(Stage::close);
        open.clear();
    }
}
