// DOM helpers for the pages. Text always goes in as textContent (never innerHTML), so what users
// typed (a pet's name, a reason) shows as text, whatever characters it holds.

/** el('button', {type: 'submit', onclick: f}, 'Save', child...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of a node. */
export function show(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A labelled form field: <label>Text <input ...></label>. */
export function field(label, control) {
  return el('label', { class: 'field' }, el('span', { text: label }), control);
}

/** A select with options [[value, text], ...]. */
export function select(attributes, options, selected) {
  return el('select', attributes, options.map(([value, text]) => el('option', { value, selected: String(value) === String(selected ?? '') }, text)));
}

let statusNode;
let alertNode;

/** Polite announcement (role=status). */
export function announce(text) {
  statusNode ||= document.getElementById('status');
  if (alertNode) show(alertNode);
  show(statusNode, text);
}

/** An error announcement (role=alert). */
export function alarm(text) {
  alertNode ||= document.getElementById('alert');
  show(alertNode, text);
}

export function clearMessages() {
  statusNode ||= document.getElementById('status');
  alertNode ||= document.getElementById('alert');
  show(statusNode);
  show(alertNode);
}

export function money(amount, currency) {
  const n = Number(amount);
  try { return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency || 'USD' }).format(n); } catch { return amount + ' ' + (currency || ''); }
}

export function months(age) {
  if (age == null) return '';
  return age < 12 ? age + (age === 1 ? ' month' : ' months') : Math.floor(age / 12) + (age < 24 ? ' year' : ' years');
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '';
}

/** Moves focus to a view's heading, for keyboard and screen-reader users after a route change. */
export function focusHeading(root) {
  const heading = root.querySelector('h1, h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
