/* Demo CRM client: client-side navigation between the opportunity list and records, like an SPA CRM.
 * Every piece of data is rendered as text (createElement + text nodes); nothing is parsed as HTML. */
/* global document, window, fetch, history, location, URL, URLSearchParams, Node, Element, setTimeout, clearTimeout */
'use strict';

(() => {
  const QUESTIONS = [
    ['identified_project', 'Is there an identified project?'],
    ['budget_allocated', 'Is there budget allocated?'],
    ['compelling_event', 'Is there a compelling event?'],
    ['influencers_identified', 'Have we identified the influencers?'],
    ['influencer_roles', 'Do we know their roles in the decision?'],
    ['won_before', 'Have we won business here before?'],
    ['can_win', 'Can we win?'],
    ['information_source', 'Where is our information coming from?'],
    ['competing_projects', 'Are there competing projects for the money?'],
    ['completion_date', 'When must the project be complete?'],
    ['competitive_advantage', 'What is our competitive advantage?'],
    ['buyer_needs', 'What does the buyer need?'],
    ['meet_needs', 'Can we meet those needs?'],
    ['slip_impact', 'What happens if the date slips?'],
    ['downside_no_purchase', 'What is the downside of not buying?'],
  ];
  const OTHER_FIELDS = [
    ['pain', 'Pain'],
    ['metrics', 'Metrics'],
    ['decision_criteria', 'Decision criteria'],
    ['decision_process', 'Decision process'],
    ['paper_process', 'Paper process'],
    ['competitors', 'Competitors'],
  ];
  const STAGE_PATH = ['Prospecting', 'Engaging', 'Closed'];
  const PAGE_SIZE = 50;
  /** The list the user last looked at; Previous/Next walk through it. */
  const listState = { state: 'open', q: '' };
  let navigation = 0;

  // ---------- DOM helpers (text only) ----------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  /** Replace <main> with a new element (a new node per view, as SPA CRMs do). */
  function setMain(el) {
    const old = document.querySelector('main');
    if (old) old.replaceWith(el);
    else document.body.append(el);
  }

  const blank = (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  const show = (v) => (blank(v) ? '—' : String(v));
  const money = (amount, currency) =>
    typeof amount === 'number' ? new Intl.NumberFormat('en-US', { style: 'currency', currency: currency || 'USD', maximumFractionDigits: 0 }).format(amount) : '—';
  const dateFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const timeFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  function day(iso) {
    if (blank(iso)) return '—';
    const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(d.getTime()) ? String(iso) : dateFmt.format(d);
  }
  function moment(iso) {
    if (blank(iso)) return '—';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : timeFmt.format(d);
  }
  const recordHref = (id) => `/opportunities/${encodeURIComponent(id)}`;
  function listHref(state, q) {
    const params = new URLSearchParams();
    if (state && state !== 'open') params.set('state', state);
    if (q) params.set('q', q);
    const s = params.toString();
    return s ? `/opportunities?${s}` : '/opportunities';
  }
  const sortFor = (state) => (state === 'open' ? 'close_date' : '-close_date');

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      const error = new Error((body && body.message) || `HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    // A 200 whose body is not JSON (cut off, a proxy's page): a problem to show, not data.
    if (body === null) throw new Error('The server sent an answer that could not be read.');
    return body;
  }

  function problem(view, title, detail) {
    setMain(h('main', { 'data-view': view }, h('section', { class: 'card empty' }, h('h1', {}, title), h('p', {}, detail), h('p', {}, h('a', { href: listHref(listState.state, listState.q) }, 'Back to opportunities')))));
  }

  // ---------- list ----------
  async function showList(token) {
    const params = new URLSearchParams(location.search);
    const state = ['open', 'closed', 'all'].includes(params.get('state')) ? params.get('state') : 'open';
    const q = params.get('q') || '';
    listState.state = state;
    listState.q = q;
    const manager = document.body.dataset.userRole === 'manager';
    const query = new URLSearchParams({ state, sort: sortFor(state), limit: String(PAGE_SIZE) });
    if (q) query.set('q', q);

    const rows = h('tbody', {});
    const count = h('p', { class: 'count', 'aria-live': 'polite' }, 'Loading…');
    const more = h('button', { type: 'button', class: 'button', 'data-action': 'more', hidden: true }, 'Load more');
    const search = h('input', { type: 'search', name: 'q', value: q, placeholder: 'Search by name, account, product or id', 'aria-label': 'Search opportunities', autocomplete: 'off' });
    const tabs = h(
      'nav',
      { class: 'state-tabs', 'aria-label': 'Filter' },
      ['open', 'closed', 'all'].map((s) => h('a', { href: listHref(s, q), class: s === state ? 'active' : null, 'aria-current': s === state ? 'page' : null }, s[0].toUpperCase() + s.slice(1))),
    );
    const view = h(
      'main',
      { 'data-view': 'list' },
      h('div', { class: 'list-head' }, h('h1', {}, manager ? 'Team opportunities' : 'My opportunities'), tabs, h('form', { role: 'search', class: 'search', onsubmit: (e) => e.preventDefault() }, search)),
      h('section', { class: 'card' }, count, h('table', { class: 'records' }, h('thead', {}, h('tr', {}, h('th', {}, 'Opportunity'), h('th', {}, 'Account'), h('th', {}, 'Stage'), h('th', { class: 'num' }, 'Amount'), h('th', {}, 'Close date'), manager ? h('th', {}, 'Owner') : null)), rows), more),
    );
    setMain(view);

    let timer = null;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (token !== navigation) return;
        history.replaceState(null, '', listHref(state, search.value.trim()));
        route({ keepFocus: true });
      }, 250);
    });

    let cursor = null;
    const load = async () => {
      more.disabled = true;
      const page = await api(`/api/opportunities?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (token !== navigation) return;
      for (const o of page.results) {
        rows.append(
          h(
            'tr',
            { 'data-id': o.id },
            h('td', {}, h('a', { href: recordHref(o.id), 'data-record-link': '' }, o.name)),
            h('td', {}, show(o.account && o.account.name)),
            h('td', {}, h('span', { class: `badge ${stageClass(o)}` }, o.stage)),
            h('td', { class: 'num' }, money(o.amount, o.currency)),
            h('td', {}, day(o.close_date)),
            manager ? h('td', {}, o.owner.name) : null,
          ),
        );
      }
      count.textContent = `${page.total} ${page.total === 1 ? 'opportunity' : 'opportunities'}`;
      cursor = page.next;
      more.hidden = !cursor;
      more.disabled = false;
    };
    more.addEventListener('click', () => void load().catch(fail));
    const fail = (error) => {
      if (token === navigation) count.textContent = `Could not load opportunities: ${error.message}`;
    };
    await load().catch(fail);
    return search;
  }

  function stageClass(o) {
    if (o.is_won) return 'won';
    return o.is_closed ? 'lost' : 'open';
  }

  // ---------- record ----------
  async function showRecord(id, token) {
    setMain(h('main', { 'data-view': 'loading', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading opportunity…')));
    const nav = new URLSearchParams({ state: listState.state, sort: sortFor(listState.state) });
    if (listState.q) nav.set('q', listState.q);
    let record;
    let neighbors = null;
    try {
      [record, neighbors] = await Promise.all([api(`/api/opportunities/${encodeURIComponent(id)}`), api(`/api/opportunities/${encodeURIComponent(id)}/neighbors?${nav}`).catch(() => null)]);
    } catch (error) {
      if (token !== navigation) return;
      if (error.status === 404) return problem('not-found', 'Opportunity not found', `There is no opportunity with id ${id}, or it was deleted.`);
      return problem('error', 'Could not load this opportunity', error.message);
    }
    if (token !== navigation) return;
    const view = renderRecord(record, neighbors);
    setMain(view);
    document.title = `${record.name} · Opportunity · Demo CRM`;
    if (document.body.dataset.heavy === '1') lightning(view, record, token);
  }

  // ---------- heavy mode: a record page like Salesforce Lightning (server option `heavy` / ?heavy=1) ----------
  // Thousands of nodes (highlights panel with actions, tabs, ten related lists, an activity
  // timeline), rendered progressively over several tasks, each value formatted on its own and
  // truncated cells measured for tooltips, as Lightning does. Deterministic per record.
  const RELATED = [
    ['Products', ['Product', 'Code', 'Quantity', 'Sales price', 'Discount', 'Total', 'Service date']],
    ['Quotes', ['Quote', 'Status', 'Expires', 'Subtotal', 'Discount', 'Grand total', 'Synced']],
    ['Open activities', ['Subject', 'Name', 'Task', 'Due date', 'Status', 'Priority', 'Assigned']],
    ['Notes & attachments', ['Title', 'Type', 'Size', 'Last modified', 'Created by', 'Shared', 'Version']],
    ['Partners', ['Partner', 'Role', 'Primary', 'Since', 'Region', 'Revenue', 'Tier']],
    ['Competitors', ['Competitor', 'Strengths', 'Weaknesses', 'Price', 'Status', 'Seen', 'Owner']],
    ['Cases', ['Case', 'Subject', 'Status', 'Priority', 'Opened', 'Closed', 'Owner']],
    ['Contracts', ['Contract', 'Status', 'Start', 'End', 'Term', 'Value', 'Signed by']],
    ['Stage history', ['Stage', 'Amount', 'Probability', 'Expected revenue', 'Close date', 'Modified', 'By']],
    ['Files', ['Title', 'Owner', 'Last modified', 'Size', 'Type', 'Shared with', 'Downloads']],
  ];
  const RELATED_ROWS = 18;
  const TIMELINE_ITEMS = 70;

  function prng(text) {
    let a = 2166136261;
    for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 16777619);
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function lightning(view, o, token) {
    const rand = prng(o.id);
    const words = ['Alpha', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Orchid', 'Pinnacle'];
    const pick = (list) => list[Math.floor(rand() * list.length)];
    const base = Date.parse(`${document.body.dataset.today || '2026-01-01'}T00:00:00Z`);
    // Each value formatted on its own, with a fresh formatter, as component-per-cell UIs do.
    const cell = (col) => {
      const r = rand();
      if (/date|Due|Opened|Closed|Start|End|Expires|Since|Seen|modified|Modified/.test(col)) return new Date(base - Math.floor(r * 400) * 864e5).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
      if (/price|total|Total|Subtotal|Value|Revenue|revenue|Amount|Discount/.test(col)) return (r * 90000).toLocaleString('en-US', { style: 'currency', currency: o.currency || 'USD', maximumFractionDigits: 0 });
      if (/Quantity|Size|Downloads|Term|Probability|Version/.test(col)) return Math.floor(r * 100).toLocaleString('en-US');
      return `${pick(words)} ${pick(words)} ${Math.floor(r * 1000)}`;
    };
    const icon = (name) => h('span', { class: `lx-icon lx-icon--${name}`, 'aria-hidden': 'true' }, h('span', { class: 'lx-glyph' }));
    const menu = () => h('div', { class: 'lx-menu' }, h('button', { type: 'button', class: 'lx-menu__trigger', 'aria-haspopup': 'true', title: 'Show actions' }, icon('down'), h('span', { class: 'lx-assistive' }, 'Show actions')));

    const highlights = h(
      'section',
      { class: 'card lx-highlights', 'data-lx': 'highlights' },
      h('div', { class: 'lx-actions' }, ['Follow', 'New Event', 'New Task', 'Log a Call', 'Email', 'Edit', 'Clone', 'Delete', 'Change owner', 'Submit for approval'].map((a) => h('button', { type: 'button', class: 'lx-button' }, icon('action'), h('span', {}, a)))),
      h('ul', { class: 'lx-compact' }, ['Account name', 'Close date', 'Amount', 'Opportunity owner', 'Stage', 'Probability', 'Forecast category', 'Next step', 'Type', 'Lead source', 'Campaign', 'Last activity'].map((label) => h('li', { class: 'lx-compact__item' }, h('p', { class: 'lx-label', title: label }, label), h('p', { class: 'lx-value' }, h('span', { class: 'lx-formatted' }, cell(label)))))),
    );
    const tabs = h('nav', { class: 'lx-tabs', role: 'tablist' }, ['Related', 'Details', 'Activity', 'Chatter', 'News'].map((t, i) => h('a', { role: 'tab', href: '#', class: i === 0 ? 'lx-tab active' : 'lx-tab', 'aria-selected': String(i === 0), onclick: (e) => e.preventDefault() }, t)));
    const relatedList = ([title, cols]) =>
      h(
        'article',
        { class: 'card lx-related', 'data-lx': 'related' },
        h('header', { class: 'lx-related__head' }, icon('list'), h('h2', {}, `${title} (${RELATED_ROWS})`), h('button', { type: 'button', class: 'lx-button' }, 'New'), menu()),
        h(
          'div',
          { class: 'lx-scroller' },
          h(
            'table',
            { class: 'lx-table' },
            h('thead', {}, h('tr', {}, h('th', { class: 'lx-num' }, '#'), cols.map((c) => h('th', {}, h('div', { class: 'lx-th' }, h('span', { class: 'lx-truncate', title: c }, c), icon('sort')))), h('th', {}, ''))),
            h('tbody', {}, Array.from({ length: RELATED_ROWS }, (_, i) => h('tr', {}, h('td', { class: 'lx-num' }, String(i + 1)), cols.map((c, j) => h('td', {}, h('div', { class: 'lx-cell' }, j === 0 ? h('a', { href: '#', class: 'lx-truncate' }, cell(c)) : h('span', { class: 'lx-truncate lx-formatted' }, cell(c))))), h('td', {}, menu())))),
          ),
        ),
        h('footer', { class: 'lx-related__foot' }, h('a', { href: '#' }, 'View all')),
      );
    const timelineItem = (i) => {
      const kind = pick(['call', 'email', 'event', 'task']);
      return h(
        'li',
        { class: `lx-timeline__item lx-timeline__item--${kind}` },
        h('div', { class: 'lx-timeline__icon' }, icon(kind)),
        h(
          'div',
          { class: 'lx-timeline__body' },
          h('div', { class: 'lx-timeline__row' }, h('button', { type: 'button', class: 'lx-expand', 'aria-expanded': 'false' }, icon('chevron')), h('a', { href: '#', class: 'lx-truncate' }, `${kind[0].toUpperCase()}${kind.slice(1)}: ${cell('Subject')}`), h('time', {}, cell('Due date')), menu()),
          h('p', { class: 'lx-timeline__meta' }, `${pick(words)} ${pick(words)} had a ${kind} with `, h('a', { href: '#' }, `${pick(words)} ${pick(words)}`)),
          h('div', { class: 'lx-timeline__details', hidden: i > 2 }, h('p', {}, `${cell('Notes')} — ${cell('Notes')} — ${cell('Notes')}`)),
        ),
      );
    };

    // Progressive rendering over several tasks, like Lightning's component tree filling in.
    const columns = view.querySelector('.columns');
    const relatedColumn = h('div', { class: 'lx-related-column' });
    const timeline = h('section', { class: 'card lx-activity', 'data-lx': 'activity' }, h('h2', {}, 'Activity timeline'), h('div', { class: 'lx-filters' }, 'Filters: All time · All activities · All types'));
    const steps = [
      () => view.querySelector('.record-head').after(highlights, tabs),
      () => columns.after(relatedColumn),
      ...[0, 3, 6, 9].map((from) => () => relatedColumn.append(...RELATED.slice(from, from + 3).map(relatedList))),
      () => relatedColumn.append(timeline, h('ul', { class: 'lx-timeline' }, Array.from({ length: TIMELINE_ITEMS }, (_, i) => timelineItem(i)))),
      () => {
        // Tooltips only where text is cut off: one layout, then reads.
        for (const el of view.querySelectorAll('.lx-table .lx-truncate')) if (el.scrollWidth > el.clientWidth) el.title = el.textContent;
        view.dataset.lxReady = '1';
      },
    ];
    let at = 0;
    const next = () => {
      if (token !== navigation || at >= steps.length) return;
      steps[at++]();
      setTimeout(next, 0);
    };
    next();
  }

  function recordNav(neighbors) {
    const link = (rel, id, label) =>
      id ? h('a', { href: recordHref(id), rel, 'data-nav': rel, class: 'button' }, label) : h('span', { class: 'button disabled', 'aria-disabled': 'true', 'data-nav': rel }, label);
    return h(
      'nav',
      { class: 'record-nav', 'aria-label': 'Record navigation' },
      link('prev', neighbors && neighbors.previous_id, '‹ Previous'),
      neighbors && neighbors.position ? h('span', { class: 'position' }, `${neighbors.position} of ${neighbors.total}`) : null,
      link('next', neighbors && neighbors.next_id, 'Next ›'),
    );
  }

  function field(label, name, value) {
    return [h('dt', {}, label), h('dd', { 'data-field': name }, value)];
  }

  function stagePath(o) {
    const current = o.is_closed ? 'Closed' : o.stage;
    const at = STAGE_PATH.indexOf(current);
    return h(
      'ol',
      { class: 'stage-path', 'aria-label': 'Stage' },
      STAGE_PATH.map((s, i) =>
        h('li', { class: i < at ? 'done' : i === at ? `current ${stageClass(o)}` : null, 'aria-current': i === at ? 'step' : null }, i === at && o.is_closed ? `Closed ${o.is_won ? 'won' : 'lost'}` : s),
      ),
    );
  }

  function renderRecord(o, neighbors) {
    const contacts = new Map();
    for (const row of o.contact_roles || []) {
      const entry = contacts.get(row.contact.id) || { contact: row.contact, roles: [], primary: false };
      if (row.role) entry.roles.push(row.role);
      entry.primary = entry.primary || row.is_primary === true;
      contacts.set(row.contact.id, entry);
    }
    const nameOf = (id) => (contacts.get(id) ? contacts.get(id).contact.name : id);
    const lastTouch = new Map();
    for (const a of o.activities || []) {
      if (a.status !== 'Completed' || a.type === 'Task') continue;
      for (const id of a.contact_ids) if (!lastTouch.has(id) || lastTouch.get(id) < a.at) lastTouch.set(id, a.at);
    }
    const planned = (o.activities || []).filter((a) => a.status !== 'Completed');
    const done = (o.activities || []).filter((a) => a.status === 'Completed').reverse();
    const activityItem = (a) =>
      h(
        'li',
        { class: `activity ${a.type.toLowerCase()}`, 'data-activity-id': a.id },
        h('span', { class: 'kind' }, a.type),
        h('span', { class: 'subject' }, show(a.subject)),
        h('time', { datetime: a.at }, moment(a.at)),
        a.contact_ids.length ? h('span', { class: 'who' }, `with ${a.contact_ids.map(nameOf).join(', ')}`) : null,
      );
    const changes = (title, rows, format) =>
      h(
        'section',
        { class: 'card' },
        h('h2', {}, title),
        rows.length
          ? h('table', { class: 'history' }, h('thead', {}, h('tr', {}, h('th', {}, 'Changed'), h('th', {}, 'From'), h('th', {}, 'To'))), h('tbody', {}, rows.map((c) => h('tr', {}, h('td', {}, moment(c.changed_at)), h('td', {}, format(c.old_value)), h('td', {}, format(c.new_value))))))
          : h('p', { class: 'muted' }, 'No changes recorded.'),
      );
    const custom = o.custom_fields || {};

    return h(
      'main',
      { 'data-view': 'record', 'data-record-id': o.id },
      h(
        'header',
        { class: 'record-head card' },
        h('div', { class: 'crumbs' }, h('a', { href: listHref(listState.state, listState.q) }, 'Opportunities'), ' › ', o.id),
        h('div', { class: 'title-row' }, h('h1', { 'data-field': 'name' }, o.name), recordNav(neighbors)),
        h(
          'dl',
          { class: 'highlights' },
          field('Account', 'account', show(o.account && o.account.name)),
          field('Amount', 'amount', money(o.amount, o.currency)),
          field('Close date', 'close_date', day(o.close_date)),
          field('Stage', 'stage', h('span', { class: `badge ${stageClass(o)}` }, o.stage)),
          field('Owner', 'owner', o.owner.name),
        ),
        stagePath(o),
      ),
      h(
        'div',
        { class: 'columns' },
        h(
          'div',
          { class: 'column' },
          h(
            'section',
            { class: 'card' },
            h('h2', {}, 'Details'),
            h(
              'dl',
              { class: 'fields' },
              field('Opportunity id', 'id', o.id),
              field('Product', 'product', show(o.product)),
              field('Type', 'type', show(o.type)),
              field('Probability', 'probability', o.probability === null || o.probability === undefined ? '—' : `${o.probability}%`),
              field('Forecast category', 'forecast_category', show(o.forecast_category)),
              field('Next step', 'next_step', show(o.next_step)),
              field('Created', 'created_at', moment(o.created_at)),
              field('Engaged', 'engage_date', day(o.engage_date)),
              field('Closed', 'closed_at', day(o.closed_at)),
              field('Last modified', 'last_modified_at', moment(o.last_modified_at)),
            ),
          ),
          h('section', { class: 'card' }, h('h2', {}, 'Qualification'), h('dl', { class: 'fields qualification' }, QUESTIONS.map(([id, label]) => field(label, `qual_${id}`, show(custom[`qual_${id}`]))))),
          h('section', { class: 'card' }, h('h2', {}, 'Deal insight'), h('dl', { class: 'fields' }, OTHER_FIELDS.map(([name, label]) => field(label, name, show(custom[name]))))),
        ),
        h(
          'div',
          { class: 'column' },
          h(
            'section',
            { class: 'card', 'data-related': 'contact_roles' },
            h('h2', {}, `Contact roles (${contacts.size})`),
            contacts.size
              ? h(
                  'table',
                  { class: 'records' },
                  h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Title'), h('th', {}, 'Role'), h('th', {}, 'Last contacted'))),
                  h(
                    'tbody',
                    {},
                    [...contacts.values()].map((c) =>
                      h(
                        'tr',
                        { 'data-contact-id': c.contact.id },
                        h('td', {}, c.contact.name, c.primary ? h('span', { class: 'badge primary' }, 'Primary') : null),
                        h('td', {}, show(c.contact.title)),
                        h('td', {}, c.roles.length ? c.roles.join(', ') : '—'),
                        h('td', {}, day(lastTouch.get(c.contact.id))),
                      ),
                    ),
                  ),
                )
              : h('p', { class: 'muted' }, 'No contacts on this opportunity.'),
          ),
          h(
            'section',
            { class: 'card', 'data-related': 'activities' },
            h('h2', {}, 'Activity'),
            h('h3', {}, `Upcoming & overdue (${planned.length})`),
            planned.length ? h('ul', { class: 'timeline' }, planned.map(activityItem)) : h('p', { class: 'muted' }, 'Nothing planned.'),
            h('h3', {}, `Past activity (${done.length})`),
            done.length ? h('ul', { class: 'timeline' }, done.map(activityItem)) : h('p', { class: 'muted' }, 'No activity logged.'),
          ),
          changes('Close date history', o.close_date_history || [], day),
          changes('Stage history', o.stage_history || [], show),
        ),
      ),
    );
  }

  // ---------- router ----------
  async function route(options) {
    const token = ++navigation;
    const match = /^\/opportunities\/([^/]+)\/?$/.exec(location.pathname);
    if (match) return showRecord(decodeURIComponent(match[1]), token);
    if (/^\/opportunities\/?$/.test(location.pathname)) {
      const search = await showList(token);
      if (options && options.keepFocus && search && token === navigation) {
        search.focus();
        search.setSelectionRange(search.value.length, search.value.length);
      }
      return;
    }
    problem('not-found', 'Page not found', 'This page does not exist.');
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !/^\/opportunities(\/|$)/.test(url.pathname)) return;
    event.preventDefault();
    if (url.href !== location.href) history.pushState(null, '', url.href);
    window.scrollTo(0, 0);
    void route();
  });
  window.addEventListener('popstate', () => void route());

  const userSelect = document.getElementById('user-select');
  if (userSelect) {
    userSelect.addEventListener('change', () => {
      document.cookie = `demo_user=${encodeURIComponent(userSelect.value)}; path=/; SameSite=Lax`;
      location.assign('/opportunities');
    });
  }
  const themeToggle = document.getElementById('theme-toggle');
  if (themeToggle) {
    themeToggle.addEventListener('click', () => {
      const dark = document.documentElement.dataset.theme !== 'dark';
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
      document.cookie = `demo_theme=${dark ? 'dark' : 'light'}; path=/; SameSite=Lax`;
      themeToggle.setAttribute('aria-pressed', String(dark));
      themeToggle.textContent = dark ? 'Light theme' : 'Dark theme';
    });
  }

  void route();
})();
