import { describe, expect, it } from "vitest";
import { SHORTCUTS, actionFor, codemirrorKey, keyLabel } from "./shortcuts";

const press = (key: string, target: unknown = null, mods = {}) =>
  actionFor({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: target as EventTarget, ...mods });

const input = { tagName: "INPUT", isContentEditable: false };
const editor = { tagName: "DIV", isContentEditable: true };

describe("shortcuts", () => {
  it("maps each listed key to its action", () => {
    for (const s of SHORTCUTS) {
      const key = s.ctrl && s.shift ? s.key.toUpperCase() : s.key;
      expect(press(key, null, { ctrlKey: !!s.ctrl, shiftKey: !!s.shift })).toBe(s.action);
    }
  });

  it("gives every key combination one action", () => {
    const combos = SHORTCUTS.map((s) => keyLabel(s));
    expect(new Set(combos).size).toBe(SHORTCUTS.length);
  });

  it("ignores plain keys typed into fields, except Escape", () => {
    expect(press("e", input)).toBeNull();
    expect(press("4", editor)).toBeNull();
    expect(press("Escape", input)).toBe("back");
  });

  it("keeps Ctrl shortcuts in fields, but leaves undo there to the field", () => {
    expect(press("s", editor, { ctrlKey: true })).toBe("save");
    expect(press("p", input, { ctrlKey: true })).toBe("export-pdf");
    expect(press("z", editor, { ctrlKey: true })).toBeNull();
    expect(press("z", null, { ctrlKey: true })).toBe("undo");
    expect(press("Z", null, { ctrlKey: true, shiftKey: true })).toBe("redo");
  });

  it("leaves unknown and Alt combinations to the system", () => {
    expect(press("o", null, { ctrlKey: true })).toBeNull();
    expect(press("e", null, { altKey: true })).toBeNull();
  });

  it("names the editor's keys as its keymap does", () => {
    expect(codemirrorKey("likelihood")).toBe("Mod-Shift-l");
    expect(codemirrorKey("next-section")).toBe("Mod-Shift-ArrowDown");
    expect(codemirrorKey("next-warning")).toBe("F8");
  });

  it("writes keys as people read them", () => {
    expect(keyLabel({ key: "z", ctrl: true, shift: true })).toBe("Ctrl+Shift+Z");
    expect(keyLabel({ key: "Escape" })).toBe("Escape");
  });
});
