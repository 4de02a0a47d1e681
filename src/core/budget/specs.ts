import { TableSpec } from "../tables";

/** The budget tables as WORKBOOK.md names them, with the aliases users write. */
export const ACCOUNTS_SPEC: TableSpec = {
  name: "Accounts",
  columns: [
    { key: "code", header: "Code", aliases: ["Account", "Acct", "Account Code"], required: true },
    { key: "name", header: "Name", aliases: ["Description", "Account Name", "Title"], required: true },
    { key: "parent", header: "Parent", aliases: ["Parent Code", "Rolls Up To"], required: true },
    // Issue 12: ATL, BTL, Post, Other or the user's words, on top-level sections.
    { key: "level", header: "Level", aliases: ["Budget Level"] },
  ],
};

export const BUDGET_SPEC: TableSpec = {
  name: "Budget",
  columns: [
    { key: "account", header: "Account", aliases: ["Acct", "Code", "Account Code"], required: true },
    { key: "description", header: "Description", aliases: ["Desc", "Item"] },
    { key: "amount", header: "Amount", aliases: ["Qty", "Quantity", "Amt"], required: true },
    { key: "units", header: "Units", aliases: ["Unit"] },
    { key: "x", header: "X", aliases: ["Times", "Mult", "Multiplier"] },
    { key: "rate", header: "Rate", required: true },
    { key: "fringes", header: "Fringes", aliases: ["Fringe", "Fringe Codes"] },
    // Extension (issue 11): ties the line to a cast member's DOOD days.
    { key: "castId", header: "Cast ID", aliases: ["Cast #", "Cast No", "Cast Number"] },
    // Issue 12: whose pay the line is (cutoffs accumulate per payee) and the line's currency.
    { key: "payee", header: "Payee", aliases: ["Employee", "Paid To", "Person"] },
    { key: "currency", header: "Currency", aliases: ["Cur", "CCY"] },
  ],
};

export const FRINGES_SPEC: TableSpec = {
  name: "Fringes",
  columns: [
    { key: "code", header: "Code", aliases: ["Fringe"], required: true },
    { key: "name", header: "Name", aliases: ["Description"] },
    { key: "type", header: "Type", required: true },
    { key: "rate", header: "Rate", aliases: ["Percent", "Amount"], required: true },
    { key: "cutoff", header: "Cutoff", aliases: ["Cap", "Limit"] },
    // Issue 12: what a Flat fringe's Rate is per: hour, day, week, line (blank: per unit of the line).
    { key: "unit", header: "Unit", aliases: ["Per", "Units", "Basis"] },
  ],
};

export const MARKUPS_SPEC: TableSpec = {
  name: "Markups",
  columns: [
    { key: "name", header: "Name", aliases: ["Markup", "Description"], required: true },
    { key: "percent", header: "Percent", aliases: ["Rate", "Pct", "%"], required: true },
    { key: "appliesTo", header: "Applies To", aliases: ["Sections", "Applies"] },
    // Issue 12: contractual charges as Movie Magic Budgeting has them.
    { key: "type", header: "Type", aliases: ["Kind"] },
    { key: "amount", header: "Amount", aliases: ["Fee", "Flat Amount"] },
    { key: "exclude", header: "Exclude", aliases: ["Excluding", "Exclusions", "Except"] },
    { key: "compound", header: "Compound", aliases: ["Compounds", "On Charges", "Cumulative", "Applies To Charges"] },
  ],
};

export const CURRENCIES_SPEC: TableSpec = {
  name: "Currencies",
  columns: [
    { key: "code", header: "Code", aliases: ["Currency", "ISO"], required: true },
    { key: "rate", header: "Rate", aliases: ["Rate To Base", "Exchange Rate", "FX Rate", "FX"], required: true },
  ],
};

export const INCENTIVES_SPEC: TableSpec = {
  name: "Incentives",
  columns: [
    { key: "name", header: "Name", aliases: ["Incentive", "Programme", "Program", "Description"], required: true },
    { key: "rate", header: "Rate", aliases: ["Percent", "Credit", "%"], required: true },
    { key: "appliesTo", header: "Applies To", aliases: ["Qualifying", "Accounts", "Applies"] },
    { key: "cap", header: "Cap", aliases: ["Maximum", "Max", "Limit"] },
    { key: "exclude", header: "Exclude", aliases: ["Excluding", "Exclusions", "Except"] },
  ],
};

export const LEDGER_SPEC: TableSpec = {
  name: "Ledger",
  columns: [
    { key: "date", header: "Date" },
    { key: "account", header: "Account", aliases: ["Acct", "Code"], required: true },
    { key: "vendor", header: "Vendor", aliases: ["Payee"] },
    { key: "description", header: "Description", aliases: ["Desc", "Memo"] },
    { key: "amount", header: "Amount", aliases: ["Amt"], required: true },
    { key: "type", header: "Type", aliases: ["Status", "Kind"], required: true },
    // Issue 16: PO relief and the invoice number that tells imported lines apart.
    { key: "po", header: "PO", aliases: ["PO Number", "PO #", "PO No", "Purchase Order"] },
    { key: "invoice", header: "Invoice", aliases: ["Invoice #", "Invoice Number", "Invoice No", "Inv #"] },
  ],
};

export const FORECAST_SPEC: TableSpec = {
  name: "Forecast",
  columns: [
    { key: "account", header: "Account", aliases: ["Acct", "Code"], required: true },
    { key: "etc", header: "ETC", aliases: ["Estimate to Complete", "Estimate To Complete"], required: true },
  ],
};
