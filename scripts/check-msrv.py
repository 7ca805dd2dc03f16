#!/usr/bin/env python3
"""Fail when a dependency declares a newer rust-version than Cargo.toml does.

Reads `cargo metadata` (every package of the resolved graph, all targets and
dev-dependencies included: `cargo test` must build on the stated compiler too)
and compares each package's `rust_version` with the root package's. Also
checks that the README names the same version.

Usage: python3 scripts/check-msrv.py [--metadata FILE] [--readme FILE]
Exit 0 when honest, 1 when a dependency needs more, 2 on bad input.
"""
import argparse
import json
import re
import subprocess
import sys


def parse_version(text):
    """'1.88' or '1.88.0' -> (1, 88, 0); None when it is not a version."""
    m = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", text.strip())
    if not m:
        return None
    return (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


def load_metadata(path):
    if path:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def check(meta, readme_text):
    """Return a list of problems (strings); empty when honest."""
    problems = []
    root_id = (meta.get("resolve") or {}).get("root")
    packages = {p["id"]: p for p in meta["packages"]}
    root = packages.get(root_id)
    if root is None:
        return ["cargo metadata names no root package"]
    stated_text = root.get("rust_version")
    if not stated_text:
        return [f"{root['name']}: Cargo.toml has no rust-version"]
    stated = parse_version(stated_text)
    if stated is None:
        return [f"{root['name']}: rust-version {stated_text!r} is not a version"]
    # Only what the lock file resolves (metadata also lists workspace members).
    resolved = {n["id"] for n in meta["resolve"]["nodes"]}
    needed = []
    for pid in resolved:
        pkg = packages[pid]
        rv = pkg.get("rust_version")
        if pid == root_id or not rv:
            continue
        v = parse_version(rv)
        if v is None:
            problems.append(f"{pkg['name']} {pkg['version']}: unreadable rust-version {rv!r}")
        elif v > stated:
            needed.append((v, pkg["name"], pkg["version"], rv))
    for v, name, version, rv in sorted(needed, reverse=True):
        problems.append(
            f"{name} {version} needs Rust {rv}, Cargo.toml states {stated_text}"
        )
    if readme_text is not None:
        m = re.search(r"Rust (\d+\.\d+(?:\.\d+)?) or newer", readme_text)
        if not m:
            problems.append("README: no 'Rust X.Y or newer' statement found")
        elif parse_version(m.group(1)) != stated:
            problems.append(
                f"README says Rust {m.group(1)}, Cargo.toml states {stated_text}"
            )
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--metadata", help="read this cargo metadata JSON instead of running cargo")
    ap.add_argument("--readme", default="README.md", help="README to check ('' to skip)")
    args = ap.parse_args()
    try:
        meta = load_metadata(args.metadata)
        readme = None
        if args.readme:
            with open(args.readme, encoding="utf-8") as f:
                readme = f.read()
    except (OSError, ValueError, subprocess.CalledProcessError) as e:
        print(f"check-msrv: {e}", file=sys.stderr)
        return 2
    problems = check(meta, readme)
    for p in problems:
        print(f"check-msrv: {p}", file=sys.stderr)
    if problems:
        return 1
    root = next(p for p in meta["packages"] if p["id"] == meta["resolve"]["root"])
    count = sum(1 for n in meta["resolve"]["nodes"]) - 1
    print(f"rust-version {root['rust_version']} covers all {count} dependencies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
