/**
 * The Prodbook task pane: New production, Update budget, Build schedule; progress while a command
 * runs; messages; the problems list (a click goes to the cell). Every Excel call goes through the
 * ProdbookService it is given, so the pane is tested with a fake and in Chromium with the
 * in-memory host.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Problem } from "../../core/problems";
import { CommandOutcome, Message, ProdbookService, defaultService } from "../services/prodbookService";
import { OptimizePanel } from "./OptimizePanel";
import { ProblemList } from "./ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "16px", maxWidth: "480px" },
  commands: { display: "flex", flexDirection: "column", gap: "8px" },
  command: { justifyContent: "flex-start", textAlign: "left" },
  hint: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: "6px" },
  header: { display: "flex", flexDirection: "column", gap: "4px" },
});

export const ServiceContext = createContext<ProdbookService | undefined>(undefined);

/** The service from props, else from context, else the real one. */
export function useService(fromProps?: ProdbookService): ProdbookService {
  const fromContext = useContext(ServiceContext);
  return useMemo(() => fromProps ?? fromContext ?? defaultService(), [fromProps, fromContext]);
}

type CommandId = "newProduction" | "updateBudget" | "buildSchedule";

const COMMANDS: { id: CommandId; label: string; hint: string; running: string }[] = [
  { id: "newProduction", label: "New production", hint: "Fills a blank workbook with the sample production's tables.", running: "Adding the sample tables" },
  { id: "updateBudget", label: "Update budget", hint: "Writes the Top Sheet and the Cost Report.", running: "Updating the budget" },
  { id: "buildSchedule", label: "Build schedule", hint: "Writes the Schedule, the DOOD and a call sheet a day.", running: "Building the schedule" },
];

export interface AppProps {
  service?: ProdbookService;
}

export function App({ service: given }: AppProps) {
  const styles = useStyles();
  const service = useService(given);
  const [running, setRunning] = useState<CommandId | undefined>();
  const [progress, setProgress] = useState<{ step: string; fraction: number }>({ step: "", fraction: 0 });
  const [messages, setMessages] = useState<Message[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const busy = useRef(false);
  const unavailable = useMemo(() => service.unavailable(), [service]);

  const run = useCallback(
    async (id: CommandId) => {
      if (busy.current) return; // one command at a time: they all write the same workbook
      busy.current = true;
      setRunning(id);
      setMessages([]);
      setProgress({ step: "Starting", fraction: 0 });
      let outcome: CommandOutcome;
      try {
        outcome = await service[id]((step, fraction) => setProgress({ step, fraction }));
      } catch (e) {
        outcome = { ok: false, problems: [], written: [], messages: [{ intent: "error", text: `Something went wrong: ${String((e as Error)?.message ?? e)}` }] };
      }
      setMessages(outcome.messages);
      setProblems(outcome.problems);
      setRunning(undefined);
      busy.current = false;
    },
    [service],
  );

  const goTo = useCallback(
    async (p: Problem) => {
      const r = await service.selectProblem(p);
      if (!r.ok && r.message) setMessages([{ intent: "warning", text: r.message }]);
    },
    [service],
  );

  const current = COMMANDS.find((c) => c.id === running);
  return (
    <main className={styles.root} aria-label="Prodbook">
      <header className={styles.header}>
        <Title3 as="h1">Prodbook</Title3>
        <Body1 className={styles.hint}>
          Budgets, cost reports and shooting schedules from this workbook&apos;s tables.
        </Body1>
      </header>

      {unavailable && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{unavailable}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.commands} aria-label="Commands">
        {COMMANDS.map((c) => (
          <div key={c.id} className={styles.section}>
            <Button
              appearance={c.id === "newProduction" ? "secondary" : "primary"}
              className={styles.command}
              disabled={running !== undefined || unavailable !== undefined}
              onClick={() => void run(c.id)}
              aria-describedby={`${c.id}-hint`}
              data-command={c.id}
            >
              {c.label}
            </Button>
            <Caption1 id={`${c.id}-hint`} className={styles.hint}>
              {c.hint}
            </Caption1>
          </div>
        ))}
      </section>

      <div aria-live="polite" aria-busy={running !== undefined}>
        {current && (
          <div className={styles.section}>
            <span style={{ display: "flex", gap: "8px", alignItems: "center" }}>
              <Spinner size="tiny" aria-hidden />
              <Body1>
                {current.running}: {progress.step}
              </Body1>
            </span>
            <ProgressBar value={progress.fraction} max={1} aria-label={`${current.running}: ${progress.step}`} />
          </div>
        )}
      </div>

      <section aria-label="Messages" aria-live="polite" className={styles.section}>
        {messages.map((m, i) => (
          <MessageBar key={i} intent={m.intent} role={m.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              {m.intent === "error" && <MessageBarTitle>Not done</MessageBarTitle>}
              {m.text}
            </MessageBarBody>
          </MessageBar>
        ))}
      </section>

      {problems.length > 0 && (
        <section aria-label="Problems" className={styles.section}>
          <Subtitle2 as="h2">Problems ({problems.length})</Subtitle2>
          <ProblemList problems={problems} onSelect={(p) => void goTo(p)} />
        </section>
      )}

      {service.optimizer && !unavailable && (
        <OptimizePanel service={service.optimizer} disabled={running !== undefined} onSelectProblem={(p) => void goTo(p)} />
      )}
    </main>
  );
}
