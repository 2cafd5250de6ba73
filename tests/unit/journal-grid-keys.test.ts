import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { afterCommit, nextPosition, opensHistory, startsEntry } from "../../components/journal/grid-keys";

const size = { rows: 30, cols: 12 };

describe("moving around the journal grid from the keyboard", () => {
  it("arrows move one cell and stop at the edges", () => {
    expect(nextPosition("ArrowRight", { row: 0, col: 0 }, size)).toEqual({ row: 0, col: 1 });
    expect(nextPosition("ArrowDown", { row: 0, col: 0 }, size)).toEqual({ row: 1, col: 0 });
    expect(nextPosition("ArrowUp", { row: 0, col: 3 }, size)).toEqual({ row: 0, col: 3 });
    expect(nextPosition("ArrowLeft", { row: 2, col: 0 }, size)).toEqual({ row: 2, col: 0 });
    expect(nextPosition("ArrowRight", { row: 2, col: 11 }, size)).toEqual({ row: 2, col: 11 });
    expect(nextPosition("ArrowDown", { row: 29, col: 4 }, size)).toEqual({ row: 29, col: 4 });
  });

  it("Home and End go to the ends of the row, with Ctrl to the corners", () => {
    expect(nextPosition("Home", { row: 5, col: 7 }, size)).toEqual({ row: 5, col: 0 });
    expect(nextPosition("End", { row: 5, col: 7 }, size)).toEqual({ row: 5, col: 11 });
    expect(nextPosition("Home", { row: 5, col: 7 }, size, true)).toEqual({ row: 0, col: 0 });
    expect(nextPosition("End", { row: 5, col: 7 }, size, true)).toEqual({ row: 29, col: 11 });
  });

  it("other keys do not move focus", () => {
    expect(nextPosition("5", { row: 1, col: 1 }, size)).toBeNull();
    expect(nextPosition("Enter", { row: 1, col: 1 }, size)).toBeNull();
  });

  it("never leaves the grid, whatever the keys", () => {
    const keys = fc.constantFrom("ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown");
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.boolean()), { maxLength: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 70 }), (steps, rows, cols) => {
        let pos = { row: 0, col: 0 };
        for (const [key, ctrl] of steps) pos = nextPosition(key, pos, { rows, cols }, ctrl) ?? pos;
        return pos.row >= 0 && pos.row < rows && pos.col >= 0 && pos.col < cols;
      }),
    );
  });

  it("after saving, Enter goes down the column and Tab along the row", () => {
    expect(afterCommit("enter", { row: 3, col: 2 }, size)).toEqual({ row: 4, col: 2 });
    expect(afterCommit("tab", { row: 3, col: 2 }, size)).toEqual({ row: 3, col: 3 });
    expect(afterCommit("shift-tab", { row: 3, col: 2 }, size)).toEqual({ row: 3, col: 1 });
    expect(afterCommit("enter", { row: 29, col: 2 }, size)).toEqual({ row: 29, col: 2 });
  });

  it("a digit, a Cyrillic letter or a slash starts typing; shortcuts and Space do not", () => {
    const plain = { ctrlKey: false, metaKey: false, altKey: false };
    for (const key of ["5", "н", "б", "у", "о", "з", "/"]) expect(startsEntry({ key, ...plain })).toBe(true);
    expect(startsEntry({ key: " ", ...plain })).toBe(false);
    expect(startsEntry({ key: "ArrowUp", ...plain })).toBe(false);
    expect(startsEntry({ key: "c", ...plain, ctrlKey: true })).toBe(false);
  });

  it("Shift+F10 or the context-menu key opens the cell's history; F10 alone, a letter or Ctrl+Shift+F10 do not", () => {
    const plain = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false };
    expect(opensHistory({ key: "F10", ...plain, shiftKey: true })).toBe(true);
    expect(opensHistory({ key: "ContextMenu", ...plain })).toBe(true);
    expect(opensHistory({ key: "F10", ...plain })).toBe(false);
    expect(opensHistory({ key: "р", ...plain })).toBe(false);
    expect(opensHistory({ key: "F10", ...plain, shiftKey: true, ctrlKey: true })).toBe(false);
    // the key that opens the history never also starts typing into the cell
    expect(startsEntry({ key: "F10", ctrlKey: false, metaKey: false, altKey: false })).toBe(false);
  });
});
