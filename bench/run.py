"""`make bench`: every benchmark in bench/, each in its own process (cold caches, separate memory figures).

Each bench/<area>_<what>.py prints its own figures; this runner adds the machine and the command, so the output
can be pasted into docs/benchmarks.md as it is.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
SKIP = {"run", "__init__"}
# not part of `make bench`: `make bench-scale`, the NER tuning experiments (an hour each), and a check of two
# versions' outputs
SLOW = {"search_scale", "ner_tune", "ner_stack", "morph_equivalence"}
STORE = {"store_layout", "store_stats", "web_dashboard_stats"}  # they measure a store given with --db


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default="../shared", help="the shared folder with data/ and seeds/")
    parser.add_argument("--db", help="a store (e.g. the scale benchmark's) for " + ", ".join(sorted(STORE)))
    parser.add_argument("only", nargs="*", help="run only these benchmarks (file stems)")
    args = parser.parse_args()
    env = dict(os.environ, HABAR_SHARED_DATA=str(Path(args.shared) / "data"))
    names = args.only or sorted(p.stem for p in HERE.glob("*.py") if p.stem not in SKIP | SLOW)
    print(f"# habar benchmarks, {time.strftime('%Y-%m-%d')}, {machine()}\n")
    failed = []
    for name in names:
        command = [sys.executable, "-m", f"bench.{name}"] + (["--db", args.db] if name in STORE and args.db else [])
        print(f"## {name}  (python -m {' '.join(command[2:])})", flush=True)
        if name in STORE and not args.db:
            print("skipped: it measures a store; run `python -m bench.run --db DIR` (DIR from bench.search_scale)\n")
            continue
        rc = subprocess.call(command, env=env)
        if rc:
            failed.append(name)
        print(flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
