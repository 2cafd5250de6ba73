/**
 * Where focus goes in the journal grid for a key (the ARIA grid pattern): arrows move one
 * cell and stop at the edges, Home/End go to the ends of the row, Ctrl+Home/End to the
 * first and last cell. Pure, so it is tested without a browser.
 */
export type Pos = { row: number; col: number };
export type Size = { rows: number; cols: number };

export function nextPosition(key: string, pos: Pos, size: Size, ctrl = false): Pos | null {
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max - 1, n));
  if (size.rows <= 0 || size.cols <= 0) return null;
  switch (key) {
    case "ArrowUp": return { row: clamp(pos.row - 1, size.rows), col: pos.col };
    case "ArrowDown": return { row: clamp(pos.row + 1, size.rows), col: pos.col };
    case "ArrowLeft": return { row: pos.row, col: clamp(pos.col - 1, size.cols) };
    case "ArrowRight": return { row: pos.row, col: clamp(pos.col + 1, size.cols) };
    case "Home": return ctrl ? { row: 0, col: 0 } : { row: pos.row, col: 0 };
    case "End": return ctrl ? { row: size.rows - 1, col: size.cols - 1 } : { row: pos.row, col: size.cols - 1 };
    case "PageUp": return { row: 0, col: pos.col };
    case "PageDown": return { row: size.rows - 1, col: pos.col };
    default: return null;
  }
}

/** After an entry is saved: Enter goes down, Tab right (Shift+Tab left), staying in the grid. */
export function afterCommit(how: "enter" | "tab" | "shift-tab", pos: Pos, size: Size): Pos {
  if (how === "enter") return nextPosition("ArrowDown", pos, size) ?? pos;
  return nextPosition(how === "tab" ? "ArrowRight" : "ArrowLeft", pos, size) ?? pos;
}

/** A key that starts typing a value into a cell: one printable character, no modifier. */
export function startsEntry(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return e.key.length === 1 && e.key !== " " && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/** The key that opens the focused cell's history: Shift+F10 or the context-menu key, as for a context menu. */
export function opensHistory(e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return (e.key === "F10" && e.shiftKey) || e.key === "ContextMenu";
}
