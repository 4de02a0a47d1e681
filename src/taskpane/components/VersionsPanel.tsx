/**
 * Budget versions: lock the budget as it stands (the first one locked is the Original, which the
 * Top Sheet and Cost Report then show against), list the saved versions, and write a Compare
 * sheet of any of them against the current budget.
 */
import { useCallback, useEffect, useState } from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Message, VersionInfo, VersionsService } from "../services/prodbookService";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "12px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface VersionsPanelProps {
  service: VersionsService;
  /** True while another command writes the workbook. */
  disabled?: boolean;
}

function when(iso: string): string {
  return iso ? iso.slice(0, 16).replace("T", " ") : "no date";
}

export function VersionsPanel({ service, disabled }: VersionsPanelProps) {
  const styles = useStyles();
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [name, setName] = useState("Original");
  const [chosen, setChosen] = useState("");
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);

  const refresh = useCallback(async () => {
    try {
      const r = await service.list();
      setVersions(r.versions);
      if (r.versions.length) setChosen((c) => (r.versions.some((v) => v.name === c) ? c : r.versions[0].name));
    } catch {
      // Listing is a courtesy: the buttons still say what went wrong.
    }
  }, [service]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (f: () => Promise<{ messages: Message[] }>) => {
    setBusy(true);
    try {
      const r = await f();
      setMessages(r.messages);
    } catch (e) {
      setMessages([{ intent: "error", text: `Something went wrong: ${String((e as Error)?.message ?? e)}` }]);
    } finally {
      setBusy(false);
    }
  };

  const lock = () =>
    run(async () => {
      const r = await service.lock(name);
      if (r.ok) {
        setVersions(r.versions);
        setChosen(r.versions[0]?.name ?? "");
        setName(`Revision ${r.versions.length}`);
      }
      return r;
    });

  const off = disabled || busy;
  return (
    <section aria-label="Budget versions" className={styles.root}>
      <Subtitle2 as="h2">Budget versions</Subtitle2>
      <Caption1 className={styles.hint}>
        Lock the budget as it stands. The first version locked is the Original: Update budget then shows Original, Current and Variance.
      </Caption1>
      <div className={styles.row}>
        <Field label="Version name">
          <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={60} disabled={off} />
        </Field>
        <Button onClick={() => void lock()} disabled={off || !name.trim()}>
          Lock version
        </Button>
      </div>
      {versions.length > 0 ? (
        <div className={styles.row}>
          <Field label="Compare the current budget with">
            <Select value={chosen} onChange={(_, d) => setChosen(d.value)} disabled={off}>
              {versions.map((v, i) => (
                <option key={v.name} value={v.name}>
                  {v.name}
                  {i === 0 ? " (Original)" : ""} · {when(v.locked)}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" onClick={() => void run(() => service.compare(chosen))} disabled={off || !chosen}>
            Compare
          </Button>
        </div>
      ) : (
        <Body1 className={styles.hint}>No version is locked yet.</Body1>
      )}
      {messages.map((m, i) => (
        <MessageBar key={i} layout="multiline" intent={m.intent}>
          <MessageBarBody>{m.text}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
