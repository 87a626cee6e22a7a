package dev.zvonok.server.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ServerLite.class.getPackage().getImplementationVersion();
        return new String[] {"server-lite " + (version == null ? "(development build)" : version)};
    }
}
