-- The server's version: server_version_num (e.g. 170006) and the text shown to users (e.g. 17.6).
SELECT current_setting('server_version_num')::int AS version_num, current_setting('server_version') AS version;
