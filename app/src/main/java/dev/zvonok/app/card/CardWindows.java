package dev.zvonok.app.card;

import dev.zvonok.app.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * A window per card of the {@link CardsPresenter}: undecorated, always on top, stacked from the corner the operator
 * chose on the primary screen's free area; closing one moves the rest up. Also rings while a card rings.
 *
 * <p>FX thread only. Thin on purpose: what a card shows is its {@link CardView}'s business, where it goes
 * {@link CardStacking}'s.
 */
public final class CardWindows {

    private static final double MARGIN = 12;
    private static final double GAP = 8;

    private final CardsPresenter presenter;
    private final RingSound ring;
    private final Supplier<Rectangle2D> screenArea;
    private final CardStacking stacking = new CardStacking(MARGIN, GAP);
    private final Map<CardViewModel, Stage> stages = new LinkedHashMap<>();
    private final ListChangeListener<CardViewModel> cardsChanged = this::cardsChanged;
    private final InvalidationListener ringingChanged = observable -> updateRing();
    private Settings settings;

    /** Cards on the primary screen. Opens a window for every card the presenter already holds. */
    public CardWindows(CardsPresenter presenter, Settings settings, RingSound ring) {
        this(presenter, settings, ring, () -> Screen.getPrimary().getVisualBounds());
    }

    CardWindows(CardsPresenter presenter, Settings settings, RingSound ring, Supplier<Rectangle2D> screenArea) {
        this.presenter = Objects.requireNonNull(presenter, "presenter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ring = Objects.requireNonNull(ring, "ring");
        this.screenArea = screenArea;
        presenter.cards().addListener(cardsChanged);
        presenter.ringingProperty().addListener(ringingChanged);
        show(presenter.cards());
        updateRing();
    }

    /** The operator changed Settings: the corner, the sound and its volume apply at once. */
    public void applySettings(Settings changed) {
        settings = Objects.requireNonNull(changed, "settings");
        updateRing();
        restack();
    }

    /** The window of {@code card}, while it is open. */
    public Optional<Stage> windowOf(CardViewModel card) {
        return Optional.ofNullable(stages.get(card));
    }

    /** The open card windows, in stacking order. */
    public List<Stage> windows() {
        return List.copyOf(stages.values());
    }

    /** Closes every card window and the ring, and stops following the presenter (the app quits, or logs out). */
    public void close() {
        presenter.cards().removeListener(cardsChanged);
        presenter.ringingProperty().removeListener(ringingChanged);
        stages.values().forEach(Stage::close);
        stages.clear();
        ring.stop();
    }

    // ------------------------------------------------------------------------------------------ windows

    private void cardsChanged(ListChangeListener.Change<? extends CardViewModel> change) {
        List<CardViewModel> opened = new ArrayList<>();
        while (change.next()) {
            for (CardViewModel gone : change.getRemoved()) {
                Stage stage = stages.remove(gone);
                if (stage != null) {
                    stage.close();
                }
            }
            opened.addAll(change.getAddedSubList());
        }
        show(opened);
    }

    /** New windows get their place before they first show, so they never flash in the middle of the screen. */
    private void show(List<? extends CardViewModel> cards) {
        cards.forEach(this::open);
        restack();
        for (Stage stage : stages.values()) {
            if (!stage.isShowing()) {
                stage.show();
            }
        }
    }

    private void open(CardViewModel card) {
        CardView view = new CardView(card, presenter.texts());
        Scene scene = new Scene(view.root());
        scene.getStylesheets().add(CardView.STYLESHEET);
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> presenter.texts().format("card.window.title", card.titleProperty().get()),
                card.titleProperty()));
        stage.setScene(scene);
        // the card grows and shrinks with what it shows (history arrives, the call is answered, Esc): follow it
        scene.addPostLayoutPulseListener(() -> fitToContent(stage, view.root()));
        card.phaseProperty().addListener((property, was, now) -> {
            if (now == CardPhase.RINGING && stage.isShowing()) {
                stage.toFront(); // rings again: it must be seen
            }
        });
        CardStacking.Size size = wantedSize(view.root());
        stage.setWidth(size.width());
        stage.setHeight(size.height());
        stages.put(card, stage);
    }

    private void fitToContent(Stage stage, Parent root) {
        if (!stage.isShowing()) {
            return;
        }
        CardStacking.Size wanted = wantedSize(root);
        if (Math.abs(wanted.height() - stage.getHeight()) >= 1 || Math.abs(wanted.width() - stage.getWidth()) >= 1) {
            stage.setWidth(wanted.width());
            stage.setHeight(wanted.height());
            restack();
        }
    }

    private void restack() {
        List<CardStacking.Size> sizes = new ArrayList<>();
        for (Stage stage : stages.values()) {
            sizes.add(stage.isShowing() ? new CardStacking.Size(stage.getWidth(), stage.getHeight())
                    : wantedSize(stage.getScene().getRoot()));
        }
        List<Point2D> places = stacking.place(settings.cardCorner(), screenArea.get(), sizes);
        int i = 0;
        for (Stage stage : stages.values()) {
            Point2D place = places.get(i++);
            stage.setX(place.getX());
            stage.setY(place.getY());
        }
    }

    /** What the card's content asks for, but never taller than the screen: then its middle scrolls. */
    private CardStacking.Size wantedSize(Parent root) {
        root.applyCss();
        double width = Math.ceil(root.prefWidth(-1));
        double height = Math.ceil(root.prefHeight(width));
        double room = Math.floor(screenArea.get().getHeight() - 2 * MARGIN);
        return new CardStacking.Size(width, Math.min(height, room));
    }

    private void updateRing() {
        if (presenter.ringingProperty().get() && settings.soundOn()) {
            ring.start(settings.volume());
        } else {
            ring.stop();
        }
    }
}
