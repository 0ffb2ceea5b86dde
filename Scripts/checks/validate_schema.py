#!/usr/bin/env python3
"""Validates sample responses of the demo organization against the OpenAPI spec subset.

The samples (every usage endpoint ungrouped, grouped by every key and hourly; costs; the admin
lists and objects; two 400 bodies) are written by the Swift test `DemoSampleDumpTests` when
`USQ_DEMO_DUMP` names a directory. Each body is validated with `openapi-schema-validator`
(OpenAPI 3.1 / JSON Schema 2020-12) against its schema in
`reference/openapi-usage-subset.yaml`; rows must be of their endpoint's result schema and carry
exactly that schema's properties.

Usage:
  Scripts/checks/validate_schema.py             # dumps via `swift test --skip-build` (build tests first)
  Scripts/checks/validate_schema.py --dir DIR   # validates JSON files already in DIR
Options: --spec PATH (default: /work/shared/reference/openapi-usage-subset.yaml or $USQ_SPEC).
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


def dump(directory):
    env = dict(os.environ, USQ_DEMO_DUMP=str(directory))
    command = ["swift", "test", "--skip-build", "--disable-xctest", "--filter", "DemoSampleDumpTests"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-4000:])
        sys.exit("validate_schema: dumping samples failed (run `swift build --build-tests` first)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="validate the JSON files in DIR instead of dumping fresh ones")
    parser.add_argument("--spec", default=os.environ.get(
        "USQ_SPEC", str(pathlib.Path(__file__).resolve().parents[3] / "shared" / "reference" / "openapi-usage-subset.yaml")))
    args = parser.parse_args()
    spec = yaml.safe_load(pathlib.Path(args.spec).read_text())
    with tempfile.TemporaryDirectory() as temporary:
        directory = pathlib.Path(args.dir or temporary)
        if not args.dir:
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
