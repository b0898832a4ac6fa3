// What the briefing editor completes: a citation after `[@` (the core ranks the excerpts), the
// excerpt an unknown citation should have been (its quick fix), and ICD 203's terms picked by
// shortcut. Every insertion is an ordinary edit: undone with Ctrl+Z like typing.

import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  startCompletion,
} from "@codemirror/autocomplete";
import { type Extension, StateEffect, StateField } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import type { CitableView, EstimativeView } from "../lib/backend";
import { hover } from "./chips";
import { confidenceInsertion } from "./estimative";

export interface Sources {
  candidates(query: string): Promise<CitableView[]>;
  replacements(id: string): Promise<CitableView[]>;
  terms(body: string): Promise<EstimativeView>;
}

/** What the editor asks of the app. */
export interface EditorHooks extends Sources {
  /** Opens an excerpt's source in the reader at its quote. */
  open(card: CitableView): void;
  /** The 1-based lines of the outline's sections, for the section shortcuts. */
  sectionLines(): number[];
}

/** A picker the analyst asked for: the id to replace, or a kind of term. */
type Picking = { kind: "fix"; id: string; from: number; to: number } | { kind: "likelihood" | "confidence" };

const pick = StateEffect.define<Picking>();
const picking = StateField.define<Picking | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(pick)) return e.value;
    // Any edit ends it: the choice was made, or the analyst typed on.
    return tr.docChanged ? null : value;
  },
});

/** Opens the list of excerpts that unknown citation `id` (its id's offsets) may have meant. */
export function fixCitation(view: EditorView, id: { id: string; from: number; to: number }) {
  // The card that offered the fix gives way to the list of excerpts.
  view.dispatch({ effects: [pick.of({ kind: "fix", ...id }), hover.of(null)], selection: { anchor: id.from, head: id.to } });
  view.focus();
  startCompletion(view);
}

/** Opens the likelihood or the confidence picker. */
export function pickTerm(kind: "likelihood" | "confidence") {
  return (view: EditorView) => {
    view.dispatch({ effects: pick.of({ kind }) });
    startCompletion(view);
    return true;
  };
}

function citationOption(c: CitableView, insert: string): Completion {
  return {
    label: c.summary || c.id,
    detail: `${c.date_human || "undated"} · ${c.outlet || c.source_title || c.source}`,
    info: () => {
      const q = document.createElement("div");
      q.className = "cm-completion-quote";
      q.textContent = `“${c.quote}”${c.tags.length ? `  ${c.tags.join(", ")}` : ""}`;
      return q;
    },
    apply: insert,
    type: "text",
  };
}

/** The words typed after `[@` up to the cursor (a `]` right after it is replaced too). */
async function citations(ctx: CompletionContext, sources: Sources): Promise<CompletionResult | null> {
  const typed = ctx.matchBefore(/\[@[^\][\n]*/);
  if (!typed) return null;
  const close = ctx.state.sliceDoc(ctx.pos, ctx.pos + 1) === "]" ? 1 : 0;
  const found = await sources.candidates(typed.text.slice(2));
  if (ctx.aborted) return null;
  return {
    from: typed.from,
    to: ctx.pos + close,
    options: found.map((c) => citationOption(c, `[@${c.id}]`)),
    // The core's order is the order: most relevant first.
    filter: false,
  };
}

async function picked(ctx: CompletionContext, p: Picking, sources: Sources): Promise<CompletionResult | null> {
  if (p.kind === "fix") {
    const found = await sources.replacements(p.id);
    if (ctx.aborted) return null;
    return { from: p.from, to: p.to, options: found.map((c) => citationOption(c, c.id)), filter: false };
  }
  const terms = await sources.terms(ctx.state.doc.toString());
  if (ctx.aborted) return null;
  if (p.kind === "likelihood") {
    // A word begun before asking ("lik") is replaced by the term.
    const word = ctx.matchBefore(/[a-z]+/i);
    return {
      from: word ? word.from : ctx.pos,
      options: terms.likelihood.map((t, i) => ({ label: t.term, detail: t.probability, type: "keyword", boost: -i })),
      filter: false,
    };
  }
  return {
    from: ctx.pos,
    options: terms.confidence.map((level) => ({
      label: `We have ${level} in this judgment.`,
      detail: "a sentence of its own",
      type: "keyword",
      apply: (view: EditorView) => {
        const line = view.state.doc.lineAt(view.state.selection.main.head);
        const { at, insert } = confidenceInsertion(line.text, view.state.selection.main.head - line.from, level);
        view.dispatch({
          changes: { from: line.from + at, insert },
          selection: { anchor: line.from + at + insert.trimEnd().length },
          userEvent: "input.complete",
        });
      },
    })),
    filter: false,
  };
}

/** The completion extension over `sources`. */
export function drafting(sources: Sources): Extension {
  return [
    picking,
    autocompletion({
      override: [
        (ctx) => {
          const p = ctx.state.field(picking, false);
          if (p && (p.kind !== "fix" || (ctx.pos >= p.from && ctx.pos <= p.to))) return picked(ctx, p, sources);
          return citations(ctx, sources);
        },
      ],
      icons: false,
      tooltipClass: () => "cm-drafting-completion",
    }),
  ];
}
