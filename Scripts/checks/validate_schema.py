#!/usr/bin/env python3
"""Validates sample responses of the demo organization against the OpenAPI spec subset.

The samples (every usage endpoint ungrouped, grouped by every key and hourly; costs; every admin
endpoint of the reference; 400 and 401 bodies) come from a running `usq serve` (fetched over
HTTP with `requests`, the endpoints and group keys taken from `reference/usage-endpoints.json`),
or from the Swift test `DemoSampleDumpTests`, which writes them when `USQ_DEMO_DUMP` names a
directory. Each body is validated with `openapi-schema-validator` (OpenAPI 3.1 / JSON Schema
2020-12) against its schema in `reference/openapi-usage-subset.yaml`; rows must be of their
endpoint's result schema and carry exactly that schema's properties.

Usage:
  Scripts/checks/validate_schema.py --usq .build/debug/usq   # samples from `usq serve --port 0`
  Scripts/checks/validate_schema.py             # samples from `swift test --skip-build` (build first)
  Scripts/checks/validate_schema.py --dir DIR   # validates JSON files already in DIR
Options: --spec PATH ($USQ_SPEC; default: the repository's reference/openapi-usage-subset.yaml),
--reference PATH ($USQ_REFERENCE; default: reference/usage-endpoints.json likewise).
Exit status 0 when every sample validates, 1 otherwise.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

try:
    import yaml
    from openapi_schema_validator import OAS31Validator
except ImportError:  # pragma: no cover - install hint only
    sys.exit("validate_schema: needs pyyaml and openapi-schema-validator "
             "(pip install pyyaml openapi-schema-validator)")

ROOT = pathlib.Path(__file__).resolve().parents[2]

ROW_SCHEMAS = {
    "completions": "UsageCompletionsResult",
    "embeddings": "UsageEmbeddingsResult",
    "moderations": "UsageModerationsResult",
    "images": "UsageImagesResult",
    "audio_speeches": "UsageAudioSpeechesResult",
    "audio_transcriptions": "UsageAudioTranscriptionsResult",
    "vector_stores": "UsageVectorStoresResult",
    "code_interpreter_sessions": "UsageCodeInterpreterSessionsResult",
    "file_search_calls": "UsageFileSearchCallsResult",
    "web_search_calls": "UsageWebSearchCallsResult",
    "costs": "CostsResult",
}

OTHER_SCHEMAS = {
    "error-unauthorized": "ErrorResponse",
    "projects-list": "ProjectListResponse",
    "project": "Project",
    "users-list": "UserListResponse",
    "user": "User",
    "project-api-keys-list": "ProjectApiKeyListResponse",
    "project-service-accounts-list": "ProjectServiceAccountListResponse",
    "project-users-list": "ProjectUserListResponse",
}


def schema_for(name):
    """(page schema, row schema or None) for a sample file stem."""
    for endpoint, row in ROW_SCHEMAS.items():
        if name == f"{endpoint}-page" or name.startswith(f"{endpoint}-page-"):
            return "UsageResponse", row
    if name.startswith("error-"):
        return "ErrorResponse", None
    if name in OTHER_SCHEMAS:
        return OTHER_SCHEMAS[name], None
    return None, None


def validator(spec, schema_name):
    schema = dict(spec)
    schema["$ref"] = f"#/components/schemas/{schema_name}"
    return OAS31Validator(schema)


def check_file(spec, path):
    """Returns a list of problems with one sample file."""
    name = path.stem
    page_schema, row_schema = schema_for(name)
    if page_schema is None:
        return [f"{name}: no schema known for this sample"]
    body = json.loads(path.read_text())
    problems = [f"{name}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in validator(spec, page_schema).iter_errors(body)]
    if row_schema:
        properties = set(spec["components"]["schemas"][row_schema]["properties"])
        row_validator = validator(spec, row_schema)
        rows = [row for bucket in body.get("data", []) for row in bucket.get("results", [])]
        if not rows:
            problems.append(f"{name}: no result rows to check")
        for row in rows:
            problems += [f"{name}: row: {e.message}" for e in row_validator.iter_errors(row)]
            if set(row) != properties:
                problems.append(f"{name}: row keys {sorted(set(row) ^ properties)} differ from {row_schema}")
    return problems


def fetch_samples(usq, directory, reference):
    """Starts `usq serve --port 0` and saves one body per sample into `directory`."""
    import requests  # only needed in this mode

    endpoints = json.loads(pathlib.Path(reference).read_text())
    now = 1764000000
    env = dict(os.environ, USQ_NOW=str(now))
    key = "sk-admin-schema-check"
    server = subprocess.Popen([usq, "serve", "--port", "0", "--key", key], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = server.stdout.readline().strip()
        if not line.startswith("PORT="):
            sys.exit(f"validate_schema: `usq serve` printed {line!r}, expected PORT=<n>")
        base = f"http://127.0.0.1:{int(line[5:])}/v1"
        headers = {"Authorization": f"Bearer {key}"}

        def save(name, path, params=None, status=200, auth=headers):
            response = requests.get(base + path, headers=auth, params=params or {})
            if response.status_code != status:
                sys.exit(f"validate_schema: {name}: status {response.status_code}, expected {status}")
            (directory / f"{name}.json").write_bytes(response.content)
            return response.json()

        start = now - 7 * 86400
        for endpoint in endpoints["endpoints"]:
            name, path, keys = endpoint["name"], endpoint["path"], endpoint["group_by_keys"]
            save(f"{name}-page", path, {"start_time": start, "limit": 3})
            save(f"{name}-page-grouped", path, {"start_time": now - 86400 - 3600, "group_by": keys})
            if "1h" in endpoint["bucket_widths"]:
                save(f"{name}-page-hourly", path, {"start_time": now - 86400, "bucket_width": "1h",
                                                   "group_by": keys[0]})
        projects = save("projects-list", "/organization/projects", {"include_archived": "true"})
        project = next(p["id"] for p in projects["data"] if p["status"] == "active"
                       and requests.get(f"{base}/organization/projects/{p['id']}/service_accounts",
                                        headers=headers).json().get("data"))
        save("project", f"/organization/projects/{project}")
        users = save("users-list", "/organization/users", {"limit": 100})
        save("user", f"/organization/users/{users['data'][0]['id']}")
        save("project-api-keys-list", f"/organization/projects/{project}/api_keys")
        save("project-service-accounts-list", f"/organization/projects/{project}/service_accounts")
        save("project-users-list", f"/organization/projects/{project}/users")
        save("error-missing-start-time", "/organization/usage/completions", status=400)
        save("error-bad-group-by", "/organization/costs", {"start_time": start, "group_by": "model"}, 400)
        save("error-unauthorized", "/organization/costs", {"start_time": start}, 401, {})
    finally:
        server.terminate()
        server.wait(timeout=10)


def dump(directory):
    env = dict(os.environ, USQ_DEMO_DUMP=str(directory))
    command = ["swift", "test", "--skip-build", "--disable-xctest", "--filter", "DemoSampleDumpTests"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-4000:])
        sys.exit("validate_schema: dumping samples failed (run `swift build --build-tests` first)")


def reference_file(name):
    """`reference/NAME` of this repository (vendored copies; origin in reference/README.md)."""
    return str(pathlib.Path(__file__).resolve().parents[2] / "reference" / name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="validate the JSON files in DIR instead of dumping fresh ones")
    parser.add_argument("--usq", help="fetch the samples from `usq serve` (path to the usq binary)")
    parser.add_argument("--reference", default=os.environ.get(
        "USQ_REFERENCE", reference_file("usage-endpoints.json")))
    parser.add_argument("--spec", default=os.environ.get(
        "USQ_SPEC", reference_file("openapi-usage-subset.yaml")))
    args = parser.parse_args()
    spec = yaml.safe_load(pathlib.Path(args.spec).read_text())
    with tempfile.TemporaryDirectory() as temporary:
        directory = pathlib.Path(args.dir or temporary)
        if args.usq and not args.dir:
            fetch_samples(args.usq, directory, args.reference)
        elif not args.dir:
            dump(directory)
        files = sorted(directory.glob("*.json"))
        if not files:
            sys.exit(f"validate_schema: no samples in {directory}")
        problems = [problem for path in files for problem in check_file(spec, path)]
    for problem in problems[:50]:
        print(problem)
    print(f"validate_schema: {len(files)} samples, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
