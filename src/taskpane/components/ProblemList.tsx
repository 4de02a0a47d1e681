/**
 * Problems, errors first: each one a button (keyboard: Tab to it, Enter or Space) that selects
 * the offending cell. The accessible name says severity, place and message in one sentence.
 */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Regular, Warning16Regular } from "@fluentui/react-icons";
import type { Problem } from "../../core/problems";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { justifyContent: "flex-start", textAlign: "left", width: "100%", height: "auto", padding: "6px 8px", alignItems: "flex-start" },
  text: { display: "flex", flexDirection: "column", gap: "2px", fontWeight: tokens.fontWeightRegular },
  where: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function placeOf(p: Problem): string {
  const cell = p.cell ? `${p.sheet}!${p.cell}` : p.row ? `${p.sheet}, row ${p.row}` : p.sheet;
  return p.column ? `${cell} (${p.column})` : cell;
}

export function ProblemList({ problems, onSelect }: { problems: Problem[]; onSelect: (p: Problem) => void }) {
  const styles = useStyles();
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <ul className={styles.list} aria-label="Problems in the workbook">
      {sorted.map((p, i) => (
        <li key={i}>
          <Button
            appearance="subtle"
            className={styles.item}
            icon={p.severity === "error" ? <ErrorCircle16Regular className={styles.error} /> : <Warning16Regular className={styles.warning} />}
            onClick={() => onSelect(p)}
            aria-label={`${p.severity === "error" ? "Error" : "Warning"} at ${placeOf(p)}: ${p.message}. Go to the cell.`}
            data-problem={i}
          >
            <span className={styles.text}>
              <span>{p.message}</span>
              <Caption1 className={styles.where}>{placeOf(p)}</Caption1>
            </span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
