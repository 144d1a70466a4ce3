// Block Kit drawn as Slack draws it: header, section (text, fields, accessory), context, divider,
// actions (buttons with style and confirm dialogs, menus), rich_text, and a note for what is not drawn.
import { el, on, append, link } from './dom.js';
import { mrkdwn } from './mrkdwn.js';
import { withEmoji, emoji } from './emoji.js';

/**
 * A text object: mrkdwn through the mrkdwn renderer, plain_text as it is (with :emoji: when emoji is on).
 * Returns a fragment or a text node.
 */
export function textObject(object, context) {
  if (!object) return document.createTextNode('');
  if (object.type === 'mrkdwn') return mrkdwn(object.text, context.directory, context.now);
  return document.createTextNode(plainText(object));
}

export function plainText(object) {
  if (!object) return '';
  return object.emoji === false ? String(object.text ?? '') : withEmoji(object.text ?? '');
}

/**
 * The blocks as one element. `context.click(element, blockId, value)` is called, after any confirm dialog,
 * when a person clicks a button or picks from a menu; it returns a promise.
 */
export function renderBlocks(blocks, context) {
  const container = el('div', { class: 'blocks' });
  for (const block of blocks ?? []) container.append(renderBlock(block, context));
  return container;
}

export function renderBlock(block, context) {
  const blockId = block.block_id;
  switch (block.type) {
    case 'header':
      return el('div', { class: 'bk-header', dataset: { blockId } }, plainText(block.text));
    case 'section':
      return section(block, context);
    case 'context':
      return el('div', { class: 'bk-context', dataset: { blockId } },
        (block.elements ?? []).map((element) => element.type === 'image'
          ? el('span', { class: 'bk-context-image', title: element.alt_text ?? '', text: '🖼' })
          : el('span', { class: 'bk-context-text' }, textObject(element, context))));
    case 'divider':
      return el('hr', { class: 'bk-divider', dataset: { blockId } });
    case 'actions':
      return el('div', { class: 'bk-actions', dataset: { blockId } },
        (block.elements ?? []).map((element) => interactive(element, blockId, context)));
    case 'rich_text':
      return el('div', { class: 'bk-rich-text', dataset: { blockId } },
        (block.elements ?? []).map((element) => richText(element, context)));
    case 'image':
      return el('div', { class: 'bk-image', dataset: { blockId } },
        block.title ? el('div', { class: 'bk-image-title' }, plainText(block.title)) : null,
        el('div', { class: 'bk-image-placeholder', text: `🖼 ${block.alt_text ?? 'image'} (images are not loaded here)` }));
    default:
      return unsupported(`${block.type} block`);
  }
}

function section(block, context) {
  const main = el('div', { class: 'bk-section-main' });
  if (block.text) main.append(el('div', { class: `bk-text ${block.text.type}` }, textObject(block.text, context)));
  if (block.fields?.length) {
    main.append(el('div', { class: 'bk-fields' },
      block.fields.map((field) => el('div', { class: `bk-field ${field.type}` }, textObject(field, context)))));
  }
  return el('div', { class: 'bk-section', dataset: { blockId: block.block_id } }, main,
    block.accessory ? el('div', { class: 'bk-accessory' }, interactive(block.accessory, block.block_id, context)) : null);
}

/** A button or menu that acts; anything else interactive is shown as not drawn. */
export function interactive(element, blockId, context) {
  if (element.type === 'button') return button(element, blockId, context);
  if (element.type === 'static_select') return messageMenu(element, blockId, context);
  if (element.type === 'image') {
    return el('span', { class: 'bk-context-image', title: element.alt_text ?? '', text: '🖼' });
  }
  return unsupported(`${element.type} element`);
}

function button(element, blockId, context) {
  const style = element.style === 'primary' || element.style === 'danger' ? element.style : null;
  const node = el('button', { type: 'button', class: ['bk-button', style].filter(Boolean).join(' '),
    dataset: { actionId: element.action_id ?? '', value: element.value ?? '' } }, plainText(element.text));
  on(node, 'click', async () => {
    if (node.classList.contains('busy')) return;
    if (element.confirm && !(await confirmDialog(element.confirm, context))) return;
    node.classList.add('busy');
    node.setAttribute('aria-busy', 'true');
    try {
      await context.click(element, blockId, element.value);
    } finally {
      node.classList.remove('busy');
      node.removeAttribute('aria-busy');
    }
  });
  return node;
}

function messageMenu(element, blockId, context) {
  const select = el('select', { class: 'bk-select', dataset: { actionId: element.action_id ?? '' } },
    el('option', { value: '', disabled: true, selected: !element.initial_option }, plainText(element.placeholder) || 'Select an item'),
    options(element));
  if (element.initial_option) select.value = element.initial_option.value;
  on(select, 'change', async () => {
    const value = select.value;
    const option = findOption(element, value);
    if (element.confirm && !(await confirmDialog(element.confirm, context))) {
      select.value = element.initial_option?.value ?? '';
      return;
    }
    await context.click(element, blockId, option?.value ?? value);
  });
  return select;
}

/** <option>s and <optgroup>s for a static menu. */
export function options(element) {
  if (element.option_groups) {
    return element.option_groups.map((group) => el('optgroup', { label: plainText(group.label) },
      (group.options ?? []).map(option)));
  }
  return (element.options ?? []).map(option);
}

function option(o) {
  return el('option', { value: o.value }, plainText(o.text));
}

export function findOption(element, value) {
  const all = [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
  return all.find((o) => o.value === value);
}

function unsupported(what) {
  return el('div', { class: 'bk-unsupported', text: `(${what}: not drawn by the sandbox page)` });
}

// ---- rich text, as the Slack client attaches it to typed messages ----

function richText(element, context) {
  switch (element.type) {
    case 'rich_text_section':
      return el('div', { class: 'rt-section' }, (element.elements ?? []).map((e) => richInline(e, context)));
    case 'rich_text_preformatted':
      return el('pre', { class: 'code-block' }, (element.elements ?? []).map((e) => richInline(e, context)));
    case 'rich_text_quote':
      return el('blockquote', { class: 'quote' }, (element.elements ?? []).map((e) => richInline(e, context)));
    case 'rich_text_list': {
      const list = el(element.style === 'ordered' ? 'ol' : 'ul', { class: 'rt-list' });
      for (const item of element.elements ?? []) list.append(el('li', {}, richText(item, context)));
      return list;
    }
    default:
      return unsupported(element.type);
  }
}

function richInline(element, context) {
  let node;
  switch (element.type) {
    case 'text':
      node = document.createTextNode(element.text ?? '');
      break;
    case 'user':
      node = el('span', { class: 'mention', text: '@' + context.directory.userName(element.user_id) });
      break;
    case 'channel':
      node = el('span', { class: 'mention channel-mention', text: '#' + context.directory.channelName(element.channel_id) });
      break;
    case 'usergroup':
      node = el('span', { class: 'mention', text: '@' + context.directory.groupHandle(element.usergroup_id) });
      break;
    case 'broadcast':
      node = el('span', { class: 'mention broadcast', text: '@' + element.range });
      break;
    case 'emoji':
      node = el('span', { class: 'emoji', text: emoji(element.name) ?? `:${element.name}:` });
      break;
    case 'link':
      node = link(element.url, element.text || element.url);
      break;
    default:
      node = document.createTextNode('');
  }
  const style = element.style ?? {};
  if (style.code) node = el('code', { class: 'inline-code' }, node);
  if (style.bold) node = el('strong', {}, node);
  if (style.italic) node = el('em', {}, node);
  if (style.strike) node = el('s', {}, node);
  return node;
}

// ---- the confirm dialog a button's `confirm` asks for ----

/** Shows the dialog; resolves true only when the person confirms. */
export function confirmDialog(confirm, context) {
  return new Promise((resolve) => {
    const deny = el('button', { type: 'button', class: 'bk-button confirm-deny' },
      plainText(confirm.deny) || 'Cancel');
    const yes = el('button', { type: 'button', class: `bk-button ${confirm.style === 'danger' ? 'danger' : 'primary'} confirm-yes` },
      plainText(confirm.confirm) || 'Yes');
    const close = el('button', { type: 'button', class: 'icon-button dialog-close', 'aria-label': 'Close', text: '×' });
    const dialog = el('div', { class: 'dialog confirm-dialog', role: 'alertdialog', 'aria-modal': 'true',
      'aria-labelledby': 'confirm-title' },
      el('div', { class: 'dialog-header' }, el('h2', { id: 'confirm-title', class: 'dialog-title' }, plainText(confirm.title)), close),
      el('div', { class: `dialog-body ${confirm.text?.type ?? 'plain_text'}` }, textObject(confirm.text, context)),
      el('div', { class: 'dialog-footer' }, deny, yes));
    const overlay = el('div', { class: 'overlay confirm-overlay' }, dialog);
    const finish = (answer) => {
      overlay.remove();
      document.removeEventListener('keydown', keys, true);
      resolve(answer);
    };
    const keys = (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        finish(false);
      }
    };
    on(deny, 'click', () => finish(false));
    on(close, 'click', () => finish(false));
    on(yes, 'click', () => finish(true));
    on(overlay, 'click', (event) => { if (event.target === overlay) finish(false); });
    document.addEventListener('keydown', keys, true);
    append(document.body, [overlay]);
    yes.focus();
  });
}

