/**
 * Optimize the stripboard: pick a time budget, search off the UI thread with progress and Cancel,
 * compare the current order with the best one found (hold days, hold cost, company moves, shooting
 * days), Apply it to the Stripboard, or Restore the order a previous Apply replaced.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BoardFigures, StripboardPlan } from "../../core/optimize/stripboardOptimizer";
import { formatCents } from "../../core/money";
import type { Problem } from "../../core/problems";
import type { CommandOutcome, Message, OptimizeProgress, OptimizeResult, OptimizeRun, OptimizerService } from "../services/prodbookService";
import { ProblemList } from "./ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "12px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
  table: { borderCollapse: "collapse", width: "100%", fontVariantNumeric: "tabular-nums" },
  th: { textAlign: "left", padding: "4px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: "right", padding: "4px 6px" },
  better: { textAlign: "right", padding: "4px 6px", color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  label: { padding: "4px 6px" },
});

/** Time budgets offered; a longer search finds better orders on big boards. */
export const TIME_BUDGETS: { ms: number; label: string }[] = [
  { ms: 2_000, label: "2 seconds (quick look)" },
  { ms: 10_000, label: "10 seconds" },
  { ms: 30_000, label: "30 seconds" },
  { ms: 60_000, label: "1 minute" },
  { ms: 180_000, label: "3 minutes" },
];
const DEFAULT_BUDGET = 10_000;

/** What Apply and Restore show when the host call itself fails: nothing was reported as written. */
function failedWrite(e: unknown): CommandOutcome {
  return {
    ok: false,
    problems: [],
    written: [],
    messages: [{ intent: "error", text: `Something went wrong: ${String((e as Error)?.message ?? e)}` }],
  };
}

/** Cents in the production's currency ("$44,966.00"); an unknown code is written before the figure. */
export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${currency} ${formatCents(cents)}`;
  }
}

type Phase = "idle" | "starting" | "running" | "applying" | "restoring";
type Done = Extract<OptimizeResult, { status: "done" }>;

export interface OptimizePanelProps {
  service: OptimizerService;
  /** True while another command writes the workbook. */
  disabled?: boolean;
  /** Goes to a problem's cell. */
  onSelectProblem?: (p: Problem) => void;
}

function Figures({ before, after, currency }: { before: BoardFigures; after: BoardFigures; currency: string }) {
  const styles = useStyles();
  const rows: { label: string; now: string; best: string; better: boolean }[] = [
    { label: "Hold days", now: String(before.holdDays), best: String(after.holdDays), better: after.holdDays < before.holdDays },
    { label: "Hold cost", now: formatMoney(before.holdCost, currency), best: formatMoney(after.holdCost, currency), better: after.holdCost < before.holdCost },
    { label: "Company moves", now: String(before.moves), best: String(after.moves), better: after.moves < before.moves },
    { label: "Shooting days", now: String(before.days), best: String(after.days), better: after.days < before.days },
  ];
  return (
    <table className={styles.table} aria-label="Before and after">
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            <span style={{ position: "absolute", left: "-10000px" }}>Figure</span>
          </th>
          <th className={styles.th} scope="col" style={{ textAlign: "right" }}>
            Now
          </th>
          <th className={styles.th} scope="col" style={{ textAlign: "right" }}>
            Optimized
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th className={styles.label} scope="row" style={{ fontWeight: "normal", textAlign: "left" }}>
              {r.label}
            </th>
            <td className={styles.num}>{r.now}</td>
            <td className={r.better ? styles.better : styles.num}>{r.best}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How far above the best possible an unproved order may be, rounded up ("12%"). */
export function gapText(gap: number): string {
  return `${Math.ceil(gap * 100 - 1e-9)}%`;
}

/** Holds per cast member now and optimized, as the DOOD charges them: members with any hold. */
function CastHolds({ plan, currency }: { plan: StripboardPlan; currency: string }) {
  const styles = useStyles();
  const rows = plan.cast
    .map((m, i) => ({ m, b: plan.before.holds[i], a: plan.after.holds[i] }))
    .filter(({ b, a }) => b && a && (b.holdDays > 0 || a.holdDays > 0));
  if (rows.length === 0) return <Caption1 className={styles.hint}>No cast member is held, now or optimized.</Caption1>;
  return (
    <table className={styles.table} aria-label="Holds by cast member">
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            Cast
          </th>
          <th className={styles.th} scope="col" style={{ textAlign: "right" }}>
            Holds now
          </th>
          <th className={styles.th} scope="col" style={{ textAlign: "right" }}>
            Optimized
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ m, b, a }) => (
          <tr key={m.id}>
            <th className={styles.label} scope="row" style={{ fontWeight: "normal", textAlign: "left" }}>
              {m.id} {m.character}
            </th>
            <td className={styles.num}>
              {b.holdDays} ({formatMoney(b.holdCost, currency)})
            </td>
            <td className={a.holdCost < b.holdCost ? styles.better : styles.num}>
              {a.holdDays} ({formatMoney(a.holdCost, currency)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Most moved strips listed by name; the rest are counted. */
const MOVED_SHOWN = 15;

function MovedStrips({ plan }: { plan: StripboardPlan }) {
  const styles = useStyles();
  if (plan.moved.length === 0) return <Caption1 className={styles.hint}>Every strip stays on its day; only the order within days changes.</Caption1>;
  const shown = plan.moved.slice(0, MOVED_SHOWN);
  return (
    <div>
      <Body1>
        {plan.moved.length === 1 ? "1 strip changes day" : `${plan.moved.length} strips change day`}:
      </Body1>
      <ul aria-label="Strips that change day" style={{ margin: "4px 0", paddingLeft: "20px" }}>
        {shown.map((m) => (
          <li key={`${m.scene}-${m.fromDay}-${m.toDay}`}>
            Sc. {m.scene}
            {m.set ? ` ${m.set}` : ""}: day {m.fromDay} → day {m.toDay}
          </li>
        ))}
      </ul>
      {plan.moved.length > MOVED_SHOWN && <Caption1 className={styles.hint}>and {plan.moved.length - MOVED_SHOWN} more.</Caption1>}
    </div>
  );
}

export function OptimizePanel({ service, disabled = false, onSelectProblem }: OptimizePanelProps) {
  const styles = useStyles();
  const [budget, setBudget] = useState(DEFAULT_BUDGET);
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState<OptimizeProgress | undefined>();
  const [done, setDone] = useState<Done | undefined>();
  const [messages, setMessages] = useState<Message[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<{ exists: boolean; when?: string }>({ exists: false });
  const run = useRef<OptimizeRun | undefined>(undefined);
  const currency = useRef("USD");
  const alive = useRef(true);

  const refreshSaved = useCallback(async () => {
    try {
      const s = await service.savedOrder();
      if (alive.current) setSaved(s);
    } catch {
      if (alive.current) setSaved({ exists: false });
    }
  }, [service]);

  useEffect(() => {
    alive.current = true;
    void refreshSaved();
    return () => {
      alive.current = false;
      run.current?.cancel(); // closing the pane stops the search
    };
  }, [refreshSaved]);

  const optimize = useCallback(async () => {
    if (phase !== "idle") return;
    setPhase("starting");
    setMessages([]);
    setProblems([]);
    setDone(undefined);
    setProgress(undefined);
    const r = service.start(budget, (p) => {
      if (!alive.current) return;
      setPhase("running");
      setProgress(p);
    });
    run.current = r;
    let result: OptimizeResult;
    try {
      result = await r.result;
    } catch (e) {
      result = { status: "stopped", problems: [], messages: [{ intent: "error", text: `Something went wrong: ${String((e as Error)?.message ?? e)}` }] };
    }
    run.current = undefined;
    if (!alive.current) return;
    setPhase("idle");
    setProgress(undefined);
    if (result.status === "cancelled") {
      setMessages([{ intent: "info", text: "Optimize was cancelled. Nothing was changed." }]);
      return;
    }
    if (result.status === "stopped") {
      setMessages(result.messages);
      setProblems(result.problems);
      return;
    }
    currency.current = result.currency;
    setDone(result);
    setProblems(result.problems);
    setMessages([
      result.plan.improved
        ? { intent: "success", text: `Found a better order${result.plan.optimal ? ", proved optimal" : ""} — ${result.plan.basis}. Apply puts it on the Stripboard.` }
        : { intent: "info", text: `No better order found in ${Math.round(budget / 1000)} seconds: the current order is kept. A longer time budget may find one.` },
    ]);
  }, [phase, service, budget]);

  const cancel = useCallback(() => run.current?.cancel(), []);

  const apply = useCallback(async () => {
    if (!done || phase !== "idle") return;
    setPhase("applying");
    const r = await service.apply(done.plan, done.basis).catch(failedWrite);
    if (!alive.current) return;
    setPhase("idle");
    setMessages(r.messages);
    if (r.ok) setDone(undefined); // applied: the comparison is history, and Apply must not run twice
    await refreshSaved();
  }, [done, phase, service, refreshSaved]);

  const restore = useCallback(async () => {
    if (phase !== "idle") return;
    setPhase("restoring");
    const r = await service.restore().catch(failedWrite);
    if (!alive.current) return;
    setPhase("idle");
    setMessages(r.messages);
    if (r.ok) setDone(undefined); // a plan worked out from the other order no longer fits
    await refreshSaved();
  }, [phase, service, refreshSaved]);

  const searching = phase === "starting" || phase === "running";
  const busy = phase !== "idle" || disabled;
  const fraction = progress ? Math.min(1, progress.elapsedMs / Math.max(1, progress.timeLimitMs)) : undefined;
  const progressText = progress
    ? `Best so far: ${formatMoney(progress.best.holdCost, currency.current)} hold cost, ${progress.best.holdDays} hold ${progress.best.holdDays === 1 ? "day" : "days"}, ${progress.best.moves} company ${progress.best.moves === 1 ? "move" : "moves"}`
    : "Reading the Stripboard";
  const savedWhen = saved.when && !Number.isNaN(Date.parse(saved.when)) ? new Date(saved.when).toLocaleString() : undefined;

  return (
    <section className={styles.root} aria-labelledby="optimize-title">
      <Subtitle2 as="h2" id="optimize-title">
        Optimize the stripboard
      </Subtitle2>
      <Caption1 className={styles.hint} id="optimize-hint">
        Reorders the strips for the least cast hold cost, keeping locked strips, cast availability and each day&apos;s pages. Nothing changes
        in the workbook until you Apply.
      </Caption1>
      <Field label="Time budget">
        <Select value={String(budget)} onChange={(_, d) => setBudget(Number(d.value))} disabled={searching}>
          {TIME_BUDGETS.map((b) => (
            <option key={b.ms} value={String(b.ms)}>
              {b.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void optimize()} disabled={busy} aria-describedby="optimize-hint">
          Optimize
        </Button>
        {searching && (
          <Button appearance="secondary" onClick={cancel}>
            Cancel
          </Button>
        )}
      </div>

      <div aria-live="polite" aria-busy={searching}>
        {searching && (
          <div className={styles.row} style={{ flexDirection: "column", alignItems: "stretch" }}>
            <Body1>{progressText}</Body1>
            <ProgressBar value={fraction} max={1} aria-label={`Optimizing: ${progressText}`} />
          </div>
        )}
        {phase === "applying" && <Body1>Writing the new order to the Stripboard…</Body1>}
        {phase === "restoring" && <Body1>Putting the previous order back…</Body1>}
      </div>

      {done && (
        <>
          <Figures before={done.plan.before} after={done.plan.after} currency={done.currency} />
          {done.plan.optimal ? (
            <Body1>Proved optimal: no order of these strips costs less.</Body1>
          ) : (
            done.plan.gap !== undefined && <Body1>Not proved optimal: at most {gapText(done.plan.gap)} above the best possible.</Body1>
          )}
          {done.plan.improved && <CastHolds plan={done.plan} currency={done.currency} />}
          {done.plan.improved && <MovedStrips plan={done.plan} />}
          <Caption1 className={styles.hint}>
            {done.plan.iterations.toLocaleString("en-US")} orders tried in {(done.plan.elapsedMs / 1000).toFixed(1)} s. Hold days and cost are the
            DOOD&apos;s, drops and pick-ups included.
            {done.currency && done.plan.after.total === done.plan.after.holdCost && done.plan.after.moves > 0 &&
              " Without a Company Move Cost in Settings no company move is added to save holds; give one to weigh moves against hold days."}
          </Caption1>
        </>
      )}

      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void apply()} disabled={busy || !done || !done.plan.improved} aria-describedby="apply-hint">
          Apply
        </Button>
        <Button appearance="secondary" onClick={() => void restore()} disabled={busy || !saved.exists} aria-describedby="restore-hint">
          Restore previous order
        </Button>
      </div>
      <Caption1 className={styles.hint} id="apply-hint">
        Apply rewrites the Stripboard in the new order with fresh End of Day rows and keeps the old order.
      </Caption1>
      <Caption1 className={styles.hint} id="restore-hint">
        {saved.exists ? `Restore puts back the order saved${savedWhen ? ` on ${savedWhen}` : ""}.` : "No earlier order is saved in this workbook."}
      </Caption1>

      <div aria-live="polite">
        {messages.map((m, i) => (
          <MessageBar key={i} layout="multiline" intent={m.intent} role={m.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>{m.text}</MessageBarBody>
          </MessageBar>
        ))}
      </div>
      {problems.length > 0 && <ProblemList problems={problems} onSelect={(p) => onSelectProblem?.(p)} />}
    </section>
  );
}
