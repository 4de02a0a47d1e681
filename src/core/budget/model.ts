import type { BudgetVersion } from "./versions";
import type { Globals } from "../globals";
import type { ScheduleVsBudget } from "./scheduleVsBudget";
import { PeriodWindow } from "./period";
import { Cents } from "../money";
import { FringeUnit } from "./units";
import { LevelTotals, Levels } from "./levels";

/** OVER: EFC beyond budget × (1 + tolerance); WATCH: spent share at or past Watch At; else OK. */
export type Status = "OVER" | "WATCH" | "OK";

export interface Account {
  code: string;
  name: string;
  /** "" for a top-level account (a top sheet section). */
  parent: string;
  /** Excel row of the account in `Accounts`, for problems. */
  row: number;
  children: string[];
  /** 0 for sections. */
  depth: number;
  /** A section's Level as written (ATL, BTL, Post, Other or the user's words); "" when none. */
  level: string;
}

/** A detail line after computation. */
export interface BudgetLine {
  row: number;
  account: string;
  description: string;
  amount: number;
  units: string;
  x: number;
  rate: number;
  /** round(Amount × X × Rate, 2), in the base currency (converted at the line, see `currency`). */
  total: Cents;
  /** The Payee whose cutoffs this line counts toward ("" when none: cutoffs per line). */
  payee: string;
  /** The line's own currency when it is not the base currency: its code, rate and total in it. */
  currency?: { code: string; rate: number; total: Cents };
  /** One rounded amount per fringe code, in the order the line lists them. */
  fringes: { code: string; amount: Cents }[];
  /** True when Amount, X or Rate was a global or an expression (issue 11). */
  usesGlobals?: boolean;
  /** Set on a line tied to a cast member by its Cast ID (issue 11). */
  cast?: LineCast;
}

/** How a Budget line follows the DOOD. */
export interface LineCast {
  /** The Cast ID as the Cast table spells it. */
  id: string;
  /** Days, weeks or a run of show; undefined when the Units are none of those (tied for reporting only). */
  basis?: "days" | "weeks" | "run";
  /** The Amount the DOOD gives; undefined without a schedule or a basis. */
  dood?: number;
  /** Where the Amount used came from: the DOOD (cell blank), or what the user typed / wrote as an expression. */
  amountFrom: "dood" | "typed" | "global";
  /** Days the line budgets (weeks × DAYS_PER_WEEK), when it has a basis. */
  days?: number;
  /** Rate per day the line pays at. */
  dayRate: number;
}

export interface Fringe {
  code: string;
  name: string;
  type: "%" | "Flat";
  rate: number;
  cutoff?: number;
  /** What a Flat fringe's Rate is per; "unit" (per unit of the line, Rate × Amount × X) when not given. */
  unit: FringeUnit;
}

/** Own figures are an account's own lines and ledger; rolled-up figures add all descendants. */
export interface AccountFigures {
  /** Lines plus their fringes. */
  budget: Cents;
  /** The fringe part of `budget`. */
  fringes: Cents;
  /** Line totals without fringes. */
  lines: Cents;
  /** Actual to date (invoices, payments, petty cash). */
  actual: Cents;
  /** Open commitments: what is committed now, after PO relief. */
  committed: Cents;
  /** Commitments relieved by invoices against their PO (issue 16). */
  relieved: Cents;
  /** Actual dated within the report period (issue 16). */
  period: Cents;
  etc: Cents;
  efc: Cents;
  /** Budget − EFC; negative is over. */
  variance: Cents;
}

export interface AccountReport {
  account: Account;
  own: AccountFigures;
  rolled: AccountFigures;
  status: Status;
  /** True when a Forecast row set this account's own ETC. */
  forecast: boolean;
}

/** A contractual charge (table `Markups`): a percent of sections or levels less exclusions, or a flat fee. */
export interface MarkupResult {
  name: string;
  type: "percent" | "flat";
  /** 0 for a flat fee. */
  percent: number;
  /** Section codes it applies to (all sections when the cell was blank). */
  appliesTo: string[];
  /** Applies To as written (section codes and level words); [] when blank. */
  appliesToWords: string[];
  /** Exclude as written: account codes, and names of charges above when it compounds. */
  exclude: string[];
  /** True when the charges above are in its base. */
  compound: boolean;
  /** Sum of those sections' totals (plus the charges above when it compounds); 0 for a flat fee. */
  gross: Cents;
  /** The part of `gross` in excluded accounts and charges. */
  excluded: Cents;
  /** gross − excluded: what the percent is taken of. */
  base: Cents;
  amount: Cents;
}

/** A tax credit or rebate (table `Incentives`). */
export interface IncentiveResult {
  name: string;
  rate: number;
  /** Applies To as written (account codes and level words); [] when blank (every section). */
  appliesTo: string[];
  exclude: string[];
  gross: Cents;
  excluded: Cents;
  /** gross − excluded. */
  qualifying: Cents;
  cap?: Cents;
  /** True when Rate × qualifying spend was over the Cap. */
  capped: boolean;
  amount: Cents;
}

/** One currency of the budget's lines other than the base: its rate and what its lines total. */
export interface CurrencyTotal {
  code: string;
  rate: number;
  lines: number;
  /** In that currency. */
  total: Cents;
  /** The same lines in the base currency, each rounded at the line. */
  baseTotal: Cents;
}

export interface BudgetModel {
  currency: string;
  production: string;
  /** Accounts in the order of the Accounts table (parents included). */
  accounts: AccountReport[];
  byCode: Map<string, AccountReport>;
  /** Top-level accounts, in table order. */
  sections: AccountReport[];
  lines: BudgetLine[];
  fringes: Fringe[];
  /** Total of each fringe code across all lines. */
  fringeTotals: Map<string, Cents>;
  /** Contractual charges, in the order of the Markups table. */
  markups: MarkupResult[];
  /** Section levels when Accounts gives them (issue 12), with the above- and below-the-line totals. */
  levels?: Levels & LevelTotals;
  incentives: IncentiveResult[];
  /** Lines in currencies other than the base, per currency in order of first use. */
  currencies: CurrencyTotal[];
  /** grandTotal − incentives. */
  net: Cents;
  /** Sum of section budgets (lines + fringes). */
  total: Cents;
  /** total + markups. */
  grandTotal: Cents;
  /** Rolled-up figures of the whole production (sum of sections). */
  totals: AccountFigures;
  overTolerance: number;
  watchAt: number;
  /** Typed and computed globals (issue 11). */
  globals: Globals;
  daysPerWeek: number;
  /** Cast days on the DOOD against the tied lines; present when the budget had a schedule. */
  scheduleVsBudget?: ScheduleVsBudget;
  /** The report period the cost report's "this period" covers (issue 16). */
  window: PeriodWindow;
  /** True when Settings gave the Report Date (lines dated after it are left out). */
  reportDateGiven: boolean;
  /** Locked budget versions, in the order they were locked (issue 11). */
  versions: BudgetVersion[];
  /** The first locked version: the Original the Top Sheet and Cost Report show. */
  original?: BudgetVersion;
}
