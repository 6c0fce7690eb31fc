// Validates GitHub Actions workflow files with GitHub's own parser, @actions/workflow-parser
// (the schema and parser behind the Actions language service): syntax, the workflow schema,
// expressions. Usage: node workflow-check.mjs FILE...  Exit 0 when every file is valid; 1 with
// one "FILE: message" line per error; 2 when the parser is not installed.
// The parser lives outside the source tree; install.sh beside this file installs it and names
// its folder in PARITY_WORKFLOW_PARSER_HOME.
import { readFileSync } from "node:fs";
import { register } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const home = process.env.PARITY_WORKFLOW_PARSER_HOME;
if (!home) {
  console.error("PARITY_WORKFLOW_PARSER_HOME is not set; run eval \"$(bash tools/workflow-check/install.sh)\"");
  process.exit(2);
}
// The package imports its JSON schemas without an import attribute, as bundlers allow and Node
// does not: load *.json as a module whose default export is the parsed document.
const jsonAsModule = `export async function load(url, context, nextLoad) {
  if (url.endsWith(".json")) {
    const { readFileSync } = await import("node:fs");
    const { fileURLToPath } = await import("node:url");
    return { format: "module", shortCircuit: true,
      source: "export default " + readFileSync(fileURLToPath(url), "utf8") + ";" };
  }
  return nextLoad(url, context);
}`;
register("data:text/javascript," + encodeURIComponent(jsonAsModule));
let parser;
try {
  parser = await import(pathToFileURL(join(home, "node_modules/@actions/workflow-parser/dist/index.js")).href);
} catch (e) {
  console.error(`@actions/workflow-parser is not installed under ${home}: ${e.message}`);
  process.exit(2);
}
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: workflow-check FILE...");
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const result = parser.parseWorkflow({ name: file, content: readFileSync(file, "utf8") }, new parser.NoOperationTraceWriter());
  const errors = result.context.errors.getErrors();
  if (result.value === undefined && errors.length === 0) {
    errors.push({ message: "the parser returned no workflow" });
  }
  for (const error of errors) {
    console.log(error.message.startsWith(file) ? error.message : `${file}: ${error.message}`);
  }
  if (errors.length === 0) {
    console.log(`${file}: valid`);
  }
  failed ||= errors.length > 0;
}
process.exit(failed ? 1 : 0);
