/**
 * The little of the DOM this stage uses, typed here because the project compiles without the DOM
 * lib (linkedom's own declarations refer to DOM types and would otherwise leak `any`).
 */
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  /** Lower-case tag name. */
  readonly localName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

const WHOLE_DOCUMENT = /<html[\s>]/i;

/**
 * A document for `html`, a whole page or a fragment. linkedom only builds `<body>` for whole
 * documents (a bare `<p>` becomes the root, and an empty string breaks `body`), so fragments are
 * wrapped first.
 */
export function parseDocument(html: string): DomDocument {
  if (WHOLE_DOCUMENT.test(html)) {
    const document: DomDocument = parseHTML(html).document;
    if (document.documentElement !== null && bodyOf(document) !== null) return document;
  }
  const wrapped: DomDocument = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document;
  return wrapped;
}

/** The body, or null where linkedom cannot give one (its getter throws on odd documents). */
export function bodyOf(document: DomDocument): DomElement | null {
  try {
    return document.body;
  } catch {
    return null;
  }
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}
