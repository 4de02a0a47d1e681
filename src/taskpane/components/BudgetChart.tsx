/**
 * Budget against EFC by section: one pair of horizontal bars a top-level account, drawn as SVG
 * with Fluent's colour tokens (CSS variables), so it follows the light and dark themes. Our own:
 * an earlier try with react-charts added 111 KiB gzip to the pane for two bars a row. For screen readers the
 * figure has a title and a description, and the same figures are in a table (visually hidden).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { formatCents } from "../../core/money";
import type { SectionFigures } from "../../core/summary";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: "4px" },
  legend: { display: "flex", gap: "12px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px", verticalAlign: "middle", borderRadius: "2px" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

const ROW = 34;
const BAR = 11;
const LABEL_W = 0.36; // share of the width for section names
const WIDTH = 400;

export interface BudgetChartProps {
  sections: SectionFigures[];
  currency: string;
}

/** The longest bar is the largest budget or EFC; a section over budget shows its EFC in red. */
export function BudgetChart({ sections, currency }: BudgetChartProps) {
  const styles = useStyles();
  const max = Math.max(1, ...sections.flatMap((s) => [s.budget, s.efc]));
  const x0 = WIDTH * LABEL_W;
  const span = WIDTH - x0 - 8;
  const height = sections.length * ROW + 4;
  const over = (s: SectionFigures) => s.efc > s.budget;
  const describe = sections
    .map((s) => `${s.name}: budget ${formatCents(s.budget)}, EFC ${formatCents(s.efc)}${over(s) ? `, over by ${formatCents(s.efc - s.budget)}` : ""}`)
    .join("; ");
  return (
    <figure className={styles.figure}>
      <div className={styles.legend} aria-hidden>
        <span>
          <span className={styles.swatch} style={{ background: tokens.colorNeutralForeground3 }} />
          Budget
        </span>
        <span>
          <span className={styles.swatch} style={{ background: tokens.colorBrandBackground }} />
          EFC
        </span>
        <span>
          <span className={styles.swatch} style={{ background: tokens.colorPaletteRedBackground3 }} />
          EFC over budget
        </span>
      </div>
      <svg
        role="img"
        aria-labelledby="budget-chart-title budget-chart-desc"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: `${WIDTH}px`, fontFamily: tokens.fontFamilyBase }}
        data-chart="budget-vs-efc"
      >
        <title id="budget-chart-title">{`Budget against EFC by section (${currency})`}</title>
        <desc id="budget-chart-desc">{describe}</desc>
        {sections.map((s, i) => {
          const y = i * ROW + 2;
          const wb = (s.budget / max) * span;
          const we = (s.efc / max) * span;
          return (
            <g key={s.code} data-section={s.code}>
              <text x={x0 - 6} y={y + BAR + 3} textAnchor="end" fontSize="11" fill={tokens.colorNeutralForeground1}>
                {s.name.length > 22 ? `${s.name.slice(0, 21)}…` : s.name}
              </text>
              <rect x={x0} y={y} width={Math.max(wb, s.budget > 0 ? 1 : 0)} height={BAR} rx="2" fill={tokens.colorNeutralForeground3}>
                <title>{`${s.name} budget ${formatCents(s.budget)}`}</title>
              </rect>
              <rect x={x0} y={y + BAR + 2} width={Math.max(we, s.efc > 0 ? 1 : 0)} height={BAR} rx="2" fill={over(s) ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground} data-over={over(s) || undefined}>
                <title>{`${s.name} EFC ${formatCents(s.efc)}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <table className={styles.hidden}>
        <caption>{`Budget and EFC by section (${currency})`}</caption>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Budget</th>
            <th scope="col">EFC</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={s.code}>
              <th scope="row">{`${s.code} ${s.name}`}</th>
              <td>{formatCents(s.budget)}</td>
              <td>{formatCents(s.efc)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
