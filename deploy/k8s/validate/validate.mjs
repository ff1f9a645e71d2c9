// Validates rendered Kubernetes manifests (a multi-document YAML file, e.g. `kubectl kustomize` output) against the
// Kubernetes and KEDA schemas of the npm packages kubernetes-models and @kubernetes-models/keda: types, enums,
// formats and required fields of every document. Unknown fields are caught by tests/Deploy.Tests (KubernetesClient's
// strict loader), since these schemas allow them.
//   node validate.mjs MODULES_DIR FILE...
// MODULES_DIR holds node_modules with the packages of package.json beside this script (scripts/setup.sh installs
// them). Exit 0: all valid; 1: some document is invalid (one line per problem); 2: bad usage or missing packages.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modulesDir, ...files] = process.argv.slice(2);
if (!modulesDir || files.length === 0) {
  console.error("usage: node validate.mjs MODULES_DIR FILE...");
  process.exit(2);
}
const nodeModules = join(modulesDir, "node_modules");
if (!existsSync(join(nodeModules, "kubernetes-models")) || !existsSync(join(nodeModules, "@kubernetes-models", "keda"))) {
  console.error(`The schema packages are not installed in ${nodeModules}; run scripts/setup.sh (it installs deploy/k8s/validate/package.json there).`);
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(nodeModules, path)).href);
const { parseAllDocuments } = await load("yaml/dist/index.js");

// apiVersion "group/version" (or "version" for the core group) to the package folder of its models.
function modelFolder(apiVersion) {
  if (apiVersion.startsWith("keda.sh/")) return join("@kubernetes-models", "keda", apiVersion, "index.js");
  return join("kubernetes-models", apiVersion, "index.js");
}

async function modelFor(apiVersion, kind) {
  const folder = modelFolder(apiVersion);
  if (!existsSync(join(nodeModules, folder))) return undefined;
  const models = await load(folder);
  return models[kind];
}

let problems = 0;
const report = (where, message) => {
  problems++;
  console.log(`${where}: ${message}`);
};

for (const file of files) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [index, document] of documents.entries()) {
    const at = `${file}#${index}`;
    if (document.errors.length > 0) {
      report(at, `not YAML: ${document.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const data = document.toJS();
    if (data === null || data === undefined) continue;
    const where = `${at} ${data.kind ?? "?"}/${data.metadata?.name ?? "?"}`;
    if (typeof data.apiVersion !== "string" || typeof data.kind !== "string") {
      report(where, "apiVersion and kind must be strings");
      continue;
    }
    if (data.kind === "Secret" && data.data) {
      // kustomize wraps long base64 values over lines, which the API server's decoder skips and this schema does not.
      for (const key of Object.keys(data.data)) {
        if (typeof data.data[key] === "string") data.data[key] = data.data[key].replace(/[\r\n]/g, "");
      }
    }
    const Model = await modelFor(data.apiVersion, data.kind);
    if (!Model) {
      report(where, `no schema for ${data.apiVersion} ${data.kind} (a typo in apiVersion or kind, or a kind this validator does not know)`);
      continue;
    }
    try {
      new Model(data).validate();
    } catch (error) {
      const details = error.details ?? [];
      if (details.length === 0) report(where, error.message);
      for (const d of details) report(where, `${d.instancePath || "/"} ${d.message}`);
    }
  }
}
if (problems > 0) process.exit(1);
console.log(`valid: ${files.join(", ")}`);
