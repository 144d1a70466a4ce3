// Builds the page from data with createElement and text nodes only. Nothing in the page ever parses a
// string as HTML, so no text from a message, a person or the bot can become markup or script.

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * An element with attributes and children. `text` sets textContent, `class` the class name, `dataset`
 * data-* attributes. Event handlers, href, src and style are refused here: handlers are added with
 * addEventListener, and links only through link(), which checks the URL.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (/^on|^(href|src|srcdoc|style|formaction|action)$/i.test(name)) {
      throw new Error(`el() does not set ${name}`);
    } else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children: nodes as they are, strings and numbers as text nodes, nested arrays flattened. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The URL when it is http(s) or mailto, otherwise null. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return SAFE_SCHEMES.has(parsed.protocol) ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

/** A link that opens in a new tab and tells the target nothing; for any other scheme, just the label. */
export function link(url, ...children) {
  const safe = safeUrl(url);
  if (!safe) return el('span', { class: 'unlinked', title: 'Not a web link' }, ...children);
  const anchor = el('a', { target: '_blank', rel: 'noopener noreferrer' }, ...children);
  anchor.href = safe;
  return anchor;
}

/** A link that downloads one of the files the page serves, under /page/files/; any other path links nowhere. */
export function download(path, name, ...children) {
  const anchor = el('a', { class: 'download', download: name }, ...children);
  if (/^\/page\/files\/F[A-Z0-9]+$/.test(path)) anchor.href = path;
  return anchor;
}

/** A size in bytes as people read it: "812 B", "3.4 KB", "1.2 MB". */
export function byteSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function on(node, event, handler) {
  node.addEventListener(event, handler);
  return node;
}

/** Slack's time of day for a message ts or a Date: "10:32 AM". */
export function timeOfDay(date) {
  return date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
}

export function fromTs(ts) {
  return new Date(Math.round(parseFloat(ts) * 1000));
}

/** One of eight avatar colours, chosen by the ID so a person keeps theirs. */
export function colourOf(id) {
  let hash = 0;
  for (const c of String(id)) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `avatar-colour-${hash % 8}`;
}
