"""Runs action.yml's shell steps the way the runner would, with a fake
GitHub environment: each `run:` step in order, `${{ … }}` in its `env:`
filled from the inputs, the fake context and earlier steps' outputs;
GITHUB_OUTPUT per step, GITHUB_PATH prepended for later steps, one
GITHUB_STEP_SUMMARY. `uses:` steps (cache, upload, reviewdog setup) are
the runner's business and are skipped; the test checks what the shell
steps wrote. Usage: python test_action.py COPYDESK_BINARY
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(sys.argv.pop(1) if len(sys.argv) > 1 else ROOT / "target/debug/copydesk").resolve()
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
EXPR = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.com",
         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, check=True, capture_output=True,
    )


class Runner:
    """One job: a workspace repository, a home with the cache, the files."""

    def __init__(self, tmp, event, inputs):
        self.tmp = pathlib.Path(tmp)
        self.inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
        unknown = set(inputs) - set(self.inputs)
        assert not unknown, f"not inputs of action.yml: {unknown}"
        self.inputs.update(inputs)
        self.event = event
        self.outputs = {}
        self.home = self.tmp / "home"
        self.temp = self.tmp / "runner-temp"
        self.summary = self.tmp / "step-summary.md"
        self.path_file = self.tmp / "github-path"
        for p in (self.home, self.temp):
            p.mkdir()
        self.summary.write_text("")
        self.path_file.write_text("")
        self.workspace = self.make_repository()

    def make_repository(self):
        """origin has main with an old finding; the checkout adds a new one."""
        origin = self.tmp / "origin"
        origin.mkdir()
        git(origin, "init", "-q")
        (origin / "drafts").mkdir()
        (origin / "drafts/story.md").write_text(
            "The the minister resigned.\n\nNothing else.\n"
        )
        git(origin, "add", ".")
        git(origin, "commit", "-q", "-m", "old")
        work = self.tmp / "work"
        git(self.tmp, "clone", "-q", str(origin), str(work))
        (work / "drafts/story.md").write_text(
            "The the minister resigned.\n\nNothing else.\n\nA new new paragraph.\n"
        )
        git(work, "commit", "-q", "-am", "new")
        return work

    def context(self, name):
        fixed = {
            "github.action_path": str(ROOT),
            "github.action_repository": "OWNER/copydesk",
            "github.token": "fake-token",
            "github.event_name": self.event,
            "runner.temp": str(self.temp),
            "runner.os": "Linux",
            "runner.arch": "X64",
        }
        if name in fixed:
            return fixed[name]
        if name.startswith("inputs."):
            # Defaults may be expressions too (`${{ github.token }}`).
            return self.fill(self.inputs[name[len("inputs."):]])
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", name)
        if m:
            return self.outputs.get(m.group(1), {}).get(m.group(2), "")
        raise AssertionError(f"action.yml uses an expression the test does not know: {name}")

    def fill(self, value):
        return EXPR.sub(lambda m: self.context(m.group(1)), str(value))

    def env(self):
        extra_path = [l for l in self.path_file.read_text().splitlines() if l]
        env = {
            "PATH": os.pathsep.join(list(reversed(extra_path)) + [os.environ["PATH"]]),
            "HOME": str(self.home),
            "RUNNER_TEMP": str(self.temp),
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_EVENT_NAME": self.event,
            "GITHUB_BASE_REF": "main" if self.event == "pull_request" else "",
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_PATH": str(self.path_file),
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        return env

    def prime_cache(self, key):
        """What actions/cache restores on a hit: a build of this source."""
        root = self.home / ".copydesk-action"
        (root / "bin").mkdir(parents=True)
        shutil.copy(BINARY, root / "bin/copydesk")
        (root / "key").write_text(key + "\n")

    def run(self, stop_at=None):
        """Runs the steps; returns (last step id, its exit code, log)."""
        log = ""
        for step in ACTION["runs"]["steps"]:
            if "uses" in step:
                continue
            sid = step.get("id", "")
            out_file = self.tmp / f"output-{sid}"
            out_file.write_text("")
            env = self.env()
            env.update({k: self.fill(v) for k, v in step.get("env", {}).items()})
            env["GITHUB_OUTPUT"] = str(out_file)
            assert "${{" not in step["run"], f"step {sid}: expressions belong in env:"
            proc = subprocess.run(
                ["bash", "-e", "-c", step["run"]], cwd=self.workspace, env=env,
                capture_output=True, text=True,
            )
            log += proc.stdout + proc.stderr
            pairs = [l.split("=", 1) for l in out_file.read_text().splitlines() if "=" in l]
            self.outputs[sid] = dict(pairs)
            if sid == "source":
                self.prime_cache(self.outputs[sid]["key"])
            if proc.returncode != 0 or sid == stop_at:
                return sid, proc.returncode, log
        return "end", 0, log


class ActionSteps(unittest.TestCase):
    def job(self, event, **inputs):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        return Runner(tmp.name, event, {k.replace("_", "-"): v for k, v in inputs.items()})

    def test_github_output_on_a_pull_request_reports_changed_lines_only(self):
        job = self.job("pull_request", output="github", paths="drafts")
        step, code, log = job.run()
        self.assertEqual((step, code), ("verdict", 1), log)
        self.assertIn("copydesk from the cache", log)
        self.assertEqual(job.outputs["check"]["exit-code"], "1")
        self.assertTrue(job.outputs["install"]["version"].startswith("copydesk "), job.outputs)
        # Only the pull request's new line (5) is annotated, not line 1.
        self.assertIn("::warning file=drafts/story.md,line=5,", log)
        self.assertNotIn("line=1,", log)
        summary = job.summary.read_text()
        self.assertIn("**0 errors, 1 warnings, 0 infos** in 1 file.", summary)
        self.assertIn("| warning | `drafts/story.md` | 5:3 | `doubled-word` |", summary)
        self.assertIn("::error::copydesk found problems at or above warning", log)

    def test_sarif_output_on_push_has_every_finding_and_fail_level_never_passes(self):
        job = self.job("push", output="sarif", paths="drafts", fail_level="never")
        step, code, log = job.run()
        self.assertEqual((step, code), ("end", 0), log)
        sarif = pathlib.Path(job.outputs["check"]["sarif-file"])
        self.assertEqual(sarif.parent, job.temp)
        results = json.loads(sarif.read_text())["runs"][0]["results"]
        lines = sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results)
        self.assertEqual(lines, [1, 5])
        self.assertEqual(job.outputs["check"]["exit-code"], "1")

    def test_sarif_on_a_pull_request_uploads_all_but_judges_changed_lines(self):
        job = self.job("pull_request", output="sarif", paths="drafts", args="--select doubled-word",
                       fail_level="error")
        step, code, log = job.run()
        # Warnings only, fail level error: the verdict passes.
        self.assertEqual((step, code), ("end", 0), log)
        results = json.loads(pathlib.Path(job.outputs["check"]["sarif-file"]).read_text())
        self.assertEqual(len(results["runs"][0]["results"]), 2)
        self.assertEqual(job.outputs["check"]["exit-code"], "0")

    def test_reviewdog_gets_rdjsonl_and_the_pull_request_settings(self):
        job = self.job("pull_request", output="reviewdog", paths="drafts")
        fake = job.tmp / "fake-bin"
        fake.mkdir()
        record = job.tmp / "reviewdog.txt"
        (fake / "reviewdog").write_text(
            f"#!/bin/sh\necho \"$@\" > {record}\necho \"token=$REVIEWDOG_GITHUB_API_TOKEN\" >> {record}\ncat >> {record}\nexit 1\n"
        )
        (fake / "reviewdog").chmod(0o755)
        job.path_file.write_text(f"{fake}\n")
        step, code, log = job.run()
        self.assertEqual((step, code), ("verdict", 1), log)
        args, token, *lines = record.read_text().splitlines()
        self.assertIn("-reporter=github-pr-review", args)
        self.assertIn("-filter-mode=added", args)
        self.assertIn("-fail-level=warning", args)
        self.assertEqual(token, "token=fake-token")
        self.assertEqual(len(lines), 1)
        self.assertEqual(json.loads(lines[0])["location"]["range"]["start"]["line"], 5)

    def test_bad_inputs_stop_the_check_step(self):
        job = self.job("push", fail_level="sometimes")
        step, code, log = job.run()
        self.assertEqual((step, code), ("check", 2))
        self.assertIn("::error::fail-level must be error, warning, info or never", log)

    def test_every_input_is_used_and_documented(self):
        text = (ROOT / "action.yml").read_text()
        for name, spec in ACTION["inputs"].items():
            self.assertIn(f"inputs.{name}", text, name)
            self.assertTrue(spec.get("description"), name)


if __name__ == "__main__":
    unittest.main(verbosity=2)
