// Citation chips in the briefing editor: each `[@id]` group on screen drawn as a chip with the
// date and outlet (the id stays in the text), its card (quote, source, grades, origin) shown
// while the pointer is on it or the cursor beside it, Ctrl+click to open the source in the
// reader, and the spans spell checking must skip (chips, raw citations, code). Which groups
// are chips is `citations.ts`'s pure layout; this module only turns it into decorations.

import { type EditorState, type Extension, RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  showTooltip,
  type Tooltip,
  ViewPlugin,
  type ViewUpdate,
  WidgetType,
} from "@codemirror/view";
import { syntaxTree } from "@codemirror/language";
import type { CitableView } from "../lib/backend";
import { type CitationGroup, chipLayout, citationAt } from "./citations";

/** The project's excerpts by id, as the chips and cards show them. */
export const setCards = StateEffect.define<ReadonlyMap<string, CitableView>>();
export const cards = StateField.define<ReadonlyMap<string, CitableView>>({
  create: () => new Map(),
  update: (value, tr) => tr.effects.reduce((v, e) => (e.is(setCards) ? e.value : v), value),
});

/** What a chip says of one cited id. */
export function chipLabel(id: string, card: CitableView | undefined): string {
  if (!card) return `? ${id}`;
  const who = card.outlet || card.source_title || card.source;
  return `${card.date_human || "undated"} · ${who}`;
}

class Chip extends WidgetType {
  constructor(
    readonly ids: readonly string[],
    readonly labels: readonly string[],
    readonly unknown: readonly boolean[],
  ) {
    super();
  }

  eq(other: Chip) {
    return other.ids.join() === this.ids.join() && other.labels.join("\n") === this.labels.join("\n");
  }

  toDOM() {
    const chip = document.createElement("span");
    chip.className = "cm-chip";
    chip.spellcheck = false;
    chip.dataset.testid = "citation-chip";
    this.ids.forEach((id, i) => {
      const part = document.createElement("span");
      part.className = this.unknown[i] ? "cm-chip-part cm-chip-unknown" : "cm-chip-part";
      part.dataset.id = id;
      part.textContent = this.labels[i];
      part.title = this.unknown[i] ? `[@${id}] cites no excerpt of this project` : `[@${id}]`;
      chip.appendChild(part);
    });
    return chip;
  }

  ignoreEvent() {
    // Pointer events reach the editor's handlers (hover card, Ctrl+click).
    return false;
  }
}

const rawCitation = Decoration.mark({ class: "cm-citation-raw", attributes: { spellcheck: "false" } });
const code = Decoration.mark({ attributes: { spellcheck: "false" } });
const CODE_NODES = new Set(["InlineCode", "FencedCode", "CodeBlock"]);

/** The decorations of the lines on screen: chips (also the editor's atomic ranges) and the
 * marks that keep spell checking off citations and code. */
function build(view: EditorView): { all: DecorationSet; chips: DecorationSet } {
  const state = view.state;
  const known = state.field(cards);
  const selection = state.selection.ranges;
  const all: { from: number; to: number; deco: Decoration }[] = [];
  const chips = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    const start = state.doc.lineAt(from).from;
    const end = state.doc.lineAt(to).to;
    for (const c of chipLayout(state.doc.sliceString(start, end), start, selection)) {
      if (c.raw) {
        all.push({ from: c.from, to: c.to, deco: rawCitation });
        continue;
      }
      const deco = Decoration.replace({
        widget: new Chip(
          c.ids,
          c.ids.map((id) => chipLabel(id, known.get(id))),
          c.ids.map((id) => !known.has(id)),
        ),
      });
      all.push({ from: c.from, to: c.to, deco });
      chips.add(c.from, c.to, deco);
    }
    syntaxTree(state).iterate({
      from: start,
      to: end,
      enter: (node) => {
        if (!CODE_NODES.has(node.name)) return;
        all.push({ from: node.from, to: node.to, deco: code });
        return false;
      },
    });
  }
  return { all: Decoration.set(all.map((d) => d.deco.range(d.from, d.to)), true), chips: chips.finish() };
}

const chipPlugin = ViewPlugin.fromClass(
  class {
    all: DecorationSet;
    chips: DecorationSet;
    constructor(view: EditorView) {
      ({ all: this.all, chips: this.chips } = build(view));
    }
    update(u: ViewUpdate) {
      if (
        u.docChanged ||
        u.viewportChanged ||
        u.selectionSet ||
        u.startState.field(cards) !== u.state.field(cards) ||
        syntaxTree(u.startState) !== syntaxTree(u.state)
      ) {
        ({ all: this.all, chips: this.chips } = build(u.view));
      }
    }
  },
  {
    decorations: (p) => p.all,
    provide: (plugin) => EditorView.atomicRanges.of((view) => view.plugin(plugin)?.chips ?? Decoration.none),
  },
);

/** The citation group that `pos` touches, read from its line. */
export function groupAt(state: EditorState, pos: number): CitationGroup | null {
  const line = state.doc.lineAt(pos);
  return citationAt(line.text, line.from, pos);
}

/** The card shown while the pointer is on a chip (`hover.of(null)` hides it). */
export const hover = StateEffect.define<number | null>();
const hovered = StateField.define<number | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(hover)) value = e.value;
    return tr.docChanged ? null : value;
  },
});

/** What a card does besides showing: open the source, fix an unknown citation. */
export interface CardActions {
  open(card: CitableView): void;
  fix(view: EditorView, id: { id: string; from: number; to: number }): void;
}

function cardTooltip(state: EditorState, actions: CardActions): Tooltip | null {
  const sel = state.selection.main;
  const at = state.field(hovered) ?? (sel.empty ? sel.head : null);
  if (at === null) return null;
  const group = groupAt(state, at);
  if (!group) return null;
  const known = state.field(cards);
  return {
    pos: group.from,
    end: group.to,
    above: true,
    create: (view) => {
      const dom = document.createElement("div");
      dom.className = "cm-citation-card";
      dom.dataset.testid = "citation-card";
      dom.spellcheck = false;
      for (const c of group.ids) {
        const card = known.get(c.id);
        dom.appendChild(card ? describe(card, actions) : unknownCard(view, c, actions));
      }
      // Placed by the chip itself: a chip that starts a wrapped row has its position at the
      // end of the row before, where the card would stray.
      const getCoords = (pos: number) => {
        const chip = [...view.contentDOM.querySelectorAll(".cm-chip")].find((e) => view.posAtDOM(e) === group.from);
        return chip?.getBoundingClientRect() ?? view.coordsAtPos(pos)!;
      };
      return { dom, getCoords };
    },
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function describe(card: CitableView, actions: CardActions): HTMLElement {
  const box = el("div", "", "cm-card");
  box.append(
    el("div", `${card.date_human || "undated"} · ${card.outlet || "outlet unknown"}`, "cm-card-head"),
    el("blockquote", card.quote, "cm-card-quote"),
    el("div", `Source: ${card.source_title || card.source}`),
    el("div", `Grades: ${card.reliability}${card.credibility} (source reliability, information credibility)`),
    el("div", `Origin: ${card.origin || "unknown"}`),
  );
  const open = el("button", "Open in the reader", "cm-card-open");
  open.type = "button";
  open.title = "Ctrl+click the chip, or Ctrl+Shift+Enter beside it";
  open.onclick = () => actions.open(card);
  box.appendChild(open);
  return box;
}

function unknownCard(view: EditorView, id: { id: string; from: number; to: number }, actions: CardActions): HTMLElement {
  const box = el("div", "", "cm-card cm-card-unknown");
  box.appendChild(el("div", `[@${id.id}] cites no excerpt of this project (removed, or mistyped).`));
  const fix = el("button", "Pick the excerpt…", "cm-card-fix");
  fix.type = "button";
  fix.dataset.testid = "citation-fix";
  fix.onclick = () => actions.fix(view, id);
  box.appendChild(fix);
  return box;
}

/** The chips, their cards and their pointer handling. */
export function citationChips(actions: CardActions): Extension {
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const card = StateField.define<Tooltip | null>({
    create: (state) => cardTooltip(state, actions),
    update: (value, tr) =>
      tr.docChanged || tr.selection || tr.effects.some((e) => e.is(hover) || e.is(setCards))
        ? cardTooltip(tr.state, actions)
        : value,
    provide: (f) => showTooltip.from(f),
  });
  const chipOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(".cm-chip") : null);
  return [
    cards,
    hovered,
    card,
    chipPlugin,
    EditorView.domEventHandlers({
      mouseover(e, view) {
        const chip = chipOf(e.target);
        if (!chip) return false;
        clearTimeout(hideTimer);
        const pos = view.posAtDOM(chip);
        if (view.state.field(hovered) !== pos) view.dispatch({ effects: hover.of(pos) });
        return false;
      },
      mouseout(e, view) {
        if (!chipOf(e.target) || view.state.field(hovered) === null) return false;
        // Time to move onto the card (its buttons) before it goes.
        clearTimeout(hideTimer);
        hideTimer = setTimeout(() => {
          const onCard = view.dom.querySelector(".cm-citation-card:hover");
          if (!onCard && view.state.field(hovered) !== null) view.dispatch({ effects: hover.of(null) });
        }, 600);
        return false;
      },
      mousedown(e, view) {
        const part = e.target instanceof Element ? e.target.closest<HTMLElement>(".cm-chip-part") : null;
        if (!part || !(e.ctrlKey || e.metaKey)) return false;
        const c = view.state.field(cards).get(part.dataset.id ?? "");
        if (c) actions.open(c);
        e.preventDefault();
        return true;
      },
    }),
  ];
}

/** The card of the citation beside the cursor, to open with the keyboard. */
export function citationAtCursor(state: EditorState): CitableView | null {
  const group = groupAt(state, state.selection.main.head);
  const known = state.field(cards);
  for (const c of group?.ids ?? []) {
    const card = known.get(c.id);
    if (card) return card;
  }
  return null;
}

export const chipTheme = EditorView.theme({
  ".cm-chip": {
    display: "inline-flex",
    gap: "2px",
    padding: "0 2px",
    borderRadius: "4px",
    backgroundColor: "#e8eef6",
    border: "1px solid #b9c8dc",
    fontFamily: "system-ui, sans-serif",
    fontSize: "12px",
    cursor: "pointer",
  },
  ".cm-chip-part": { padding: "0 3px" },
  ".cm-chip-part + .cm-chip-part": { borderLeft: "1px solid #b9c8dc" },
  ".cm-chip-unknown": { backgroundColor: "#fbe3e1", color: "#8a1c12", textDecoration: "wavy underline #c0392b" },
  ".cm-citation-raw": { color: "#35557a" },
  ".cm-citation-card": { maxWidth: "34rem", padding: "0.4rem 0.6rem", fontFamily: "system-ui, sans-serif", fontSize: "13px" },
  ".cm-card + .cm-card": { borderTop: "1px solid #d9d6cd", marginTop: "0.4rem", paddingTop: "0.4rem" },
  ".cm-card-head": { fontWeight: "600" },
  ".cm-card-quote": { margin: "0.3rem 0", paddingLeft: "0.5rem", borderLeft: "3px solid #b9c8dc", whiteSpace: "pre-wrap" },
  ".cm-card button": { marginTop: "0.3rem" },
});
