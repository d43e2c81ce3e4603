"""``python -m unsckg.extractors FILE... [--format json]``: print the facts of each file.

One JSON object for one file, a list for several (the facts format, ``facts.to_json_dict``).
A file that cannot be read gets one line on stderr (``file: reason``) and makes the exit code 1;
the other files are still printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from unsckg.extractors.errors import ExtractionError
from unsckg.extractors.facts import to_json_dict
from unsckg.extractors.pipeline import extract_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m unsckg.extractors", description=__doc__.split("\n")[0]
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--format", choices=["json"], default="json")
    args = parser.parse_args(argv)
    results: list[dict[str, Any]] = []
    failed = False
    for name in args.files:
        try:
            results.append(to_json_dict(extract_file(name)))
        except ExtractionError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
    if results:
        payload: Any = results[0] if len(args.files) == 1 else results
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
