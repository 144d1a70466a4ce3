// The AWS panel: the simulated organization from /_sandbox/state (accounts by OU, buckets and queues with
// their policies, root credentials, features, root sessions) and CloudTrail from /_sandbox/events, polled
// every second, so a person can see exactly what each root session did.
import { el, on } from './dom.js';

const POLL_MS = 1000;
const STATE_MS = 5000;
const SHOWN_EVENTS = 400;

export class AwsPanel {
  constructor(root) {
    this.root = root;
    this.endpoint = null;
    this.events = [];
    this.last = 0;
    this.state = null;
    this.tab = 'organization';
    this.rootOnly = false;
    this.unseen = 0;
    this.problem = null;
    this.timers = [];
    this.draw();
  }

  /** Points the panel at a simulated AWS (`http://127.0.0.1:PORT`), or at none. */
  connect(endpoint) {
    if (endpoint === this.endpoint) return;
    this.timers.forEach(clearTimeout);
    this.endpoint = endpoint;
    this.events = [];
    this.last = 0;
    this.state = null;
    this.problem = null;
    this.draw();
    if (endpoint) {
      this.pollEvents();
      this.pollState();
    }
  }

  async pollEvents() {
    const endpoint = this.endpoint;
    try {
      const answer = await this.fetch(`/_sandbox/events?after=${this.last}`);
      if (endpoint !== this.endpoint) return;
      if (answer.events.length) {
        this.events.push(...answer.events);
        this.last = answer.lastSequence;
        if (this.tab !== 'trail') this.unseen += answer.events.length;
        this.refreshState();
        this.draw();
      }
      this.setProblem(null);
    } catch (e) {
      this.setProblem(`Cannot reach the simulated AWS at ${endpoint}; retrying.`);
    }
    if (endpoint === this.endpoint) this.timers.push(setTimeout(() => this.pollEvents(), POLL_MS));
  }

  async pollState() {
    await this.refreshState();
    if (this.endpoint) this.timers.push(setTimeout(() => this.pollState(), STATE_MS));
  }

  async refreshState() {
    const endpoint = this.endpoint;
    try {
      const state = await this.fetch('/_sandbox/state');
      if (endpoint !== this.endpoint) return;
      // The simulated clock ticks on every read; only a change to the organization redraws the panel.
      if (JSON.stringify({ ...state, clock: null }) !== JSON.stringify({ ...this.state, clock: null })) {
        this.state = state;
        this.draw();
      }
    } catch (e) {
      this.setProblem(`Cannot reach the simulated AWS at ${endpoint}; retrying.`);
    }
  }

  async fetch(path) {
    const response = await fetch(this.endpoint.replace(/\/$/, '') + path, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${response.status}`);
    return response.json();
  }

  setProblem(problem) {
    if (problem === this.problem) return;
    this.problem = problem;
    this.draw();
  }

  // ---- drawing ----

  draw() {
    const open = new Set([...this.root.querySelectorAll('details[open][data-key]')].map((d) => d.dataset.key));
    const scroll = this.root.querySelector('.aws-body')?.scrollTop ?? 0;
    const tabs = el('div', { class: 'aws-tabs', role: 'tablist' },
      this.tabButton('organization', 'Organization'),
      this.tabButton('trail', 'CloudTrail', this.events.length, this.unseen));
    const body = el('div', { class: 'aws-body', role: 'tabpanel' });
    if (!this.endpoint) {
      body.append(el('div', { class: 'empty-state' },
        el('p', { class: 'empty-title', text: 'No simulated AWS connected' }),
        el('p', { text: 'Start one and tell the workspace where it is (showAws) to see accounts, buckets, queues and CloudTrail here.' })));
    } else {
      if (this.problem) body.append(el('div', { class: 'aws-problem', role: 'status', text: this.problem }));
      body.append(this.tab === 'trail' ? this.trail() : this.organization());
    }
    this.root.replaceChildren(
      el('div', { class: 'aws-header' },
        el('span', { class: 'aws-logo', 'aria-hidden': 'true', text: 'aws' }),
        el('div', { class: 'aws-heading' },
          el('div', { class: 'aws-title', text: 'Simulated AWS' }),
          el('div', { class: 'aws-subtitle', text: this.state?.organization?.id ?? this.endpoint ?? 'not connected' }))),
      tabs, body);
    for (const details of this.root.querySelectorAll('details[data-key]')) {
      if (open.has(details.dataset.key)) details.open = true;
    }
    body.scrollTop = scroll;
  }

  tabButton(name, label, count, unseen) {
    const button = el('button', { type: 'button', role: 'tab', class: 'aws-tab', 'aria-selected': String(this.tab === name),
      dataset: { tab: name } }, label,
      count !== undefined ? el('span', { class: 'tab-count', text: String(count) }) : null,
      unseen ? el('span', { class: 'tab-new', text: `+${unseen}` }) : null);
    on(button, 'click', () => {
      this.tab = name;
      if (name === 'trail') this.unseen = 0;
      this.draw();
    });
    return button;
  }

  organization() {
    const state = this.state;
    if (!state) return el('p', { class: 'muted', text: 'Loading the organization…' });
    const org = state.organization;
    const section = el('div', { class: 'aws-org' });
    section.append(el('div', { class: 'aws-features' },
      el('span', { class: 'chip', text: `${org.featureSet === 'ALL' ? 'All features' : org.featureSet}` }),
      ['RootCredentialsManagement', 'RootSessions'].map((feature) => el('span', {
        class: `chip ${org.features.includes(feature) ? 'chip-good' : 'chip-bad'}`,
        title: org.features.includes(feature) ? 'enabled' : 'not enabled',
        text: `${org.features.includes(feature) ? '✓' : '✗'} ${feature}` })),
      el('span', { class: `chip ${org.trustedServices.includes('iam.amazonaws.com') ? 'chip-good' : 'chip-bad'}`,
        text: `${org.trustedServices.includes('iam.amazonaws.com') ? '✓' : '✗'} trusted access: IAM` })));
    const live = (state.sessions ?? []).filter((s) => !s.expired);
    if (live.length) {
      section.append(el('div', { class: 'aws-sessions' },
        el('div', { class: 'aws-group-title', text: 'Root sessions' }),
        live.map((s) => el('div', { class: 'aws-session', dataset: { accessKeyId: s.accessKeyId } },
          el('span', { class: 'chip chip-root', text: 'Root session' }),
          el('code', { text: s.accessKeyId }),
          el('span', { text: ` ${this.accountName(s.account)} · ${s.taskPolicy} · until ${clock(s.expiration)}` })))));
    }
    const scps = state.serviceControlPolicies ?? [];
    section.append(el('div', { class: 'aws-group' },
      el('div', { class: 'aws-group-title', text: 'Management account' }),
      this.account(state.managementAccount, scps, true)));
    section.append(this.unit({ id: state.root.id, name: 'Root', accounts: state.root.accounts,
      organizationalUnits: state.root.organizationalUnits }, scps));
    return section;
  }

  unit(unit, scps) {
    return el('div', { class: 'aws-group', dataset: { ou: unit.name } },
      el('div', { class: 'aws-group-title' }, unit.name === 'Root' ? 'Root' : `OU ${unit.name}`,
        this.policies(scps, [unit.id])),
      (unit.accounts ?? []).map((account) => this.account(account, scps, false)),
      (unit.organizationalUnits ?? []).map((child) => this.unit(child, scps)));
  }

  /** SCP chips for the policies attached to these targets, AWS's own FullAWSAccess left out. */
  policies(scps, targets) {
    return scps.filter((p) => !p.awsManaged && p.targets.some((t) => targets.includes(t.id))).map((p) =>
      el('details', { class: 'aws-scp', dataset: { key: `scp-${p.id}-${targets.join()}` } },
        el('summary', {}, el('span', { class: 'chip chip-scp', title: p.description ?? '', text: `SCP ${p.name}` })),
        el('pre', { class: 'json', text: pretty(p.content) })));
  }

  account(account, scps, management) {
    const credentials = account.rootCredentials ?? {};
    const none = !credentials.password && !credentials.accessKeys?.length && !credentials.signingCertificates?.length
      && !credentials.mfaDevices?.length && !credentials.virtualMfaDevices?.length;
    return el('div', { class: 'aws-account', dataset: { accountId: account.id } },
      el('div', { class: 'aws-account-head' },
        el('span', { class: 'aws-account-name', text: account.name }),
        el('code', { class: 'aws-account-id', text: account.id }),
        el('span', { class: `chip ${account.status === 'ACTIVE' ? 'chip-good' : 'chip-bad'}`, text: account.status }),
        management ? el('span', { class: 'chip', text: 'management' }) : null,
        this.policies(scps, [account.id])),
      this.resources('Buckets', '🪣', account.buckets ?? [], account.id),
      this.resources('Queues', '📨', account.queues ?? [], account.id),
      el('div', { class: 'aws-credentials' },
        el('span', { class: 'aws-label', text: 'Root user' }),
        none ? el('span', { class: 'chip chip-good', text: 'no root credentials' }) : [
          credentials.password ? el('span', { class: 'chip chip-warn', text: 'password' }) : null,
          (credentials.accessKeys ?? []).map((k) => el('span', { class: 'chip chip-warn', title: 'access key', text: `key ${k}` })),
          (credentials.signingCertificates ?? []).map((c) => el('span', { class: 'chip chip-warn', title: 'signing certificate', text: `certificate ${c}` })),
          [...new Set([...(credentials.mfaDevices ?? []), ...(credentials.virtualMfaDevices ?? [])])].map((m) =>
            el('span', { class: 'chip', title: 'MFA device', text: `MFA ${m.replace(/^arn:aws:iam::\d+:mfa\//, '')}` })),
        ]));
  }

  resources(title, icon, resources, accountId) {
    if (!resources.length) return null;
    return el('div', { class: 'aws-resources' },
      resources.map((resource) => {
        const status = policyStatus(resource.policy);
        const badge = { locked: 'locked', policy: 'policy', none: 'no policy' }[status];
        const summary = el('summary', {},
          el('span', { class: 'aws-resource-icon', title: title.slice(0, -1), text: icon }),
          el('span', { class: 'aws-resource-name', text: resource.name }),
          el('span', { class: 'aws-region', text: resource.region }),
          el('span', { class: `badge badge-${status}`, title: status === 'locked' ? 'The policy denies everyone' : '', text: badge }));
        return el('details', { class: 'aws-resource', dataset: { name: resource.name, status,
          key: `${accountId}-${title}-${resource.name}` } }, summary,
          resource.policy ? el('pre', { class: 'json', text: pretty(resource.policy) })
            : el('p', { class: 'muted', text: 'No resource policy.' }));
      }));
  }

  trail() {
    const shown = this.events.filter((e) => !this.rootOnly || isRoot(e));
    const toggle = el('input', { type: 'checkbox', id: 'root-only' });
    toggle.checked = this.rootOnly;
    on(toggle, 'change', () => {
      this.rootOnly = toggle.checked;
      this.draw();
    });
    const list = el('ol', { class: 'trail', reversed: true });
    for (const event of shown.slice(-SHOWN_EVENTS).reverse()) list.append(this.event(event));
    return el('div', { class: 'aws-trail' },
      el('div', { class: 'trail-toolbar' },
        el('span', { class: 'muted', text: `${this.events.length} event${this.events.length === 1 ? '' : 's'}, newest first` }),
        el('label', { class: 'trail-filter', for: 'root-only' }, toggle, ' root activity only')),
      shown.length ? list : el('div', { class: 'empty-state' },
        el('p', { class: 'empty-title', text: 'No CloudTrail events yet' }),
        el('p', { text: 'Every call to the simulated AWS appears here within a second: AssumeRoot, then what the root session did.' })));
  }

  event(event) {
    const root = event.userIdentityType === 'Root';
    const assume = event.eventName === 'AssumeRoot';
    const classes = ['trail-event', root ? 'root' : '', assume ? 'assume-root' : '', event.errorCode ? 'failed' : '']
      .filter(Boolean).join(' ');
    return el('li', {},
      el('details', { class: classes, dataset: { eventName: event.eventName, sequence: String(event.sequence),
        accessKeyId: event.accessKeyId ?? '', key: `event-${event.sequence}` } },
        el('summary', {},
          el('div', { class: 'trail-line' },
            el('time', { class: 'trail-time', datetime: event.eventTime, text: clock(event.eventTime) }),
            el('span', { class: 'trail-name', text: event.eventName }),
            assume ? el('span', { class: 'chip chip-assume', text: 'AssumeRoot' }) : null,
            el('span', { class: `chip ${root ? 'chip-root' : ''}`, title: 'userIdentity.type', text: event.userIdentityType ?? '?' }),
            event.errorCode ? el('span', { class: 'chip chip-bad', title: 'errorCode', text: event.errorCode }) : null),
          el('div', { class: 'trail-line trail-details' },
            el('span', { text: `${this.accountName(event.account)} (${event.account})` }),
            el('span', { text: event.region }),
            el('span', { text: (event.eventSource ?? '').replace('.amazonaws.com', '') }),
            event.accessKeyId ? el('code', { class: 'trail-key', title: 'accessKeyId', text: event.accessKeyId }) : null),
          assume ? this.issued(event) : null),
        el('pre', { class: 'json', text: JSON.stringify(event.event ?? event, null, 2) })));
  }

  /** What an AssumeRoot call asked for and the session key it issued: the key every call of that session carries. */
  issued(event) {
    const detail = event.event ?? {};
    const target = detail.requestParameters?.targetPrincipal;
    const policy = detail.requestParameters?.taskPolicyArn?.arn?.replace(/^.*\//, '');
    const key = detail.responseElements?.credentials?.accessKeyId;
    return el('div', { class: 'trail-line trail-details' },
      target ? el('span', { text: `for ${this.accountName(target)} (${target})` }) : null,
      policy ? el('span', { class: 'chip', title: 'task policy', text: policy }) : null,
      key ? el('span', {}, 'issued ', el('code', { class: 'trail-key', title: 'the root session key', text: key })) : null);
  }

  accountName(id) {
    const state = this.state;
    if (!state) return id;
    const all = [state.managementAccount, ...accountsIn(state.root)];
    return all.find((a) => a?.id === id)?.name ?? id;
  }
}

function accountsIn(unit) {
  return [...(unit.accounts ?? []), ...(unit.organizationalUnits ?? []).flatMap(accountsIn)];
}

function isRoot(event) {
  return event.userIdentityType === 'Root' || event.eventName === 'AssumeRoot';
}

/** "locked" when a statement denies everyone everything on the resource, "policy" for any other policy, "none". */
export function policyStatus(policy) {
  if (!policy) return 'none';
  try {
    const document = JSON.parse(policy);
    const statements = [].concat(document.Statement ?? []);
    const everyone = (p) => p === '*' || (p && [].concat(p.AWS ?? []).includes('*'));
    const all = (a) => [].concat(a ?? []).some((x) => x === '*' || /^[a-z0-9]+:\*$/.test(x));
    const locks = statements.some((s) => s.Effect === 'Deny' && everyone(s.Principal) && all(s.Action) && !s.Condition);
    return locks ? 'locked' : 'policy';
  } catch (e) {
    return 'policy';
  }
}

function pretty(json) {
  try {
    return JSON.stringify(typeof json === 'string' ? JSON.parse(json) : json, null, 2);
  } catch (e) {
    return String(json);
  }
}

function clock(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '')
    : date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}
