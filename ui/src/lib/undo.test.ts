import { describe, expect, it } from "vitest";
import { UndoStack } from "./undo";

/** A counter edited through commands, as the core would be. */
function counter() {
  const state = { value: 0, log: [] as string[] };
  const set = (label: string, from: number, to: number) => ({
    label,
    undo: async () => {
      state.value = from;
      state.log.push(`undo ${label}`);
    },
    redo: async () => {
      state.value = to;
      state.log.push(`redo ${label}`);
    },
  });
  return { state, set };
}

describe("UndoStack", () => {
  it("undoes and redoes in order", async () => {
    const { state, set } = counter();
    const s = new UndoStack();
    state.value = 1;
    s.push(set("one", 0, 1));
    state.value = 2;
    s.push(set("two", 1, 2));
    expect(await s.undo()).toBe("two");
    expect(state.value).toBe(1);
    expect(await s.undo()).toBe("one");
    expect(state.value).toBe(0);
    expect(await s.undo()).toBeNull();
    expect(await s.redo()).toBe("one");
    expect(await s.redo()).toBe("two");
    expect(state.value).toBe(2);
    expect(s.canRedo).toBe(false);
  });

  it("drops the redo side on a new edit", async () => {
    const { set } = counter();
    const s = new UndoStack();
    s.push(set("one", 0, 1));
    await s.undo();
    expect(s.redoLabel).toBe("one");
    s.push(set("other", 0, 5));
    expect(s.canRedo).toBe(false);
    expect(s.undoLabel).toBe("other");
  });

  it("keeps a failed undo on the undo side", async () => {
    const s = new UndoStack();
    let fail = true;
    s.push({
      label: "x",
      undo: async () => {
        if (fail) throw new Error("changed on disk");
      },
      redo: async () => {},
    });
    await expect(s.undo()).rejects.toThrow("changed on disk");
    expect(s.canUndo).toBe(true);
    fail = false;
    expect(await s.undo()).toBe("x");
    expect(s.canRedo).toBe(true);
  });

  it("runs rapid undos one after another, never interleaved", async () => {
    const { state, set } = counter();
    const s = new UndoStack();
    for (let i = 1; i <= 3; i++) s.push(set(`${i}`, i - 1, i));
    state.value = 3;
    await Promise.all([s.undo(), s.undo(), s.undo()]);
    expect(state.log).toEqual(["undo 3", "undo 2", "undo 1"]);
    expect(state.value).toBe(0);
  });

  it("forgets the oldest edits past its limit", async () => {
    const { set } = counter();
    const s = new UndoStack(2);
    for (let i = 1; i <= 3; i++) s.push(set(`${i}`, i - 1, i));
    expect(await s.undo()).toBe("3");
    expect(await s.undo()).toBe("2");
    expect(await s.undo()).toBeNull();
  });
});
