// The briefing's `##` sections, for the outline beside the editor (the core has the same rule
// in `Briefing::sections`: fenced code is not a heading).

export interface Section {
  heading: string;
  /** 1-based line. */
  line: number;
}

export function sections(body: string): Section[] {
  const out: Section[] = [];
  let fence: string | null = null;
  body.split("\n").forEach((raw, i) => {
    const t = raw.trimStart();
    if (fence) {
      if (t.startsWith(fence)) fence = null;
      return;
    }
    const f = /^(```|~~~)/.exec(t);
    if (f) {
      fence = f[1];
      return;
    }
    if (raw.startsWith("## ")) {
      out.push({ heading: raw.slice(3).trim().replace(/#+$/, "").trim(), line: i + 1 });
    }
  });
  return out;
}
