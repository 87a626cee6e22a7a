package dev.zvonok.server.ami;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The permissions the PBX refused the last time an action needed them, until the same action goes through: what
 * /health lists, and what the log says once, with what to add to manager.conf.
 */
final class MissingPermissions {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    private final String username;
    private final Set<ManagerPermission> missing = EnumSet.noneOf(ManagerPermission.class);

    MissingPermissions(String username) {
        this.username = username;
    }

    /** Takes note of the PBX's answer to an action that needs {@code needed}; null (no answer) says nothing. */
    void note(ManagerPermission needed, ManagerResponse response) {
        if (response == null) {
            return;
        }
        if (ManagerPermission.isDenial(response)) {
            if (add(needed)) {
                log.error("The PBX refused {} to the manager user '{}' for lack of permission, so {} does not work:"
                        + " {}", needed.action(), username, needed.purpose(), needed.advice(username));
            }
        } else if (remove(needed)) {
            log.info("The PBX now allows {} to the manager user '{}': {} works again", needed.action(), username,
                    needed.purpose());
        }
    }

    synchronized List<String> texts() {
        return missing.stream().map(ManagerPermission::text).toList();
    }

    private synchronized boolean add(ManagerPermission permission) {
        return missing.add(permission);
    }

    private synchronized boolean remove(ManagerPermission permission) {
        return missing.remove(permission);
    }
}
