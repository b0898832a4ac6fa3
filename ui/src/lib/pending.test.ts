import { describe, expect, it } from "vitest";
import { PendingEdits, reloadKeeping, split, type Choice, type Pending } from "./pending";

/** A project on disk as the core sees it: file contents, and which changed behind its back. */
function project(files: Record<string, string>) {
  const disk = { ...files };
  const loaded = { ...files };
  const log: string[] = [];
  return {
    disk,
    loaded,
    log,
    /** Another program (a `git pull`) writes `file`. */
    pull(file: string, text: string) {
      disk[file] = text;
    },
    core: {
      changes: async () => Object.keys(disk).filter((f) => disk[f] !== loaded[f]),
      reload: async () => {
        Object.assign(loaded, disk);
        log.push("reload");
        return "reloaded";
      },
    },
    /** The core's save: refused when the file changed since it was loaded. */
    async save(file: string, text: string) {
      if (disk[file] !== loaded[file]) throw { code: "changed_on_disk", message: `${file} changed` };
      disk[file] = loaded[file] = text;
      log.push(`save ${file}`);
    },
  };
}

/** A view's unsaved text for `file`. */
function edit(p: ReturnType<typeof project>, file: string, text: string): Pending & { text: string | null } {
  return {
    label: file,
    file,
    text,
    dirty() {
      return this.text !== null;
    },
    async save() {
      await p.save(file, this.text!);
      this.text = null;
    },
    discard() {
      p.log.push(`discard ${file}`);
      this.text = null;
    },
  };
}

const answer = (c: Choice | null) => {
  const asked: string[][] = [];
  const choose = async (conflicts: Pending[]) => {
    asked.push(conflicts.map((e) => e.file));
    return c;
  };
  return { asked, choose };
};

describe("reloadKeeping", () => {
  it("saves an edit to a file that did not change on disk before reloading", async () => {
    const p = project({ "briefings/main.md": "old", "excerpts/x.toml": "x" });
    p.pull("excerpts/x.toml", "x from git");
    const e = edit(p, "briefings/main.md", "typed");
    const { asked, choose } = answer("theirs");
    expect(await reloadKeeping([e], p.core, choose)).toBe("reloaded");
    expect(asked).toEqual([]);
    expect(p.disk).toEqual({ "briefings/main.md": "typed", "excerpts/x.toml": "x from git" });
    expect(p.log).toEqual(["save briefings/main.md", "reload"]);
  });

  it("asks when the same file changed on disk and here; mine replaces theirs", async () => {
    const p = project({ "briefings/main.md": "old" });
    p.pull("briefings/main.md", "theirs");
    const e = edit(p, "briefings/main.md", "mine");
    const { asked, choose } = answer("mine");
    expect(await reloadKeeping([e], p.core, choose)).toBe("reloaded");
    expect(asked).toEqual([["briefings/main.md"]]);
    expect(p.disk["briefings/main.md"]).toBe("mine");
    expect(p.log).toEqual(["reload", "save briefings/main.md"]);
  });

  it("theirs drops the edit and keeps the file on disk", async () => {
    const p = project({ "briefings/main.md": "old" });
    p.pull("briefings/main.md", "theirs");
    const e = edit(p, "briefings/main.md", "mine");
    expect(await reloadKeeping([e], p.core, answer("theirs").choose)).toBe("reloaded");
    expect(p.disk["briefings/main.md"]).toBe("theirs");
    expect(e.dirty()).toBe(false);
    expect(p.log).toEqual(["reload", "discard briefings/main.md"]);
  });

  it("no choice keeps both versions and does not reload", async () => {
    const p = project({ "briefings/main.md": "old", "excerpts/x.toml": "x" });
    p.pull("briefings/main.md", "theirs");
    const mine = edit(p, "briefings/main.md", "mine");
    const other = edit(p, "excerpts/x.toml", "form");
    expect(await reloadKeeping([mine, other], p.core, answer(null).choose)).toBeNull();
    expect(p.disk["briefings/main.md"]).toBe("theirs");
    expect(mine.text).toBe("mine");
    // The edit without a conflict is saved all the same: it could be lost otherwise.
    expect(p.disk["excerpts/x.toml"]).toBe("form");
    expect(p.log).toEqual(["save excerpts/x.toml"]);
  });

  it("a save refused because the file changed meanwhile becomes a conflict", async () => {
    const p = project({ "briefings/main.md": "old" });
    const e = edit(p, "briefings/main.md", "mine");
    // The look finds nothing; the pull lands before the save.
    const core = { ...p.core, changes: async () => (p.pull("briefings/main.md", "theirs"), []) };
    const { asked, choose } = answer("mine");
    await reloadKeeping([e], core, choose);
    expect(asked).toEqual([["briefings/main.md"]]);
    expect(p.disk["briefings/main.md"]).toBe("mine");
  });

  it("any other failed save stops the reload", async () => {
    const p = project({ "briefings/main.md": "old" });
    const e = edit(p, "briefings/main.md", "mine");
    e.save = async () => {
      throw { code: "io", message: "disk full" };
    };
    await expect(reloadKeeping([e], p.core, answer("mine").choose)).rejects.toEqual({ code: "io", message: "disk full" });
    expect(p.log).toEqual([]);
    expect(e.dirty()).toBe(true);
  });

  it("a save of mine that fails after the reload is reported and stays unsaved", async () => {
    const p = project({ "briefings/main.md": "old" });
    p.pull("briefings/main.md", "theirs");
    const e = edit(p, "briefings/main.md", "mine");
    const save = e.save.bind(e);
    e.save = async () => {
      if (p.log.includes("reload")) throw { code: "io", message: "disk full" };
      await save();
    };
    const errors: unknown[] = [];
    expect(await reloadKeeping([e], p.core, answer("mine").choose, (x) => errors.push(x))).toBe("reloaded");
    expect(errors).toEqual([{ code: "io", message: "disk full" }]);
    expect(e.dirty()).toBe(true);
    expect(p.disk["briefings/main.md"]).toBe("theirs");
  });

  it("reloads at once when nothing is unsaved", async () => {
    const p = project({ "briefings/main.md": "old" });
    p.pull("briefings/main.md", "theirs");
    const e = edit(p, "briefings/main.md", "x");
    e.text = null;
    expect(await reloadKeeping([e], p.core, answer("mine").choose)).toBe("reloaded");
    expect(p.log).toEqual(["reload"]);
  });
});

describe("split", () => {
  it("matches files whatever the separator", () => {
    const p = project({});
    const a = edit(p, "briefings/main.md", "a");
    const b = edit(p, "excerpts/x.toml", "b");
    const { conflicts, safe } = split([a, b], ["briefings\\main.md", "sources/s.md"]);
    expect(conflicts).toEqual([a]);
    expect(safe).toEqual([b]);
  });
});

describe("PendingEdits", () => {
  it("lists the registered edits with something unsaved until they are unregistered", () => {
    const p = project({});
    const reg = new PendingEdits();
    const a = edit(p, "a", "typed");
    const b = edit(p, "b", "typed");
    b.text = null;
    const drop = reg.add(a);
    reg.add(b);
    expect(reg.dirty()).toEqual([a]);
    drop();
    expect(reg.dirty()).toEqual([]);
  });
});
