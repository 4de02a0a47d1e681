/**
 * The Prodbook task pane: New production (empty or the sample), Update budget, Build schedule,
 * Import script and Import ledger CSV; progress while a command runs; messages; what the command
 * came to (SummaryPanel); the problems list (a click goes to the cell). Every Excel call goes
 * through the ProdbookService it is given, so the pane is tested with a fake and in Chromium
 * with the in-memory host.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
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
import { CommandOutcome, Message, PickedFile, ProdbookService, ProductionKind, ProgressHandler, defaultService } from "../services/prodbookService";
import { FilePickButton } from "./FilePickButton";
import { OptimizePanel } from "./OptimizePanel";
import { ProblemList } from "./ProblemList";
import { SummaryPanel } from "./SummaryPanel";
import { VersionsPanel } from "./VersionsPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "16px", maxWidth: "480px" },
  commands: { display: "flex", flexDirection: "column", gap: "8px" },
  command: { justifyContent: "flex-start", textAlign: "left" },
  hint: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: "6px" },
  header: { display: "flex", flexDirection: "column", gap: "4px" },
  details: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
});

export const ServiceContext = createContext<ProdbookService | undefined>(undefined);

/** The service from props, else from context, else the real one. */
export function useService(fromProps?: ProdbookService): ProdbookService {
  const fromContext = useContext(ServiceContext);
  return useMemo(() => fromProps ?? fromContext ?? defaultService(), [fromProps, fromContext]);
}

type CommandId = "newProduction" | "updateBudget" | "buildSchedule" | "importScript" | "importLedger";

const COMMANDS: { id: CommandId; label: string; hint: string; running: string }[] = [
  { id: "newProduction", label: "New production", hint: "Fills a blank workbook: an empty production (tables, chart of accounts, fringes) or the sample.", running: "Starting the production" },
  { id: "updateBudget", label: "Update budget", hint: "Writes the Top Sheet and the Cost Report.", running: "Updating the budget" },
  { id: "buildSchedule", label: "Build schedule", hint: "Writes the Schedule, the DOOD and a call sheet a day.", running: "Building the schedule" },
];

const IMPORTS: { id: CommandId; label: string; hint: string; running: string; accept: string }[] = [
  { id: "importScript", label: "Import script", hint: "A Fountain or Final Draft file to strips, cast and breakdown; a revision merges into the board. Read here, never uploaded.", running: "Importing the script", accept: ".fountain,.fdx,.spmd,.txt" },
  { id: "importLedger", label: "Import ledger CSV", hint: "An accounting export appended to the Ledger; lines already there are skipped.", running: "Importing the ledger lines", accept: ".csv,.txt,text/csv" },
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
  const [outcome, setOutcome] = useState<CommandOutcome | undefined>();
  const [dayFirst, setDayFirst] = useState(false);
  const busy = useRef(false);
  const unavailable = useMemo(() => service.unavailable(), [service]);

  const run = useCallback(async (id: CommandId, command: (onProgress: ProgressHandler) => Promise<CommandOutcome>) => {
    if (busy.current) return; // one command at a time: they all write the same workbook
    busy.current = true;
    setRunning(id);
    setMessages([]);
    setOutcome(undefined);
    setProgress({ step: "Starting", fraction: 0 });
    let result: CommandOutcome;
    try {
      result = await command((step, fraction) => setProgress({ step, fraction }));
    } catch (e) {
      result = { ok: false, problems: [], written: [], messages: [{ intent: "error", text: `Something went wrong: ${String((e as Error)?.message ?? e)}` }] };
    }
    setMessages(result.messages);
    setProblems(result.problems);
    setOutcome(result);
    setRunning(undefined);
    busy.current = false;
  }, []);

  const command = (id: "updateBudget" | "buildSchedule") => () => void run(id, (p) => service[id](p));
  const start = (kind: ProductionKind) => void run("newProduction", (p) => service.newProduction(p, kind));
  const imported = (id: "importScript" | "importLedger") => (file: PickedFile) =>
    void run(id, (p) => (id === "importScript" ? service.importScript!(file, p) : service.importLedger!(file, { dayFirst }, p)));

  const goToRange = useCallback(
    async (sheet: string, address: string) => {
      const r = await service.goTo?.(sheet, address);
      if (r && !r.ok && r.message) setMessages((m) => [...m.filter((x) => x.intent !== "warning" || x.text !== r.message), { intent: "warning", text: r.message! }]);
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

  const current = [...COMMANDS, ...IMPORTS].find((c) => c.id === running);
  const disabled = running !== undefined || unavailable !== undefined;
  return (
    <main className={styles.root} aria-label="Prodbook">
      <header className={styles.header}>
        <Title3 as="h1">Prodbook</Title3>
        <Body1 className={styles.hint}>
          Budgets, cost reports and shooting schedules from this workbook&apos;s tables.
        </Body1>
      </header>

      {unavailable && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{unavailable}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.commands} aria-label="Commands">
        {COMMANDS.map((c) => (
          <div key={c.id} className={styles.section}>
            {c.id === "newProduction" ? (
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <Button appearance="secondary" className={styles.command} disabled={disabled} aria-describedby={`${c.id}-hint`} data-command={c.id}>
                    {c.label}
                  </Button>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    <MenuItem onClick={() => start("empty")} data-production="empty">
                      Empty production
                    </MenuItem>
                    <MenuItem onClick={() => start("sample")} data-production="sample">
                      Sample production (The Long Way Home)
                    </MenuItem>
                  </MenuList>
                </MenuPopover>
              </Menu>
            ) : (
              <Button appearance="primary" className={styles.command} disabled={disabled} onClick={command(c.id as "updateBudget" | "buildSchedule")} aria-describedby={`${c.id}-hint`} data-command={c.id}>
                {c.label}
              </Button>
            )}
            <Caption1 id={`${c.id}-hint`} className={styles.hint}>
              {c.hint}
            </Caption1>
          </div>
        ))}
        {IMPORTS.filter((c) => (c.id === "importScript" ? service.importScript : service.importLedger)).map((c) => (
          <div key={c.id} className={styles.section}>
            <FilePickButton
              appearance="secondary"
              className={styles.command}
              disabled={disabled}
              accept={c.accept}
              inputName={c.id}
              onFile={imported(c.id as "importScript" | "importLedger")}
              onError={(text) => setMessages([{ intent: "error", text }])}
              aria-describedby={`${c.id}-hint`}
              data-command={c.id}
            >
              {c.label}
            </FilePickButton>
            <Caption1 id={`${c.id}-hint`} className={styles.hint}>
              {c.hint}
            </Caption1>
            {c.id === "importLedger" && <Checkbox label="Dates are day first (3/4/2027 is 3 April)" checked={dayFirst} onChange={(_, d) => setDayFirst(d.checked === true)} disabled={disabled} />}
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
          <MessageBar key={i} layout="multiline" intent={m.intent} role={m.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              {m.intent === "error" && <MessageBarTitle>Not done</MessageBarTitle>}
              {m.text}
            </MessageBarBody>
          </MessageBar>
        ))}
        {outcome?.details?.map((d) => (
          <div key={d.title} className={styles.section}>
            <Caption1 as="h3" style={{ margin: 0, fontWeight: tokens.fontWeightSemibold }}>
              {d.title}
            </Caption1>
            <ul className={styles.details} aria-label={d.title}>
              {d.items.slice(0, 200).map((item, i) => (
                <li key={i}>{item}</li>
              ))}
              {d.items.length > 200 && <li>… and {d.items.length - 200} more</li>}
            </ul>
          </div>
        ))}
      </section>

      {outcome?.ok && <SummaryPanel outcome={outcome} onGoTo={service.goTo ? (sheet, address) => void goToRange(sheet, address) : undefined} />}

      {problems.length > 0 && (
        <section aria-label="Problems" className={styles.section}>
          <Subtitle2 as="h2">Problems ({problems.length})</Subtitle2>
          <ProblemList problems={problems} onSelect={(p) => void goTo(p)} />
        </section>
      )}

      {service.optimizer && !unavailable && (
        <OptimizePanel service={service.optimizer} disabled={running !== undefined} onSelectProblem={(p) => void goTo(p)} />
      )}

      {service.versions && !unavailable && <VersionsPanel service={service.versions} disabled={running !== undefined} />}
    </main>
  );
}
