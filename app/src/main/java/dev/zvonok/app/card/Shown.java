package dev.zvonok.app.card;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Shows a node only while a condition holds, and then it takes no room either. */
final class Shown {

    private Shown() {
    }

    static void when(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Only while {@code text} has something to say. */
    static void whenNotEmpty(Node node, ObservableValue<String> text) {
        when(node, javafx.beans.binding.Bindings.createBooleanBinding(
                () -> text.getValue() != null && !text.getValue().isEmpty(), text));
    }
}
