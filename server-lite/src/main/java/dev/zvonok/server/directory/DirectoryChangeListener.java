package dev.zvonok.server.directory;

/** Told after the directory changed (the change is committed), by this process or another one. */
@FunctionalInterface
public interface DirectoryChangeListener {

    void directoryChanged();

    DirectoryChangeListener NONE = () -> {
    };
}
