"""scripts/check-msrv.py on hand-made metadata: it must fail on a newer need."""
import importlib.util
import pathlib
import unittest

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location(
    "check_msrv", HERE.parent.parent / "scripts" / "check-msrv.py"
)
check_msrv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_msrv)


def meta(root_rv, deps):
    pkgs = [{"id": "root", "name": "copydesk", "version": "0.1.0", "rust_version": root_rv}]
    pkgs += [
        {"id": n, "name": n, "version": "1.0.0", "rust_version": rv} for n, rv in deps
    ]
    return {
        "packages": pkgs,
        "resolve": {"root": "root", "nodes": [{"id": p["id"]} for p in pkgs]},
    }


class CheckMsrv(unittest.TestCase):
    def test_newer_dependency_fails_and_is_named(self):
        problems = check_msrv.check(meta("1.85", [("a", "1.80"), ("b", "1.89.0")]), None)
        self.assertEqual(problems, ["b 1.0.0 needs Rust 1.89.0, Cargo.toml states 1.85"])

    def test_equal_or_older_passes(self):
        self.assertEqual(check_msrv.check(meta("1.89", [("a", "1.89.0"), ("b", None)]), None), [])

    def test_patch_level_counts(self):
        self.assertTrue(check_msrv.check(meta("1.89", [("a", "1.89.1")]), None))

    def test_readme_must_match(self):
        m = meta("1.89", [])
        self.assertEqual(check_msrv.check(m, "(Rust 1.89 or newer)"), [])
        self.assertEqual(
            check_msrv.check(m, "(Rust 1.85 or newer)"),
            ["README says Rust 1.85, Cargo.toml states 1.89"],
        )

    def test_missing_rust_version_is_a_problem(self):
        self.assertTrue(check_msrv.check(meta(None, []), None))


if __name__ == "__main__":
    unittest.main()
