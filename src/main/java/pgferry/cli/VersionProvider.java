package pgferry.cli;

import picocli.CommandLine;

/** The version printed by {@code pgferry --version}: the jar's, or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"pgferry " + (v == null ? "dev" : v)};
    }
}
