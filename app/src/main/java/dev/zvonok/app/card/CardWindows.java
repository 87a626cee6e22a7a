package dev.zvonok.app.card;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.settings.CardScreens;
import dev.zvonok.app.settings.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The cards of the {@link CardsPresenter} on screen: the one open card ({@link CardStack} says which) in a window of
 * its own, and every other card as a row of one panel next to it; both undecorated, always on top, in the corner the
 * operator chose, within the screen's work area. While one of the app's own dialogs is open they step back from
 * always-on-top, so they never cover it. Also rings while a card rings.
 *
 * <p>A card must be on screen within a blink of its ring, and building and styling a card's view costs most of that
 * (AtlantaFX's style sheet is large, and a new scene matches it afresh). So while nothing rings, the window for the
 * {@linkplain CardsPresenter#nextCard() next card} is built and styled ahead, hidden; a ring only fills it in and
 * shows it. A ring that comes before it is ready gets a window built on the spot, as before. When it is built
 * ahead — never while a card rings, and just before the heap is collected as a call ends — is {@link CardIdleWork}'s
 * business.
 *
 * <p>FX thread only. Thin on purpose: what a card shows is its {@link CardView}'s business, where it goes
 * {@link CardStacking}'s.
 */
public final class CardWindows {

    /**
     * Moves the keyboard into the newest card (cards never take it by themselves): from any window of the app.
     */
    public static final KeyCombination ENTER_CARDS = new KeyCodeCombination(KeyCode.F6);

    private static final double MARGIN = 12;
    private static final double GAP = 8;

    private final CardsPresenter presenter;
    private final RingSound ring;
    private final Supplier<Rectangle2D> screenArea;
    private final CardStacking stacking = new CardStacking(MARGIN, GAP);
    /** The open card's window: one at most. */
    private final Map<CardViewModel, Stage> stages = new LinkedHashMap<>();
    /** Each card window's guard of the keyboard, the one built ahead included. */
    private final Map<Window, CardFocus> guards = new HashMap<>();
    private final KeyboardHome keyboard = new KeyboardHome(window -> {
        CardFocus guard = guards.get(window);
        return !isPanel(window) && (guard == null || guard.chosen());
    });
    private final CardStack stack;
    private final ChangeListener<CardViewModel> expandedChanged = (property, was, now) -> expandedChanged(was, now);
    private final ListChangeListener<CardViewModel> rowsChanged = change -> showPanel();
    private final ListChangeListener<Window> windowsChanged = change -> stepBackForDialogs();
    private Stage panelStage;
    /** The card the operator opened from the panel: it gets the keyboard as soon as it shows. */
    private CardViewModel chosenFromPanel;
    private final InvalidationListener ringingChanged = observable -> updateRing();
    private final CardIdleWork idleWork;
    private Prepared prepared;
    private boolean closed;
    private Settings settings;

    /** A hidden window built ahead for the presenter's next card. */
    private record Prepared(CardViewModel card, Stage stage) {
    }

    /**
     * Cards on the screen the operator chose. Opens the windows for the cards the presenter already holds.
     *
     * @param collection collects the heap at a moment the operator waits for no card ({@link CardIdleWork})
     */
    public CardWindows(CardsPresenter presenter, Settings settings, RingSound ring, IdleCollection collection) {
        this(presenter, settings, ring, collection, null);
    }

    CardWindows(CardsPresenter presenter, Settings settings, RingSound ring, IdleCollection collection,
                Supplier<Rectangle2D> screenArea) {
        this.presenter = Objects.requireNonNull(presenter, "presenter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ring = Objects.requireNonNull(ring, "ring");
        // the chosen screen's work area, looked up at each placing: screens come and go
        this.screenArea = screenArea != null ? screenArea : () -> CardScreens.workArea(this.settings.cardScreen());
        this.stack = new CardStack(presenter.cards(), this::operatorWorksIn);
        keyboard.onMove(stack::keyboardMoved);
        stack.expandedProperty().addListener(expandedChanged);
        stack.rows().addListener(rowsChanged);
        Window.getWindows().addListener(windowsChanged);
        presenter.ringingProperty().addListener(ringingChanged);
        expandedChanged(null, stack.expanded());
        showPanel();
        updateRing();
        idleWork = CardIdleWork.following(presenter.cards(), this::prepareNext, collection);
    }

    /**
     * The operator changed Settings: the corner, the sound and its volume apply at once; the theme and the language
     * from the next card on (the {@link CardsPresenter} was told the language first).
     */
    public void applySettings(Settings changed) {
        Settings before = settings;
        settings = Objects.requireNonNull(changed, "settings");
        updateRing();
        restack();
        if (changed.theme() != before.theme() || !changed.language().equals(before.language())) {
            // styled in the old theme while hidden, where the theme's change does not reach; or in the old language
            dropPrepared();
            idleWork.restart();
        }
        if (!changed.language().equals(before.language()) && panelStage != null) {
            panelStage.close(); // its words are fixed when it is built: built again, in the new language
            panelStage = null;
            showPanel();
        }
    }

    /** The window of {@code card}, while it is open. */
    public Optional<Stage> windowOf(CardViewModel card) {
        return Optional.ofNullable(stages.get(card));
    }

    /** The open card's window, if a card is open: the others are rows of the {@link #panel()}. */
    public List<Stage> windows() {
        return List.copyOf(stages.values());
    }

    /** The panel of the cards that are not open, while there are any. */
    public Optional<Stage> panel() {
        return Optional.ofNullable(panelStage).filter(Stage::isShowing);
    }

    /** Opens {@code card}, as a click on its row in the panel does; the operator then works in it. */
    public void open(CardViewModel card) {
        chosenFromPanel = card;
        stack.choose(card);
        Stage stage = stages.get(card);
        if (stage != null && stage.isShowing()) {
            chosenFromPanel = null;
            guards.get(stage).choose();
        }
    }

    /** The hidden window built ahead for the next card, once it is ready. */
    Optional<Stage> nextWindow() {
        return Optional.ofNullable(prepared).map(Prepared::stage);
    }

    /** Closes every card window and the ring, and stops following the presenter (the app quits, or logs out). */
    public void close() {
        closed = true;
        idleWork.close();
        dropPrepared();
        stack.expandedProperty().removeListener(expandedChanged);
        stack.rows().removeListener(rowsChanged);
        Window.getWindows().removeListener(windowsChanged);
        presenter.ringingProperty().removeListener(ringingChanged);
        stages.values().forEach(Stage::close);
        stages.clear();
        if (panelStage != null) {
            panelStage.close();
        }
        guards.clear();
        keyboard.close();
        ring.stop();
    }

    /** The operator moves into the open card, or the newest of the panel when none is open ({@link #ENTER_CARDS}). */
    public void enterNewestCard() {
        CardViewModel card = stack.expanded();
        if (card == null && !presenter.cards().isEmpty()) {
            card = presenter.cards().getLast();
        }
        if (card != null) {
            open(card);
        }
    }

    // ------------------------------------------------------------------------------------------ windows

    /**
     * Another card opens: the one open before becomes a row (its window goes; the card keeps its state). The new
     * window gets its place before it first shows, so it never flashes in the middle of the screen; showing, it leaves
     * the keyboard where the operator was typing — unless the operator opened it from the panel.
     */
    private void expandedChanged(CardViewModel was, CardViewModel now) {
        if (was != null) {
            Stage stage = stages.remove(was);
            if (stage != null) {
                guards.remove(stage);
                stage.close();
            }
        }
        if (now == null || closed) {
            restack();
            return;
        }
        Window typingIn = keyboard.window().orElse(null);
        place(now);
        restack();
        Stage stage = stages.get(now);
        if (chosenFromPanel != now) {
            PlatformFocus.refuseFocusWhenShown(stage);
        }
        stage.show();
        CardFocus guard = guards.get(stage);
        if (chosenFromPanel == now) {
            chosenFromPanel = null;
            guard.choose();
        } else {
            guard.shown(typingIn);
        }
    }

    private void showPanel() {
        if (closed) {
            return;
        }
        boolean wanted = !stack.rows().isEmpty();
        if (wanted && panelStage == null) {
            panelStage = panelWindow();
        }
        if (panelStage == null) {
            return;
        }
        if (wanted && !panelStage.isShowing()) {
            CardStacking.Size size = wantedSize(panelStage.getScene().getRoot());
            panelStage.setWidth(size.width());
            panelStage.setHeight(size.height());
            restack();
            Window typingIn = keyboard.window().orElse(null);
            PlatformFocus.refuseFocusWhenShown(panelStage);
            panelStage.show();
            PlatformFocus.acceptFocus(panelStage, false); // rows are clicked, never typed in
            if (typingIn != null && typingIn.isShowing()) {
                typingIn.requestFocus();
            }
        } else if (!wanted && panelStage.isShowing()) {
            panelStage.hide();
        }
        restack();
    }

    private Stage panelWindow() {
        Texts texts = presenter.nextCard().labels().texts(); // the language cards open in now
        CardPanel view = new CardPanel(stack, texts, this::open);
        Scene scene = new Scene(view.root());
        scene.getStylesheets().add(CardView.STYLESHEET);
        Stage stage = new Stage(StageStyle.UNDECORATED);
        // nothing is typed in the panel: keys that reach it all the same go on to where the operator types
        scene.addEventFilter(KeyEvent.ANY, key -> {
            if (ENTER_CARDS.match(key)) {
                enterNewestCard();
                key.consume();
            } else {
                keyboard.sendOn(key, stage);
            }
        });
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.setTitle(texts.get("card.panel.title"));
        stage.setScene(scene);
        scene.addPostLayoutPulseListener(() -> fitToContent(stage, view.root()));
        return stage;
    }

    private boolean isPanel(Window window) {
        return window == panelStage;
    }

    /** The operator works in {@code card}: its window is where they type. */
    private boolean operatorWorksIn(CardViewModel card) {
        Stage stage = stages.get(card);
        return stage != null && keyboard.window().orElse(null) == stage;
    }

    /**
     * While one of the app's own dialogs (Settings, a call's details) is open, the cards step back from always-on-top,
     * so they never cover what the operator is reading or typing there; they come back on top as it closes.
     */
    private void stepBackForDialogs() {
        boolean dialogOpen = Window.getWindows().stream().anyMatch(window -> window instanceof Stage stage
                && stage.isShowing() && (stage.getOwner() != null || stage.getModality() != Modality.NONE)
                && stage != panelStage && !guards.containsKey(stage));
        stages.values().forEach(stage -> stage.setAlwaysOnTop(!dialogOpen));
        if (panelStage != null) {
            panelStage.setAlwaysOnTop(!dialogOpen);
        }
    }

    private void place(CardViewModel card) {
        Stage stage;
        if (prepared != null && prepared.card() == card) {
            stage = prepared.stage();
            prepared = null;
        } else {
            stage = windowFor(card);
        }
        CardStacking.Size size = wantedSize(stage.getScene().getRoot());
        stage.setWidth(size.width());
        stage.setHeight(size.height());
        stages.put(card, stage);
    }

    /** Builds and styles the window of the card the next call will take, unless it waits already. */
    private void prepareNext() {
        if (closed) {
            return;
        }
        CardViewModel next = presenter.nextCard();
        if (prepared != null && prepared.card() == next) {
            return;
        }
        dropPrepared(); // built for a card the presenter let go of
        Stage stage = windowFor(next);
        stage.getScene().getRoot().applyCss();
        prepared = new Prepared(next, stage);
    }

    private void dropPrepared() {
        if (prepared != null) {
            guards.remove(prepared.stage());
            prepared.stage().close();
            prepared = null;
        }
    }

    /** A card's window, not shown yet. */
    private Stage windowFor(CardViewModel card) {
        Texts texts = card.labels().texts(); // the language the card opened in
        CardView view = new CardView(card, texts);
        Scene scene = new Scene(view.root());
        view.root().requestFocus(); // not the notes: a card that appears has not got the keyboard (CardFocus)
        scene.getStylesheets().add(CardView.STYLESHEET);
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> texts.format("card.window.title", card.titleProperty().get()),
                card.titleProperty()));
        stage.setScene(scene);
        guards.put(stage, new CardFocus(stage, scene, keyboard, view::takeKeyboard));
        scene.getAccelerators().put(ENTER_CARDS, this::enterNewestCard);
        // the card grows and shrinks with what it shows (history arrives, the call is answered, Esc): follow it
        scene.addPostLayoutPulseListener(() -> fitToContent(stage, view.root()));
        card.phaseProperty().addListener((property, was, now) -> {
            if (now == CardPhase.RINGING && stage.isShowing()) {
                stage.toFront(); // rings again: it must be seen
            }
        });
        return stage;
    }

    /**
     * After each pulse's layout of a shown window. The pulse has just styled the scene: no {@link Parent#applyCss()}
     * here, which restyles the whole tree (it marks every node for an update); at every pulse of a shown card that made
     * ~6 MB/s of garbage, and a 64 MB heap then collected in full about once per ring (docs/benchmarks.md).
     */
    private void fitToContent(Stage stage, Parent root) {
        if (!stage.isShowing()) {
            return;
        }
        CardStacking.Size wanted = sizeOf(root);
        if (Math.abs(wanted.height() - stage.getHeight()) >= 1 || Math.abs(wanted.width() - stage.getWidth()) >= 1) {
            stage.setWidth(wanted.width());
            stage.setHeight(wanted.height());
            restack();
        }
    }

    /** The open card in the corner, the panel beside it (above a bottom corner, below a top one). */
    private void restack() {
        List<Stage> windows = new ArrayList<>(stages.values());
        if (panelStage != null && !stack.rows().isEmpty()) {
            windows.add(panelStage);
        }
        List<CardStacking.Size> sizes = new ArrayList<>();
        for (Stage stage : windows) {
            // a card's window is sized by place() before it is kept: styling its whole tree again would only delay it
            boolean sized = stage.isShowing() || stage != panelStage;
            sizes.add(sized ? new CardStacking.Size(stage.getWidth(), stage.getHeight())
                    : wantedSize(stage.getScene().getRoot()));
        }
        List<Point2D> places = stacking.place(settings.cardCorner(), screenArea.get(), sizes);
        int i = 0;
        for (Stage stage : windows) {
            Point2D place = places.get(i++);
            stage.setX(place.getX());
            stage.setY(place.getY());
        }
    }

    /** What the card's content asks for, but never taller than the screen: then its middle scrolls. */
    private CardStacking.Size wantedSize(Parent root) {
        root.applyCss(); // not shown yet, or just filled in: no pulse has styled what it holds now
        return sizeOf(root);
    }

    /** {@link #wantedSize} of a tree that is styled already. */
    private CardStacking.Size sizeOf(Parent root) {
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
