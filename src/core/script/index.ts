/** Script import: Fountain and Final Draft to scenes, cast and breakdown. Pure: no Node or DOM. */
import { ImportedScript } from "./model";
import { parseFountain } from "./fountain";
import { FdxError, parseFdx } from "./fdx";
import { scriptScenes } from "./scenes";

export * from "./model";
export { BREAKDOWN_CATEGORIES, breakdownCategory, REVISION_COLORS, REVISION_FILLS, revisionColor } from "./categories";
export { parseFountain } from "./fountain";
export { parseFdx, FdxError } from "./fdx";
export { paginate, US_LETTER, wrap } from "./paginate";
export { scriptScenes, parseHeading, foldCharacter, eighthsOf } from "./scenes";

export type ScriptFormat = "fountain" | "fdx";

/** The format from a file name, else from the text (Final Draft is XML). */
export function scriptFormat(name: string, text: string): ScriptFormat {
  if (/\.fdx$/i.test(name)) return "fdx";
  if (/\.(fountain|spmd|txt)$/i.test(name)) return "fountain";
  return /^\s*(<\?xml|<FinalDraft)/.test(text.replace(/^\uFEFF/, "")) ? "fdx" : "fountain";
}

export class ScriptError extends Error {}

/** Reads a script file's text; a damaged .fdx is a ScriptError naming the file. */
export function importScript(name: string, text: string): ImportedScript {
  const format = scriptFormat(name, text);
  let script: ImportedScript;
  try {
    script = scriptScenes(format === "fdx" ? parseFdx(text) : parseFountain(text));
  } catch (e) {
    if (e instanceof FdxError) throw new ScriptError(`${name} is not a readable Final Draft file: ${e.message}`);
    throw e;
  }
  if (script.scenes.length === 0) {
    throw new ScriptError(`${name} has no scene headings (lines starting INT. or EXT., or forced with a leading "."), so there are no strips to make`);
  }
  return script;
}
