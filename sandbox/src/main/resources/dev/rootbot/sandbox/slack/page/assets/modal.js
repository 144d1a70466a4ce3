// The modal in front of the person (views.open / views.update / response_action), drawn as Slack draws
// it: title, close and submit, input blocks with labels, hints, "(optional)", and errors under the input
// they belong to. External selects ask the bot for options as the person types (block_suggestion).
import { el, on } from './dom.js';
import { renderBlock, plainText, options, findOption } from './blocks.js';

const REQUIRED = 'Please complete this required field.';

/** Draws the front view of one person into `root`; `api` sends what the person does. */
export class Modal {
  constructor(root, api) {
    this.root = root;
    this.api = api;
    this.key = null;
    this.fields = new Map();
  }

  /** Shows `entry` ({view, errors}) or nothing; keeps what was typed while the view stays the same. */
  show(entry, context) {
    if (!entry || entry.view.id === this.closing) {
      if (!entry) this.closing = null;
      this.clear();
      return;
    }
    this.closing = null;
    const key = `${entry.view.id}:${entry.view.hash}`;
    if (key !== this.key) {
      const kept = this.values();
      const sameView = this.key?.startsWith(entry.view.id + ':');
      this.draw(entry.view, context);
      if (sameView) this.restore(kept);
      this.key = key;
    }
    this.showErrors(entry.errors ?? {});
  }

  clear() {
    this.key = null;
    this.fields.clear();
    this.root.replaceChildren();
    document.removeEventListener('keydown', this.escape, true);
  }

  draw(view, context) {
    this.fields.clear();
    this.view = view;
    this.context = context;
    const body = el('div', { class: 'modal-body' });
    for (const block of view.blocks ?? []) {
      body.append(block.type === 'input' ? this.input(block) : renderBlock(block, this.blockContext(context)));
    }
    const close = el('button', { type: 'button', class: 'bk-button modal-close' }, plainText(view.close) || 'Cancel');
    const submit = view.submit
      ? el('button', { type: 'button', class: 'bk-button primary modal-submit' }, plainText(view.submit))
      : null;
    const x = el('button', { type: 'button', class: 'icon-button modal-x', 'aria-label': 'Close', text: '×' });
    const title = el('h2', { class: 'modal-title', id: 'modal-title' }, plainText(view.title));
    const dialog = el('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'modal-title',
      dataset: { viewId: view.id, callbackId: view.callback_id ?? '' } },
      el('div', { class: 'modal-header' }, el('span', { class: 'modal-app', 'aria-hidden': 'true', text: 'R' }), title, x),
      body,
      el('div', { class: 'modal-footer' }, close, submit));
    on(close, 'click', () => this.close());
    on(x, 'click', () => this.close());
    if (submit) on(submit, 'click', () => this.submit(submit));
    this.root.replaceChildren(el('div', { class: 'overlay modal-overlay' }, dialog));
    this.escape = (event) => {
      if (event.key === 'Escape' && !document.querySelector('.confirm-overlay')) this.close();
    };
    document.addEventListener('keydown', this.escape, true);
    const first = body.querySelector('input, textarea, select');
    if (first) first.focus();
  }

  blockContext(context) {
    return { ...context, click: (element) => this.api.clickInView(this.view.id, element.action_id) };
  }

  /** One input block: label, element, hint, and a place for its error. */
  input(block) {
    const element = block.element ?? {};
    const id = `input-${block.block_id}`;
    const control = this.control(element, id);
    const error = el('div', { class: 'bk-error', role: 'alert', hidden: true });
    const node = el('div', { class: 'bk-input', dataset: { blockId: block.block_id, actionId: element.action_id ?? '' } },
      el('label', { class: 'bk-label', for: id }, plainText(block.label),
        block.optional ? el('span', { class: 'bk-optional', text: ' (optional)' }) : null),
      control.node,
      block.hint ? el('div', { class: 'bk-hint' }, plainText(block.hint)) : null,
      error);
    this.fields.set(block.block_id, { block, element, container: node, error, read: control.read, write: control.write });
    // Once the person changes an input, its error goes, as in Slack.
    const forget = () => {
      error.hidden = true;
      node.classList.remove('has-error');
    };
    on(control.node, 'input', forget);
    on(control.node, 'change', forget);
    return node;
  }

  /** The control for an element: its node, how to read its value, and how to put one back. */
  control(element, id) {
    const placeholder = plainText(element.placeholder) || null;
    switch (element.type) {
      case 'plain_text_input': {
        const attributes = { id, class: 'bk-text-input', placeholder, maxlength: element.max_length ?? null,
          dataset: { actionId: element.action_id ?? '' } };
        const node = element.multiline ? el('textarea', { ...attributes, rows: 4 }) : el('input', { ...attributes, type: 'text' });
        node.value = element.initial_value ?? '';
        return { node, read: () => node.value, write: (v) => { node.value = v; } };
      }
      case 'static_select': {
        const node = el('select', { id, class: 'bk-select', dataset: { actionId: element.action_id ?? '' } },
          el('option', { value: '' }, placeholder ?? 'Select an item'), options(element));
        node.value = element.initial_option?.value ?? '';
        return { node, read: () => node.value, write: (v) => { if (findOption(element, v)) node.value = v; } };
      }
      case 'external_select':
        return this.externalSelect(element, id, placeholder);
      default: {
        const node = el('div', { class: 'bk-unsupported', text: `(${element.type} input: not drawn by the sandbox page)` });
        return { node, read: () => '', write: () => {} };
      }
    }
  }

  /** A type-ahead menu whose options come from the bot, as Slack asks for them once enough is typed. */
  externalSelect(element, id, placeholder) {
    const listId = `${id}-options`;
    const input = el('input', { id, type: 'text', class: 'bk-text-input bk-combobox-input', role: 'combobox',
      autocomplete: 'off', 'aria-expanded': 'false', 'aria-controls': listId,
      placeholder: placeholder ?? 'Type to search', dataset: { actionId: element.action_id ?? '' } });
    const list = el('ul', { id: listId, class: 'bk-options', role: 'listbox', hidden: true });
    const node = el('div', { class: 'bk-combobox' }, input, list);
    const minimum = element.min_query_length ?? 3;
    let chosen = element.initial_option ?? null;
    let asked = 0;
    if (chosen) input.value = plainText(chosen.text);
    const choose = (option) => {
      chosen = option;
      input.value = plainText(option.text);
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    };
    const ask = async () => {
      const typed = input.value;
      chosen = null;
      if (typed.length < minimum) {
        list.hidden = true;
        return;
      }
      const mine = ++asked;
      const answer = await this.api.suggest(this.view.id, element.action_id, typed);
      if (mine !== asked || !answer) return;
      const groups = answer.option_groups
        ? answer.option_groups.map((g) => ({ label: plainText(g.label), options: g.options ?? [] }))
        : [{ label: null, options: answer.options ?? [] }];
      list.replaceChildren(...groups.flatMap((group) => [
        group.label ? el('li', { class: 'bk-option-group', role: 'presentation', text: group.label }) : null,
        ...group.options.map((option) => {
          const item = el('li', { class: 'bk-option', role: 'option', dataset: { value: option.value } },
            plainText(option.text), option.description ? el('span', { class: 'bk-option-description' }, plainText(option.description)) : null);
          on(item, 'mousedown', (event) => {
            event.preventDefault();
            choose(option);
          });
          return item;
        }),
      ].filter(Boolean)));
      if (!list.children.length) list.append(el('li', { class: 'bk-option-empty', text: 'No results' }));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    let timer = null;
    on(input, 'input', () => {
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    on(input, 'focus', () => { if (minimum === 0 && !chosen) ask(); });
    on(input, 'blur', () => setTimeout(() => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }, 150));
    on(input, 'keydown', (event) => {
      const items = [...list.querySelectorAll('.bk-option')];
      const active = list.querySelector('.bk-option.active');
      let index = items.indexOf(active);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        index = event.key === 'ArrowDown' ? Math.min(items.length - 1, index + 1) : Math.max(0, index - 1);
        items.forEach((item, i) => item.classList.toggle('active', i === index));
      } else if (event.key === 'Enter' && active) {
        event.preventDefault();
        active.dispatchEvent(new MouseEvent('mousedown'));
      }
    });
    return {
      node,
      read: () => chosen?.value ?? '',
      write: (value) => { if (value) choose({ value, text: { type: 'plain_text', text: value } }); },
    };
  }

  /** Values by block ID, to keep what was typed across a views.update. */
  values() {
    const kept = new Map();
    for (const [blockId, field] of this.fields) kept.set(`${blockId}/${field.element.action_id}`, field.read());
    return kept;
  }

  restore(kept) {
    for (const [blockId, field] of this.fields) {
      const value = kept.get(`${blockId}/${field.element.action_id}`);
      if (value) field.write(value);
    }
  }

  showErrors(errors) {
    for (const [blockId, field] of this.fields) {
      const message = errors[blockId];
      field.error.textContent = message ?? '';
      field.error.hidden = !message;
      field.container.classList.toggle('has-error', Boolean(message));
    }
  }

  /** Checks what the Slack client checks, then sends the values by action ID. */
  async submit(button) {
    const values = {};
    const problems = {};
    for (const [blockId, field] of this.fields) {
      const value = field.read();
      const { element } = field;
      if (!value.trim() && !field.block.optional) problems[blockId] = REQUIRED;
      else if (value && element.min_length && value.length < element.min_length) {
        problems[blockId] = `Please use at least ${element.min_length} characters.`;
      }
      if (value) values[element.action_id] = value;
    }
    if (Object.keys(problems).length) {
      this.showErrors(problems);
      return;
    }
    button.classList.add('busy');
    button.disabled = true;
    try {
      await this.api.submit(this.view.id, values);
    } finally {
      button.classList.remove('busy');
      button.disabled = false;
    }
  }

  async close() {
    const viewId = this.view?.id;
    this.closing = viewId;
    this.clear();
    if (viewId) await this.api.closeView(viewId);
  }
}

