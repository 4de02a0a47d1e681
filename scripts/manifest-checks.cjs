// The project's own manifest checks, pure (no file system, no network) so jest can run them on a
// good and a broken manifest. `office-addin-manifest validate` needs a Microsoft web service and no
// XSD ships in npm, so this is what stands between a typo and an add-in Office silently refuses.
// Used by scripts/check-manifest.mjs (npm run test:manifest) and test/manifest.test.ts.
"use strict";

const DEV_URL = "https://localhost:3000/";

// ---------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text, comments, CDATA, processing instructions.
// Enough for a manifest; it throws with a line number on anything malformed.

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s, line) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ref) => {
    if (!ref) throw new Error(`line ${line}: bare "&" (write &amp;)`);
    if (ref[0] === "#") return String.fromCodePoint(ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    if (!(ref in ENTITIES)) throw new Error(`line ${line}: unknown entity &${ref};`);
    return ENTITIES[ref];
  });
}

/** Parses XML into { name, local, attrs, children, text, line }; throws "line n: …" when malformed. */
function parseXml(text) {
  let i = 0;
  let line = 1;
  const advance = (to) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  const fail = (msg) => {
    throw new Error(`line ${line}: ${msg}`);
  };
  const root = { name: "#document", local: "#document", attrs: {}, children: [], text: "", line: 1 };
  const stack = [root];
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      const rest = text.slice(i);
      if (rest.trim()) {
        if (stack.length === 1) fail("text outside the root element");
        stack[stack.length - 1].text += decodeEntities(rest, line);
      }
      advance(text.length);
      break;
    }
    if (lt > i) {
      const chunk = text.slice(i, lt);
      if (stack.length === 1) {
        if (chunk.trim()) fail("text outside the root element");
      } else {
        stack[stack.length - 1].text += decodeEntities(chunk, line);
      }
      advance(lt);
    }
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) fail("unterminated comment");
      advance(end + 3);
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA section");
      if (stack.length === 1) fail("CDATA outside the root element");
      stack[stack.length - 1].text += text.slice(i + 9, end);
      advance(end + 3);
    } else if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i);
      if (end < 0) fail("unterminated processing instruction");
      advance(end + 2);
    } else if (text.startsWith("<!", i)) {
      fail("DOCTYPE and other declarations are not allowed in a manifest");
    } else if (text.startsWith("</", i)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(text.slice(i));
      if (!m) fail("malformed closing tag");
      const open = stack.pop();
      if (stack.length === 0 || open.name !== m[1]) fail(`</${m[1]}> closes <${open && open.name}>`);
      advance(i + m[0].length);
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i));
      if (!m) fail("malformed tag");
      const el = { name: m[1], local: m[1].replace(/^.*:/, ""), attrs: {}, children: [], text: "", line };
      advance(i + m[0].length);
      for (;;) {
        const ws = /^\s*/.exec(text.slice(i))[0];
        advance(i + ws.length);
        if (text.startsWith("/>", i)) {
          advance(i + 2);
          pushChild(el, true);
          break;
        }
        if (text[i] === ">") {
          advance(i + 1);
          pushChild(el, false);
          break;
        }
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(text.slice(i));
        if (!a || !ws) fail(`malformed attribute in <${el.name}>`);
        if (a[1] in el.attrs) fail(`attribute ${a[1]} repeated in <${el.name}>`);
        el.attrs[a[1]] = decodeEntities(a[3] !== undefined ? a[3] : a[4], line);
        advance(i + a[0].length);
      }
    }
  }
  if (stack.length > 1) fail(`<${stack[stack.length - 1].name}> is never closed`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error(`expected one root element, found ${elements.length}`);
  return elements[0];

  function pushChild(el, selfClosing) {
    const parent = stack[stack.length - 1];
    if (parent === root && root.children.length > 0) fail("more than one root element");
    el.parent = parent === root ? undefined : parent;
    parent.children.push(el);
    if (!selfClosing) stack.push(el);
  }
}

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const child = (el, local) => el && el.children.find((c) => c.local === local);
const children = (el, local) => (el ? el.children.filter((c) => c.local === local) : []);

// ---------------------------------------------------------------------------------------------

/** The kind of resource a resid must name, by the element that carries it. */
function residKind(el) {
  switch (el.local) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "Runtime":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "Urls";
    case "Label":
    case "Title":
    case "Namespace":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      return undefined;
  }
}

const MAX_LENGTH = { ShortStrings: 125, LongStrings: 250 };

function isHttpsUrl(s) {
  try {
    return new URL(s).protocol === "https:";
  } catch {
    return false;
  }
}

/** PNG width and height from the IHDR chunk; undefined when the bytes are not a PNG. */
function pngSize(buf) {
  if (!buf || buf.length < 24) return undefined;
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, k) => buf[k] === b) || String.fromCharCode(buf[12], buf[13], buf[14], buf[15]) !== "IHDR") return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Checks a manifest's text. options.readAsset(relativePath) returns the bytes of a file served
 * under DEV_URL (e.g. "assets/icon-16.png"), or undefined when it does not exist; without it the
 * icon files are not checked. options.version: package.json's version, which the manifest's must
 * extend. Returns { errors: string[], namespace, functionNames: string[], taskpaneUrl }.
 */
function checkManifest(xml, options = {}) {
  const errors = [];
  const result = { errors, namespace: undefined, functionNames: [], taskpaneUrl: undefined };
  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    errors.push(`manifest is not well-formed XML: ${e.message}`);
    return result;
  }
  if (root.local !== "OfficeApp") errors.push(`root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") errors.push(`OfficeApp xsi:type is "${root.attrs["xsi:type"]}", expected "TaskPaneApp"`);

  const text = (local) => (child(root, local) ? child(root, local).text.trim() : "");
  const id = text("Id");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) errors.push(`<Id> "${id}" is not a GUID`);
  if (/^0{8}-/.test(id) || id.toLowerCase() === "05c2e1c9-3e1d-406e-9a91-e9ac64854143") {
    errors.push(`<Id> ${id} is a template's id: make a unique one`);
  }
  const version = text("Version");
  if (!/^\d+(\.\d+){0,3}$/.test(version)) errors.push(`<Version> "${version}" is not n.n.n.n`);
  else if (options.version && !`${version}.`.startsWith(`${options.version}.`)) {
    errors.push(`<Version> ${version} does not match package.json version ${options.version}`);
  }
  for (const el of ["ProviderName", "DefaultLocale"]) if (!text(el)) errors.push(`<${el}> is missing or empty`);
  for (const el of ["DisplayName", "Description"]) {
    const e = child(root, el);
    if (!e || !(e.attrs.DefaultValue || "").trim()) errors.push(`<${el} DefaultValue> is missing or empty`);
  }
  if (!child(root, "SupportUrl")) errors.push("<SupportUrl> is missing");
  const hosts = children(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (!hosts.includes("Workbook")) errors.push(`<Hosts> does not name Workbook (Excel): ${JSON.stringify(hosts)}`);
  const permissions = text("Permissions");
  if (permissions !== "ReadWriteDocument") errors.push(`<Permissions> is "${permissions}", expected ReadWriteDocument`);

  const sets = children(child(child(root, "Requirements"), "Sets"), "Set");
  const shared = sets.find((s) => s.attrs.Name === "SharedRuntime");
  if (!shared) errors.push('the shared runtime is not declared: <Set Name="SharedRuntime" MinVersion="1.1"/> in <Requirements>');
  else if (shared.attrs.MinVersion !== "1.1") errors.push(`SharedRuntime MinVersion is "${shared.attrs.MinVersion}", expected 1.1`);

  // Resources: ids unique, values present, lengths within Office's limits.
  const overrides = child(root, "VersionOverrides");
  if (!overrides) {
    errors.push("<VersionOverrides> is missing: no ribbon button, no custom functions");
    return result;
  }
  const resources = child(overrides, "Resources");
  const res = new Map(); // id -> { kind, value, el }
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const el of child(resources, kind) ? child(resources, kind).children : []) {
      const rid = el.attrs.id;
      const value = el.attrs.DefaultValue;
      if (!rid) {
        errors.push(`line ${el.line}: <${el.name}> in ${kind} has no id`);
        continue;
      }
      if (res.has(rid)) errors.push(`line ${el.line}: resource id "${rid}" is used twice (also line ${res.get(rid).el.line})`);
      if (!value || !value.trim()) errors.push(`line ${el.line}: resource "${rid}" has an empty DefaultValue`);
      const max = MAX_LENGTH[kind];
      const texts = [value || "", ...children(el, "Override").map((o) => o.attrs.Value || "")];
      if (max && texts.some((t) => t.length > max)) errors.push(`line ${el.line}: resource "${rid}" is longer than ${max} characters`);
      if (!res.has(rid)) res.set(rid, { kind, value: value || "", el });
    }
  }

  // Every resid resolves, to the right kind of resource.
  const usedAs = new Map(); // image resource id -> Set of sizes it is used at
  for (const el of walk(overrides)) {
    if (!("resid" in el.attrs)) continue;
    const rid = el.attrs.resid;
    const want = residKind(el);
    const r = res.get(rid);
    if (!r) errors.push(`line ${el.line}: <${el.name} resid="${rid}"> names no resource`);
    else if (want && r.kind !== want) errors.push(`line ${el.line}: <${el.name} resid="${rid}"> must name one of ${want}, not ${r.kind}`);
    if (r && r.kind === "Images" && el.attrs.size) {
      if (!usedAs.has(rid)) usedAs.set(rid, new Set());
      usedAs.get(rid).add(Number(el.attrs.size));
    }
  }
  const lookup = (el) => (el && res.get(el.attrs.resid) ? res.get(el.attrs.resid).value : undefined);

  // Every URL is https.
  const urlChecks = [];
  for (const local of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = child(root, local);
    if (el) urlChecks.push([el, el.attrs.DefaultValue]);
  }
  const defaultSource = child(child(root, "DefaultSettings"), "SourceLocation");
  if (defaultSource) urlChecks.push([defaultSource, defaultSource.attrs.DefaultValue]);
  for (const d of children(child(root, "AppDomains"), "AppDomain")) urlChecks.push([d, d.text.trim()]);
  for (const r of res.values()) {
    if (r.kind !== "Images" && r.kind !== "Urls") continue;
    urlChecks.push([r.el, r.value]);
    for (const o of children(r.el, "Override")) urlChecks.push([o, o.attrs.Value]);
  }
  for (const [el, url] of urlChecks) {
    if (!isHttpsUrl(url)) errors.push(`line ${el.line}: <${el.name}> URL "${url}" is not an https URL`);
  }

  // Control and group ids unique (OfficeTab/OfficeMenu ids name Office's built-ins).
  const ids = new Map();
  for (const el of walk(overrides)) {
    if (!el.attrs.id || ["OfficeTab", "OfficeMenu"].includes(el.local) || (el.parent && el.parent.parent === resources)) continue;
    if (ids.has(el.attrs.id)) errors.push(`line ${el.line}: id "${el.attrs.id}" is used twice (also line ${ids.get(el.attrs.id)})`);
    else ids.set(el.attrs.id, el.line);
  }

  // Custom functions: one extension point, namespace PROD, in the shared runtime.
  const all = [...walk(overrides)];
  const cf = all.filter((e) => e.local === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions");
  const runtimes = all.filter((e) => e.local === "Runtime");
  if (cf.length !== 1) errors.push(`expected one CustomFunctions extension point, found ${cf.length}`);
  if (runtimes.length !== 1) errors.push(`expected one <Runtime> (the shared runtime), found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.attrs.lifetime !== "long") errors.push(`line ${runtime.line}: <Runtime lifetime="${runtime.attrs.lifetime}">: a shared runtime needs lifetime="long"`);
  const runtimeResid = runtime && runtime.attrs.resid;
  result.taskpaneUrl = lookup(runtime);
  if (cf[0]) {
    const ns = child(cf[0], "Namespace");
    result.namespace = lookup(ns);
    if (!ns) errors.push("the CustomFunctions extension point has no <Namespace resid=…>");
    else if (result.namespace !== "PROD") errors.push(`the custom functions namespace is "${result.namespace}", expected PROD`);
    for (const part of ["Script", "Page", "Metadata"]) {
      if (!child(child(cf[0], part), "SourceLocation")) errors.push(`CustomFunctions <${part}> has no <SourceLocation>`);
    }
    const page = child(child(cf[0], "Page"), "SourceLocation");
    if (page && runtimeResid && page.attrs.resid !== runtimeResid) {
      errors.push(`line ${page.line}: the functions' <Page> is "${page.attrs.resid}", not the shared runtime's "${runtimeResid}"`);
    }
    const meta = lookup(child(child(cf[0], "Metadata"), "SourceLocation"));
    if (meta && !/functions\.json$/.test(new URL(meta, DEV_URL).pathname)) errors.push(`the functions' metadata URL ${meta} is not functions.json`);
  }
  const functionFiles = all.filter((e) => e.local === "FunctionFile");
  for (const ff of functionFiles) {
    if (runtimeResid && ff.attrs.resid !== runtimeResid) {
      errors.push(`line ${ff.line}: <FunctionFile resid="${ff.attrs.resid}"> is not the shared runtime's "${runtimeResid}"`);
    }
  }
  const actions = all.filter((e) => e.local === "Action");
  const panes = actions.filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
  if (panes.length === 0) errors.push("no ribbon button shows the task pane (<Action xsi:type=\"ShowTaskpane\">)");
  for (const a of panes) {
    const src = child(a, "SourceLocation");
    if (runtimeResid && (!src || src.attrs.resid !== runtimeResid)) {
      errors.push(`line ${a.line}: a ShowTaskpane action does not open the shared runtime's page "${runtimeResid}"`);
    }
  }
  const execs = actions.filter((a) => a.attrs["xsi:type"] === "ExecuteFunction");
  if (execs.length > 0 && functionFiles.length === 0) errors.push("ExecuteFunction commands need a <FunctionFile>");
  for (const a of execs) {
    const fn = child(a, "FunctionName");
    if (!fn || !fn.text.trim()) errors.push(`line ${a.line}: ExecuteFunction action without a <FunctionName>`);
    else result.functionNames.push(fn.text.trim());
  }
  if (defaultSource && result.taskpaneUrl && defaultSource.attrs.DefaultValue !== result.taskpaneUrl) {
    errors.push(`<DefaultSettings><SourceLocation> ${defaultSource.attrs.DefaultValue} is not the task pane ${result.taskpaneUrl}`);
  }
  const ribbon = all.filter((e) => e.local === "ExtensionPoint" && e.attrs["xsi:type"] === "PrimaryCommandSurface");
  if (!ribbon.some((r) => children(r, "OfficeTab").some((t) => t.attrs.id === "TabHome"))) {
    errors.push("the ribbon button is not on the Home tab (<OfficeTab id=\"TabHome\">)");
  }

  // Icons: files exist and have the size they are declared at.
  if (options.readAsset) {
    const want = [];
    const icon = child(root, "IconUrl");
    const hires = child(root, "HighResolutionIconUrl");
    if (icon) want.push([icon, icon.attrs.DefaultValue, [32]]);
    if (hires) want.push([hires, hires.attrs.DefaultValue, [64]]);
    for (const r of res.values()) if (r.kind === "Images") want.push([r.el, r.value, [...(usedAs.get(r.el.attrs.id) || [])]]);
    for (const [el, url, sizes] of want) {
      if (!url || !url.startsWith(DEV_URL)) continue; // not served by us: nothing local to check
      const rel = decodeURIComponent(url.slice(DEV_URL.length).split(/[?#]/)[0]);
      const bytes = options.readAsset(rel);
      if (!bytes) {
        errors.push(`line ${el.line}: icon ${rel} does not exist`);
        continue;
      }
      const size = pngSize(bytes);
      if (!size) errors.push(`line ${el.line}: icon ${rel} is not a PNG`);
      else for (const s of sizes) {
        if (size.width !== s || size.height !== s) errors.push(`line ${el.line}: icon ${rel} is ${size.width}x${size.height}, used at ${s}x${s}`);
      }
    }
  }
  return result;
}

/**
 * Checks generated functions.json text: functions present, ids and names as Excel allows, no
 * duplicates, https help URLs, and (when expectedIds is given) exactly the functions the source
 * declares, so a stale build is caught. Returns { errors, ids }.
 */
function checkFunctionsMetadata(jsonText, expectedIds) {
  const errors = [];
  let meta;
  try {
    meta = JSON.parse(jsonText);
  } catch (e) {
    return { errors: [`functions.json is not JSON: ${e.message}`], ids: [] };
  }
  const fns = meta && Array.isArray(meta.functions) ? meta.functions : [];
  if (fns.length === 0) errors.push("functions.json declares no functions");
  const ids = [];
  const seen = new Set();
  const seenNames = new Set();
  for (const f of fns) {
    if (!f.id || !/^[A-Z0-9_.]+$/.test(f.id)) errors.push(`function id "${f.id}" must be A-Z, 0-9, _ or .`);
    if (!f.name || !/^[A-Za-z][A-Za-z0-9_.]*$/.test(f.name)) errors.push(`function name "${f.name}" must start with a letter and hold letters, digits, _ or .`);
    if (seen.has(f.id)) errors.push(`function id ${f.id} is declared twice`);
    if (seenNames.has(String(f.name).toUpperCase())) errors.push(`function name ${f.name} is declared twice`);
    if (f.helpUrl && !isHttpsUrl(f.helpUrl)) errors.push(`function ${f.id}: helpUrl "${f.helpUrl}" is not https`);
    seen.add(f.id);
    seenNames.add(String(f.name).toUpperCase());
    ids.push(f.id);
  }
  if (expectedIds) {
    for (const e of expectedIds) if (!seen.has(e)) errors.push(`function ${e} is in the source but not in functions.json (rebuild)`);
    for (const e of ids) if (!expectedIds.includes(e)) errors.push(`function ${e} is in functions.json but no longer in the source (rebuild)`);
  }
  return { errors, ids };
}

/** Every occurrence of the development URL replaced: the production manifest must hold none. */
function rewriteUrls(text, baseUrl) {
  return text.split(DEV_URL).join(baseUrl);
}

module.exports = { DEV_URL, parseXml, checkManifest, checkFunctionsMetadata, rewriteUrls, pngSize };
