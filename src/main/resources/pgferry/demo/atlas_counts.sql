SELECT count(*), count(*) FILTER (WHERE visibility = 'nexus') FROM bots
