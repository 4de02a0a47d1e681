// Builds the add-in: one page (taskpane.html) that loads the task pane, the =PROD.* custom functions
// and the ribbon commands into one shared runtime, plus functions.json, the manifest and the icons.
//   npm run build                       production build into dist/, URLs stay https://localhost:3000/
//   PRODBOOK_URL=https://host/app/ npm run build   every localhost URL (manifest, functions.json) rewritten
//   npm run dev-server                  https://localhost:3000 with the office-addin-dev-certs certificates
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/** The production base URL: PRODBOOK_URL with a trailing slash, or the development URL. */
function productionUrl() {
  const raw = (process.env.PRODBOOK_URL || "").trim();
  if (!raw) return DEV_URL;
  if (!/^https:\/\/[^/\s]+/i.test(raw)) {
    throw new Error(`PRODBOOK_URL must be an https:// URL (Office loads add-ins only over https); got "${raw}".`);
  }
  return raw.endsWith("/") ? raw : `${raw}/`;
}

// Every occurrence, not just the first: the manifest has eleven URLs (checked by test:manifest).
const { rewriteUrls } = require("./scripts/manifest-checks.cjs");

/**
 * The certificates office-addin-dev-certs generates. Read by hand: its getHttpsServerOptions()
 * throws where the CA could not be trusted (Linux without sudo), yet the files are good.
 */
function devCertificates() {
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const out = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(CERT_DIR, f);
    if (!fs.existsSync(p)) return undefined;
    out[k] = fs.readFileSync(p);
  }
  return out;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** A help page for the functions, from the generated metadata: the @helpurl anchors land here. */
function functionsHelpPage(metadata) {
  const items = metadata.functions
    .map((f) => {
      const params = (f.parameters || [])
        .map((p) => `<li><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}: ${escapeHtml(p.description || "")}</li>`)
        .join("");
      const signature = `=PROD.${f.name}(${(f.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
      return `<section id="${escapeHtml(f.id.toLowerCase())}"><h2>PROD.${escapeHtml(f.name)}</h2><p><code>${escapeHtml(signature)}</code></p><p>${escapeHtml(f.description || "")}</p>${params ? `<ul>${params}</ul>` : ""}</section>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Prodbook functions</title><style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.45}code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ddd;padding-top:.5rem}</style></head><body><h1>Prodbook worksheet functions</h1>\n${items}\n</body></html>\n`;
}

/** The support page named in the manifest: the troubleshooting guide, as text. */
function supportPage() {
  const file = path.join(__dirname, "docs", "troubleshooting.md");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "See the README.";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Prodbook support</title><style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;font:inherit;line-height:1.45}</style></head><body><pre>${escapeHtml(text)}</pre></body></html>\n`;
}

/**
 * Fails the build when functions.json is missing or empty (the metadata generator writes nothing,
 * without an error, when it finds no @customfunction), rewrites its URLs for production and emits
 * the functions help page.
 */
class FunctionsMetadataGuard {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataGuard", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataGuard", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          // Metadata errors are already compilation errors (the plugin adds them); don't pile on.
          if (compilation.errors.length > 0) return;
          const asset = compilation.getAsset("functions.json");
          const text = asset ? asset.source.source().toString() : "";
          let metadata;
          try {
            metadata = text ? JSON.parse(text) : undefined;
          } catch (e) {
            compilation.errors.push(new webpack.WebpackError(`functions.json is not valid JSON: ${e.message}`));
            return;
          }
          if (!metadata || !Array.isArray(metadata.functions) || metadata.functions.length === 0) {
            compilation.errors.push(
              new webpack.WebpackError(`${FUNCTIONS_SOURCE}: no @customfunction found, so functions.json would be empty and =PROD.* would not load.`),
            );
            return;
          }
          const rewritten = rewriteUrls(text, this.baseUrl);
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(rewritten));
          const help = rewriteUrls(functionsHelpPage(JSON.parse(rewritten)), this.baseUrl);
          compilation.emitAsset("assets/functions.html", new webpack.sources.RawSource(help));
          compilation.emitAsset("support.html", new webpack.sources.RawSource(supportPage()));
        },
      );
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = production ? productionUrl() : DEV_URL;
  const certs = devCertificates();

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js; Office caches by URL, so bump the version.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-checking is `npm run typecheck`; here we only transpile, to ES modules so that
              // webpack can tree-shake Fluent UI (17 MiB as CommonJS against ~280 KiB).
              transpileOnly: true,
              compilerOptions: { module: "esnext", noEmit: false, sourceMap: !production },
            },
          },
        },
      ],
    },
    optimization: {
      // One webpack runtime for the three entries of the one page, so a module shared by the
      // functions and the pane is one instance (shared state), not two copies.
      runtimeChunk: { name: "runtime" },
      splitChunks: { chunks: "all", cacheGroups: { defaultVendors: { test: /[\\/]node_modules[\\/]/, name: "vendors", priority: -10 } } },
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new FunctionsMetadataGuard(baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions first, so CustomFunctions.associate runs before anything slower can fail.
        chunks: ["runtime", "functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteUrls(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certs ? { type: "https", options: certs } : { type: "https" },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.productionUrl = productionUrl;
