#!/usr/bin/python3
"""Checks scenarios/schema with Debian's python3-jsonschema (draft 2020-12):
every schema is a valid schema, every built-in scenario validates, and every malformed
scenario in tests/malformed/ is rejected (unless tests/malformed/LOADER_ONLY.txt lists it:
errors of meaning, such as an unknown object id, that a JSON Schema cannot express)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema_dir = root / "scenarios" / "schema"
store = {}
for f in sorted(schema_dir.glob("*.schema.json")):
    s = json.loads(f.read_text())
    jsonschema.Draft202012Validator.check_schema(s)
    store[s["$id"]] = s
    store[f.name] = s
main = store["scenario.schema.json"]
resolver = jsonschema.RefResolver(base_uri="", referrer=main, store=store)
validator = jsonschema.Draft202012Validator(main, resolver=resolver)

failures = 0
builtin = [p for p in sorted((root / "scenarios").rglob("*.json")) if p.parent.name != "schema"]
for p in builtin:
    errors = list(validator.iter_errors(json.loads(p.read_text())))
    if errors:
        failures += 1
        print(f"FAIL {p.relative_to(root)} does not validate:")
        for e in errors[:5]:
            print(f"   /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")

loader_only = set()
lo = root / "tests" / "malformed" / "LOADER_ONLY.txt"
if lo.exists():
    for line in lo.read_text().splitlines():
        name = line.split("#")[0].strip()
        if name:
            loader_only.add(name)
malformed = sorted((root / "tests" / "malformed").glob("*.json"))
rejected = 0
for p in malformed:
    try:
        doc = json.loads(p.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError):
        rejected += 1
        continue
    ok = validator.is_valid(doc)
    if p.name in loader_only:
        if not ok:
            print(f"FAIL {p.name} is listed in LOADER_ONLY.txt but the schema rejects it: drop it from the list")
            failures += 1
        continue
    if ok:
        failures += 1
        print(f"FAIL {p.relative_to(root)}: the schema accepts a malformed scenario")
    else:
        rejected += 1

print(f"schema: {len(builtin)} built-in scenarios checked, {rejected} malformed files rejected, "
      f"{len(loader_only)} loader-only")
print(f"{len(builtin) + len(malformed) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
