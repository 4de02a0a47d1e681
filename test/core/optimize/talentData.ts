/** The published talent scheduling instances in ../shared/data/talent, for the tests. */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parseTalentDat, type TalentInstance } from "../../../src/core/optimize/talentInstance";

export const TALENT_DIR = path.resolve(__dirname, "../../../../shared/data/talent");

export interface PublishedRecord {
  name: string;
  source_file: string;
  optimum: number | null;
  optimum_convention: string;
  optimum_total_paid: number | null;
  own_scene_cost: number;
  actors: { cost: number }[];
  scenes: { duration: number; actors: number[] }[];
  published_orderings: { order: number[]; claimed_value: number | null; claimed_convention: string }[];
}

export function publishedRecords(): PublishedRecord[] {
  return JSON.parse(readFileSync(path.join(TALENT_DIR, "instances.json"), "utf8")) as PublishedRecord[];
}

/** A record's instance as the solver takes it. */
export function recordInstance(rec: PublishedRecord): TalentInstance {
  return {
    name: rec.name,
    durations: rec.scenes.map((s) => s.duration),
    costs: rec.actors.map((a) => a.cost),
    actorScenes: rec.actors.map((_, a) => rec.scenes.map((s) => s.actors.includes(a))),
  };
}

export interface DatInstance {
  file: string;
  inst: TalentInstance;
  record: PublishedRecord;
}

/** Every .dat file of the folder with its instances.json record. */
export function datInstances(): DatInstance[] {
  const records = publishedRecords();
  const stem = (f: string): string => path.basename(f).replace(/\.dat$/, "");
  return readdirSync(TALENT_DIR)
    .filter((f) => f.endsWith(".dat"))
    .sort()
    .map((file) => {
      const record = records.find(
        (r) => r.source_file.startsWith("stuckey_talent_format/") && stem(r.source_file) === stem(file),
      );
      if (!record) throw new Error(`no instances.json record for ${file}`);
      return { file, inst: parseTalentDat(readFileSync(path.join(TALENT_DIR, file), "utf8")), record };
    });
}
