package dev.zvonok.app.login;

import dev.zvonok.model.directory.UserView;
import java.net.URI;

/** A successful login: to which server (to remember it), and who. */
public record LoggedIn(URI server, UserView user) {
}
