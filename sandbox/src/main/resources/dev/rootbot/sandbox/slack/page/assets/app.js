// The sandbox page: a Slack-like channel view of the simulated workspace. It reads /page/api/state as the
// chosen person, listens to /page/api/events for changes, and acts through /page/api/… as that person.
// For the sandbox only: anyone who can open this page can act as anyone in the workspace.
import { el, on, timeOfDay, fromTs, colourOf, download, byteSize } from './dom.js';
import { mrkdwn } from './mrkdwn.js';
import { renderBlocks } from './blocks.js';
import { Modal } from './modal.js';
import { AwsPanel } from './aws.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

const DEFAULT_VIEWER = 'U0ALICE00';

const page = {
  // A user ID or a name (?as=bob); the state answers with the ID.
  viewer: params.get('as') || DEFAULT_VIEWER,
  // A channel ID or a name (?channel=platform).
  channel: params.get('channel') || 'C0INCIDENT',
  thread: params.get('thread'),
  state: null,
  seen: new Map(),
  awsOpen: params.get('aws') !== 'closed',
};

// ---- talking to the workspace ----

async function act(path, body) {
  try {
    const response = await fetch(`/page/api/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ as: page.viewer, ...body }),
    });
    const answer = await response.json();
    if (!answer.ok) toast(answer.error || `The workspace refused (${response.status})`);
    else if (answer.acknowledged === false) toast('The bot did not answer in time.');
    return answer.ok ? answer : null;
  } catch (e) {
    toast(`Could not reach the workspace: ${e.message}`);
    return null;
  }
}

const api = {
  clickInView: (viewId, actionId) => act('click', { view_id: viewId, action_id: actionId }),
  submit: (viewId, values) => act('submit', { view_id: viewId, values }),
  suggest: (viewId, actionId, value) => act('suggest', { view_id: viewId, action_id: actionId, value }),
  closeView: (viewId) => act('close', { view_id: viewId }),
};

let fetching = null;
let again = false;

/** Fetches the state again; calls that arrive meanwhile make one more fetch after it. */
function refresh() {
  if (fetching) {
    again = true;
    return fetching;
  }
  fetching = (async () => {
    try {
      const response = await fetch(`/page/api/state?as=${encodeURIComponent(page.viewer)}`, { cache: 'no-store' });
      const state = await response.json();
      if (state.ok === false && page.viewer !== DEFAULT_VIEWER) {
        toast(`${state.error}; showing the workspace as alice.`);
        page.viewer = DEFAULT_VIEWER;
        again = true;
        return;
      }
      if (state.ok === false) throw new Error(state.error);
      page.state = state;
      page.viewer = state.viewer;
      render();
    } catch (e) {
      toast(`Could not read the workspace: ${e.message}`);
    } finally {
      fetching = null;
      if (again) {
        again = false;
        refresh();
      }
    }
  })();
  return fetching;
}

function listen() {
  const events = new EventSource('/page/api/events');
  const live = $('live');
  on(events, 'open', () => {
    live.textContent = 'live';
    live.className = 'live-status live';
  });
  on(events, 'error', () => {
    live.textContent = 'reconnecting…';
    live.className = 'live-status down';
  });
  on(events, 'hello', () => refresh());
  on(events, 'change', (event) => {
    const change = JSON.parse(event.data);
    if (!change.user || change.user === page.viewer) refresh();
  });
}

// ---- who is who ----

const directory = {
  person: (id) => page.state?.people.find((p) => p.id === id),
  userName(id) {
    const person = this.person(id);
    return person ? person.profile.display_name || person.name : id;
  },
  channelName: (id) => page.state?.channels.find((c) => c.id === id)?.name ?? id,
  groupHandle: (id) => page.state?.user_groups.find((g) => g.id === id)?.handle ?? id,
};

function context() {
  return { directory, now: new Date(), click: () => Promise.resolve() };
}

function channel() {
  return page.state.channels.find((c) => c.id === page.channel) ?? page.state.channels[0];
}

// ---- drawing ----

function render() {
  const state = page.state;
  const named = state.channels.find((c) => c.id === page.channel || c.name === page.channel.replace(/^#/, ''));
  page.channel = (named ?? state.channels[0]).id;
  $('workspace-name').textContent = state.team.name;
  document.title = `#${channel().name} – ${state.team.name} (sandbox)`;
  renderChannels();
  renderPeople();
  renderChannel();
  renderThread();
  modal.show(state.views[0], context());
  aws.connect(state.aws);
  history.replaceState(null, '', `?${new URLSearchParams({ as: directory.person(page.viewer)?.name ?? page.viewer,
    channel: channel().name,
    ...(page.thread ? { thread: page.thread } : {}), ...(page.awsOpen ? {} : { aws: 'closed' }) })}`);
}

function renderChannels() {
  const list = $('channel-list');
  list.replaceChildren(...page.state.channels.filter((c) => !c.is_im).map((c) => {
    const latest = c.messages.at(-1)?.ts ?? '0';
    const unread = c.id !== page.channel && latest > (page.seen.get(`${page.viewer}/${c.id}`) ?? '0');
    const button = el('button', { type: 'button', class: `channel-link${c.id === page.channel ? ' active' : ''}${unread ? ' unread' : ''}`,
      'aria-current': c.id === page.channel ? 'page' : null, dataset: { channel: c.id } },
      el('span', { class: 'hash', 'aria-hidden': 'true', text: '#' }), c.name);
    on(button, 'click', () => {
      page.channel = c.id;
      page.thread = null;
      render();
    });
    return el('li', {}, button);
  }));
}

function renderPeople() {
  const list = $('person-list');
  const groups = page.state.user_groups;
  list.replaceChildren(...page.state.people.filter((p) => !p.is_bot && !p.deleted).map((p) => {
    const roles = [p.profile.title, p.is_restricted ? 'guest' : null,
      ...groups.filter((g) => g.users.includes(p.id)).map((g) => `in @${g.handle}`)].filter(Boolean);
    const button = el('button', { type: 'button', class: `person${p.id === page.viewer ? ' active' : ''}`,
      'aria-pressed': String(p.id === page.viewer), dataset: { user: p.id, name: p.name } },
      el('span', { class: `avatar small ${colourOf(p.id)}`, 'aria-hidden': 'true', text: p.real_name[0] }),
      el('span', { class: 'person-text' },
        el('span', { class: 'person-name' }, p.name, el('span', { class: 'person-real', text: ` ${p.real_name}` })),
        el('span', { class: 'person-role', text: roles.join(' · ') })),
      p.id === page.viewer ? el('span', { class: 'person-you', text: 'you' }) : null);
    on(button, 'click', () => {
      if (page.viewer === p.id) return;
      page.viewer = p.id;
      modal.clear();
      refresh();
    });
    return el('li', {}, button);
  }));
  const me = directory.person(page.viewer);
  $('viewer').textContent = me ? `${me.real_name} (${me.name})` : page.viewer;
}

function renderChannel() {
  const c = channel();
  $('channel-name').textContent = c.name;
  $('composer-input').placeholder = `Message #${c.name}`;
  const mine = page.state.ephemerals.filter((e) => e.channel === c.id && !e.thread_ts);
  const items = [...c.messages.map((m) => ({ ...m, kind: 'message' })), ...mine.map((e) => ({ ...e, kind: 'ephemeral' }))]
    .sort((a, b) => parseFloat(a.ts) - parseFloat(b.ts));
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  if (!items.length) {
    list.replaceChildren(el('div', { class: 'empty-state channel-empty' },
      el('p', { class: 'empty-title' }, 'This is the very beginning of ', el('strong', { text: `#${c.name}` })),
      el('p', {}, 'No messages yet — try ', suggestion('/root help'), ' or ', suggestion('/root'), ' (opens a form).')));
    return;
  }
  keyed(list, items, (item, previous) => messageNode(item, previous, { inThread: false }));
  page.seen.set(`${page.viewer}/${c.id}`, c.messages.at(-1)?.ts ?? '0');
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function suggestion(text) {
  const button = el('button', { type: 'button', class: 'inline-code suggestion', text });
  on(button, 'click', () => {
    const input = $('composer-input');
    input.value = text + ' ';
    input.focus();
  });
  return button;
}

/**
 * Replaces the children of `list` with one node per item, reusing a node whose item is unchanged, so that
 * a changed card is replaced where it stands and nothing else moves.
 */
function keyed(list, items, draw) {
  const existing = new Map([...list.children].filter((n) => n.dataset.key).map((n) => [n.dataset.key, n]));
  const nodes = items.map((item, index) => {
    const previous = index > 0 ? items[index - 1] : null;
    const signature = JSON.stringify([item, grouped(item, previous), page.viewer]);
    const key = `${item.kind}:${item.ts}`;
    const old = existing.get(key);
    if (old && old.dataset.signature === signature) return old;
    const node = draw(item, previous);
    node.dataset.key = key;
    node.dataset.signature = signature;
    return node;
  });
  list.replaceChildren(...nodes);
}

/** Whether a message follows another by the same author closely enough to be drawn without a header. */
function grouped(item, previous) {
  return Boolean(previous && item.kind === 'message' && previous.kind === 'message' && previous.user === item.user
    && !previous.reply_count && item.subtype === previous.subtype
    && parseFloat(item.ts) - parseFloat(previous.ts) < 300);
}

function author(item) {
  if (item.kind === 'ephemeral') {
    return item.via === 'SLACK' ? { name: 'Slackbot', id: 'USLACKBOT', app: false } : { name: 'Rootbot', id: 'U0ROOTBOT', app: true };
  }
  if (item.bot_id) return { name: item.bot_profile?.name ?? 'bot', id: item.user, app: true };
  return { name: directory.userName(item.user), id: item.user, app: false };
}

function messageNode(item, previous, { inThread }) {
  const who = author(item);
  const compact = grouped(item, previous);
  const when = fromTs(item.ts);
  const body = el('div', { class: 'message-body' }, messageContent(item));
  const content = el('div', { class: 'message-content' },
    item.kind === 'ephemeral' ? el('div', { class: 'ephemeral-note' },
      el('span', { class: 'eye', 'aria-hidden': 'true', text: '👁' }), ' Only visible to you') : null,
    compact ? null : el('div', { class: 'message-meta' },
      el('span', { class: 'author', text: who.name }),
      who.app ? el('span', { class: 'app-badge', text: 'APP' }) : null,
      el('time', { class: 'ts', datetime: when.toISOString(), title: when.toLocaleString(), text: timeOfDay(when) })),
    body,
    item.files?.length ? fileList(item.files) : null,
    !inThread && item.reply_count ? threadLink(item) : null);
  return el('div', { class: `message${compact ? ' compact' : ''}${item.kind === 'ephemeral' ? ' ephemeral' : ''}${item.bot_id ? ' from-bot' : ''}`,
    dataset: { ts: item.ts, user: item.user ?? '' } },
    compact
      ? el('time', { class: 'ts gutter', datetime: when.toISOString(), title: when.toLocaleString(), text: timeOfDay(when).replace(/ [AP]M$/, '') })
      : el('div', { class: `avatar ${who.app ? 'app' : colourOf(who.id)}`, 'aria-hidden': 'true', text: who.name[0]?.toUpperCase() ?? '?' }),
    content);
}

function messageContent(item) {
  const ctx = context();
  ctx.click = (element, blockId, value) => act('click', { channel: item.channel ?? page.channel, ts: item.ts,
    action_id: element.action_id, value });
  const blocks = item.blocks ?? [];
  const drawn = blocks.length && !blocks.every((b) => b.type === 'rich_text') && item.via !== 'PERSON';
  return drawn ? renderBlocks(blocks, ctx) : el('div', { class: 'mrkdwn' }, mrkdwn(item.text, directory));
}

/** The files shared with a message, each with its title, name, type, size and a download link. */
function fileList(files) {
  return el('div', { class: 'files' }, files.map((file) => el('div', { class: 'file', dataset: { fileId: file.id } },
    el('span', { class: 'file-icon', 'aria-hidden': 'true', text: file.filetype === 'csv' ? '📊' : '📄' }),
    el('span', { class: 'file-text' },
      el('span', { class: 'file-title', text: file.title }),
      el('span', { class: 'file-meta', text: `${file.name} · ${file.pretty_type} · ${byteSize(file.size)}` })),
    download(`/page/files/${file.id}`, file.name, 'Download'))));
}

function threadLink(item) {
  const last = fromTs(item.latest_reply);
  const link = el('button', { type: 'button', class: 'thread-link', dataset: { thread: item.ts } },
    el('span', { class: 'reply-avatars' }, (item.reply_users ?? []).slice(0, 3).map((id) =>
      el('span', { class: `avatar tiny ${id === 'U0ROOTBOT' ? 'app' : colourOf(id)}`, 'aria-hidden': 'true',
        text: directory.userName(id)[0]?.toUpperCase() ?? '?' }))),
    el('span', { class: 'reply-count', text: `${item.reply_count} ${item.reply_count === 1 ? 'reply' : 'replies'}` }),
    el('span', { class: 'reply-last', text: `Last reply at ${timeOfDay(last)}` }));
  on(link, 'click', () => openThread(item.ts));
  return link;
}

function openThread(ts) {
  page.thread = ts;
  render();
  $('thread-input').focus();
}

function renderThread() {
  const pane = $('thread');
  const parent = page.thread && channel().messages.find((m) => m.ts === page.thread);
  document.body.classList.toggle('thread-open', Boolean(parent));
  pane.hidden = !parent;
  $('aws').classList.toggle('collapsed', !page.awsOpen || Boolean(parent));
  $('aws-toggle').setAttribute('aria-expanded', String(page.awsOpen && !parent));
  if (!parent) {
    page.thread = null;
    return;
  }
  $('thread-channel').textContent = `#${channel().name}`;
  const mine = page.state.ephemerals.filter((e) => e.channel === channel().id && e.thread_ts === parent.ts);
  const replies = [...parent.replies.map((m) => ({ ...m, kind: 'message' })), ...mine.map((e) => ({ ...e, kind: 'ephemeral' }))]
    .sort((a, b) => parseFloat(a.ts) - parseFloat(b.ts));
  const list = $('thread-messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  const head = { ...parent, kind: 'message', reply_count: 0 };
  const separator = { kind: 'separator', ts: 'separator', count: parent.replies.length };
  keyed(list, [head, separator, ...replies], (item, previous) => item.kind === 'separator'
    ? el('div', { class: 'thread-separator' }, el('span', { text: `${item.count} ${item.count === 1 ? 'reply' : 'replies'}` }))
    : messageNode(item, previous?.kind === 'separator' ? null : previous, { inThread: true }));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

// ---- composing ----

/** Sends what was typed as the Slack client would: a slash command, or a message (a mention reaches the bot). */
async function send(input, threadTs) {
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  input.dispatchEvent(new Event('input'));
  const command = /^(\/[^\s/]+)(?:\s+([\s\S]*))?$/.exec(text);
  const answer = command
    ? await act('command', { channel: page.channel, command: command[1], text: command[2] ?? '' })
    : await act('message', { channel: page.channel, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
  if (!answer && !input.value) {
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }
  refresh();
}

function composer(input, button, threadTs) {
  on(input, 'keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send(input, threadTs());
    }
  });
  on(input, 'input', () => button.classList.toggle('ready', input.value.trim() !== ''));
  on(button, 'click', () => send(input, threadTs()));
}

function toast(message) {
  const node = el('div', { class: 'toast', role: 'alert', text: message });
  $('toasts').append(node);
  setTimeout(() => node.remove(), 6000);
}

// ---- start ----

const modal = new Modal($('modal-root'), api);
const aws = new AwsPanel($('aws-panel'));

composer($('composer-input'), $('composer-send'), () => null);
composer($('thread-input'), $('thread-send'), () => page.thread);
on($('thread-close'), 'click', () => {
  page.thread = null;
  render();
});
on($('aws-toggle'), 'click', () => {
  const thread = Boolean(page.thread);
  page.awsOpen = thread ? true : !page.awsOpen;
  if (thread) page.thread = null;
  render();
});
on($('aws-rail'), 'click', () => $('aws-toggle').click());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && page.thread && !document.querySelector('.overlay')) {
    page.thread = null;
    render();
  }
});

refresh();
listen();
