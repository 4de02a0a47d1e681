/**
 * What a command came to, from core/summary (the same figures and sentences as `prodbook report`):
 * after Update budget the grand total, EFC, variance, the accounts OVER and on WATCH (a click
 * selects the account's Cost Report row) and the chart by section; after Build schedule the
 * shooting days, pages, first and last date and hold cost; links to the sheets written.
 */
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetters } from "../../core/cells";
import { formatIso } from "../../core/dates";
import { COST_REPORT_HEADERS } from "../../core/layout/costReport";
import { formatCents } from "../../core/money";
import { formatEighths } from "../../core/schedule/eighths";
import { BudgetSummary, FlaggedAccount, ScheduleSummary, budgetSummaryText, scheduleSummaryText } from "../../core/summary";
import type { CommandOutcome } from "../services/prodbookService";
import { BudgetChart } from "./BudgetChart";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  figures: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "12px", rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  over: { color: tokens.colorPaletteRedForeground1 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  account: { justifyContent: "flex-start", textAlign: "left", width: "100%", height: "auto", padding: "4px 6px", fontWeight: tokens.fontWeightRegular },
  links: { display: "flex", flexWrap: "wrap", gap: "4px" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface SummaryPanelProps {
  outcome: CommandOutcome;
  onGoTo?: (sheet: string, address: string) => void;
}

function Figures({ rows }: { rows: [string, string, boolean?][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.figures}>
      {rows.map(([term, value, bad]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={`${styles.value} ${bad ? styles.over : ""}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function AccountList({ title, accounts, onGoTo }: { title: string; accounts: FlaggedAccount[]; onGoTo?: SummaryPanelProps["onGoTo"] }) {
  const styles = useStyles();
  if (!accounts.length) return null;
  const last = columnLetters(COST_REPORT_HEADERS.length);
  return (
    <div className={styles.section}>
      <Caption1 as="h3" style={{ margin: 0, fontWeight: tokens.fontWeightSemibold }}>
        {title} ({accounts.length})
      </Caption1>
      <ul className={styles.list} aria-label={`Accounts ${title}`}>
        {accounts.map((a) => {
          const detail = a.variance < 0 ? `over by ${formatCents(-a.variance)}` : `EFC ${formatCents(a.efc)} of ${formatCents(a.budget)}`;
          return (
            <li key={a.code}>
              <Button
                appearance="subtle"
                className={styles.account}
                disabled={!onGoTo}
                onClick={() => onGoTo?.(a.sheet, `A${a.row}:${last}${a.row}`)}
                aria-label={`${a.code} ${a.name}, ${a.status}, ${detail}. Go to its Cost Report row.`}
                data-account={a.code}
              >
                <span>
                  <strong>{a.code}</strong> {a.name} <span className={a.status === "OVER" ? styles.over : styles.hint}>· {detail}</span>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function BudgetView({ s, onGoTo }: { s: BudgetSummary; onGoTo?: SummaryPanelProps["onGoTo"] }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Budget summary">
      <Subtitle2 as="h2">Budget ({s.currency})</Subtitle2>
      <Caption1 className={styles.hint}>{budgetSummaryText(s)}.</Caption1>
      <Figures
        rows={[
          ["Grand total", formatCents(s.grandTotal)],
          ["EFC", formatCents(s.efc)],
          ["Variance", formatCents(s.variance), s.variance < 0],
        ]}
      />
      <AccountList title="OVER" accounts={s.over} onGoTo={onGoTo} />
      <AccountList title="on WATCH" accounts={s.watch} onGoTo={onGoTo} />
      {s.sections.length > 0 && <BudgetChart sections={s.sections} currency={s.currency} />}
    </section>
  );
}

function ScheduleView({ s }: { s: ScheduleSummary }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Schedule summary">
      <Subtitle2 as="h2">Schedule</Subtitle2>
      <Caption1 className={styles.hint}>{scheduleSummaryText(s)}.</Caption1>
      <Figures
        rows={[
          ["Shooting days", String(s.days)],
          ["Pages", formatEighths(s.eighths)],
          ["First day", s.first !== undefined ? formatIso(s.first) : "no date"],
          ["Last day", s.last !== undefined ? formatIso(s.last) : "no date"],
          ["Hold days", String(s.holdDays)],
          ["Hold cost", formatCents(s.holdCost)],
        ]}
      />
    </section>
  );
}

/** Links to the sheets written: call sheets as the first one and a count. */
function SheetLinks({ outcome, onGoTo }: SummaryPanelProps) {
  const styles = useStyles();
  const names = outcome.written.map((w) => w.sheet);
  const calls = names.filter((n) => /^Call D\d+/.test(n));
  const shown = [...names.filter((n) => !calls.includes(n)), ...calls.slice(0, 1)];
  if (!shown.length || !onGoTo) return null;
  return (
    <nav aria-label="Sheets written" className={styles.section}>
      <Caption1 className={styles.hint}>Go to a sheet written</Caption1>
      <div className={styles.links}>
        {shown.map((n) => (
          <Button key={n} size="small" appearance="outline" onClick={() => onGoTo(n, "A1")} data-sheet={n}>
            {calls.length > 1 && n === calls[0] ? `${n} (1 of ${calls.length} call sheets)` : n}
          </Button>
        ))}
      </div>
    </nav>
  );
}

export function SummaryPanel({ outcome, onGoTo }: SummaryPanelProps) {
  const styles = useStyles();
  const { budget, schedule } = outcome.summary ?? {};
  return (
    <div className={styles.section}>
      {budget && <BudgetView s={budget} onGoTo={onGoTo} />}
      {schedule && <ScheduleView s={schedule} />}
      <SheetLinks outcome={outcome} onGoTo={onGoTo} />
    </div>
  );
}
