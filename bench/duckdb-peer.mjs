// The DuckDB-WASM peer of the benchmark: the same computation as bench/peer.js (funnel in
// any order, NPS, mean satisfaction per stage × touchpoint) in SQL, on the File in
// `#peer-file`. Loaded by bench/peer.html from node_modules (the "eh" bundle: one thread,
// no SharedArrayBuffer, so it runs on any static host, like Journey Lens).
//
// `benchDuckStart()` starts the database (worker + wasm compile), timed apart: the issue
// compares against DuckDB without its start-up. `benchDuck(config)` then times file → all
// results:
// - "duck-file": the File registered as is (DuckDB reads it with FileReaderSync in its worker);
// - "duck-buffer": the File read into an ArrayBuffer on the main thread, then handed over.
import * as duckdb from '@duckdb/duckdb-wasm';

const DIST = '/nm/@duckdb/duckdb-wasm/dist/';
const STAGES = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy'];
let db = null;
let conn = null;
let nth = 0;

async function start() {
  const t0 = performance.now();
  const worker = new Worker(`${DIST}duckdb-browser-eh.worker.js`);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${DIST}duckdb-eh.wasm`);
  conn = await db.connect();
  return { startMs: performance.now() - t0, version: await db.getVersion() };
}

const rowsOf = async (sql) => (await conn.query(sql)).toArray().map((r) => r.toJSON());

/** The peer's result shape (see finish() in bench/peer.js) from three SQL queries. */
async function compute(name) {
  // Types are detected by DuckDB (its normal use); empty cells are NULL.
  await conn.query(`CREATE OR REPLACE TEMP TABLE ev AS
    SELECT CAST(customer_id AS VARCHAR) AS cust, CAST(stage AS VARCHAR) AS stage,
           CAST(touchpoint AS VARCHAR) AS tp, TRY_CAST(satisfaction AS DOUBLE) AS sat,
           TRY_CAST(nps AS DOUBLE) AS nps
    FROM read_csv('${name}', header = true)
    WHERE customer_id IS NOT NULL`);
  const bit = STAGES.map((s, i) => `WHEN '${s}' THEN ${1 << i}`).join(' ');
  const steps = STAGES.map((_, j) => `CAST(count(*) FILTER (WHERE mask & ${(1 << (j + 1)) - 1} = ${(1 << (j + 1)) - 1}) AS INTEGER) AS s${j}`);
  const [f] = await rowsOf(`WITH m AS (
      SELECT cust, bit_or(CASE stage ${bit} ELSE 0 END) AS mask FROM ev GROUP BY cust
      HAVING bit_or(CASE stage ${bit} ELSE 0 END) <> 0)
    SELECT CAST(count(*) AS INTEGER) AS customers, ${steps.join(', ')} FROM m`);
  const [n] = await rowsOf(`SELECT CAST(count(*) AS INTEGER) AS rows,
      CAST(count(*) FILTER (WHERE nps BETWEEN 0 AND 10) AS INTEGER) AS responses,
      CAST(count(*) FILTER (WHERE nps BETWEEN 9 AND 10) AS INTEGER) AS promoters,
      CAST(count(*) FILTER (WHERE nps >= 0 AND nps < 7) AS INTEGER) AS detractors
    FROM ev`);
  const cells = await rowsOf(`SELECT coalesce(stage, '(missing)') AS stage,
      coalesce(tp, '(missing)') AS touchpoint, avg(sat) AS mean, CAST(count(sat) AS INTEGER) AS count
    FROM ev WHERE sat IS NOT NULL GROUP BY ALL`);
  return {
    rows: n.rows,
    skipped: null,
    customers: f.customers,
    funnel: STAGES.map((stage, j) => ({ stage, customers: f[`s${j}`] })),
    nps: {
      responses: n.responses,
      promoters: n.promoters,
      detractors: n.detractors,
      nps: n.responses ? (100 * (n.promoters - n.detractors)) / n.responses : null,
    },
    cells,
  };
}

window.benchDuckStart = start;

window.benchDuck = async function (config) {
  if (!conn) throw new Error('duckdb: call benchDuckStart() first');
  const file = document.getElementById('peer-file').files[0];
  if (!file) throw new Error('duckdb: no file selected');
  const name = `data-${++nth}.csv`;
  const t0 = performance.now();
  if (config === 'duck-file') {
    await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  } else if (config === 'duck-buffer') {
    await db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
  } else {
    throw new Error(`duckdb: unknown configuration ${config}`);
  }
  const out = await compute(name);
  out.t1 = performance.now();
  out.t0 = t0;
  out.ms = out.t1 - t0;
  out.config = config;
  await db.dropFile(name);
  return out;
};
window.benchDuckReady = true;
