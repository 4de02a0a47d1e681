import { CellValue } from "../cells";

/**
 * The sample production "The Long Way Home": a short feature (11 shooting days in Los Angeles and
 * Pioneertown, May–June 2027) with a full chart of accounts, US payroll fringes, markups, a ledger
 * part-way through prep, a stripboard, cast and locations. `prodbook demo` writes these tables as
 * Excel tables; the task pane's New production inserts the same ones through Office.js.
 *
 * Fringe rates are the usual US employer ones (FICA 6.2% to the Social Security wage base,
 * Medicare 1.45%, FUTA 0.6% and California SUI to $7,000, counted per Payee across a person's
 * lines) and union pension & health figures of the right size, per hour worked as the agreements
 * have them; check them against the current agreements before budgeting a real show. Sections
 * carry Movie Magic's Levels, so the Top Sheet shows Above- and Below-the-Line, and a state film
 * tax credit on qualifying spend gives the net cost.
 */
export interface SampleTable {
  /** Table (ListObject) name, also the sheet it goes on. */
  name: string;
  headers: string[];
  /** Dates are JS Dates at UTC midnight; times are "07:00" text; money and percentages are numbers. */
  rows: CellValue[][];
  /** Excel number formats by header, for the columns that need one. */
  formats?: Record<string, string>;
}

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const MONEY = "#,##0.00";
const PCT = "0.00%";
const DATE = "yyyy-mm-dd";

const settings: SampleTable = {
  name: "Settings",
  headers: ["Key", "Value"],
  rows: [
    ["Production", "The Long Way Home"],
    ["Currency", "USD"],
    ["Start Date", d("2027-05-24")],
    ["Days Off", "Sat, Sun"],
    ["Crew Call", "07:00"],
    ["Over Tolerance", 0],
    ["Watch At", 0.9],
    ["Drop Days", 10],
    // The weekly cost report as of the Sunday before the shoot (issue 16).
    ["Report Date", d("2027-05-16")],
    ["Period", "Week"],
    // Call sheets (issue 14).
    ["Production Office", "5161 Lankershim Blvd, Suite 250, North Hollywood, CA 91601 · (818) 555-0100"],
    ["Walkie Channels", "1 Production · 2 Private · 3 Camera · 4 Grip & Electric · 5 Transport · 6 Locations · 7 Art & Props"],
    ["Safety Notes", "Closed-toe shoes on set. Set medic at base camp. Report every incident or near miss to the 1st AD."],
    ["Turnaround", 12],
    ["Shooting Day Length", 12],
    ["First Meal", 6],
  ],
};

const holidays: SampleTable = {
  name: "Holidays",
  headers: ["Date", "Name"],
  rows: [
    [d("2027-05-31"), "Memorial Day"],
    [d("2027-07-05"), "Independence Day (observed)"],
  ],
  formats: { Date: DATE },
};

/** Sections (depth 0), categories (depth 1) and detail accounts (depth 2), in top-sheet order: a standard feature-film chart (also the empty production's). */
export const chart: [string, string, [string, string, [string, string][]][]][] = [
  ["1000", "Above-the-Line", [
    ["1100", "Story & Rights", [["1101", "Rights Purchase"], ["1102", "Screenplay"], ["1103", "Script Clearance & Research"]]],
    ["1200", "Producers Unit", [["1201", "Producer"], ["1202", "Co-Producer"], ["1203", "Producer's Assistant"]]],
    ["1300", "Director", [["1301", "Director"], ["1302", "Director's Assistant"]]],
    ["1400", "Cast", [["1401", "Principal Cast"], ["1402", "Day Players"], ["1403", "Stunts"], ["1404", "Casting"], ["1405", "Rehearsal"]]],
    ["1500", "ATL Travel & Living", [["1501", "Airfare"], ["1502", "Hotel"], ["1503", "Per Diem"]]],
  ]],
  ["2000", "Production", [
    ["2100", "Production Staff", [["2101", "Unit Production Manager"], ["2102", "First Assistant Director"], ["2103", "Second Assistant Director"], ["2104", "Production Coordinator"], ["2105", "Script Supervisor"], ["2106", "Production Assistants"]]],
    ["2200", "Extra Talent", [["2201", "Background Performers"], ["2202", "Stand-ins"], ["2203", "Extras Casting"]]],
    ["2300", "Art Department", [["2301", "Production Designer"], ["2302", "Art Director"], ["2303", "Art Department Supplies"]]],
    ["2400", "Set Construction", [["2401", "Construction Labor"], ["2402", "Construction Materials"]]],
    ["2500", "Set Dressing", [["2501", "Set Decorator"], ["2502", "Set Dressing Purchases"], ["2503", "Set Dressing Rentals"]]],
    ["2600", "Property", [["2601", "Property Master"], ["2602", "Props Purchases & Rentals"], ["2603", "Picture Vehicles"]]],
    ["2700", "Camera", [["2701", "Director of Photography"], ["2702", "Camera Operator & Assistants"], ["2703", "Camera Package"], ["2704", "Camera Expendables"]]],
    ["2800", "Electrical", [["2801", "Gaffer & Electricians"], ["2802", "Lighting Package"], ["2803", "Generator & Fuel"]]],
    ["2900", "Grip", [["2901", "Key Grip & Grips"], ["2902", "Grip Package"], ["2903", "Dolly & Crane"]]],
    ["3000", "Production Sound", [["3001", "Sound Mixer & Boom Operator"], ["3002", "Sound Package"], ["3003", "Walkie-Talkies"]]],
    ["3100", "Wardrobe", [["3101", "Costume Designer & Crew"], ["3102", "Wardrobe Purchases & Rentals"], ["3103", "Cleaning & Dyeing"]]],
    ["3200", "Makeup & Hair", [["3201", "Makeup Artists"], ["3202", "Hair Stylists"], ["3203", "Makeup & Hair Supplies"]]],
    ["3300", "Transportation", [["3301", "Drivers"], ["3302", "Vehicle Rentals"], ["3303", "Fuel & Mileage"]]],
    ["3400", "Locations", [["3401", "Location Manager & Scouts"], ["3402", "Site Fees"], ["3403", "Permits & Police"], ["3404", "Catering"], ["3405", "Craft Service"], ["3406", "Security"]]],
    ["3500", "Media & Data", [["3501", "DIT & Data Management"], ["3502", "Drives & Storage"]]],
    ["3600", "Special Effects", [["3601", "Special Effects Coordinator"], ["3602", "SFX Materials"]]],
  ]],
  ["4000", "Post", [
    ["4100", "Editorial", [["4101", "Editor"], ["4102", "Assistant Editor"], ["4103", "Editing Room & Equipment"]]],
    ["4200", "Music", [["4201", "Composer"], ["4202", "Music Licensing"]]],
    ["4300", "Post Sound", [["4301", "Sound Design & Editorial"], ["4302", "ADR & Foley"], ["4303", "Re-recording Mix"]]],
    ["4400", "Visual Effects", [["4401", "VFX Shots"]]],
    ["4500", "Picture Finishing", [["4501", "Conform & Color Grade"], ["4502", "Titles & Graphics"]]],
    ["4600", "Deliverables", [["4601", "DCP & Masters"], ["4602", "Captions & QC"]]],
  ]],
  ["5000", "Other", [
    ["5100", "Publicity", [["5101", "Unit Publicist"], ["5102", "Still Photographer"], ["5103", "EPK"]]],
    ["5200", "Legal & Accounting", [["5201", "Production Legal"], ["5202", "Production Accountant"], ["5203", "Payroll Service Fees"], ["5204", "Audit"]]],
    ["5300", "General Expense", [["5301", "Office Rent"], ["5302", "Phones & Internet"], ["5303", "Office Supplies"], ["5304", "Shipping & Messengers"]]],
    ["5400", "Festivals & Marketing", [["5401", "Festival Fees"], ["5402", "Marketing Materials"]]],
  ]],
];

/** Movie Magic's Level of each section: the Top Sheet totals Above- and Below-the-Line by them. */
const LEVELS: Record<string, string> = { "1000": "ATL", "2000": "BTL", "4000": "Post", "5000": "Other" };

const accounts: SampleTable = {
  name: "Accounts",
  headers: ["Code", "Name", "Parent", "Level"],
  rows: chart.flatMap(([code, name, cats]) => [
    [code, name, null, LEVELS[code]] as CellValue[],
    ...cats.flatMap(([cc, cn, details]) => [[cc, cn, code, null] as CellValue[], ...details.map(([dc, dn]) => [dc, dn, cc, null] as CellValue[])]),
  ]),
};

const fringes: SampleTable = {
  name: "Fringes",
  headers: ["Code", "Name", "Type", "Rate", "Cutoff", "Unit"],
  rows: [
    ["FICA", "Social Security (OASDI), to the 2026 wage base", "%", 0.062, 184500, null],
    ["MED", "Medicare", "%", 0.0145, null, null],
    ["FUI", "Federal unemployment (FUTA)", "%", 0.006, 7000, null],
    ["SUI", "California unemployment (SUI)", "%", 0.034, 7000, null],
    ["WC", "Workers' compensation", "%", 0.03, null, null],
    // Per hour worked: a 12-hour day (the HOURS_PER_DAY global) pays 88.20 and 95.40.
    ["IAPH", "IATSE pension & health, per hour", "Flat", 7.35, null, "Hour"],
    ["TEAM", "Teamsters pension & health, per hour", "Flat", 7.95, null, "Hour"],
    ["SAG", "SAG-AFTRA pension & health", "%", 0.21, null, null],
    ["DGA", "DGA pension & health", "%", 0.175, null, null],
    ["WGA", "WGA pension & health", "%", 0.2, null, null],
  ],
  formats: { Cutoff: MONEY },
};

const PAYROLL = "FICA, MED, FUI, SUI, WC";
const CREW = `${PAYROLL}, IAPH`;
const SAGF = `${PAYROLL}, SAG`;
const DGAF = `${PAYROLL}, DGA`;
const WGAF = `${PAYROLL}, WGA`;
const TEAMF = `${PAYROLL}, TEAM`;

/**
 * Account, Description, Amount (a number, a global or an expression; null on a cast line the DOOD
 * drives), Units, X, Rate, Fringes, Cast ID, Payee (one person paid on several lines: the wage
 * bases of FICA, FUTA and SUI count once across them).
 */
type Line = [string, string, number | string | null, string, number | null, number, string | null, string?, string?];

const lines: Line[] = [
  ["1101", "Option and purchase price", 1, "Allow", null, 40000, null],
  ["1102", "Screenplay, WGA low-budget agreement", 1, "Flat", null, 75000, WGAF],
  ["1103", "Script clearance report", 1, "Allow", null, 2500, null],
  ["1201", "Producer fee (loan-out)", 1, "Flat", null, 90000, null],
  ["1202", "Co-producer", 14, "Weeks", null, 2500, PAYROLL],
  ["1203", "Producer's assistant", 12, "Weeks", null, 1100, PAYROLL],
  // One director, two lines: FUTA's and SUI's $7,000 are taken on the first line only.
  ["1301", "Director fee, prep and shoot (DGA low budget level 1)", 1, "Flat", null, 80000, DGAF, undefined, "Jonah Reyes"],
  ["1301", "Director fee, post and director's cut", 1, "Flat", null, 30000, DGAF, undefined, "Jonah Reyes"],
  ["1302", "Director's assistant", 10, "Weeks", null, 1100, PAYROLL],
  // Cast lines follow the schedule: a blank Amount with a Cast ID takes the DOOD's paid days (work + hold).
  ["1401", "Maggie Hale (Nora Vance)", null, "Days", null, 2500, SAGF, "1"],
  ["1401", "Danny Hale (Theo Marsh)", null, "Days", null, 2000, SAGF, "2"],
  ["1401", "Ruth Hale (Carmen Ortiz)", null, "Days", null, 1800, SAGF, "3"],
  ["1402", "Sheriff Cole (Wendell Price)", null, "Days", null, 1246, SAGF, "4"],
  ["1402", "Lena (Priya Raman)", null, "Days", null, 1246, SAGF, "5"],
  ["1402", "Walt (Gus Halloran)", null, "Days", null, 1246, SAGF, "6"],
  ["1402", "Young Maggie (Ivy Chen)", null, "Days", null, 1246, SAGF, "7"],
  ["1402", "Trucker (Ray Dubois)", null, "Days", null, 1246, SAGF, "8"],
  ["1402", "Dr. Anand (Sameer Kapoor)", null, "Days", null, 1246, SAGF, "9"],
  ["1402", "Ticket agent (Lucy Fairbanks)", null, "Days", null, 1246, SAGF, "10"],
  ["1403", "Stunt coordinator and double", 3, "Days", 2, 1450, SAGF],
  ["1404", "Casting director", 1, "Flat", null, 18000, null],
  ["1405", "Rehearsal, principals", 3, "Days", 3, 1246, SAGF],
  ["1501", "Airfare, cast and director", 6, "Trips", null, 450, null],
  ["1502", "Hotel, Pioneertown", 4, "Nights", 8, 159, null],
  ["1503", "Per diem, Pioneertown", 5, "Days", 8, 65, null],
  ["2101", "Unit production manager", "PREP_WEEKS + 2 + WRAP_WEEKS", "Weeks", null, 3500, DGAF],
  ["2102", "First assistant director", "PREP_WEEKS + 2", "Weeks", null, 4200, DGAF],
  ["2103", "Second assistant director", "PREP_WEEKS + 2", "Weeks", null, 3000, DGAF],
  ["2104", "Production coordinator", 9, "Weeks", null, 1800, PAYROLL],
  ["2105", "Script supervisor", 13, "Days", null, 550, CREW],
  ["2106", "Set production assistants", "SHOOT_DAYS", "Days", 4, 250, PAYROLL],
  ["2201", "Background performers", "SHOOT_DAYS", "Days", 12, 208, PAYROLL],
  ["2202", "Stand-ins", "SHOOT_DAYS", "Days", 2, 208, PAYROLL],
  ["2203", "Extras casting fee", 1, "Flat", null, 3500, null],
  ["2301", "Production designer", 30, "Days", null, 640, CREW],
  ["2302", "Art director", 25, "Days", null, 520, CREW],
  ["2303", "Art department supplies", 1, "Allow", null, 4500, null],
  ["2401", "Construction crew", 10, "Days", 4, 420, CREW],
  ["2402", "Lumber, paint and hardware", 1, "Allow", null, 18000, null],
  ["2501", "Set decorator", 22, "Days", null, 480, CREW],
  ["2502", "Set dressing purchases", 1, "Allow", null, 12000, null],
  ["2503", "Set dressing rentals", 3, "Weeks", null, 3500, null],
  ["2601", "Property master", 20, "Days", null, 460, CREW],
  ["2602", "Props purchases and rentals", 1, "Allow", null, 7500, null],
  ["2603", "1972 Ford Country Squire, picture car", 6, "Days", null, 1000, null],
  ["2701", "Director of photography", 20, "Days", null, 1100, CREW],
  ["2702", "Camera operator, 1st and 2nd AC", "SHOOT_DAYS", "Days", 3, 520, CREW],
  ["2703", "Camera package", 3, "Weeks", null, 9500, null],
  ["2704", "Camera expendables", 1, "Allow", null, 2500, null],
  ["2801", "Gaffer, best boy and electricians", "SHOOT_DAYS", "Days", 4, 480, CREW],
  ["2802", "Lighting package", 3, "Weeks", null, 8000, null],
  ["2803", "Tow plant generator with fuel", "SHOOT_DAYS", "Days", null, 650, null],
  ["2901", "Key grip, best boy and grips", "SHOOT_DAYS", "Days", 4, 470, CREW],
  ["2902", "Grip package", 3, "Weeks", null, 5500, null],
  ["2903", "Dolly and track", 2, "Weeks", null, 3000, null],
  ["2903", "Technocrane day", 2, "Days", null, 2800, null],
  ["3001", "Sound mixer and boom operator", "SHOOT_DAYS", "Days", 2, 560, CREW],
  ["3002", "Sound package", "SHOOT_DAYS", "Days", null, 450, null],
  ["3003", "Walkie-talkies", 3, "Weeks", 40, 12, null],
  ["3101", "Costume designer", 25, "Days", null, 520, CREW],
  ["3101", "Costumers on set", "SHOOT_DAYS", "Days", 2, 380, CREW],
  ["3102", "Wardrobe purchases and rentals", 1, "Allow", null, 14000, null],
  ["3103", "Cleaning and dyeing", 1, "Allow", null, 1800, null],
  ["3201", "Makeup artists", "SHOOT_DAYS", "Days", 2, 520, CREW],
  ["3202", "Hair stylists", "SHOOT_DAYS", "Days", 2, 500, CREW],
  ["3203", "Makeup and hair supplies", 1, "Allow", null, 2500, null],
  ["3301", "Drivers", "SHOOT_DAYS", "Days", 6, 380, TEAMF],
  ["3302", "Production trucks and vans", 3, "Weeks", 6, 850, null],
  ["3302", "Honeywagon", "SHOOT_DAYS", "Days", null, 1200, null],
  ["3303", "Fuel and mileage", 1, "Allow", null, 9000, null],
  ["3401", "Location manager", 30, "Days", null, 450, TEAMF],
  ["3401", "Location scouts", 15, "Days", null, 300, TEAMF],
  ["3402", "Hale House", 3, "Days", null, 3500, null],
  ["3402", "Rosie's Diner", 2, "Days", null, 4000, null],
  ["3402", "Union Station", 1, "Days", null, 9500, null],
  ["3402", "Desert Motel, Pioneertown", 4, "Days", null, 2500, null],
  ["3403", "FilmLA and county permits", 1, "Allow", null, 6500, null],
  ["3403", "Police and fire safety officers", 6, "Days", null, 1400, null],
  ["3404", "Catering, 60 heads", "SHOOT_DAYS", "Days", 60, 32, null],
  ["3405", "Craft service", "SHOOT_DAYS", "Days", null, 400, null],
  ["3406", "Night security", "SHOOT_DAYS", "Days", 2, 450, null],
  ["3501", "DIT", "SHOOT_DAYS", "Days", null, 650, CREW],
  ["3502", "Shuttle drives and LTO backup", 1, "Allow", null, 6000, null],
  ["3601", "Special effects coordinator", 4, "Days", null, 650, CREW],
  ["3602", "Rain, smoke and breakaways", 1, "Allow", null, 3500, null],
  ["4101", "Editor", 80, "Days", null, 640, CREW],
  ["4102", "Assistant editor", 70, "Days", null, 380, CREW],
  ["4103", "Edit suite and storage", 16, "Weeks", null, 650, null],
  ["4201", "Composer package", 1, "Flat", null, 35000, null],
  ["4202", "Licensed songs", 4, "Songs", null, 6000, null],
  ["4301", "Sound design and dialogue editorial", 1, "Allow", null, 28000, null],
  ["4302", "ADR and Foley stage", 4, "Days", null, 2200, null],
  ["4303", "Re-recording mix", 5, "Days", null, 3400, null],
  ["4401", "Clean-ups, screens and sky replacements", 40, "Shots", null, 900, null],
  ["4501", "Conform and color grade", 1, "Allow", null, 24000, null],
  ["4502", "Main and end titles", 1, "Allow", null, 6500, null],
  ["4601", "DCP, ProRes and IMF masters", 1, "Flat", null, 8500, null],
  ["4602", "Closed captions, SDH and QC", 1, "Flat", null, 3200, null],
  ["5101", "Unit publicist", 10, "Days", null, 500, PAYROLL],
  ["5102", "Still photographer", 6, "Days", null, 600, CREW],
  ["5103", "Electronic press kit", 1, "Allow", null, 7500, null],
  ["5201", "Production counsel", 1, "Allow", null, 25000, null],
  ["5202", "Production accountant, prep and shoot", 8, "Weeks", null, 2200, PAYROLL, undefined, "Dana Whitcomb"],
  ["5202", "Production accountant, wrap", 6, "Weeks", null, 2200, PAYROLL, undefined, "Dana Whitcomb"],
  ["5203", "Payroll service handling", 1, "Allow", null, 4500, null],
  ["5204", "Cost report audit", 1, "Flat", null, 6000, null],
  ["5301", "Production office", 4, "Months", null, 2800, null],
  ["5302", "Phones and internet", 4, "Months", null, 900, null],
  ["5303", "Office supplies", 1, "Allow", null, 2000, null],
  ["5304", "Shipping and messengers", 1, "Allow", null, 1500, null],
  ["5401", "Festival submissions", 8, "Festivals", null, 95, null],
  ["5402", "Posters, trailer and screeners", 1, "Allow", null, 5000, null],
];

const budget: SampleTable = {
  name: "Budget",
  headers: ["Account", "Description", "Amount", "Units", "X", "Rate", "Fringes", "Cast ID", "Payee"],
  rows: lines.map(([a, desc, amt, units, x, rate, fr, castId, payee]) => [a, desc, amt, units, x, rate, fr, castId ?? null, payee ?? null]),
  formats: { Rate: MONEY },
};

/** Named values the Budget uses; SHOOT_DAYS, SHOOT_WEEKS and the cast days come from the schedule. */
const globals: SampleTable = {
  name: "Globals",
  headers: ["Name", "Value", "Description"],
  rows: [
    ["PREP_WEEKS", 4, "Prep weeks before the first shooting day"],
    ["WRAP_WEEKS", 2, "Wrap weeks after the last shooting day"],
    ["HOURS_PER_DAY", 12, "Scheduled hours a shooting day"],
  ],
};

const markups: SampleTable = {
  name: "Markups",
  headers: ["Name", "Percent", "Applies To"],
  rows: [
    ["Contingency", 0.1, "2000, 4000, 5000"],
    ["Production insurance", 0.02, null],
  ],
  formats: { Percent: PCT },
};

/**
 * A state film tax credit: 20% of the qualifying spend in California, which is below the line
 * (Production and Post) less music licensing, capped as the programme caps a film's credit.
 * Illustrative figures in the shape of California's programme; a real application has its own.
 */
const incentives: SampleTable = {
  name: "Incentives",
  headers: ["Name", "Rate", "Applies To", "Cap", "Exclude"],
  rows: [["California film tax credit", 0.2, "2000, 4000", 200000, "4202"]],
  formats: { Rate: PCT, Cap: MONEY },
};

type Entry = [string, string, string, string, number, "Actual" | "Committed" | "Petty Cash", string?];

/** Part-way through prep: picture car, site fees and stunts already over; camera, rights and catering on watch. */
const entries: Entry[] = [
  ["2027-02-15", "1101", "Maple Street Books LLC", "Option payment", 10000, "Actual"],
  ["2027-04-01", "1101", "Maple Street Books LLC", "Purchase price, first instalment", 27500, "Actual"],
  ["2027-02-20", "1102", "Hollis Reed (loan-out)", "Screenplay, first draft", 50000, "Actual"],
  ["2027-03-01", "1201", "Blue Door Pictures LLC", "Producer fee, 50%", 45000, "Actual"],
  ["2027-03-15", "1301", "DGA payroll via Entertainment Partners", "Director prep weeks", 55000, "Actual"],
  ["2027-03-20", "1404", "Oakes Casting", "Casting fee, first half", 9000, "Actual"],
  ["2027-04-25", "1404", "Oakes Casting", "Casting fee, balance (deal memo)", 6000, "Committed"],
  ["2027-05-10", "1403", "Stunt payroll", "Stunt rehearsal and rig day", 5900, "Actual"],
  ["2027-05-12", "1403", "Stunt payroll", "Stunt coordinator and double, shoot days (deal memo)", 6700, "Committed"],
  ["2027-04-10", "2104", "Crew payroll", "Coordinator prep weeks", 7200, "Actual"],
  ["2027-04-28", "2402", "Sunset Lumber", "Lumber and paint", 9800, "Actual"],
  ["2027-05-01", "2502", "Found Objects Props", "Hale House dressing", 4200, "Actual"],
  ["2027-04-30", "2603", "Vintage Motors LA", "Country Squire rental, 6 days", 4500, "Actual"],
  ["2027-05-14", "2603", "Vintage Motors LA", "Brake repair and matching second wagon", 2350, "Actual"],
  ["2027-05-03", "2703", "Keslow Camera", "Camera package, 3 weeks", 27000, "Committed", "1043"],
  ["2027-05-03", "2802", "Illumination Dynamics", "Lighting package", 16000, "Committed", "1044"],
  ["2027-05-03", "2902", "Hollywood Rentals", "Grip package", 11000, "Committed", "1045"],
  // Keslow's first weekly invoice relieves its PO 1043: 9,000 actual, 18,000 still committed.
  ["2027-05-14", "2703", "Keslow Camera", "Invoice KC-2231, week 1 of 3", 9000, "Actual", "1043"],
  ["2027-05-06", "3102", "Western Costume", "Wardrobe rentals", 6100, "Actual"],
  ["2027-05-07", "3302", "Star Waggons", "Trucks and vans", 15300, "Committed", "1046"],
  ["2027-04-15", "3402", "Hale House owner", "Site fee, 3 days", 10500, "Actual"],
  ["2027-04-18", "3402", "Rosie's Diner", "Site fee incl. lost business", 14000, "Actual"],
  ["2027-04-20", "3402", "Union Station LA", "Site fee (contract)", 9500, "Committed"],
  ["2027-04-22", "3402", "Desert Motel", "Site fee, 4 days, buy-out of all rooms", 6500, "Committed"],
  ["2027-04-24", "3403", "FilmLA", "Permits", 4200, "Actual"],
  ["2027-05-05", "3404", "Tasty Craft Catering", "Catering deposit", 12000, "Actual"],
  ["2027-05-05", "3404", "Tasty Craft Catering", "Catering balance (contract)", 7500, "Committed"],
  ["2027-03-31", "5202", "Crew payroll", "Accountant, prep", 8800, "Actual"],
  ["2027-03-01", "5301", "Lankershim Offices", "Office rent, Mar–Apr", 5600, "Actual"],
  ["2027-03-01", "5302", "Spectrum Business", "Internet install and phones", 1300, "Actual"],
  ["2027-05-12", "5302", "Petty cash: K. Ruiz", "Walkie batteries and charging cables", 186.4, "Petty Cash"],
];

const ledger: SampleTable = {
  name: "Ledger",
  headers: ["Date", "Account", "Vendor", "Description", "Amount", "Type", "PO"],
  rows: entries.map(([date, account, vendor, desc, amount, type, po]) => [d(date), account, vendor, desc, amount, type, po ?? null]),
  formats: { Date: DATE, Amount: MONEY },
};

const forecast: SampleTable = {
  name: "Forecast",
  headers: ["Account", "ETC"],
  rows: [
    ["2402", 2000],
    ["4401", 42000],
  ],
  formats: { ETC: MONEY },
};

/** Minor, Pickup (an offset from the makeup call), Transport and Turnaround hours: issue 14. */
const cast: SampleTable = {
  name: "Cast",
  headers: ["ID", "Character", "Actor", "Daily Rate", "Makeup", "Contact", "Minor", "Pickup", "Transport", "Turnaround"],
  rows: [
    ["1", "MAGGIE HALE", "Nora Vance", 2500, 90, "Agent: Kim Pryor, (310) 555-0141", "No", "-0:45", "Car 1 from home", null],
    ["2", "DANNY HALE", "Theo Marsh", 2000, 60, "Agent: Kim Pryor, (310) 555-0141", "No", "-0:45", "Car 2 from home", null],
    ["3", "RUTH HALE", "Carmen Ortiz", 1800, 75, "Manager: Dee Alvarez, (323) 555-0187", "No", "-0:45", "Car 2 from home", null],
    ["4", "SHERIFF COLE", "Wendell Price", 1246, 45, "(818) 555-0102", "No", null, "Drives self", null],
    ["5", "LENA", "Priya Raman", 1246, 45, "(213) 555-0176", "No", "-0:30", "Van 1 from unit base", null],
    ["6", "WALT", "Gus Halloran", 1246, 45, "(760) 555-0133", "No", null, "Drives self", null],
    ["7", "YOUNG MAGGIE", "Ivy Chen", 1246, 60, "Parent: May Chen, (626) 555-0119; studio teacher required", "Yes", "-0:45", "Car 3 with parent", 12],
    ["8", "TRUCKER", "Ray Dubois", 1246, 30, "(661) 555-0150", "No", null, "Drives self", null],
    ["9", "DR. ANAND", "Sameer Kapoor", 1246, 30, "(310) 555-0164", "No", null, "Drives self", null],
    ["10", "TICKET AGENT", "Lucy Fairbanks", 1246, 30, "(213) 555-0128", "No", "-0:30", "Van 1 from unit base", null],
  ],
  formats: { "Daily Rate": MONEY },
};

const locations: SampleTable = {
  name: "Locations",
  headers: ["Location", "Address", "Parking", "Hospital", "Latitude", "Longitude", "Notes", "Time Zone"],
  rows: [
    ["Hale House", "1422 Lemoyne St, Los Angeles, CA 90026", "Crew: Dodger Stadium Lot 13; shuttle every 15 min", "Kaiser Permanente LA Medical Center, 4867 Sunset Blvd, Los Angeles", 34.0781, -118.2589, "Quiet hours after 22:00; neighbours notified", "America/Los_Angeles"],
    ["Rosie's Diner", "3324 Glendale Blvd, Los Angeles, CA 90039", "Rear lot for trucks; crew on Edenhurst Ave", "Adventist Health Glendale, 1509 Wilson Terrace, Glendale", 34.1208, -118.2598, "Diner closes 15:00 on shoot days", "America/Los_Angeles"],
    ["Union Station", "800 N Alameda St, Los Angeles, CA 90012", "Lot C, enter from Cesar Chavez Ave", "LAC+USC Medical Center, 2051 Marengo St, Los Angeles", 34.0562, -118.2365, "Ticket hall only 05:00–11:00; no drones", "America/Los_Angeles"],
    ["Desert Motel", "53688 Pioneertown Rd, Pioneertown, CA 92268", "Dirt lot east of the motel; basecamp on Mane St", "Hi-Desert Medical Center, 6601 White Feather Rd, Joshua Tree", 34.1562, -116.4951, "Heat plan: water, shade and cooling tents; snakes", "America/Los_Angeles"],
    ["Angeles Crest Hwy", "Angeles Crest Hwy (CA-2) mile 42, La Cañada Flintridge, CA 91011", "Clear Creek turnout", "USC Verdugo Hills Hospital, 1812 Verdugo Blvd, Glendale", 34.2703, -118.1536, "CHP rolling breaks booked; picture car on process trailer", "America/Los_Angeles"],
    ["Stage 3", "11020 Randall St, Sun Valley, CA 91352", "Studio lot, gate 2", "Providence Holy Cross, 15031 Rinaldi St, Mission Hills", 34.2486, -118.3908, "Hospital corridor and car process sets", "America/Los_Angeles"],
  ],
};

type StripRow = [string, string, string, string, string, string, string, string, string, number | null, string | null];
const S = (scene: string, ie: string, dn: string, set: string, loc: string, pages: string, cast: string, desc: string, sd: string, extras: number | null = null, notes: string | null = null): StripRow => [scene, ie, dn, set, loc, pages, cast, desc, sd, extras, notes];
const EOD = (n: number): StripRow => [`End of Day ${n}`, "", "", "", "", "", "", "", "", null, null];
const BANNER = (text: string): StripRow => [`Banner: ${text}`, "", "", "", "", "", "", "", "", null, null];

const strips: StripRow[] = [
  // Day 1: Hale House interiors
  S("1", "INT", "DAY", "HALE HOUSE - KITCHEN", "Hale House", "2 3/8", "1, 3", "Maggie finds the letter in the bread tin", "D1"),
  S("3", "INT", "DAY", "HALE HOUSE - MAGGIE'S ROOM", "Hale House", "1 2/8", "1", "Maggie packs; the map from 1998", "D1"),
  S("5", "INT", "DAY", "HALE HOUSE - LIVING ROOM", "Hale House", "1 4/8", "1, 3, 4", "Sheriff Cole brings the news about Danny", "D1"),
  S("7", "INT", "DAY", "HALE HOUSE - HALLWAY", "Hale House", "4/8", "1, 3", "Ruth blocks the door", "D1"),
  EOD(1),
  // Day 2: Hale House, flashbacks with young Maggie
  S("2", "EXT", "DAY", "HALE HOUSE - PORCH", "Hale House", "1 1/8", "1, 3", "Maggie and Ruth, coffee and silence", "D1"),
  S("30", "INT", "DAY", "HALE HOUSE - KITCHEN (1998)", "Hale House", "1 6/8", "3, 7", "FLASHBACK: Ruth teaches young Maggie to read a map", "D-FB1"),
  S("31", "EXT", "DAY", "HALE HOUSE - BACKYARD (1998)", "Hale House", "1", "2, 7", "FLASHBACK: Danny and young Maggie bury the tin", "D-FB1", null, "Child labor hours: wrap young Maggie by 15:30"),
  S("8", "EXT", "DAY", "HALE HOUSE - DRIVEWAY", "Hale House", "5/8", "1", "Maggie loads the Country Squire", "D2", null, "Picture car"),
  S("9", "INT", "DAY", "COUNTRY SQUIRE - MOVING", "Hale House", "3/8", "1", "Maggie pulls away; Ruth in the mirror", "D2"),
  EOD(2),
  // Day 3: Rosie's Diner, day
  S("10", "INT", "DAY", "ROSIE'S DINER", "Rosie's Diner", "2 2/8", "1, 5", "Lena recognises the photo of Danny", "D2", 8),
  S("11", "INT", "DAY", "ROSIE'S DINER - BACK ROOM", "Rosie's Diner", "1 5/8", "1, 5", "Lena shows the postcards Danny left", "D2"),
  S("12", "EXT", "DAY", "ROSIE'S DINER - PARKING LOT", "Rosie's Diner", "6/8", "1, 5, 8", "The trucker who saw Danny heading east", "D2", 4),
  S("13", "INT", "DAY", "ROSIE'S DINER - RESTROOM", "Rosie's Diner", "3/8", "1", "Maggie alone, first crack", "D2"),
  EOD(3),
  // Day 4: Rosie's Diner, night
  S("14", "INT", "NIGHT", "ROSIE'S DINER", "Rosie's Diner", "2 1/8", "1, 5", "Closing time: Lena decides to come along", "D2", 3),
  S("15", "EXT", "NIGHT", "ROSIE'S DINER - PARKING LOT", "Rosie's Diner", "1 3/8", "1, 5", "They leave in the wagon; neon buzzing", "D2"),
  S("16", "INT", "NIGHT", "COUNTRY SQUIRE - PARKED", "Rosie's Diner", "1 2/8", "1, 5", "Lena asks why Maggie never left home", "D2"),
  S("17", "EXT", "DUSK", "GLENDALE BLVD", "Rosie's Diner", "2/8", "1", "Wagon pulls onto the boulevard", "D2", null, "Magic hour"),
  EOD(4),
  // Day 5: Union Station
  S("18", "INT", "DAY", "UNION STATION - TICKET HALL", "Union Station", "1 6/8", "1, 10", "The ticket agent remembers Danny's one-way fare", "D3", 40, "Station open to public; no drones"),
  S("19", "INT", "DAY", "UNION STATION - WAITING ROOM", "Union Station", "1 4/8", "1, 5", "Maggie and Lena read Danny's last postcard", "D3", 30),
  S("20", "EXT", "DAY", "UNION STATION - FORECOURT", "Union Station", "7/8", "1, 5", "They choose the desert", "D3", 20),
  S("32", "INT", "DAY", "UNION STATION - PLATFORM (1998)", "Union Station", "1 1/8", "2, 3", "FLASHBACK: Ruth sees Danny off", "D-FB2", 15),
  EOD(5),
  // Day 6: Desert Motel exteriors
  BANNER("Company move to Pioneertown, Sunday 30 May; crew hotel at the Desert Motel"),
  S("21", "EXT", "DAY", "DESERT MOTEL - OFFICE", "Desert Motel", "1 2/8", "1, 5, 6", "Walt, the motel owner, and the guest book", "D3"),
  S("22", "EXT", "DAY", "DESERT MOTEL - POOL", "Desert Motel", "1 7/8", "1, 5", "Lena swims; Maggie won't", "D4", 2),
  S("23", "EXT", "DAY", "DESERT MOTEL - ROOM 9 DOOR", "Desert Motel", "5/8", "1, 6", "Walt unlocks Danny's old room", "D4"),
  S("24", "EXT", "DAWN", "DESERT - RIDGE", "Desert Motel", "1 1/8", "1", "Maggie climbs to see the sunrise Danny wrote about", "D4", null, "Sunrise: be set by 05:15"),
  EOD(6),
  // Day 7: Desert Motel interiors
  S("25", "INT", "DAY", "DESERT MOTEL - ROOM 9", "Desert Motel", "2 4/8", "1, 6", "Danny's things, left in a drawer for six years", "D4"),
  S("26", "INT", "DAY", "DESERT MOTEL - OFFICE", "Desert Motel", "1 3/8", "5, 6", "Walt tells Lena what happened to Danny", "D4"),
  S("27", "INT", "NIGHT", "DESERT MOTEL - ROOM 9", "Desert Motel", "1 6/8", "1, 5", "Maggie and Lena argue", "D4"),
  S("28", "INT", "NIGHT", "DESERT MOTEL - BATHROOM", "Desert Motel", "4/8", "1", "Maggie cuts her hair", "D4", null, "One take: hair continuity"),
  EOD(7),
  // Day 8: Desert Motel nights
  S("29", "EXT", "NIGHT", "DESERT MOTEL - POOL", "Desert Motel", "1 5/8", "1, 5", "Under the stars: Lena stays", "D5"),
  S("33", "EXT", "NIGHT", "DESERT MOTEL - PARKING LOT", "Desert Motel", "1 2/8", "1, 2, 6", "Danny's truck pulls in", "D5"),
  S("34", "EXT", "NIGHT", "DESERT - RIDGE", "Desert Motel", "2 2/8", "1, 2", "Maggie and Danny, the first real talk", "D5"),
  S("35", "EXT", "DUSK", "DESERT MOTEL - SIGN", "Desert Motel", "2/8", "", "Sign flickers on (second unit)", "D5", null, "Insert; no cast"),
  EOD(8),
  // Day 9: driving, Angeles Crest
  BANNER("Company move back to Los Angeles; travel on Friday 4 June before call"),
  S("36", "EXT", "DAY", "ANGELES CREST HWY - WAGON MOVING", "Angeles Crest Hwy", "1 4/8", "1, 2", "Driving home; Danny won't say why he left", "D6", null, "Process trailer; CHP rolling breaks"),
  S("37", "INT", "DAY", "COUNTRY SQUIRE - MOVING", "Angeles Crest Hwy", "2 1/8", "1, 2", "The fight in the car", "D6"),
  S("38", "EXT", "DAY", "ANGELES CREST HWY - TURNOUT", "Angeles Crest Hwy", "1 1/8", "1, 2, 8", "Overheated engine; the trucker again", "D6", null, "Steam rig (SFX)"),
  S("39", "EXT", "DAY", "ANGELES CREST HWY - OVERLOOK", "Angeles Crest Hwy", "6/8", "1, 2", "They look back at the city", "D6"),
  EOD(9),
  // Day 10: Stage 3, hospital set and flashback
  S("40", "INT", "DAY", "HOSPITAL - CORRIDOR", "Stage 3", "1 3/8", "1, 2, 9", "Dr. Anand explains Ruth's fall", "D7", 6),
  S("41", "INT", "DAY", "HOSPITAL - RUTH'S ROOM", "Stage 3", "2 5/8", "1, 2, 3", "The family in one room at last", "D7"),
  S("42", "INT", "DAY", "HOSPITAL - WAITING ROOM", "Stage 3", "7/8", "2, 9", "Danny signs the forms", "D7", 4),
  S("43", "INT", "DAY", "HOSPITAL - RUTH'S ROOM (1998)", "Stage 3", "1", "3, 7", "FLASHBACK: young Maggie visits Ruth after the accident", "D-FB3", null, "Child labor hours: studio teacher on set"),
  EOD(10),
  // Day 11: Stage 3 nights, then Hale House exterior night
  S("44", "INT", "NIGHT", "HOSPITAL - RUTH'S ROOM", "Stage 3", "1 6/8", "1, 3", "Ruth and Maggie, the letter read aloud", "D7"),
  S("45", "INT", "NIGHT", "COUNTRY SQUIRE - PARKED", "Stage 3", "1 1/8", "1, 2", "Danny gives Maggie the tin", "D7", null, "Car process on stage"),
  BANNER("Company move to Hale House at meal break; night exteriors"),
  S("46", "EXT", "NIGHT", "HALE HOUSE - PORCH", "Hale House", "1 4/8", "1, 2, 4", "Sheriff Cole closes the file", "D8"),
  S("47", "EXT", "NIGHT", "HALE HOUSE - STREET", "Hale House", "4/8", "1, 2", "Porch light on; the wagon in the drive", "D8"),
];

const stripboard: SampleTable = {
  name: "Stripboard",
  headers: ["Scene", "Int/Ext", "Day/Night", "Set", "Location", "Pages", "Cast", "Description", "Script Day", "Extras", "Notes"],
  rows: strips.map((s) => [...s]),
};

/**
 * Day rows, then one actor's calls (a Cast ID): Day 5's flashback pair is called after lunch for
 * scene 32. Crew Call and Meal are times; Set Call a time, Pickup an offset from the makeup call.
 */
const calls: SampleTable = {
  name: "Calls",
  headers: ["Day", "Crew Call", "Notes", "Wrap", "Meal", "Walkie Channels", "Safety", "Cast ID", "Set Call", "Pickup", "Transport"],
  rows: [
    [4, "15:00", "Night work: the diner after closing", null, null, null, null, null, null, null, null],
    [6, "05:00", "Dawn on the ridge first; sunrise about 05:37", null, null, null, "Ridge hike before light: headlamps, two medics, snake watch", null, null, null, null],
    [8, "15:30", "Night exteriors; dinner at 21:00", null, "21:00", null, "Pool deck at night: lit walkways, lifeguard on set", null, null, null, null],
    [11, "12:00", "Split day: stage nights, then Hale House exterior night", null, null, null, null, null, null, null, null],
    [5, null, "Public station: crowd held by station security", "19:00", "13:00", "1 Production · 2 Private · 3 Camera · 4 Grip & Electric · 8 Station security", "Public space: keep cables matted, walkways clear; no drones", null, null, null, null],
    [5, null, "Scene 32 after lunch", null, null, null, null, "2", "14:00", "-0:45", "Car 2 with Carmen Ortiz"],
    [5, null, "Scene 32 after lunch", null, null, null, null, "3", "14:00", "-0:30", "Car 2 from home"],
  ],
};

/** The crew called each day, by department; Call blank is crew call, an offset (-0:30) is from it. */
const crew: SampleTable = {
  name: "Crew",
  headers: ["Department", "Position", "Name", "Phone", "Call"],
  rows: [
    ["Production", "Director", "Jonah Reyes", "(323) 555-0110", null],
    ["Production", "Unit Production Manager", "Alma Ferris", "(818) 555-0111", null],
    ["Production", "1st Assistant Director", "Marcus Bell", "(818) 555-0112", "-0:30"],
    ["Production", "2nd Assistant Director", "Tess Okafor", "(818) 555-0113", "-1:00"],
    ["Production", "Script Supervisor", "Irene Vogt", "(310) 555-0114", null],
    ["Production", "Set PA", "Dev Shah", "(213) 555-0115", "-1:00"],
    ["Camera", "Director of Photography", "Lars Engstrom", "(323) 555-0120", null],
    ["Camera", "Camera Operator", "Rita Gomez", "(323) 555-0121", null],
    ["Camera", "1st AC", "Ben Alder", "(818) 555-0122", "-0:30"],
    ["Camera", "2nd AC", "Kai Morita", "(818) 555-0123", "-0:30"],
    ["Camera", "DIT", "Noor Haddad", "(213) 555-0124", null],
    ["Grip", "Key Grip", "Sal Romero", "(818) 555-0130", null],
    ["Grip", "Best Boy Grip", "Luis Pena", "(818) 555-0131", null],
    ["Grip", "Dolly Grip", "Otis Crane", "(818) 555-0132", null],
    ["Electric", "Gaffer", "June Park", "(323) 555-0140", null],
    ["Electric", "Best Boy Electric", "Abe Lund", "(323) 555-0141", null],
    ["Electric", "Genny Operator", "Roy Hatch", "(661) 555-0142", "-1:00"],
    ["Sound", "Production Sound Mixer", "Mei Lin", "(310) 555-0150", null],
    ["Sound", "Boom Operator", "Carl Dietz", "(310) 555-0151", null],
    ["Art", "Production Designer", "Hollis Grant", "(323) 555-0160", null],
    ["Art", "Property Master", "Vera Stone", "(818) 555-0161", "-0:30"],
    ["Art", "Set Dresser", "Pete Wong", "(818) 555-0162", null],
    ["Costume", "Costume Designer", "Ada Reyes", "(323) 555-0170", null],
    ["Costume", "Set Costumer", "Lou Brandt", "(323) 555-0171", "-1:00"],
    ["Hair & Make-up", "Key Make-up Artist", "Sia Novak", "(310) 555-0180", "-1:30"],
    ["Hair & Make-up", "Key Hair Stylist", "Remy Cole", "(310) 555-0181", "-1:30"],
    ["Locations", "Location Manager", "Gil Ortega", "(213) 555-0190", "-1:00"],
    ["Locations", "Set Medic", "Dana Price", "(213) 555-0191", "-1:00"],
    ["Transport", "Transportation Captain", "Moe Brandt", "(661) 555-0195", "-1:30"],
    ["Transport", "Driver, cast cars", "Ike Fell", "(661) 555-0196", "-2:00"],
    ["Catering", "Caterer", "Tasty Craft Catering", "(818) 555-0199", "-1:00"],
  ],
};

/** Key contacts printed at the top of every call sheet. */
const contacts: SampleTable = {
  name: "Contacts",
  headers: ["Role", "Name", "Phone", "Email"],
  rows: [
    ["Producer", "Rosa Lind", "(818) 555-0101", "rosa@longwayhome.film"],
    ["Unit Production Manager", "Alma Ferris", "(818) 555-0111", "alma@longwayhome.film"],
    ["1st Assistant Director", "Marcus Bell", "(818) 555-0112", "ad@longwayhome.film"],
    ["Production Coordinator", "Kim Ruiz", "(818) 555-0102", "office@longwayhome.film"],
    ["Location Manager", "Gil Ortega", "(213) 555-0190", "locations@longwayhome.film"],
    ["Set Medic", "Dana Price", "(213) 555-0191", ""],
  ],
};

/** Every table of the sample production, in the order a new workbook shows them. */
export function sampleProduction(): SampleTable[] {
  // Fresh arrays each call: callers may write into them.
  return [settings, holidays, accounts, fringes, globals, budget, markups, incentives, ledger, forecast, cast, locations, stripboard, calls, crew, contacts].map((t) => ({
    ...t,
    headers: [...t.headers],
    rows: t.rows.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v))),
    formats: t.formats ? { ...t.formats } : undefined,
  }));
}

export const SAMPLE_TITLE = "The Long Way Home";
