// Builds the front end into src/stocktake/static/ (git-ignored):
// our Sass on top of GOV.UK Frontend, plus GOV.UK Frontend's JavaScript, fonts and images.
// Run by `npm run build`; the Makefile runs it before installing the Python package.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const out = join(root, "src", "stocktake", "static");

rmSync(join(out, "govuk"), { recursive: true, force: true });
mkdirSync(join(out, "stocktake"), { recursive: true });
cpSync(join(govuk, "assets"), join(out, "govuk", "assets"), { recursive: true });
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk", "govuk-frontend.min.js"));
// htmx, for live filtering as a progressive enhancement: served from our static files.
rmSync(join(out, "htmx"), { recursive: true, force: true });
mkdirSync(join(out, "htmx"), { recursive: true });
cpSync(join(root, "node_modules", "htmx.org", "dist", "htmx.min.js"), join(out, "htmx", "htmx.min.js"));

const css = sass.compile(join(root, "frontend", "stocktake.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "stocktake", "stocktake.css"), css.css);
console.log("front end built into", out);
