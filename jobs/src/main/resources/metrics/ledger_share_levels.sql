-- docs/metrics.md, "Fission chain": the levels of every share's chain. Walking up from the share
-- (share_chains: itself first, then its parents), the distinct sharers met are numbered 1, 2, ... in
-- the order met; a sharer met again higher up is skipped (not paid twice), and the share recorded for
-- a level is the first one of that sharer on the way up. Levels 1..:levels only.
-- Views: share_chains.
WITH steps AS (
  SELECT c.share_id, s.pos, s.step.chain_sharer_ids AS sharer_id, s.step.chain_share_ids AS level_share_id
  FROM share_chains c
  LATERAL VIEW posexplode(arrays_zip(c.chain_share_ids, c.chain_sharer_ids)) s AS pos, step
),
sharers AS (
  SELECT share_id, sharer_id, min_by(level_share_id, pos) AS level_share_id, min(pos) AS first_pos
  FROM steps
  GROUP BY share_id, sharer_id
),
levels AS (
  SELECT share_id, CAST(row_number() OVER (PARTITION BY share_id ORDER BY first_pos) AS INT) AS level,
         sharer_id, level_share_id
  FROM sharers
)
SELECT share_id, level, sharer_id, level_share_id
FROM levels
WHERE level <= :levels
