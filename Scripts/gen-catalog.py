#!/usr/bin/env python3
"""Generates Sources/USQVocabulary/EndpointCatalog+Generated.swift from usage-endpoints.json.

Usage: Scripts/gen-catalog.py [path/to/usage-endpoints.json] > Sources/USQVocabulary/EndpointCatalog+Generated.swift
Default input: the repository's reference/usage-endpoints.json (vendored; origin in reference/README.md).
"""
import json
import pathlib
import sys

DEFAULT_SOURCE = pathlib.Path(__file__).resolve().parent.parent / "reference" / "usage-endpoints.json"
SOURCE = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT_SOURCE)

# usq's load option names for the API's filter parameters (LANGUAGE.md): project_ids -> project,
# user_ids -> user, api_key_ids -> key, batch -> batch; any other list parameter drops its plural
# `s` and a trailing `_id` (models -> model, vector_store_ids -> vector_store). The field a filter
# keeps values of is the singular (vector_store_id), when the rows have it.
OPTION_NAMES = {"project_ids": "project", "user_ids": "user", "api_key_ids": "key", "batch": "batch"}
FILTER_FIELDS = {"project_ids": "project_id", "user_ids": "user_id", "api_key_ids": "api_key_id",
                 "batch": "batch"}

# One line per endpoint for `fields` and `help`.
SUMMARIES = {
    "completions": "tokens and requests of text-generation models (chat, responses, batch)",
    "embeddings": "tokens and requests of embedding models",
    "moderations": "tokens and requests of moderation models",
    "images": "images generated, edited or varied, by size and source",
    "audio_speeches": "characters turned into speech (text-to-speech)",
    "audio_transcriptions": "seconds of audio transcribed (speech-to-text)",
    "vector_stores": "bytes stored in vector stores (a level, not a flow)",
    "code_interpreter_sessions": "code interpreter sessions",
    "file_search_calls": "file search tool calls, by vector store",
    "web_search_calls": "web search tool calls and the model requests that made them",
    "costs": "money spent per day, by project, line item or API key",
    "projects": "the organization's projects (archived included), for names",
    "users": "the organization's users, for names",
    "api_keys": "every project's API keys, for names",
}


def option_name(parameter):
    if parameter in OPTION_NAMES:
        return OPTION_NAMES[parameter]
    singular = parameter[:-1] if parameter.endswith("s") else parameter
    return singular[:-3] if singular.endswith("_id") else singular


def filter_field(parameter, field_names):
    field = FILTER_FIELDS.get(parameter) or (parameter[:-1] if parameter.endswith("s") else parameter)
    return field if field in field_names else None
WIDTHS = {"1m": ".minute", "1h": ".hour", "1d": ".day"}
KINDS = {"integer": ".int", "number": ".double", "boolean": ".bool", "string": ".string"}


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def swift_list(items):
    return "[" + ", ".join(items) + "]"


def field(name, path, kind, nullable, required, group_key, meaning):
    group = swift_string(group_key) if group_key else "nil"
    return (
        f"        ResultField(\n"
        f"          name: {swift_string(name)}, jsonPath: {swift_list(map(swift_string, path))}, kind: {kind},\n"
        f"          isNullable: {str(nullable).lower()}, isRequired: {str(required).lower()}, groupKey: {group},\n"
        f"          meaning: {swift_string(meaning)}\n"
        f"        )"
    )


def usage_fields(endpoint):
    out = []
    group_keys = endpoint["group_by_keys"]
    for f in endpoint["result_fields"]:
        name = f["name"]
        if name in ("object", "amount"):
            continue
        # The reference's notes on these two are for implementers ("decode both"); users are
        # told what the column holds and where the API's JSON has it.
        if name == "amount.value":
            out.append(field("amount", ["amount", "value"], ".double", False, False, None,
                             "Cost in whole currency units (dollars for \"usd\", not cents), fractional. "
                             "The API's JSON holds it as amount.value, sometimes as a numeric string "
                             "such as \"12.50\"; usq reads either as a number."))
            continue
        if name == "amount.currency":
            out.append(field("currency", ["amount", "currency"], ".string", False, False, None,
                             f["meaning"] + " The API's JSON holds it as amount.currency."))
            continue
        group = name if name in group_keys else None
        if endpoint["name"] == "costs" and name in ("quantity", "quantity_unit"):
            group = "line_item"  # filled per line item (reference 8.11)
        out.append(field(name, [name], KINDS[f["json_type"]], f["nullable"], f["required_in_spec"], group, f["meaning"]))
    return out


def list_field(f):
    kind = ".time" if f.get("format") == "unixtime" else KINDS[f["json_type"]]
    return field(f["name"], [f["name"]], kind, f["nullable"], f["required_in_spec"], None, f["meaning"])


def list_fields(objects, name):
    fields = objects[name]["fields"]
    simple = [f for f in fields if f["json_type"] != "object" and f["name"] != "object" and "." not in f["name"]]
    simple.sort(key=lambda f: 0 if f["name"] == "id" else 1)  # id first, then the reference's order
    out = [list_field(f) for f in simple]
    if name == "ProjectApiKey":
        owner = {f["name"]: f for f in fields}
        out.append(field("owner_type", ["owner", "type"], ".string", False, False, None, owner["owner.type"]["meaning"]))
        out.append(field("owner_id", ["owner", "user|service_account", "id"], ".string", True, False, None,
                         "ID of the owning user or service account."))
        out.append(field("owner_name", ["owner", "user|service_account", "name"], ".string", True, False, None,
                         "Name of the owning user or service account."))
        out.append(field("project_id", ["project_id"], ".string", False, True, None,
                         "Project the key belongs to (usq adds it: the API lists keys per project)."))
    return out


def filters(endpoint):
    params = {p["name"]: p for p in endpoint["params"]}
    field_names = {f["name"] for f in endpoint["result_fields"]}
    out = []
    for name in endpoint["filter_params"]:
        p = params[name]
        allowed = p.get("items", {}).get("enum", []) or p.get("enum", [])
        field = filter_field(name, field_names)
        out.append(
            f"        EndpointFilter(\n"
            f"          optionName: {swift_string(option_name(name))}, apiName: {swift_string(name)},\n"
            f"          field: {swift_string(field) if field else 'nil'}, isBoolean: {str(p['type'] == 'boolean').lower()},\n"
            f"          allowedValues: {swift_list(map(swift_string, allowed))},\n"
            f"          meaning: {swift_string(p['meaning'])}\n"
            f"        )"
        )
    return out


def limits(endpoint):
    limit = next(p for p in endpoint["params"] if p["name"] == "limit")["limits"]
    if "per_bucket_width" in limit:
        per_width = limit["per_bucket_width"]  # in the reference's bucket_widths order
        return [f"PageLimit(width: {WIDTHS[w]}, defaultValue: {per_width[w]['default']}, maximum: {per_width[w]['max']})"
                for w in endpoint["bucket_widths"]]
    return [f"PageLimit(width: {WIDTHS[w]}, defaultValue: {limit['default']}, maximum: {limit['max']})"
            for w in endpoint["bucket_widths"]]


def endpoint_literal(name, kind, path, obj, keys, filter_items, limit_items, field_items):
    def block(items):
        return "[]" if not items else "[\n" + ",\n".join(items) + ",\n      ]"
    return (
        f"    Endpoint(\n"
        f"      name: {swift_string(name)}, kind: {kind},\n"
        f"      summary: {swift_string(SUMMARIES[name])},\n"
        f"      path: {swift_string(path)}, resultObject: {swift_string(obj)},\n"
        f"      fields: {block(field_items)},\n"
        f"      groupKeys: {swift_list(map(swift_string, keys))},\n"
        f"      filters: {block(filter_items)},\n"
        f"      limits: {swift_list(limit_items)}\n"
        f"    )"
    )


def main():
    data = json.load(open(SOURCE))
    items = []
    for e in data["endpoints"]:
        kind = ".costs" if e["name"] == "costs" else ".usage"
        items.append(endpoint_literal(e["name"], kind, e["path"], e["result_object"],
                                      e["group_by_keys"], filters(e), limits(e), usage_fields(e)))
    admin = {a["name"]: a for a in data["admin_endpoints"]}
    lists = [("projects", "list_projects", "Project", "organization.project"),
             ("users", "list_users", "User", "organization.user"),
             ("api_keys", "list_project_api_keys", "ProjectApiKey", "organization.project.api_key")]
    for name, admin_name, object_name, obj in lists:
        a = admin[admin_name]
        limit = next(p for p in a["params"] if p["name"] == "limit")["limits"]
        limit_item = f"PageLimit(width: nil, defaultValue: {limit['default']}, maximum: {limit['max']})"
        items.append(endpoint_literal(name, ".list", a["path"], obj, [], [], [limit_item],
                                      list_fields(data["admin_objects"], object_name)))
    print("// Generated by Scripts/gen-catalog.py from reference/usage-endpoints.json. Do not edit.")
    print("// swift-format-ignore-file")
    print()
    print("extension EndpointCatalog {")
    print("  /// Every endpoint, in the reference's order: ten usage endpoints, costs, then the lists.")
    print("  public static let all: [Endpoint] = [")
    print(",\n".join(items) + ",")
    print("  ]")
    print("}")


main()
