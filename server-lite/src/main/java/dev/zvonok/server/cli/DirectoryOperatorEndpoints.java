package dev.zvonok.server.cli;

import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.tracking.ChannelName;
import dev.zvonok.server.tracking.OperatorEndpoints;

/**
 * Operators' phones by their channel names, and, through the directory, operators' own outside numbers: when the PBX
 * dials a number a user owns (a ring group that includes an operator's mobile), that user's phone rings.
 */
final class DirectoryOperatorEndpoints implements OperatorEndpoints {

    private final OperatorEndpoints phones;
    private final Directory directory;

    DirectoryOperatorEndpoints(OperatorEndpoints phones, Directory directory) {
        this.phones = phones;
        this.directory = directory;
    }

    @Override
    public String extensionOf(ChannelName channel) {
        return phones.extensionOf(channel);
    }

    /** The number itself is the offer's key: the recorder finds the user again by it. */
    @Override
    public String operatorOwning(String normalizedNumber) {
        return directory.operatorFor(normalizedNumber).filter(User::active).map(user -> normalizedNumber).orElse(null);
    }
}
