// The peer of the benchmark: PapaParse + plain JavaScript doing the same computation as
// Journey Lens on the same File, in the same browser. Injected into a blank page with
// `page.addScriptTag({path})` after papaparse.min.js; `run.mjs` calls `benchPeer(config)`.
//
// What it computes (the parts of the app's report it is checked against):
// - funnel, "any order": a customer counts at stage j if they have events at every one of
//   stages 1..j (awareness, consideration, purchase, retention, advocacy);
// - NPS over rows with an answer in 0..10: promoters 9–10, detractors 0–6,
//   NPS = 100·(P − D)/N;
// - mean satisfaction and answer count per stage × touchpoint.
// Rows without a customer id are skipped, as the app rejects them; an empty stage or
// touchpoint is labelled "(missing)" as in the app's report.
(function () {
  'use strict';
  const STAGES = ['awareness', 'consideration', 'purchase', 'retention', 'advocacy'];
  const STAGE_BIT = new Map(STAGES.map((s, i) => [s, 1 << i]));
  const MISSING = '(missing)';

  /** Running state of the aggregation, fed row by row. */
  function newAgg() {
    return { masks: new Map(), p: 0, pas: 0, d: 0, cells: new Map(), rows: 0, skipped: 0 };
  }

  // Number() accepts "" as 0 and " 4 " as 4: only non-empty strings are numbers here.
  function num(s) {
    if (s === undefined || s === null) return NaN;
    const t = String(s).trim();
    return t === '' ? NaN : Number(t);
  }

  function addRow(agg, cust, stage, tp, sat, nps) {
    if (cust === undefined || cust === null || String(cust).trim() === '') {
      agg.skipped++;
      return;
    }
    agg.rows++;
    const bit = STAGE_BIT.get(stage);
    if (bit !== undefined) agg.masks.set(cust, (agg.masks.get(cust) | 0) | bit);
    const v = num(nps);
    if (v >= 0 && v <= 10) {
      if (v >= 9) agg.p++;
      else if (v >= 7) agg.pas++;
      else agg.d++;
    }
    const s = num(sat);
    if (!Number.isNaN(s)) {
      const key = (stage || MISSING) + '\u0000' + (tp || MISSING);
      let c = agg.cells.get(key);
      if (c === undefined) {
        c = { sum: 0, n: 0 };
        agg.cells.set(key, c);
      }
      c.sum += s;
      c.n++;
    }
  }

  function finish(agg) {
    const funnel = new Array(STAGES.length).fill(0);
    const full = (1 << STAGES.length) - 1;
    for (const m of agg.masks.values()) {
      for (let j = 0; j < STAGES.length; j++) {
        const need = ((1 << (j + 1)) - 1) & full;
        if ((m & need) !== need) break;
        funnel[j]++;
      }
    }
    const n = agg.p + agg.pas + agg.d;
    const cells = [];
    for (const [key, c] of agg.cells) {
      const [stage, touchpoint] = key.split('\u0000');
      cells.push({ stage, touchpoint, mean: c.sum / c.n, count: c.n });
    }
    return {
      rows: agg.rows,
      skipped: agg.skipped,
      customers: agg.masks.size,
      funnel: STAGES.map((stage, i) => ({ stage, customers: funnel[i] })),
      nps: {
        responses: n,
        promoters: agg.p,
        detractors: agg.d,
        nps: n ? (100 * (agg.p - agg.d)) / n : null,
      },
      cells,
    };
  }

  /** Column indices of the roles in a header row (exact English names, as generated). */
  function columns(header) {
    const idx = (name) => header.indexOf(name);
    const c = {
      cust: idx('customer_id'), stage: idx('stage'), tp: idx('touchpoint'),
      sat: idx('satisfaction'), nps: idx('nps'),
    };
    for (const [k, v] of Object.entries(c)) {
      if (v < 0) throw new Error(`peer: column for ${k} not found in header ${header.join(',')}`);
    }
    return c;
  }

  /** Aggregates the rows (arrays) of `rows` from index `from` on. */
  function aggregateArrays(agg, rows, from, c) {
    for (let i = from; i < rows.length; i++) {
      const r = rows[i];
      addRow(agg, r[c.cust], r[c.stage], r[c.tp], r[c.sat], r[c.nps]);
    }
  }

  // Configurations (all parse the File with Papa in the page's main thread):
  // - "buffer-arrays": the whole File read into one ArrayBuffer, decoded to one string,
  //   parsed in one call (Papa takes its fast path when the text has no quote), rows as
  //   arrays: the fastest way to use PapaParse, and the one the issue says to beat;
  // - "objects": header:true, all rows collected, aggregated in `complete` (the textbook use);
  // - "chunk-arrays": header:false, rows as arrays aggregated chunk by chunk (streaming, no
  //   object per row: usually the fastest);
  // - "chunk-objects": header:true, aggregated chunk by chunk.
  const CONFIGS = {
    'buffer-arrays'(file, done, fail) {
      file.arrayBuffer().then((buf) => {
        const text = new TextDecoder('utf-8').decode(buf);
        const res = Papa.parse(text, { header: false, skipEmptyLines: true });
        if (res.errors.length) throw new Error(res.errors[0].message);
        const agg = newAgg();
        const c = columns(res.data[0]);
        aggregateArrays(agg, res.data, 1, c);
        done(agg);
      }).catch(fail);
    },
    objects(file, done, fail) {
      Papa.parse(file, {
        header: true,
        skipEmptyLines: true,
        complete(res) {
          const agg = newAgg();
          for (const r of res.data) addRow(agg, r.customer_id, r.stage, r.touchpoint, r.satisfaction, r.nps);
          done(agg);
        },
        error: fail,
      });
    },
    'chunk-arrays'(file, done, fail) {
      const agg = newAgg();
      let c = null;
      Papa.parse(file, {
        header: false,
        skipEmptyLines: true,
        chunk(res) {
          const rows = res.data;
          let i = 0;
          if (c === null) {
            c = columns(rows[0]);
            i = 1;
          }
          for (; i < rows.length; i++) {
            const r = rows[i];
            addRow(agg, r[c.cust], r[c.stage], r[c.tp], r[c.sat], r[c.nps]);
          }
        },
        complete() { done(agg); },
        error: fail,
      });
    },
    'chunk-objects'(file, done, fail) {
      const agg = newAgg();
      Papa.parse(file, {
        header: true,
        skipEmptyLines: true,
        chunk(res) {
          for (const r of res.data) addRow(agg, r.customer_id, r.stage, r.touchpoint, r.satisfaction, r.nps);
        },
        complete() { done(agg); },
        error: fail,
      });
    },
  };

  /** Parses the file in `#peer-file` with the named configuration; resolves to the result. */
  window.benchPeer = function (config) {
    const file = document.getElementById('peer-file').files[0];
    const run = CONFIGS[config];
    if (!file) return Promise.reject(new Error('peer: no file selected'));
    if (!run) return Promise.reject(new Error(`peer: unknown configuration ${config}`));
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      run(
        file,
        (agg) => {
          const out = finish(agg);
          out.t1 = performance.now();
          out.t0 = t0;
          out.ms = out.t1 - t0;
          out.config = config;
          resolve(out);
        },
        (err) => reject(new Error(`peer: ${err && err.message ? err.message : err}`)),
      );
    });
  };
  window.benchPeerConfigs = Object.keys(CONFIGS);
})();
