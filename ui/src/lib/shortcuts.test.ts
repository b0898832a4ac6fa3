import { describe, expect, it } from "vitest";
import { SHORTCUTS, actionFor } from "./shortcuts";

const press = (key: string, target: unknown = null, mods = {}) =>
  actionFor({ key, ctrlKey: false, metaKey: false, altKey: false, target: target as EventTarget, ...mods });

describe("shortcuts", () => {
  it("maps each listed key to its action", () => {
    for (const s of SHORTCUTS) expect(press(s.key)).toBe(s.action);
  });

  it("gives every key one action", () => {
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
  });

  it("ignores keys typed into fields, except Escape", () => {
    const input = { tagName: "INPUT", isContentEditable: false };
    expect(press("e", input)).toBeNull();
    expect(press("Escape", input)).toBe("back");
  });

  it("leaves modified keys to the system", () => {
    expect(press("o", null, { ctrlKey: true })).toBeNull();
  });
});
