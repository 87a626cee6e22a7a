package dev.zvonok.app.admin;

import java.util.List;

/**
 * Something the Administration window tells the admin, before it is put in words: a key of the feature's bundle and
 * the values of its pattern. The view-models say what; the views say it in the chosen language.
 */
public record Message(String key, List<String> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, String... args) {
        return new Message(key, List.of(args));
    }
}
