#!/usr/bin/env python3
"""The cookbook notebook's fetch loop, run against `usq serve`.

`openai/openai-cookbook` `examples/completions_usage_api.ipynb` pages through the Usage API with
Python `requests` (its `get_data` below is the notebook's loop, unchanged but for returning the
pages). This check starts `usq serve --port 0 --key K --log FILE` (or uses --base-url), runs the
loop for completions (ungrouped and grouped by model and project_id, as the notebook does) and
costs over the last 30 days, and asserts:

- the loop reaches the end (`next_page` null) in the expected number of pages (limit 7 → 5 pages);
- buckets are contiguous, the first starts at start_time and the last ends at "now" (USQ_NOW);
- every cursor contained `+`, `/` and `=` and arrived percent-encoded (`requests` encodes them);
- a wrong key gets 401 and a project key 403, with the API's error body.

Usage:
  Scripts/checks/notebook_fetch.py [--usq PATH]        # default PATH: .build/debug/usq
  Scripts/checks/notebook_fetch.py --base-url http://127.0.0.1:N/v1 --key K
Exit status 0 on success.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOW = 1764000000  # 2025-11-24 16:00:00 UTC, passed to the server as USQ_NOW
KEY = "sk-admin-notebook-check"


def get_data(url, params, headers):
    """The notebook's loop (cookbook `get_data`), returning the buckets and the pages seen."""
    all_data = []
    page_cursor = None
    pages = []
    while True:
        if page_cursor:
            params["page"] = page_cursor
        response = requests.get(url, headers=headers, params=params)

        if response.status_code == 200:
            data_json = response.json()
            pages.append(data_json)
            all_data.extend(data_json.get("data", []))

            page_cursor = data_json.get("next_page")
            if not page_cursor:
                break
        else:
            print(f"Error: {response.status_code}")
            break

    if all_data:
        print("Data retrieved successfully!")
    else:
        print("Issue: No data available to retrieve.")
    return all_data, pages


def start_server(usq, log):
    env = dict(os.environ, USQ_NOW=str(NOW))
    command = [usq, "serve", "--port", "0", "--key", KEY, "--log", log]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = process.stdout.readline().strip()
    if not line.startswith("PORT="):
        process.kill()
        sys.exit(f"notebook_fetch: expected PORT=<n> first from `{' '.join(command)}`, got {line!r} "
                 f"{process.stderr.read()[:400]}")
    return process, f"http://127.0.0.1:{int(line[5:])}/v1"


def check(condition, message, failures):
    if not condition:
        failures.append(message)


def run_checks(base_url, key, log, failures):
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    start_time = NOW - 30 * 24 * 3600
    queries = [
        ("completions", {"start_time": start_time, "bucket_width": "1d", "limit": 7}),
        ("completions", {"start_time": start_time, "bucket_width": "1d", "limit": 7,
                         "group_by": ["model", "project_id"]}),
        ("costs", {"start_time": start_time, "bucket_width": "1d", "limit": 30,
                   "group_by": ["line_item"]}),
    ]
    for endpoint, params in queries:
        path = "/organization/costs" if endpoint == "costs" else f"/organization/usage/{endpoint}"
        buckets, pages = get_data(base_url + path, dict(params), headers)
        expected_pages = -(-31 // params["limit"])
        name = f"{endpoint} {params.get('group_by', '')}"
        check(len(buckets) == 31, f"{name}: {len(buckets)} buckets, expected 31", failures)
        check(len(pages) == expected_pages, f"{name}: {len(pages)} pages, expected {expected_pages}", failures)
        check(pages and pages[-1]["next_page"] is None and not pages[-1]["has_more"],
              f"{name}: the last page still has a cursor", failures)
        check(buckets and buckets[0]["start_time"] == start_time, f"{name}: first bucket does not start at start_time", failures)
        check(buckets and buckets[-1]["end_time"] == NOW, f"{name}: last bucket does not end at now", failures)
        check(all(a["end_time"] == b["start_time"] for a, b in zip(buckets, buckets[1:])),
              f"{name}: buckets are not contiguous", failures)
        check(sum(len(b["results"]) for b in buckets) > 0, f"{name}: no rows", failures)
        for page in pages[:-1]:
            cursor = page["next_page"]
            check(all(c in cursor for c in "+/="), f"{name}: cursor {cursor} lacks + / =", failures)
    for bad_key, status in (("sk-admin-wrong", 401), ("sk-proj-abc123", 403)):
        response = requests.get(base_url + "/organization/usage/completions",
                                headers={"Authorization": f"Bearer {bad_key}"}, params={"start_time": start_time})
        body = response.json()
        check(response.status_code == status, f"key {bad_key}: status {response.status_code}, expected {status}", failures)
        check(set(body.get("error", {})) == {"message", "type", "param", "code"},
              f"key {bad_key}: error body {body}", failures)
    if log:
        time.sleep(0.2)
        lines = [json.loads(line) for line in pathlib.Path(log).read_text().splitlines()]
        paged = [line["query"] for line in lines if "page=" in line["query"]]
        check(len(lines) >= 14, f"log: {len(lines)} lines", failures)
        check(paged and all("%2B" in q and "%2F" in q and "%3D" in q for q in paged),
              "log: cursors did not arrive percent-encoded", failures)
        check(all(set(line) == {"time", "method", "path", "query", "status", "fault"} for line in lines),
              "log: unexpected line shape", failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--usq", default=str(ROOT / ".build" / "debug" / "usq"))
    parser.add_argument("--base-url", help="use a running server instead of starting usq serve")
    parser.add_argument("--key", default=KEY)
    args = parser.parse_args()
    failures = []
    if args.base_url:
        run_checks(args.base_url.rstrip("/"), args.key, None, failures)
    else:
        with tempfile.TemporaryDirectory() as directory:
            log = os.path.join(directory, "requests.ndjson")
            process, base_url = start_server(args.usq, log)
            try:
                run_checks(base_url, KEY, log, failures)
            finally:
                process.terminate()
                process.wait(timeout=10)
    for failure in failures:
        print("FAIL:", failure)
    print(f"notebook_fetch: {'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
