-- Whether this server can compute verify's checksums itself: trim_scale (PostgreSQL 13+) and UTF-8
-- text (md5 over the same bytes the JVM hashes).
SELECT current_setting('server_version_num')::int >= 130000 AND current_setting('server_encoding') = 'UTF8'
