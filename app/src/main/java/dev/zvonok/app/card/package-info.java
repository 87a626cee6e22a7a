/**
 * The call card: what the operator sees while the desk phone rings, during the call and until "Finish and close".
 *
 * <p>State: {@link dev.zvonok.app.card.CardsPresenter} keeps one {@link dev.zvonok.app.card.CardViewModel} per call
 * from the server's messages; edits leave through {@link dev.zvonok.app.card.CardSync}. Windows:
 * {@link dev.zvonok.app.card.CardWindows} gives each card an always-on-top {@link dev.zvonok.app.card.CardView} in the
 * chosen corner and rings through a {@link dev.zvonok.app.card.RingSound}. Wiring, in the app's composition root:
 *
 * <pre>{@code
 * FxThread fx = new FxThread();
 * FxTickSource ticks = new FxTickSource(Duration.ofMillis(250), fx);
 * CardsPresenter cards = new CardsPresenter(outbox, Clock.systemDefaultZone(), ticks, settings.language());
 * CardWindows windows = new CardWindows(cards, settings, MediaPlayerRingSound.load(),   // on the FX thread
 *         IdleCollection.onThe(background));   // the next card built ahead and the heap collected as a call ends
 * live.onMessage(message -> fx.execute(() -> cards.accept(message)));                  // the one hop
 * // Settings changed: windows.applySettings(newSettings);
 * // quitting or logging out: windows.close(); ticks.close();
 * }</pre>
 *
 * <p>Threading: everything here runs on the FX thread (the view-models and the presenter need no running JavaFX, so
 * their tests use none).
 */
package dev.zvonok.app.card;
