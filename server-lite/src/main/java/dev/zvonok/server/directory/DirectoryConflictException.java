package dev.zvonok.server.directory;

/** A change the directory cannot take as it stands: a login or a user's number already taken, a missing owner. */
public class DirectoryConflictException extends RuntimeException {

    public DirectoryConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
