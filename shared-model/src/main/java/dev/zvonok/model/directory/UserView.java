package dev.zvonok.model.directory;

import java.util.List;

/** A user as clients see them: who logged in, and which extensions ring for them. */
public record UserView(long id, String login, String name, Role role, List<String> extensions) {

    public UserView {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }
}
