package dev.zvonok.server.ami;

import org.asteriskjava.manager.internal.ManagerConnectionWithoutLegacyEvents;

/**
 * One login to the PBX: asterisk-java's connection as server-lite needs it, made by {@link AmiConnection} for each
 * (re)connect.
 *
 * <p>Without the library's legacy-event layer, so that a malformed bridge event cannot end the connection (see
 * {@link ManagerConnectionWithoutLegacyEvents}).
 */
final class PbxLink extends ManagerConnectionWithoutLegacyEvents {

    PbxLink(AmiSettings settings) {
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.secret());
    }
}
