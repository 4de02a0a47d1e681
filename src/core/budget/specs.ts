import { TableSpec } from "../tables";

/** The budget tables as WORKBOOK.md names them, with the aliases users write. */
export const ACCOUNTS_SPEC: TableSpec = {
  name: "Accounts",
  columns: [
    { key: "code", header: "Code", aliases: ["Account", "Acct", "Account Code"], required: true },
    { key: "name", header: "Name", aliases: ["Description", "Account Name", "Title"], required: true },
    { key: "parent", header: "Parent", aliases: ["Parent Code", "Rolls Up To"], required: true },
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
  ],
};

export const MARKUPS_SPEC: TableSpec = {
  name: "Markups",
  columns: [
    { key: "name", header: "Name", aliases: ["Markup", "Description"], required: true },
    { key: "percent", header: "Percent", aliases: ["Rate", "Pct", "%"], required: true },
    { key: "appliesTo", header: "Applies To", aliases: ["Sections", "Applies"] },
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
