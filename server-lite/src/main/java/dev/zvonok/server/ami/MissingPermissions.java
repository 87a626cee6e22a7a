package dev.zvonok.server.ami;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions the PBX refused the last time an action needed them, until the same action goes through: what
 * /health lists and what the log said once.
 */
final class MissingPermissions {

    private final Set<ManagerPermission> missing = EnumSet.noneOf(ManagerPermission.class);

    /** @return true when this is news (it was not missing before) */
    synchronized boolean refused(ManagerPermission permission) {
        return missing.add(permission);
    }

    /** @return true when it had been missing */
    synchronized boolean granted(ManagerPermission permission) {
        return missing.remove(permission);
    }

    synchronized List<String> texts() {
        return missing.stream().map(ManagerPermission::text).toList();
    }
}
