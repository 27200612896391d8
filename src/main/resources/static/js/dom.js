// Building DOM nodes safely: text always goes in as text (textContent / text nodes), never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an element. props: `class`, `text` (textContent), `on<event>` (listeners), `dataset`, anything else an
 * attribute (true = present, false / null = absent). Children: nodes, strings (as text), arrays, null (skipped).
 */
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements (inline charts). */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(node, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      node.setAttribute('class', value);
    } else if (key === 'text') {
      node.textContent = String(value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces an element's children. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) {
    throw new Error(`The page has no #${id}`);
  }
  return node;
}

export function show(node, visible = true) {
  node.hidden = !visible;
}

/** Tells screen-reader users what just happened (a polite live region). */
export function announce(message) {
  const announcer = byId('announcer');
  announcer.textContent = '';
  // A fresh text node after a tick, so the same message twice is announced twice.
  setTimeout(() => { announcer.textContent = message; }, 50);
}
