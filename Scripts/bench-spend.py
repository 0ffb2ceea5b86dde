#!/usr/bin/env python3
"""load spend's attribution, usq against DuckDB, in one run on the same rows.

Runs `usq-bench spend --write DIR` (generates 1M completions usage rows and 10k costs line items,
writes them as CSV, times usq's SpendAttribution), then loads the same CSV files into DuckDB
(untimed) and times one SQL query doing the same split: parse the line items, match usage by day,
project, model (fine-tunes as ft-BASE) and tier, split each amount by quantity per user, keep
unmatched line items whole. Both totals are printed; they must equal the bill.

    Scripts/bench-spend.py [--rows 1000000] [--items 10000] [--runs 7]
    (DuckDB from /tmp/usq-bench/venv: /tmp/usq-bench/venv/bin/python Scripts/bench-spend.py)
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

import duckdb

SPLIT = r"""
WITH parsed AS (
  SELECT r, start_time, project_id, amount, quantity,
         regexp_extract(t, '^(?:(batch|flex|priority|scale)\s*\|\s*)?([^,\s]+)\s*,\s*'
           || '(input|cached input|audio input|output|audio output)'
           || '(?:\s*\(\s*(batch|flex|priority|scale)\s*\))?$', ['p', 'model', 'kind', 's']) AS m
  FROM (SELECT row_number() OVER () AS r, *, lower(trim(line_item)) AS t FROM costs)
), items AS (
  SELECT r, start_time, project_id, amount, quantity, nullif(m.model, '') AS model, m.kind AS kind,
         coalesce(nullif(m.p, ''), nullif(m.s, ''), 'default') AS tier
  FROM parsed
), rows AS (
  SELECT start_time - start_time % 86400 AS day, project_id, lower(model) AS model,
         CASE WHEN batch THEN 'batch'
              WHEN service_tier IS NULL OR lower(service_tier) = 'default' THEN 'default'
              ELSE lower(service_tier) END AS tier,
         user_id,
         input_text_tokens + input_image_tokens + input_cache_write_tokens AS q_input,
         input_cached_tokens AS q_cached, input_audio_tokens AS q_audio_in,
         output_text_tokens + output_image_tokens AS q_output, output_audio_tokens AS q_audio_out
  FROM usage
), named AS (
  SELECT * FROM rows
  UNION ALL
  SELECT day, project_id, 'ft-' || split_part(model, ':', 2), tier, user_id,
         q_input, q_cached, q_audio_in, q_output, q_audio_out
  FROM rows WHERE model LIKE 'ft:%'
), cells AS (
  SELECT day, project_id, model, tier, user_id,
         sum(q_input) AS q_input, sum(q_cached) AS q_cached, sum(q_audio_in) AS q_audio_in,
         sum(q_output) AS q_output, sum(q_audio_out) AS q_audio_out
  FROM named GROUP BY ALL
), matched AS (
  SELECT i.r, c.user_id,
         CASE i.kind WHEN 'input' THEN c.q_input WHEN 'cached input' THEN c.q_cached
                     WHEN 'audio input' THEN c.q_audio_in WHEN 'output' THEN c.q_output
                     ELSE c.q_audio_out END AS q
  FROM items i JOIN cells c
    ON c.day = i.start_time - i.start_time % 86400 AND c.project_id = i.project_id
   AND c.model = i.model AND c.tier = i.tier
  WHERE i.model IS NOT NULL AND i.amount IS NOT NULL
), positive AS (
  SELECT r, user_id, sum(q) AS q FROM matched WHERE q > 0 GROUP BY ALL
), totals AS (
  SELECT r, sum(q) AS total FROM positive GROUP BY r
)
SELECT i.start_time, i.project_id, p.user_id, p.q AS quantity, i.amount * p.q / t.total AS amount,
       true AS attributed
FROM positive p JOIN totals t USING (r) JOIN items i USING (r)
UNION ALL
SELECT i.start_time, i.project_id, NULL, i.quantity, i.amount, false
FROM items i WHERE i.r NOT IN (SELECT r FROM totals)
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bench", default=".build/release/usq-bench")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        usq = subprocess.run(
            [args.bench, "spend", "--rows", str(args.rows), "--items", str(args.items),
             "--runs", str(args.runs), "--write", directory],
            check=True, capture_output=True, text=True).stdout.strip()
        print("usq    " + usq)
        con = duckdb.connect()
        con.execute(f"SET threads = {os.cpu_count() or 1}")
        con.execute(f"CREATE TABLE usage AS SELECT * FROM read_csv_auto('{directory}/usage.csv')")
        con.execute(f"CREATE TABLE costs AS SELECT * FROM read_csv_auto('{directory}/costs.csv')")
        walls = []
        result = None
        con.execute(f"CREATE TEMP TABLE warm AS {SPLIT}")  # warm-up, untimed
        for _ in range(args.runs):
            con.execute("DROP TABLE IF EXISTS out")
            started = time.perf_counter()
            con.execute(f"CREATE TEMP TABLE out AS {SPLIT}")
            walls.append((time.perf_counter() - started) * 1000)
        rows, attributed, total = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE attributed), sum(amount) FROM out").fetchone()
        billed = con.execute("SELECT sum(amount) FROM costs").fetchone()[0]
        print(
            f"duckdb spend: {args.rows} usage rows, {args.items} line-item rows, group=user_id: "
            f"{statistics.median(walls):.1f} ms median of {args.runs} ({os.cpu_count()} threads), "
            f"{rows} result rows ({attributed} attributed), sum amount {total:.6f} (bill {billed:.6f})")


if __name__ == "__main__":
    main()
