#!/usr/bin/env python3
"""Validates slant's JSON Lines output against Schemas/slant-document.schema.json (needs `pip install jsonschema`).

    python3 Scripts/check_schema.py [slant binary]

Runs segment, score and summarize over Corpus/ and annotate --format jsonl over a small stream with a bad
line, and validates every record. Exits 1 on the first invalid record.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
try:
    import jsonschema
except ImportError:
    print("check_schema: the jsonschema package is missing: pip install jsonschema")
    sys.exit(0)

slant = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "slant")
schema = json.load(open(os.path.join(ROOT, "Schemas", "slant-document.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
runs = [(["segment", "Corpus"], None), (["score", "Corpus"], None), (["summarize", "Corpus"], None),
        (["annotate", "--format", "jsonl", "--input", "jsonl", "-"], b'{"id":"a","text":"Perhaps. Clearly not."}\nbad\n')]
for args, stdin in runs:
    out = subprocess.run([slant] + args, input=stdin, capture_output=True, cwd=ROOT).stdout.decode()
    records = [json.loads(line) for line in out.splitlines()]
    for record in records:
        errors = list(validator.iter_errors(record))
        if errors:
            print(f"check_schema: {' '.join(args)}: {record.get('id')}: {errors[0].message}")
            sys.exit(1)
    print(f"check_schema: {' '.join(args)}: {len(records)} records valid")
