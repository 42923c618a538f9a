package pgferry.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pgferry.UserError;
import pgferry.config.Secrets;

/** The {@code pgferry} command: wires subcommands, turns user errors into one line and an exit code. */
@Command(name = "pgferry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Move a trading system from SQLite and JSON files to PostgreSQL, and prove nothing was lost.",
        subcommands = {
                UpCommand.class,
                StatusCommand.class,
                DownCommand.class,
                SampleCommand.class,
                PlanCommand.class,
                MigrateCommand.class,
                VerifyCommand.class,
                ConsistencyCommand.class,
                ExportJsonCommand.class,
                DemoCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {

    /** Exit status for a user error (bad argument, missing file, port taken...). */
    public static final int EXIT_USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // from here on nothing printed (output, errors, library logs) can carry a password
        Secrets.installEverywhere();
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserError) {
                err.println("pgferry: " + Secrets.mask(ex.getMessage()));
                err.flush();
                return EXIT_USER_ERROR;
            }
            throw ex;
        });
        return cmd;
    }
}
