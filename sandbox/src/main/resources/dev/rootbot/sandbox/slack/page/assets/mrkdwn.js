// Slack's mrkdwn drawn as DOM: *bold*, _italic_, ~strike~, `code`, ```code blocks```, > quotes,
// <links|labels>, <@U…> mentions, <#C…> channels, <!subteam^S…>, <!here>, <!date^…>, and :emoji:.
// Slack escapes & < > in text as &amp; &lt; &gt;; they are unescaped only into text nodes.
import { el, link } from './dom.js';
import { emoji } from './emoji.js';

export function unescape(text) {
  return String(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * A fragment for mrkdwn text. `directory` answers userName(id), channelName(id) and groupHandle(id);
 * `now` is the Date that "today" is relative to.
 */
export function mrkdwn(text, directory, now = new Date()) {
  const fragment = document.createDocumentFragment();
  const parts = String(text ?? '').split(/```([\s\S]*?)```/);
  parts.forEach((part, index) => {
    const isCode = index % 2 === 1;
    if (isCode) {
      fragment.append(el('pre', { class: 'code-block', text: unescape(part.replace(/^\n/, '').replace(/\n$/, '')) }));
      return;
    }
    let prose = part;
    if (index > 0) prose = prose.replace(/^\n/, '');
    if (index < parts.length - 1) prose = prose.replace(/\n$/, '');
    lines(prose, directory, now, fragment);
  });
  return fragment;
}

const QUOTE_REST = /^(?:>>>|&gt;&gt;&gt;) ?/;
const QUOTE_LINE = /^(?:>|&gt;) ?/;

function lines(text, directory, now, into) {
  if (text === '') return;
  const all = text.split('\n');
  let plain = [];
  const flush = () => {
    if (plain.length) into.append(...inline(plain.join('\n'), directory, now));
    plain = [];
  };
  for (let i = 0; i < all.length; i++) {
    if (QUOTE_REST.test(all[i])) {
      flush();
      const rest = [all[i].replace(QUOTE_REST, ''), ...all.slice(i + 1)].join('\n');
      into.append(el('blockquote', { class: 'quote' }, inline(rest, directory, now)));
      return;
    }
    if (QUOTE_LINE.test(all[i])) {
      flush();
      const quoted = [];
      while (i < all.length && QUOTE_LINE.test(all[i]) && !QUOTE_REST.test(all[i])) {
        quoted.push(all[i].replace(QUOTE_LINE, ''));
        i++;
      }
      i--;
      into.append(el('blockquote', { class: 'quote' }, inline(quoted.join('\n'), directory, now)));
      continue;
    }
    plain.push(all[i]);
  }
  flush();
}

const STYLES = { '*': 'strong', _: 'em', '~': 's' };
const WORD = /[\p{L}\p{N}]/u;

/** Inline mrkdwn as an array of nodes. */
export function inline(text, directory, now = new Date()) {
  const out = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(document.createTextNode(unescape(plain)));
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '<') {
      const end = text.indexOf('>', i + 1);
      if (end > i + 1 && !text.slice(i + 1, end).includes('<')) {
        flush();
        out.push(angle(text.slice(i + 1, end), directory, now));
        i = end + 1;
        continue;
      }
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push(el('code', { class: 'inline-code', text: unescape(text.slice(i + 1, end)) }));
        i = end + 1;
        continue;
      }
    }
    if (STYLES[c] && opens(text, i)) {
      const end = closing(text, i);
      if (end > 0) {
        flush();
        out.push(el(STYLES[c], {}, inline(text.slice(i + 1, end), directory, now)));
        i = end + 1;
        continue;
      }
    }
    if (c === ':') {
      const match = /^:([a-z0-9_+'-]+):/.exec(text.slice(i));
      if (match && emoji(match[1])) {
        flush();
        out.push(el('span', { class: 'emoji', title: match[0], text: emoji(match[1]) }));
        i += match[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** A style marker opens at the start or after a non-word character, before a non-space. */
function opens(text, i) {
  const before = i === 0 ? '' : text[i - 1];
  const after = text[i + 1];
  return after !== undefined && !/\s/.test(after) && after !== text[i] && !(before && WORD.test(before));
}

/** Where the marker opened at i closes on the same line, skipping <…> and `…`; -1 when it does not. */
function closing(text, i) {
  const marker = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c === '<' || c === '`') {
      const end = text.indexOf(c === '<' ? '>' : '`', j + 1);
      if (end > j) {
        j = end;
        continue;
      }
    }
    if (c === marker && j > i + 1 && !/\s/.test(text[j - 1]) && !(text[j + 1] && WORD.test(text[j + 1]))) {
      return j;
    }
  }
  return -1;
}

function angle(content, directory, now) {
  const bar = content.indexOf('|');
  const target = bar < 0 ? content : content.slice(0, bar);
  const label = bar < 0 ? null : content.slice(bar + 1);
  if (/^@[UWB][A-Z0-9]+$/.test(target)) {
    const name = label ? unescape(label) : directory.userName(target.slice(1));
    return el('span', { class: 'mention', dataset: { user: target.slice(1) }, text: '@' + name });
  }
  if (/^#[CGD][A-Z0-9]+$/.test(target)) {
    const name = label ? unescape(label) : directory.channelName(target.slice(1));
    return el('span', { class: 'mention channel-mention', text: '#' + name });
  }
  if (target.startsWith('!subteam^')) {
    const id = target.slice('!subteam^'.length);
    return el('span', { class: 'mention', text: label ? unescape(label) : '@' + directory.groupHandle(id) });
  }
  if (target.startsWith('!date^')) {
    return date(target, label, now);
  }
  if (target.startsWith('!')) {
    return el('span', { class: 'mention broadcast', text: '@' + (label ? unescape(label) : target.slice(1)) });
  }
  const url = unescape(target);
  return link(url, label ? unescape(label) : url.replace(/^mailto:/, ''));
}

// ---- dates: <!date^EPOCH^FORMAT[^LINK]|FALLBACK> in the reader's own time zone ----

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function date(target, fallback, now) {
  const [, epoch, format = '', url] = target.split('^');
  const when = new Date(Number(epoch) * 1000);
  const shown = /^\d+$/.test(epoch ?? '') && !Number.isNaN(when.getTime())
    ? formatDate(when, unescape(format), now)
    : unescape(fallback ?? '');
  const node = el('time', { class: 'date', datetime: Number.isNaN(when.getTime()) ? null : when.toISOString(),
    title: fallback ? unescape(fallback) : null, text: shown });
  return url ? link(unescape(url), node) : node;
}

export function formatDate(when, format, now = new Date()) {
  return format.replace(/\{(\w+)\}/g, (whole, token) => {
    const pretty = relativeDay(when, now);
    switch (token) {
      case 'date_num': return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
      case 'date': return longDate(when);
      case 'date_short': return `${MONTHS[when.getMonth()].slice(0, 3)} ${when.getDate()}, ${when.getFullYear()}`;
      case 'date_long': return `${DAYS[when.getDay()]}, ${longDate(when)}`;
      case 'date_pretty': return pretty ?? longDate(when);
      case 'date_short_pretty':
        return pretty ?? `${MONTHS[when.getMonth()].slice(0, 3)} ${when.getDate()}, ${when.getFullYear()}`;
      case 'date_long_pretty': return pretty ?? `${DAYS[when.getDay()]}, ${longDate(when)}`;
      case 'time': return when.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
      case 'time_secs':
        return when.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });
      case 'ago': return ago(when, now);
      default: return whole;
    }
  });
}

function relativeDay(when, now) {
  const day = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const diff = Math.round((day(when) - day(now)) / 86400000);
  return { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' }[diff];
}

function longDate(when) {
  const d = when.getDate();
  const suffix = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return `${MONTHS[when.getMonth()]} ${d}${suffix}, ${when.getFullYear()}`;
}

function ago(when, now) {
  const seconds = Math.round((now - when) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  const [n, unit] = s < 60 ? [s, 'second'] : s < 3600 ? [Math.round(s / 60), 'minute']
    : s < 86400 ? [Math.round(s / 3600), 'hour'] : [Math.round(s / 86400), 'day'];
  const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return future ? `in ${phrase}` : `${phrase} ago`;
}

function pad(n) {
  return String(n).padStart(2, '0');
}
