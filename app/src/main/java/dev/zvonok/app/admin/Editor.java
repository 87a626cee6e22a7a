package dev.zvonok.app.admin;

import javafx.beans.property.ReadOnlyBooleanProperty;

/** What the unsaved-changes guard needs of an editor. */
interface Editor {

    /** Changes not saved yet. */
    ReadOnlyBooleanProperty dirtyProperty();

    /** Drops the changes: the form as it was loaded. */
    void revert();
}
