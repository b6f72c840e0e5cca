// A small in-memory DOM, just enough for react-dom/client to mount, update and dispatch clicks in Node
// (the project has no jsdom): elements, text, attributes, form values, select options and event bubbling.
// For tests that must see React's commits one by one, which server rendering cannot show.
import type { Root } from 'react-dom/client';
import { afterAll, beforeAll } from 'vitest';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_NODE = 9;

type Listener = { fn: (e: MiniEvent) => void; capture: boolean };

export class MiniEvent {
  target: MiniNode | null = null;
  currentTarget: MiniNode | null = null;
  eventPhase = 0;
  defaultPrevented = false;
  propagationStopped = false;
  readonly timeStamp = Date.now();
  readonly isTrusted = true;
  constructor(
    readonly type: string,
    readonly bubbles = true,
    readonly cancelable = true,
  ) {}
  preventDefault(): void {
    if (this.cancelable) this.defaultPrevented = true;
  }
  stopPropagation(): void {
    this.propagationStopped = true;
  }
  stopImmediatePropagation(): void {
    this.propagationStopped = true;
  }
}

export class MiniNode {
  parentNode: MiniNode | null = null;
  childNodes: MiniNode[] = [];
  private listeners = new Map<string, Listener[]>();
  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    public ownerDocument: MiniDocument | null,
  ) {}
  get firstChild(): MiniNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): MiniNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get nextSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get parentElement(): MiniElement | null {
    return this.parentNode instanceof MiniElement ? this.parentNode : null;
  }
  appendChild<T extends MiniNode>(child: T): T {
    return this.insertBefore(child, null);
  }
  insertBefore<T extends MiniNode>(child: T, before: MiniNode | null): T {
    child.parentNode?.removeChild(child);
    const at = before ? this.childNodes.indexOf(before) : -1;
    if (at < 0) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild<T extends MiniNode>(child: T): T {
    this.childNodes = this.childNodes.filter((c) => c !== child);
    child.parentNode = null;
    return child;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    if (text !== '' && text !== null && this.ownerDocument) this.appendChild(this.ownerDocument.createTextNode(String(text)));
  }
  addEventListener(type: string, fn: (e: MiniEvent) => void, options?: boolean | { capture?: boolean }): void {
    const capture = typeof options === 'boolean' ? options : options?.capture === true;
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), { fn, capture }]);
  }
  removeEventListener(type: string, fn: (e: MiniEvent) => void, options?: boolean | { capture?: boolean }): void {
    const capture = typeof options === 'boolean' ? options : options?.capture === true;
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l.fn !== fn || l.capture !== capture));
  }
  /** Capture from the top down to the target, then bubble back up (as browsers do). */
  dispatchEvent(event: MiniEvent): boolean {
    event.target = this;
    const path: MiniNode[] = [this];
    for (let n = this.parentNode; n; n = n.parentNode) path.push(n);
    const run = (node: MiniNode, capture: boolean | null) => {
      event.currentTarget = node;
      for (const l of node.listeners.get(event.type) ?? []) if (capture === null || l.capture === capture) l.fn.call(node, event);
    };
    for (const node of [...path].reverse().slice(0, -1)) {
      event.eventPhase = 1;
      if (!event.propagationStopped) run(node, true);
    }
    event.eventPhase = 2;
    if (!event.propagationStopped) run(this, null);
    if (event.bubbles) {
      event.eventPhase = 3;
      for (const node of path.slice(1)) if (!event.propagationStopped) run(node, false);
    }
    return !event.defaultPrevented;
  }
}

export class MiniText extends MiniNode {
  constructor(
    public nodeValue: string,
    doc: MiniDocument,
    nodeType = TEXT_NODE,
  ) {
    super(nodeType, nodeType === TEXT_NODE ? '#text' : '#comment', doc);
  }
  get data(): string {
    return this.nodeValue;
  }
  override get textContent(): string {
    return this.nodeType === TEXT_NODE ? this.nodeValue : '';
  }
  override set textContent(text: string) {
    this.nodeValue = text;
  }
}

export class MiniElement extends MiniNode {
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> & { setProperty(name: string, value: string): void; removeProperty(name: string): void };
  readonly namespaceURI = 'http://www.w3.org/1999/xhtml';
  // form state, set by React as properties
  defaultValue = '';
  checked = false;
  defaultChecked = false;
  defaultSelected = false;
  multiple = false;
  disabled = false;
  type = '';
  name = '';
  open = false;
  constructor(
    readonly tagName: string,
    doc: MiniDocument,
  ) {
    super(ELEMENT_NODE, tagName.toUpperCase(), doc);
    const style = {} as MiniElement['style'];
    Object.defineProperty(style, 'setProperty', { value: (n: string, v: string) => (style[n] = v) });
    Object.defineProperty(style, 'removeProperty', { value: (n: string) => delete style[n] });
    this.style = style;
  }
  private ownValue = '';
  private isSelected = false;
  /** An input's value; a select's selected option's value; an option's value attribute, else its text. */
  get value(): string {
    if (this.localName === 'select') {
      const options = this.options;
      return (options.find((o) => o.selected) ?? options.find((o) => !o.disabled))?.value ?? '';
    }
    if (this.localName === 'option') return this.getAttribute('value') ?? this.textContent;
    return this.ownValue;
  }
  set value(v: string) {
    if (this.localName === 'select') for (const o of this.options) o.isSelected = o.value === String(v);
    else if (this.localName === 'option') this.setAttribute('value', v);
    else this.ownValue = String(v);
  }
  /** An option's selectedness: selecting one option of a single select deselects the others. */
  get selected(): boolean {
    return this.isSelected;
  }
  set selected(on: boolean) {
    let select: MiniNode | null = this.parentNode;
    while (select && !(select instanceof MiniElement && select.localName === 'select')) select = select.parentNode;
    if (on && select instanceof MiniElement && !select.multiple) for (const o of select.options) o.isSelected = false;
    this.isSelected = on;
  }
  get localName(): string {
    return this.tagName.toLowerCase();
  }
  get id(): string {
    return this.getAttribute('id') ?? '';
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  setAttributeNS(_ns: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  removeAttributeNS(_ns: string | null, name: string): void {
    this.removeAttribute(name);
  }
  focus(): void {
    if (this.ownerDocument) this.ownerDocument.activeElement = this;
  }
  blur(): void {
    if (this.ownerDocument?.activeElement === this) this.ownerDocument.activeElement = this.ownerDocument.body;
  }
  click(): void {
    this.dispatchEvent(new MiniEvent('click'));
  }
  /** The option elements of a select, in document order. */
  get options(): MiniElement[] {
    return this.querySelectorAll((e) => e.localName === 'option');
  }
  querySelectorAll(test: (e: MiniElement) => boolean): MiniElement[] {
    const out: MiniElement[] = [];
    const walk = (n: MiniNode) => {
      for (const c of n.childNodes) {
        if (c instanceof MiniElement) {
          if (test(c)) out.push(c);
          walk(c);
        }
      }
    };
    walk(this);
    return out;
  }
}

export class MiniDocument extends MiniNode {
  readonly documentElement: MiniElement;
  readonly body: MiniElement;
  activeElement: MiniElement | null;
  defaultView: unknown = null;
  constructor() {
    super(DOCUMENT_NODE, '#document', null);
    this.documentElement = this.createElement('html');
    this.body = this.createElement('body');
    this.appendChild(this.documentElement).appendChild(this.body);
    this.activeElement = this.body;
  }
  createElement(tag: string): MiniElement {
    return new MiniElement(tag, this);
  }
  createElementNS(_ns: string, tag: string): MiniElement {
    return new MiniElement(tag, this);
  }
  createTextNode(text: string): MiniText {
    return new MiniText(text, this);
  }
  createComment(text: string): MiniText {
    return new MiniText(text, this, COMMENT_NODE);
  }
  getElementById(id: string): MiniElement | null {
    return this.documentElement.querySelectorAll((e) => e.id === id)[0] ?? null;
  }
}

/** Installs `window` and `document` globals for react-dom/client; returns the document and an uninstaller. */
export function installMiniDom(): { document: MiniDocument; uninstall: () => void } {
  const document = new MiniDocument();
  class HTMLIFrameElement {}
  const window = { document, HTMLIFrameElement, event: undefined, location: { protocol: 'http:' }, getSelection: () => null } as Record<string, unknown>;
  window.window = window;
  window.self = window;
  window.top = null; // not a top-level page: react-dom skips its DevTools banner (which reads `navigator`)
  document.defaultView = window;
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, document: g.document, act: g.IS_REACT_ACT_ENVIRONMENT };
  g.window = window;
  g.document = document;
  g.IS_REACT_ACT_ENVIRONMENT = true;
  return {
    document,
    uninstall: () => {
      g.window = saved.window;
      g.document = saved.document;
      g.IS_REACT_ACT_ENVIRONMENT = saved.act;
    },
  };
}

/**
 * The mini DOM for one test file: installed before its tests, removed after. react-dom/client looks for a
 * DOM when it loads, so it is imported once the globals are in place; use `createRoot()` from here.
 */
export function useMiniDom(): { document: () => MiniDocument; createRoot: (container: MiniElement) => Root } {
  let dom: ReturnType<typeof installMiniDom> | null = null;
  let create: ((container: Element) => Root) | null = null;
  beforeAll(async () => {
    dom = installMiniDom();
    ({ createRoot: create } = await import('react-dom/client'));
  });
  afterAll(() => dom?.uninstall());
  return {
    document: () => (dom as ReturnType<typeof installMiniDom>).document,
    createRoot: (container) => (create as (container: Element) => Root)(container as unknown as Element),
  };
}
