package dev.zvonok.app.card;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * Draws a card's nodes straight to its window, never through an off-screen copy ({@link Node#setCache} off).
 *
 * <p>Why: JavaFX's {@code ScrollPaneSkin} turns on the cache of its viewport, for smooth scrolling of big content.
 * With Prism's software pipeline (the installer's {@code -Dprism.order=sw}) that cache is an {@code int[]} image of
 * the viewport in the Java heap (~300 KB for a card's body), taken from Prism's effect image pool, one per scroll pane
 * per card window: the card's body, its notes (a {@code TextArea} scrolls through a {@code ScrollPane} of its own)
 * and the panel. A JFR allocation profile of a day of cards showed those caches as the largest part of what filled
 * the heap to its cap, after the windows' own back buffers (docs/benchmarks.md, issue 10). A card scrolls rarely and
 * briefly (only on a screen too small for it), so the copy buys nothing the operator would see.
 *
 * <p>Skins, and so the nodes that cache, are created later than the view (when the window's CSS is first applied),
 * and a {@code TextArea}'s scroll pane later still (when the text area's skin is): so each control without a skin
 * yet is visited again when it gets one.
 */
final class NoOffscreenCache {

    private static final ChangeListener<Skin<?>> SKINNED = (property, was, skin) -> {
        if (skin != null && skin.getSkinnable() instanceof Node skinned) {
            switchOff(skinned);
        }
    };

    private NoOffscreenCache() {
    }

    /** {@code root} and everything under it, now and as its controls get their skins. */
    static void in(Node root) {
        switchOff(root);
    }

    private static void switchOff(Node node) {
        node.setCache(false);
        if (node instanceof Control control) {
            control.skinProperty().removeListener(SKINNED); // at most one: a control is visited again with its skin
            control.skinProperty().addListener(SKINNED);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                switchOff(child);
            }
        }
    }
}
