-- Journey Lens summary feed, Spark SQL dialect (the same statements as duckdb.sql). Definitions: docs/metrics.md; feed shape:
-- docs/summary-feed.md. warehouse/summary.py runs the statements below in order, after
-- creating the view `raw` (the source columns as text, plus `_pos`, the file order), and
-- fills the {placeholders}: scale bounds, the window in seconds (NULL = none), the
-- conversion step (-1 = none) and the stage → step table `steps(stage_code, step)`.
-- Each statement starts with a line `-- name: NAME`; statements named `q_*` are queries
-- whose rows go into the feed, the others build tables.

-- name: events
-- One row per valid event, typed; a row with any unreadable or out-of-scale value is left
-- out whole (as the app's ingest rejects it) and counted in `rejected`.
CREATE OR REPLACE TEMP TABLE typed AS
WITH t AS (
  SELECT _pos AS pos,
    CASE WHEN lower(trim(customer_id)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(customer_id) END AS cust,
    CASE WHEN lower(trim(`timestamp`)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(`timestamp`) END AS ts_txt,
    CASE WHEN lower(trim(journey)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(journey) END AS journey,
    CASE WHEN lower(trim(persona)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(persona) END AS persona,
    CASE WHEN lower(trim(channel)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(channel) END AS channel,
    CASE WHEN lower(trim(stage)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(stage) END AS stage,
    CASE WHEN lower(trim(touchpoint)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(touchpoint) END AS touchpoint,
    CASE WHEN lower(trim(satisfaction)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(satisfaction) END AS sat_txt,
    CASE WHEN lower(trim(effort)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(effort) END AS effort_txt,
    CASE WHEN lower(trim(nps)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(nps) END AS nps_txt,
    CASE WHEN lower(trim(revenue)) IN ('', 'na', 'n/a', 'null', '-') THEN NULL ELSE trim(revenue) END AS revenue_txt
  FROM raw
)
SELECT *,
  CAST(unix_timestamp(try_cast(ts_txt AS TIMESTAMP)) AS BIGINT) AS t,
  try_cast(sat_txt AS DOUBLE) AS sat,
  try_cast(effort_txt AS DOUBLE) AS effort,
  try_cast(nps_txt AS DOUBLE) AS nps,
  try_cast(revenue_txt AS DOUBLE) AS revenue
FROM t;

-- name: valid
CREATE OR REPLACE TEMP TABLE ev0 AS
SELECT * FROM typed
WHERE cust IS NOT NULL
  AND (ts_txt IS NULL OR (t IS NOT NULL AND t >= -2208988800 AND t < 7258118400))
  AND (sat_txt IS NULL OR (sat IS NOT NULL AND sat >= {sat_min} AND sat <= {sat_max}))
  AND (effort_txt IS NULL OR (effort IS NOT NULL AND effort = round(effort) AND effort >= 1 AND effort <= 7))
  AND (nps_txt IS NULL OR (nps IS NOT NULL AND nps = round(nps) AND nps >= 0 AND nps <= 10))
  AND (revenue_txt IS NULL OR (revenue IS NOT NULL AND NOT isnan(revenue) AND abs(revenue) < double('Infinity')));

-- name: q_totals
SELECT (SELECT count(*) FROM typed) - count(*) AS rejected, count(*) AS events,
  count(DISTINCT cust) AS customers, min(t) AS t_min, max(t) AS t_max
FROM ev0;

-- name: q_dict
-- Each dimension's values in order of first appearance (the app's dictionary codes).
SELECT 'journey' AS dim, journey AS value, min(pos) AS first FROM ev0 WHERE journey IS NOT NULL GROUP BY journey
UNION ALL SELECT 'persona', persona, min(pos) FROM ev0 WHERE persona IS NOT NULL GROUP BY persona
UNION ALL SELECT 'channel', channel, min(pos) FROM ev0 WHERE channel IS NOT NULL GROUP BY channel
UNION ALL SELECT 'stage', stage, min(pos) FROM ev0 WHERE stage IS NOT NULL GROUP BY stage
UNION ALL SELECT 'touchpoint', touchpoint, min(pos) FROM ev0 WHERE touchpoint IS NOT NULL GROUP BY touchpoint
ORDER BY dim, first;

-- name: q_stage_first
-- Per stage: the median over customers of the first time they have that stage (lower
-- median on even counts, as whole seconds), for the stage order by data.
WITH f AS (SELECT stage, cust, min(t) AS t1 FROM ev0 WHERE stage IS NOT NULL AND t IS NOT NULL GROUP BY stage, cust),
r AS (SELECT stage, t1, row_number() OVER (PARTITION BY stage ORDER BY t1) AS i, count(*) OVER (PARTITION BY stage) AS n FROM f)
SELECT stage,
  max(CASE WHEN i = div(n, 2) + 1 THEN t1 END) AS mid,
  max(CASE WHEN n % 2 = 0 AND i = div(n, 2) THEN t1 END) AS below
FROM r GROUP BY stage ORDER BY stage;

-- name: coded
-- Events with dimension codes (-1 = missing) and the day (days since 1970, NULL untimed).
CREATE OR REPLACE TEMP TABLE ev AS
SELECT e.pos, e.cust, e.t, CAST(floor(e.t / 86400) AS BIGINT) AS day,
  coalesce(dj.code, -1) AS journey, coalesce(dp.code, -1) AS persona,
  coalesce(dc.code, -1) AS channel, coalesce(ds.code, -1) AS stage,
  coalesce(dt.code, -1) AS touchpoint, st.step,
  e.sat, e.effort, e.nps, e.revenue
FROM ev0 e
LEFT JOIN dict dj ON dj.dim = 'journey' AND dj.value = e.journey
LEFT JOIN dict dp ON dp.dim = 'persona' AND dp.value = e.persona
LEFT JOIN dict dc ON dc.dim = 'channel' AND dc.value = e.channel
LEFT JOIN dict ds ON ds.dim = 'stage' AND ds.value = e.stage
LEFT JOIN dict dt ON dt.dim = 'touchpoint' AND dt.value = e.touchpoint
LEFT JOIN steps st ON st.stage_code = ds.code;

-- name: q_cells
-- The additive cell table: day × journey × persona × channel × stage × touchpoint.
SELECT day, journey, persona, channel, stage, touchpoint,
  count(*) AS events,
  count(sat) AS sat_n, coalesce(sum(sat), 0) AS sat_sum, coalesce(sum(sat * sat), 0) AS sat_sumsq,
  sum(CASE WHEN sat <= {sat_min} + 1 THEN 1 ELSE 0 END) AS sat_low, sum(CASE WHEN sat >= {sat_max} - 1 THEN 1 ELSE 0 END) AS sat_top2,
  count(effort) AS effort_n, coalesce(sum(effort), 0) AS effort_sum, coalesce(sum(effort * effort), 0) AS effort_sumsq,
  sum(CASE WHEN effort >= 5 THEN 1 ELSE 0 END) AS effort_easy,
  sum(CASE WHEN nps = 0 THEN 1 ELSE 0 END) AS nps0, sum(CASE WHEN nps = 1 THEN 1 ELSE 0 END) AS nps1, sum(CASE WHEN nps = 2 THEN 1 ELSE 0 END) AS nps2, sum(CASE WHEN nps = 3 THEN 1 ELSE 0 END) AS nps3,
  sum(CASE WHEN nps = 4 THEN 1 ELSE 0 END) AS nps4, sum(CASE WHEN nps = 5 THEN 1 ELSE 0 END) AS nps5, sum(CASE WHEN nps = 6 THEN 1 ELSE 0 END) AS nps6, sum(CASE WHEN nps = 7 THEN 1 ELSE 0 END) AS nps7,
  sum(CASE WHEN nps = 8 THEN 1 ELSE 0 END) AS nps8, sum(CASE WHEN nps = 9 THEN 1 ELSE 0 END) AS nps9, sum(CASE WHEN nps = 10 THEN 1 ELSE 0 END) AS nps10,
  count(revenue) AS revenue_n, coalesce(sum(revenue), 0) AS revenue_sum
FROM ev GROUP BY ALL;

-- name: q_cell_customers
-- Distinct customers per stage × touchpoint over the whole data (not additive: used only
-- for the unfiltered grid).
SELECT stage, touchpoint, count(DISTINCT cust) AS customers FROM ev GROUP BY ALL;

-- name: q_period_customers
-- Distinct customers per calendar month, ISO week, quarter and year over the whole data
-- (not additive: used only unfiltered). Keys: month = year·12 + month − 1; week = Mondays
-- since 1969-12-29; quarter = year·4 + quarter − 1; year = year (the app's period keys).
SELECT 'month' AS kind, year(timestamp_seconds(t)) * 12 + month(timestamp_seconds(t)) - 1 AS k, count(DISTINCT cust) AS customers
FROM ev WHERE t IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'week', CAST(floor((day + 3) / 7) AS BIGINT), count(DISTINCT cust) FROM ev WHERE t IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'quarter', year(timestamp_seconds(t)) * 4 + quarter(timestamp_seconds(t)) - 1, count(DISTINCT cust) FROM ev WHERE t IS NOT NULL GROUP BY ALL
UNION ALL
SELECT 'year', CAST(year(timestamp_seconds(t)) AS BIGINT), count(DISTINCT cust) FROM ev WHERE t IS NOT NULL GROUP BY ALL;

-- name: handoffs
CREATE OR REPLACE TEMP TABLE pairs AS
WITH o AS (
  SELECT cust, touchpoint AS tp, sat,
    lag(touchpoint) OVER (PARTITION BY cust ORDER BY t ASC NULLS LAST, pos) AS prev
  FROM ev WHERE touchpoint >= 0
)
SELECT cust, prev AS `from`, tp AS `to`, sat FROM o WHERE prev IS NOT NULL AND prev <> tp;

-- name: q_handoffs
SELECT `from`, `to`, count(*) AS count, count(DISTINCT cust) AS customers,
  count(sat) AS sat_n, coalesce(sum(sat), 0) AS sat_sum
FROM pairs GROUP BY ALL;

-- name: q_handoff_customers
SELECT count(DISTINCT cust) AS customers FROM pairs;

-- name: percust
-- Per customer: what the funnel needs besides the walk.
CREATE OR REPLACE TEMP TABLE percust AS
SELECT cust,
  sum(CASE WHEN step = {conv_step} THEN 1 ELSE 0 END) AS conv_events,
  coalesce(sum(revenue), 0) AS revenue,
  max_by(touchpoint, struct(t IS NULL, coalesce(t, 0), pos)) AS last_tp,
  max_by(nps, struct(t IS NULL, coalesce(t, 0), pos)) FILTER (WHERE nps IS NOT NULL) AS latest_nps
FROM ev GROUP BY cust;

-- name: walk_ordered
-- Ordered mode: a fold over the customer's timed step events sorted by (time, step,
-- file order). At equal times the lower step comes first, so "equal timestamps count,
-- whatever their file order" holds; step j is taken at the first step-j event at or after
-- step j − 1 was reached and no later than t1 + window.
CREATE OR REPLACE TEMP TABLE walk AS
WITH seq AS (
  SELECT cust, array_sort(collect_list(named_struct('t', t, 's', step, 'p', pos))) AS evs
  FROM ev WHERE step IS NOT NULL AND t IS NOT NULL GROUP BY cust
),
w AS (
  SELECT cust, aggregate(evs,
    named_struct('ts', CAST(array() AS ARRAY<BIGINT>), 'p1', CAST(NULL AS BIGINT)),
    (acc, x) -> CASE
      WHEN x.s = size(acc.ts) AND (size(acc.ts) = 0 OR (x.t >= element_at(acc.ts, -1)
           AND ({window_s} IS NULL OR x.t - element_at(acc.ts, 1) <= {window_s})))
      THEN named_struct('ts', concat(acc.ts, array(x.t)), 'p1', CASE WHEN size(acc.ts) = 0 THEN x.p ELSE acc.p1 END)
      ELSE acc END) AS r
  FROM seq
)
SELECT cust, size(r.ts) AS reached, r.p1 AS p1, r.ts AS ts FROM w WHERE size(r.ts) > 0;

-- name: walk_any
-- Any-order mode: step j is reached when steps 1…j all have events; with a window, the
-- earliest events of steps 1…j must all be timed and span at most the window.
CREATE OR REPLACE TEMP TABLE walk AS
WITH s AS (
  SELECT cust, step, min(t) AS tmin,
    min_by(pos, struct(t IS NULL, coalesce(t, 0), pos)) AS pfirst
  FROM ev WHERE step IS NOT NULL GROUP BY cust, step
),
seq AS (
  SELECT cust, array_sort(collect_list(named_struct('s', step, 't', tmin))) AS st,
    max(CASE WHEN step = 0 THEN pfirst END) AS p1
  FROM s GROUP BY cust
),
w AS (
  SELECT cust, p1, aggregate(st,
    named_struct('r', CAST(0 AS BIGINT), 'lo', CAST(NULL AS BIGINT), 'hi', CAST(NULL AS BIGINT)),
    (acc, x) -> CASE
      WHEN x.s = acc.r AND ({window_s} IS NULL OR (x.t IS NOT NULL
           AND greatest(coalesce(acc.hi, x.t), x.t) - least(coalesce(acc.lo, x.t), x.t) <= {window_s}))
      THEN named_struct('r', acc.r + 1, 'lo', least(coalesce(acc.lo, x.t), x.t), 'hi', greatest(coalesce(acc.hi, x.t), x.t))
      ELSE acc END) AS r
  FROM seq
)
SELECT cust, r.r AS reached, p1, CAST(array() AS ARRAY<BIGINT>) AS ts FROM w WHERE r.r > 0;

-- name: walked
-- Each customer who reached step 1, with the dimensions and day of their first step-1 event.
CREATE OR REPLACE TEMP TABLE walked AS
SELECT w.cust, w.reached, w.ts, e.day AS cohort_day, e.journey, e.persona, e.channel,
  c.conv_events, c.revenue, c.last_tp
FROM walk w JOIN ev e ON e.pos = w.p1 JOIN percust c ON c.cust = w.cust;

-- name: q_funnel
-- Customers by cohort day × journey × persona × channel × steps reached (exactly).
SELECT cohort_day, journey, persona, channel, reached, count(*) AS customers,
  sum(CASE WHEN {conv_step} >= 0 AND reached > {conv_step} AND conv_events >= 2 THEN 1 ELSE 0 END) AS repeaters,
  coalesce(sum(CASE WHEN {conv_step} >= 0 AND reached > {conv_step} THEN revenue END), 0) AS converted_revenue
FROM walked GROUP BY ALL;

-- name: q_step_days
-- Days from step j − 1 to step j (ordered mode), as a histogram by whole day with the
-- exact sum of each bucket (so means are exact and medians known to the day).
WITH d AS (
  SELECT cohort_day, journey, persona, channel, j AS step,
    (element_at(ts, j + 1) - element_at(ts, j)) / CAST(86400 AS DOUBLE) AS days
  FROM walked LATERAL VIEW explode(sequence(1, greatest(size(ts) - 1, 1))) r AS j
  WHERE size(ts) >= 2
)
SELECT cohort_day, journey, persona, channel, step, CAST(floor(days) AS BIGINT) AS day_bucket,
  count(*) AS n, sum(days) AS days_sum
FROM d GROUP BY ALL;

-- name: q_exits
-- Customers who reached step 1 but not the last step, by the furthest step reached and
-- the touchpoint of their last event (time order, untimed last, then file order);
-- -1 = no touchpoint.
SELECT reached, last_tp AS touchpoint, count(*) AS customers
FROM walked WHERE reached < {k} GROUP BY ALL;

-- name: q_impact
-- Customers classed by their latest NPS answer (0 = promoter 9–10, 1 = detractor 0–6),
-- over every customer (also those who never reached step 1).
SELECT CASE WHEN c.latest_nps >= 9 THEN 0 ELSE 1 END AS class, count(*) AS customers,
  coalesce(sum(c.revenue), 0) AS revenue,
  sum(CASE WHEN {conv_step} >= 0 AND coalesce(w.reached, 0) > {conv_step} THEN 1 ELSE 0 END) AS converted,
  sum(CASE WHEN {conv_step} >= 0 AND coalesce(w.reached, 0) > {conv_step} + 1 THEN 1 ELSE 0 END) AS retained
FROM percust c LEFT JOIN walk w ON w.cust = c.cust
WHERE c.latest_nps >= 9 OR c.latest_nps < 7
GROUP BY ALL;
