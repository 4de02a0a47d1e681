import { CellValue } from "../cells";
import { EpochDay, formatIso } from "../dates";
import { formatEighths } from "../schedule/eighths";
import { Banner, ScheduleModel, Strip } from "../schedule/model";
import { headerKey } from "../tables";
import { BoardSolution } from "./boardModel";

/** The Stripboard's data rows in a new order, ready to write over the table body. */
export interface BoardRows {
  headers: string[];
  rows: CellValue[][];
}

/**
 * Rewrites the board in the solution's order: each day's strips, then its `End of Day n` break
 * (with date and pages in the same cell, after the words the contract reads). Banners stay with
 * the day number they were on, at its top; banners after the last day stay at the end. Every
 * strip keeps all its cells, columns Prodbook does not know included.
 */
export function rewriteBoard(model: ScheduleModel, sol: BoardSolution, dates?: EpochDay[]): BoardRows {
  const headers = model.board.headers;
  const sceneCol = Math.max(0, headers.findIndex((h) => headerKey(h) === "scene"));
  const strips: Strip[] = model.days.flatMap((d) => d.strips);
  const bannersByDay = new Map<number, Banner[]>();
  model.days.forEach((d, i) => bannersByDay.set(i, d.banners));
  const rows: CellValue[][] = [];
  const width = headers.length;
  const pad = (cells: CellValue[]) => Array.from({ length: width }, (_, i) => (cells[i] === undefined ? null : cells[i]));
  sol.days.forEach((ids, d) => {
    for (const b of bannersByDay.get(d) ?? []) rows.push(pad(b.cells));
    let pages = 0;
    for (const id of ids) {
      rows.push(pad(strips[id].cells));
      pages += strips[id].pages;
    }
    const brk: CellValue[] = new Array(width).fill(null);
    const date = dates?.[d];
    brk[sceneCol] = `End of Day ${d + 1}${date === undefined ? "" : ` — ${formatIso(date)}`} — ${formatEighths(pages)} ${pages === 8 ? "page" : "pages"}`;
    rows.push(brk);
  });
  // Banners of days the new board no longer has, then those after the last day.
  for (let d = sol.days.length; d < model.days.length; d++) for (const b of bannersByDay.get(d) ?? []) rows.push(pad(b.cells));
  for (const b of model.board.trailingBanners) rows.push(pad(b.cells));
  // The boneyard stays below the board, as written.
  for (const cells of model.board.boneyardRows ?? []) rows.push(pad(cells));
  return { headers, rows };
}

/** The board's current rows, for restoring the order the optimizer replaced. */
export function currentBoardRows(model: ScheduleModel): BoardRows {
  const width = model.board.headers.length;
  const pad = (cells: CellValue[]) => Array.from({ length: width }, (_, i) => (cells[i] === undefined ? null : cells[i]));
  const rows: CellValue[][] = [];
  for (const day of model.days) {
    for (const item of day.items) rows.push(pad(item.kind === "strip" ? item.strip.cells : item.banner.cells));
    if (day.dayBreak) rows.push(pad(day.dayBreak.cells));
  }
  for (const b of model.board.trailingBanners) rows.push(pad(b.cells));
  for (const cells of model.board.boneyardRows ?? []) rows.push(pad(cells));
  return { headers: model.board.headers, rows };
}
