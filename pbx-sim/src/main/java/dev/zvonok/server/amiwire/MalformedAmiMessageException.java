package dev.zvonok.server.amiwire;

/** The bytes do not form an AMI message: a line without {@code "Key: value"}, an over-long block, a bad recording. */
public class MalformedAmiMessageException extends RuntimeException {

    public MalformedAmiMessageException(String message) {
        super(message);
    }

    public MalformedAmiMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
