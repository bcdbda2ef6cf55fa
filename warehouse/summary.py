#!/usr/bin/env python3
"""Journey Lens summary feed: runs warehouse/duckdb.sql or warehouse/spark.sql on a table of
events (CSV, Parquet, NDJSON or a Journey Lens JSON feed) and writes the feed JSON
(docs/summary-feed.md).

    python warehouse/summary.py --engine duckdb|spark --input events.csv [--meta meta.json]
        [--windows 7,30] [--out summary.json]

The engines do all the work on events; this script only wires them: it loads the source,
reads the stage dictionary to settle the stage order (the rules of docs/metrics.md, the
same as src/analytics/stages.rs), then runs the named statements and writes their rows.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROLES = ["customer_id", "timestamp", "journey", "stage", "touchpoint", "channel", "persona",
         "satisfaction", "effort", "nps", "revenue"]
DIMS = ["journey", "persona", "channel", "stage", "touchpoint"]

# src/analytics/stages.rs: BUILT_IN (already normalised), by rank.
BUILT_IN = [
    ["awareness", "discovery", "descobriment", "coneixement", "consciencia", "descubrimiento",
     "conocimiento", "conciencia", "swiadomosc", "odkrycie"],
    ["consideration", "research", "consideracio", "consideracion", "evaluacion", "rozwazanie",
     "poszukiwanie"],
    ["purchase", "conversion", "buy", "compra", "conversio", "zakup", "konwersja"],
    ["retention", "loyalty", "use", "retencio", "fidelitzacio", "us", "retencion", "fidelizacion",
     "uso", "lojalnosc", "retencja", "utrzymanie", "korzystanie"],
    ["advocacy", "recommendation", "recomanacio", "prescripcio", "advocacia", "recomendacion",
     "rekomendacja", "polecenie"],
]
PURCHASE_RANK = 2
ACCENTS = str.maketrans({
    **dict.fromkeys("àáâäą", "a"), **dict.fromkeys("èéêëę", "e"), **dict.fromkeys("ìíîï", "i"),
    **dict.fromkeys("òóôö", "o"), **dict.fromkeys("ùúûü", "u"), **dict.fromkeys("çć", "c"),
    **dict.fromkeys("ñń", "n"), "ś": "s", "ł": "l", **dict.fromkeys("żź", "z"), "·": "."})


def normalize(s):
    return s.strip().lower().translate(ACCENTS)


def built_in_rank(name):
    n = normalize(name)
    for rank, names in enumerate(BUILT_IN):
        if n in names:
            return rank
    return None


def place_by_data(ranks, median):
    """src/analytics/stages.rs place_by_data: recognised stages by rank, each unrecognised
    one before the first recognised stage customers reach later than it."""
    def mkey(c):
        m = median(c)
        return (m is None, m if m is not None else 0)

    known = sorted([c for c in range(len(ranks)) if ranks[c] is not None],
                   key=lambda c: (ranks[c],) + mkey(c) + (c,))
    unknown = []
    for u in range(len(ranks)):
        if ranks[u] is not None:
            continue

        def later(k):
            mu, mk = median(u), median(k)
            if mu is not None and mk is not None:
                return mk > mu
            if mu is not None:
                return False
            return k > u
        slot = next((i for i, k in enumerate(known) if later(k)), len(known))
        unknown.append((slot,) + mkey(u) + (u,))
    unknown.sort()
    out, i = [], 0
    for slot, k in enumerate(known):
        while i < len(unknown) and unknown[i][0] == slot:
            out.append(unknown[i][3])
            i += 1
        out.append(k)
    out.extend(u[3] for u in unknown[i:])
    return out


def stage_plan(values, medians, meta):
    """The funnel steps (stage codes in order) and how they were chosen."""
    plan = {"stages": [], "codes": [], "order_source": "file_order", "unlisted_stages": [],
            "placed_by_data": [], "notes": []}
    if not values:
        return plan
    order = [s for s in (meta.get("stage_order") or [])]
    if order:
        plan["order_source"] = "meta"
        by_norm = {}
        for c in reversed(range(len(values))):
            by_norm[normalize(values[c])] = c
        exact = {v: c for c, v in reversed(list(enumerate(values)))}
        listed, taken = set(), set()
        for name in order:
            n = normalize(name)
            c = exact.get(name.strip(), by_norm.get(n))
            if c is not None and c in taken:
                continue
            if c is not None:
                taken.add(c)
                plan["stages"].append(values[c])
                plan["codes"].append(c)
                listed.add(n)
            elif n not in listed:
                plan["stages"].append(name.strip())
                plan["codes"].append(None)
                listed.add(n)
        plan["unlisted_stages"] = [values[c] for c in range(len(values)) if c not in taken]
    else:
        ranks = [built_in_rank(v) for v in values]
        median = lambda c: medians[c]
        if any(r is not None for r in ranks):
            plan["order_source"] = "built_in"
            codes = place_by_data(ranks, median)
            plan["placed_by_data"] = [values[c] for c in codes if ranks[c] is None]
            if plan["placed_by_data"]:
                plan["notes"].append(
                    "Stage order from the built-in stage names; %d stage(s) placed by the data "
                    "(median time customers first reach them): %s."
                    % (len(plan["placed_by_data"]), ", ".join(plan["placed_by_data"])))
        else:
            codes = sorted(range(len(values)),
                           key=lambda c: (medians[c] is None, medians[c] or 0, c))
            has = any(m is not None for m in medians)
            plan["order_source"] = "median_time" if has else "file_order"
        plan["stages"] = [values[c] for c in codes]
        plan["codes"] = codes
    # Conversion stage: meta, else the first built-in purchase stage, else the last.
    conv = None
    wanted = (meta.get("conversion_stage") or "").strip()
    if wanted:
        n = normalize(wanted)
        conv = next((j for j, s in enumerate(plan["stages"]) if normalize(s) == n), None)
        if conv is None:
            plan["notes"].append('The conversion stage "%s" is not one of the funnel stages; '
                                 "using the default instead." % wanted)
    if conv is None:
        conv = next((j for j, s in enumerate(plan["stages"])
                     if built_in_rank(s) == PURCHASE_RANK), len(plan["stages"]) - 1)
    plan["conversion_step"] = conv
    return plan


def statements(path):
    """The named statements of a .sql file, in order."""
    text = open(path, encoding="utf-8").read()
    out, name, buf = [], None, []
    for line in text.splitlines():
        m = re.match(r"^-- name: (\w+)\s*$", line)
        if m:
            if name:
                out.append((name, "\n".join(buf).strip()))
            name, buf = m.group(1), []
        elif name and not line.startswith("--"):
            buf.append(line)
    if name:
        out.append((name, "\n".join(buf).strip()))
    return dict(out)


def fill(sql, params):
    return re.sub(r"\{(\w+)\}", lambda m: str(params[m.group(1)]), sql)


def split_feed(path, tmpdir):
    """A Journey Lens JSON feed ({"meta", "events"} or a list) as NDJSON plus its meta."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    meta, events = {}, doc
    if isinstance(doc, dict):
        meta, events = doc.get("meta") or {}, doc.get("events") or []
    out = os.path.join(tmpdir, "events.ndjson")
    with open(out, "w", encoding="utf-8") as f:
        for e in events:
            f.write(json.dumps({k: (None if v is None else str(v)) for k, v in e.items()}) + "\n")
    return out, meta


class DuckDB:
    name = "duckdb"

    def __init__(self):
        import duckdb
        self.version = "duckdb " + duckdb.__version__
        self.con = duckdb.connect()
        self.con.execute("SET TimeZone = 'UTC'")

    def load(self, path, kind):
        if kind == "parquet":
            src = "read_parquet('%s')" % path.replace("'", "''")
        elif kind == "ndjson":
            src = "read_json('%s', format = 'newline_delimited', records = true, union_by_name = true)" % path.replace("'", "''")
        else:
            src = "read_csv('%s', header = true, all_varchar = true)" % path.replace("'", "''")
        self.con.execute("CREATE OR REPLACE TEMP VIEW src0 AS SELECT * FROM %s" % src)
        cols = [r[0] for r in self.con.execute("DESCRIBE src0").fetchall()]
        return cols

    def make_raw(self, exprs):
        self.con.execute("CREATE OR REPLACE TEMP TABLE raw AS SELECT %s, row_number() OVER () AS _pos FROM src0"
                         % ", ".join(exprs))

    def col_expr(self, col, role):
        if col is None:
            return "CAST(NULL AS VARCHAR) AS %s" % quote(role)
        if role == "timestamp":
            # Typed timestamps (Parquet) as ISO text, zoned ones in UTC.
            return "CAST(%s AS VARCHAR) AS %s" % (quote(col), quote(role))
        return "CAST(%s AS VARCHAR) AS %s" % (quote(col), quote(role))

    def run(self, sql):
        self.con.execute(sql)

    def rows(self, sql):
        cur = self.con.execute(sql)
        names = [d[0] for d in cur.description]
        return names, cur.fetchall()

    def table(self, name, cols, rows):
        self.con.execute("CREATE OR REPLACE TEMP TABLE %s (%s)" % (name, ", ".join("%s %s" % c for c in cols)))
        if rows:
            self.con.executemany("INSERT INTO %s VALUES (%s)" % (name, ", ".join("?" * len(cols))), rows)


class Spark:
    name = "spark"

    def __init__(self):
        from pyspark.sql import SparkSession
        self.spark = (SparkSession.builder.master(os.environ.get("SPARK_MASTER", "local[*]"))
                      .appName("journey-lens-summary")
                      .config("spark.sql.session.timeZone", "UTC")
                      .config("spark.ui.enabled", "false")
                      .config("spark.ui.showConsoleProgress", "false")
                      .config("spark.sql.shuffle.partitions", os.environ.get("SPARK_PARTITIONS", "4"))
                      .config("spark.driver.memory", os.environ.get("SPARK_DRIVER_MEMORY", "4g"))
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("ERROR")
        self.version = "spark " + self.spark.version

    def load(self, path, kind):
        r = self.spark.read
        if kind == "parquet":
            df = r.parquet(path)
        elif kind == "ndjson":
            df = r.json(path, primitivesAsString=True)
        else:
            df = r.option("header", True).option("multiLine", True).option("escape", '"').csv(path)
        df.createOrReplaceTempView("src0")
        return df.columns

    def make_raw(self, exprs):
        # File order: monotonically increasing ids follow the partitions of the file in order.
        self.spark.sql("SELECT %s, monotonically_increasing_id() AS _pos FROM src0" % ", ".join(exprs)) \
            .cache().createOrReplaceTempView("raw")

    def col_expr(self, col, role):
        if col is None:
            return "CAST(NULL AS STRING) AS %s" % bq(role)
        return "CAST(%s AS STRING) AS %s" % (bq(col), bq(role))

    def run(self, sql):
        m = re.match(r"CREATE OR REPLACE TEMP(?:ORARY)? (?:TABLE|VIEW) (\w+) AS\s+(.*)", sql, re.S)
        if m:
            name, body = m.groups()
            self.spark.sql(body).cache().createOrReplaceTempView(name)
        else:
            self.spark.sql(sql)

    def rows(self, sql):
        df = self.spark.sql(sql)
        return df.columns, [tuple(r) for r in df.collect()]

    def table(self, name, cols, rows):
        schema = ", ".join("%s %s" % (c[0], {"VARCHAR": "STRING"}.get(c[1], c[1])) for c in cols)
        self.spark.createDataFrame(rows, schema).createOrReplaceTempView(name)


def quote(c):
    return '"%s"' % c.replace('"', '""')


def bq(c):
    return "`%s`" % c.replace("`", "``")


def columnar(names, rows):
    return {n: [r[i] for r in rows] for i, n in enumerate(names)}


def num(v):
    """JSON numbers: whole floats stay exact, Decimal becomes float."""
    if v is None or isinstance(v, (int, str)):
        return v
    return float(v)


def clean(names, rows):
    return names, [tuple(num(v) for v in r) for r in rows]


def summarise(engine, path, meta, windows):
    t0 = time.time()
    tmp = tempfile.mkdtemp(prefix="jl-summary-")
    low = path.lower().rstrip("/")
    if low.endswith(".csv") or low.endswith(".csv.gz"):
        kind = "csv"
    elif low.endswith(".ndjson") or low.endswith(".jsonl"):
        kind = "ndjson"
    elif low.endswith(".json"):
        path, feed_meta = split_feed(path, tmp)
        meta = {**feed_meta, **meta, "targets": {**feed_meta.get("targets", {}), **meta.get("targets", {})}}
        kind = "ndjson"
    else:
        # Parquet files, or a directory of them (what warehouses and Spark write).
        kind = "parquet"
    cols = engine.load(path, kind)
    by_lower = {}
    for c in cols:
        by_lower.setdefault(c.strip().lower(), c)
    present = {r: by_lower.get(r) for r in ROLES}
    if present["customer_id"] is None:
        raise SystemExit("The source has no customer_id column (columns: %s)." % ", ".join(cols))
    engine.make_raw([engine.col_expr(present[r], r) for r in ROLES])
    scales = meta.get("scales") or {}
    sat = scales.get("satisfaction") or {"min": 1, "max": 5}
    sql = statements(os.path.join(HERE, "%s.sql" % engine.name))
    params = {"sat_min": float(sat["min"]), "sat_max": float(sat["max"]), "window_s": "NULL",
              "conv_step": -1, "k": 0}
    q = lambda name: clean(*engine.rows(fill(sql[name], params)))
    engine.run(fill(sql["events"], params))
    engine.run(fill(sql["valid"], params))
    tn, tr = q("q_totals")
    totals = dict(zip(tn, tr[0]))
    _, drows = q("q_dict")
    dims = {d: [] for d in DIMS}
    for dim, value, _first in drows:
        dims[dim].append(value)
    engine.table("dict", [("dim", "VARCHAR"), ("value", "VARCHAR"), ("code", "BIGINT")],
                 [(d, v, i) for d in DIMS for i, v in enumerate(dims[d])])
    _, mrows = q("q_stage_first")
    med_by_name = {}
    for stage, mid, below in mrows:
        med_by_name[stage] = mid if below is None else below + (mid - below) // 2
    medians = [med_by_name.get(v) for v in dims["stage"]]
    has_stage = present["stage"] is not None
    plan = stage_plan(dims["stage"], medians, meta) if has_stage else stage_plan([], [], meta)
    k = len(plan["stages"])
    conv = plan.get("conversion_step")
    params["k"] = k
    params["conv_step"] = -1 if conv is None else conv
    engine.table("steps", [("stage_code", "BIGINT"), ("step", "INT")],
                 [(c, j) for j, c in enumerate(plan["codes"]) if c is not None])
    engine.run(fill(sql["coded"], params))
    feed = {"journey_lens_summary": 1, "engine": engine.version}
    feed["cells"] = columnar(*q("q_cells"))
    feed["cell_customers"] = columnar(*q("q_cell_customers"))
    _, prow = q("q_period_customers")
    feed["period_customers"] = {
        kind: {"keys": [r[1] for r in prow if r[0] == kind],
               "customers": [r[2] for r in prow if r[0] == kind]} for kind in ("month", "week", "quarter", "year")}
    engine.run(fill(sql["handoffs"], params))
    feed["handoffs"] = columnar(*q("q_handoffs"))
    feed["handoff_customers"] = q("q_handoff_customers")[1][0][0]
    engine.run(fill(sql["percust"], params))
    funnels = []
    has_time = present["timestamp"] is not None and totals["t_min"] is not None
    modes = ["ordered", "any_order"] if has_time else ["any_order"]
    for mode in modes if has_stage and k > 0 else []:
        for w in [None] + windows:
            params["window_s"] = "NULL" if w is None else repr(float(w) * 86400.0)
            engine.run(fill(sql["walk_ordered" if mode == "ordered" else "walk_any"], params))
            engine.run(fill(sql["walked"], params))
            f = {"mode": mode, "window_days": w, "rows": columnar(*q("q_funnel"))}
            if mode == "ordered":
                f["step_days"] = columnar(*q("q_step_days"))
            f["exits"] = columnar(*q("q_exits"))
            f["impact"] = columnar(*q("q_impact"))
            funnels.append(f)
    feed["funnels"] = funnels
    roles = [r for r in ROLES if present[r] is not None]
    feed["meta"] = {
        "name": meta.get("name") or os.path.basename(path if kind != "ndjson" or not low.endswith(".json") else low),
        "stage_order": plan["stages"],
        "order_source": plan["order_source"],
        "unlisted_stages": plan["unlisted_stages"],
        "placed_by_data": plan["placed_by_data"],
        "notes": plan["notes"],
        "conversion_stage": meta.get("conversion_stage"),
        "conversion_step": conv if k > 0 else None,
        "configured_stage_order": meta.get("stage_order"),
        "scales": {"satisfaction": {"min": float(sat["min"]), "max": float(sat["max"])},
                   "effort": {"min": 1.0, "max": 7.0}, "nps": {"min": 0.0, "max": 10.0}},
        "targets": meta.get("targets") or {},
        "windows_days": windows,
        "roles": roles,
        "dimensions": {d: dims[d] for d in DIMS if present[d] is not None},
        "events": totals["events"],
        "rejected": totals["rejected"],
        "customers": totals["customers"],
        "time_range": None if totals["t_min"] is None else [totals["t_min"], totals["t_max"]],
        "seconds": round(time.time() - t0, 3),
    }
    return feed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    ap.add_argument("--input", required=True)
    ap.add_argument("--meta", help="JSON with stage_order, conversion_stage, scales, targets, name")
    ap.add_argument("--windows", default="", help="conversion windows in days, e.g. 7,30")
    ap.add_argument("--out", help="output file (default: stdout)")
    a = ap.parse_args()
    meta = {}
    if a.meta:
        with open(a.meta, encoding="utf-8") as f:
            meta = json.load(f)
    windows = [float(w) for w in a.windows.split(",") if w.strip()]
    windows = [int(w) if w == int(w) else w for w in windows]
    engine = DuckDB() if a.engine == "duckdb" else Spark()
    feed = summarise(engine, a.input, meta, windows)
    text = json.dumps(feed, separators=(",", ":"), allow_nan=False)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    print("%s: %d events (%d rejected) → %d bytes in %.1f s" % (
        engine.version, feed["meta"]["events"], feed["meta"]["rejected"], len(text),
        feed["meta"]["seconds"]), file=sys.stderr)


if __name__ == "__main__":
    main()
