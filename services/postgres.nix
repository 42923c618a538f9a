# The project's local PostgreSQL as a services-flake service.
#
# This is a process-compose-flake module: flake.nix imports it, together with
# services-flake's own module, into `process-compose."services"`, so
# `nix run .#services` starts it.
#
# Every setting comes from ./postgres.json, the file `pgferry up` (the embedded
# server) reads too, so the two ways of starting the local server cannot
# disagree. Do not write a port, a name or an address here: change the JSON.
{ config, pkgs, lib, ... }:
let
  pg = builtins.fromJSON (builtins.readFile ./postgres.json);

  # services-flake names its two processes `<instance>` (the server) and
  # `<instance>-init` (initdb, configuration, initial databases).
  instance = "pg";

  # The data directory is relative to the working directory, which the preHook
  # below sets to the project root.
  dataDir = "./${pg.dataDir}";

  databaseUrl = "postgresql://${pg.user}@${pg.host}:${toString pg.port}/${pg.database}";

  # PostgreSQL refuses to run as root (initdb, pg_ctl and postgres all check
  # the effective uid), and services-flake starts its processes as whoever ran
  # `nix run`. On this project's CI machines and in containers that is root.
  #
  # process-compose runs every process command (and every exec probe) as
  # `<settings.shell.shell_command> <settings.shell.shell_argument> <command>`.
  # We point shell_command at this script. For a normal user it is plain bash.
  # For root it runs bash through `setpriv` as an unprivileged user (default
  # `nobody`; set PGFERRY_SERVICE_USER to choose another), with no
  # supplementary groups; setpriv changes real, effective and saved ids, so the
  # Postgres processes hold no root privilege at all.
  #
  # One step needs root's help: on the first start services-flake's init
  # process runs initdb only when the data directory does not exist yet, and
  # creates it itself, which the unprivileged user cannot do inside a project
  # directory owned by root. So on that first start the init process runs in a
  # scratch directory the user owns, and the finished cluster (owned by the
  # user, mode 0700) is then moved into the project by root.
  initCommand = config.settings.processes."${instance}-init".command;
  unprivilegedShell = pkgs.writeShellApplication {
    name = "pgferry-postgres-shell";
    runtimeInputs = [ pkgs.coreutils ] ++ lib.optional pkgs.stdenv.hostPlatform.isLinux pkgs.util-linux;
    text = ''
      # Called by process-compose as: pgferry-postgres-shell -c <command>
      bash=${lib.getExe pkgs.bash}
      if [ "$EUID" -ne 0 ]; then
        exec "$bash" "$@"
      fi
      ${if pkgs.stdenv.hostPlatform.isLinux then ''
        user="''${PGFERRY_SERVICE_USER:-nobody}"
        if ! uid=$(id -u "$user" 2>/dev/null) || [ "$uid" -eq 0 ]; then
          echo "pgferry: PostgreSQL refuses to run as root, and '$user' is not an unprivileged user here; set PGFERRY_SERVICE_USER to one, or run nix run .#services as a normal user" >&2
          exit 1
        fi
        gid=$(id -g "$user")
        as_user() {
          setpriv --reuid="$uid" --regid="$gid" --clear-groups -- env USER="$user" LOGNAME="$user" "$@"
        }
        if ! as_user test -x "$PWD"; then
          echo "pgferry: PostgreSQL refuses to run as root, and user '$user' cannot reach $PWD; move the project where '$user' can read it, set PGFERRY_SERVICE_USER, or run as a normal user" >&2
          exit 1
        fi
        data=${lib.escapeShellArg pg.dataDir}
        if [ ! -e "$data" ] && [ "''${2:-}" = ${lib.escapeShellArg initCommand} ]; then
          scratch=$(mktemp -d "''${TMPDIR:-/tmp}/pgferry-init.XXXXXX")
          trap 'rm -rf "$scratch"' EXIT
          chown "$uid:$gid" "$scratch"
          (cd "$scratch" && as_user "$bash" "$@")
          mv "$scratch/$data" "$data"
          echo "pgferry: created $PWD/$data, owned by $user"
          exit 0
        fi
        if [ -e "$data" ] && [ "$(stat -c %u "$data")" != "$uid" ]; then
          echo "pgferry: $PWD/$data belongs to uid $(stat -c %u "$data"), not to '$user' who runs PostgreSQL here (was it made by pgferry up, or by another user?); start it the same way as before, or move it away to start afresh" >&2
          exit 1
        fi
        exec setpriv --reuid="$uid" --regid="$gid" --clear-groups -- env USER="$user" LOGNAME="$user" "$bash" "$@"
      '' else ''
        echo "pgferry: PostgreSQL refuses to run as root; run nix run .#services as a normal user" >&2
        exit 1
      ''}
    '';
  };
in
{
  services.postgres.${instance} = {
    enable = true;
    package = pkgs."postgresql_${toString pg.postgresMajor}";
    inherit dataDir;
    listen_addresses = pg.host;
    port = pg.port;
    # initdb creates the bootstrap superuser under this name, so the project's
    # role exists from the first start; loopback connections use trust auth
    # (services-flake's default pg_hba.conf), as for `pgferry up`.
    superuser = pg.user;
    initialDatabases = [ { name = pg.database; } ];
  };

  settings.shell.shell_command = lib.getExe unprivilegedShell;

  cli.preHook = ''
    # Run from the project root (the folder holding services/postgres.json),
    # so the data lands in the project's data directory wherever `nix run`
    # was started from inside the project.
    root="$PWD"
    while [ "$root" != "" ] && [ ! -f "$root/services/postgres.json" ]; do
      root="''${root%/*}"
    done
    if [ -n "$root" ]; then
      cd "$root"
    fi
    echo "pgferry: PostgreSQL ${toString pg.postgresMajor} at ${databaseUrl}, data in $PWD/${pg.dataDir}" >&2
    if [ "$EUID" -eq 0 ]; then
      echo "pgferry: started as root; the PostgreSQL processes run as user ''${PGFERRY_SERVICE_USER:-nobody}" >&2
    fi
  '';
}
