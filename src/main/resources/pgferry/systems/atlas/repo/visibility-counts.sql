SELECT visibility, count(*) AS bots, sum(is_featured) AS featured
FROM (SELECT visibility, CASE WHEN is_featured THEN 1 ELSE 0 END AS is_featured FROM bots) b
GROUP BY visibility
ORDER BY visibility {bytewise}
