/** The breakdown categories every department reads, as Movie Magic and StudioBinder name them. */
export const BREAKDOWN_CATEGORIES = [
  "Cast",
  "Background",
  "Stunts",
  "Vehicles",
  "Props",
  "Camera",
  "Special Effects",
  "Wardrobe",
  "Makeup/Hair",
  "Animals",
  "Animal Wrangler",
  "Music",
  "Sound",
  "Art/Set Dressing",
  "Greenery",
  "Special Equipment",
  "Security",
  "Additional Labor",
  "Visual Effects",
  "Mechanical Effects",
  "Miscellaneous",
  "Notes",
] as const;

export type BreakdownCategory = (typeof BREAKDOWN_CATEGORIES)[number];

function key(s: string): string {
  return s.toLowerCase().replace(/[^a-z]+/g, "");
}

/** Other names scripts and tools use (Final Draft's tag categories among them). */
const ALIASES: Record<string, BreakdownCategory> = {
  castmembers: "Cast",
  castmember: "Cast",
  extras: "Background",
  extra: "Background",
  bg: "Background",
  backgroundactors: "Background",
  backgroundactor: "Background",
  atmosphere: "Background",
  stunt: "Stunts",
  vehicle: "Vehicles",
  picturevehicles: "Vehicles",
  prop: "Props",
  sfx: "Special Effects",
  specialfx: "Special Effects",
  specialeffect: "Special Effects",
  costume: "Wardrobe",
  costumes: "Wardrobe",
  makeup: "Makeup/Hair",
  hair: "Makeup/Hair",
  makeuphair: "Makeup/Hair",
  hairmakeup: "Makeup/Hair",
  hmu: "Makeup/Hair",
  animal: "Animals",
  livestock: "Animals",
  animalhandler: "Animal Wrangler",
  wrangler: "Animal Wrangler",
  wranglers: "Animal Wrangler",
  setdressing: "Art/Set Dressing",
  artdepartment: "Art/Set Dressing",
  art: "Art/Set Dressing",
  specialequipment: "Special Equipment",
  equipment: "Special Equipment",
  additionallabor: "Additional Labor",
  additionallabour: "Additional Labor",
  vfx: "Visual Effects",
  opticalfx: "Visual Effects",
  opticaleffects: "Visual Effects",
  visualfx: "Visual Effects",
  mechanicalfx: "Mechanical Effects",
  mechanicaleffect: "Mechanical Effects",
  misc: "Miscellaneous",
  note: "Notes",
  comments: "Notes",
};

const BY_KEY = new Map<string, BreakdownCategory>([...BREAKDOWN_CATEGORIES.map((c) => [key(c), c] as const), ...Object.entries(ALIASES)]);

/** The category a name stands for, or undefined when it is not a breakdown category. */
export function breakdownCategory(name: string): BreakdownCategory | undefined {
  return BY_KEY.get(key(name));
}

/** The industry revision colours, in the order a production issues them. */
export const REVISION_COLORS = ["White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon", "Cherry"] as const;

/** Light tints of the revision pages, for marking a revised strip. */
export const REVISION_FILLS: Record<string, string> = {
  White: "#FFFFFF",
  Blue: "#BDD7EE",
  Pink: "#F8CBDC",
  Yellow: "#FFF2A8",
  Green: "#C6E0B4",
  Goldenrod: "#F4C869",
  Buff: "#F0DEB4",
  Salmon: "#F8B9A0",
  Cherry: "#E06680",
};

/** A revision colour from a name that contains one ("Blue Rev.", "pink"), else undefined. */
export function revisionColor(name: string): string | undefined {
  const k = key(name);
  // Goldenrod before other matches; "cherry" and "salmon" are whole words.
  for (const c of [...REVISION_COLORS].sort((a, b) => b.length - a.length)) if (k.includes(c.toLowerCase())) return c;
  return undefined;
}
