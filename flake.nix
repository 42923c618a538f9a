{
  description = "pgferry: move trading systems from SQLite files and JSON-file stores to PostgreSQL, and prove nothing was lost";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    flake-parts.url = "github:hercules-ci/flake-parts";
    flake-parts.inputs.nixpkgs-lib.follows = "nixpkgs";
    process-compose-flake.url = "github:Platonic-Systems/process-compose-flake";
    services-flake.url = "github:juspay/services-flake";
  };

  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];

      imports = [ inputs.process-compose-flake.flakeModule ];

      perSystem = { config, pkgs, ... }:
        let
          # The one place for the local server's settings; `pgferry up` and
          # services/postgres.nix read the same file.
          pg = builtins.fromJSON (builtins.readFile ./services/postgres.json);
          postgresql = pkgs."postgresql_${toString pg.postgresMajor}";
        in
        {
          # `nix run .#services`: PostgreSQL under process-compose.
          process-compose."services" = {
            imports = [
              inputs.services-flake.processComposeModules.default
              ./services/postgres.nix
            ];
          };

          devShells.default = pkgs.mkShell {
            packages = [
              pkgs.jdk17
              pkgs.maven
              postgresql # psql, pg_dump, pg_isready, ...
              pkgs.sqlite
              pkgs.process-compose
              config.packages.services # the `services` command = nix run .#services
            ];
            env = {
              JAVA_HOME = pkgs.jdk17.home;
              DATABASE_URL = "postgresql://${pg.user}@${pg.host}:${toString pg.port}/${pg.database}";
              PGHOST = pg.host;
              PGPORT = toString pg.port;
              PGUSER = pg.user;
              PGDATABASE = pg.database;
            };
            shellHook = ''
              echo "pgferry dev shell: DATABASE_URL=$DATABASE_URL (start it with: nix run .#services)"
            '';
          };
        };
    };
}
