/**
 * "Vertriebsportal": a small server-rendered CRM for the custom-CRM e2e tests (issue #7), in the style
 * of German in-house CRMs: label/value rows, money as "1.234.567,50 €", dates as "23.11.2026", and
 * two collapsed panels filled by XHR — the contacts only when expanded, the activities a moment after
 * the page loads. Served on 127.0.0.1 (the content script's static loopback match), no dependencies.
 * Dates are relative to today so the coaching findings are the same on any day.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteDeal {
  id: string;
  name: string;
  account: string;
  owner: string;
  amount: string;
  stage: string;
  /** Days from today (negative: past). */
  closeInDays: number;
  createdDaysAgo: number;
  nextStep: string;
  contacts: Array<{ name: string; role: string; title: string }>;
  activities: Array<{ daysAgo: number; kind: string; subject: string; with: string }>;
}

export const SITE_DEALS: SiteDeal[] = [
  {
    id: '4711',
    name: 'Rahmenvertrag Logistiksoftware',
    account: 'Müller & Söhne GmbH',
    owner: 'Petra Schmidt',
    amount: '1.234.567,50 €',
    stage: 'Verhandlung',
    closeInDays: -40,
    createdDaysAgo: 200,
    nextStep: '',
    contacts: [
      { name: 'Dr. Anna Berger', role: 'Champion', title: 'Leiterin Logistik' },
      { name: 'Jonas Keller', role: 'Anwender', title: 'Disponent' },
    ],
    activities: [
      { daysAgo: 45, kind: 'Telefonat', subject: 'Bedarfsanalyse', with: 'Dr. Anna Berger' },
      { daysAgo: 60, kind: 'Besprechung', subject: 'Demo vor Ort', with: 'Jonas Keller' },
    ],
  },
  {
    id: '4712',
    name: 'Erweiterung Lagerverwaltung',
    account: 'Nordwind Handel AG',
    owner: 'Petra Schmidt',
    amount: '85.000,00 €',
    stage: 'Angebot',
    closeInDays: 30,
    createdDaysAgo: 20,
    nextStep: 'Angebot nachfassen',
    contacts: [
      { name: 'Karl Vogt', role: 'Entscheider', title: 'Geschäftsführer' },
      { name: 'Lena Hoffmann', role: 'Champion', title: 'Leiterin Einkauf' },
    ],
    activities: [
      { daysAgo: 3, kind: 'Besprechung', subject: 'Angebotsbesprechung', with: 'Karl Vogt' },
      { daysAgo: 5, kind: 'E-Mail', subject: 'Angebot versendet', with: 'Lena Hoffmann' },
    ],
  },
];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function germanDate(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

function row(label: string, value: string): string {
  return `<div class="row"><span class="label">${esc(label)}</span><span class="value">${value ? esc(value) : '<span class="empty">—</span>'}</span></div>`;
}

function dealPage(deal: SiteDeal): string {
  const other = SITE_DEALS.find((d) => d.id !== deal.id)!;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${esc(deal.name)} · Vertriebsportal</title>
<link rel="stylesheet" href="/crm/site.css"></head>
<body>
<header class="top"><span class="brand">Vertriebsportal</span>
<nav><a href="/crm/deals">Verkaufschancen</a> · <a id="next-deal" href="/crm/deals/${esc(other.id)}">${esc(other.name)}</a></nav></header>
<main class="record" data-deal="${esc(deal.id)}">
<h1 class="title">${esc(deal.name)}</h1>
<section class="card"><h2>Übersicht</h2>
${row('Kunde', deal.account)}
${row('Verantwortlich', deal.owner)}
${row('Betrag', deal.amount)}
${row('Phase', deal.stage)}
${row('Abschlussdatum', germanDate(deal.closeInDays))}
${row('Erstellt am', germanDate(-deal.createdDaysAgo))}
${row('Nächster Schritt', deal.nextStep)}
</section>
<section class="panel collapsed" data-panel="contacts" data-src="/crm/api/deals/${esc(deal.id)}/contacts">
<h2><button type="button" class="toggle" aria-expanded="false">Ansprechpartner</button></h2>
<div class="panel-body"></div></section>
<section class="panel" data-panel="activities" data-src="/crm/api/deals/${esc(deal.id)}/activities" data-autoload="1">
<h2><button type="button" class="toggle" aria-expanded="true">Aktivitäten</button></h2>
<div class="panel-body"><p class="loading">Wird geladen…</p></div></section>
</main>
<script src="/crm/app.js"></script>
</body></html>`;
}

function contactsFragment(deal: SiteDeal): string {
  return `<table class="grid"><thead><tr><th>Name</th><th>Rolle</th><th>Position</th></tr></thead><tbody>${deal.contacts
    .map((c) => `<tr><td>${esc(c.name)}</td><td>${esc(c.role)}</td><td>${esc(c.title)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function activitiesFragment(deal: SiteDeal): string {
  return `<table class="grid"><thead><tr><th>Datum</th><th>Art</th><th>Betreff</th><th>Kontakt</th></tr></thead><tbody>${deal.activities
    .map((a) => `<tr><td>${germanDate(-a.daysAgo)}</td><td>${esc(a.kind)}</td><td>${esc(a.subject)}</td><td>${esc(a.with)}</td></tr>`)
    .join('')}</tbody></table>`;
}

/** The site's own script: panels fetch their HTML when expanded (or, with data-autoload, after a delay). */
const APP_JS = `
(function () {
  function load(panel) {
    if (panel.dataset.loaded) return;
    panel.dataset.loaded = '1';
    var body = panel.querySelector('.panel-body');
    fetch(panel.dataset.src, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (r) { return r.text(); })
      .then(function (html) { body.innerHTML = html; });
  }
  document.querySelectorAll('.panel').forEach(function (panel) {
    var toggle = panel.querySelector('.toggle');
    toggle.addEventListener('click', function () {
      var open = panel.classList.toggle('collapsed') === false;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) load(panel);
    });
    if (panel.dataset.autoload) setTimeout(function () { load(panel); }, 1200);
  });
})();
`;

const SITE_CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2933;background:#f4f5f7}
.top{display:flex;gap:24px;align-items:center;padding:10px 20px;background:#1d3557;color:#fff}
.top a{color:#cfe3ff}.brand{font-weight:700}
.record{max-width:760px;margin:20px 40px;display:grid;gap:16px}
.title{font-size:22px;margin:0}
.card,.panel{background:#fff;border:1px solid #d9dee5;border-radius:6px;padding:12px 16px}
h2{font-size:15px;margin:0 0 8px}
.row{display:grid;grid-template-columns:180px 1fr;padding:4px 0;border-bottom:1px solid #eef0f3}
.label{color:#5b6673}.empty{color:#9aa5b1}
.toggle{all:unset;cursor:pointer;font-weight:600}
.toggle::before{content:'▾ '}.collapsed .toggle::before{content:'▸ '}
.collapsed .panel-body{display:none}
.grid{border-collapse:collapse;width:100%}.grid th,.grid td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f3}
`;

export interface CustomSite {
  url: string;
  dealUrl(id: string): string;
  close(): Promise<void>;
}

export async function startCustomSite(): Promise<CustomSite> {
  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://site.invalid').pathname;
    let m: RegExpExecArray | null;
    if (path === '/crm/app.js') return send(res, 200, 'text/javascript', APP_JS);
    if (path === '/crm/site.css') return send(res, 200, 'text/css', SITE_CSS);
    if (path === '/crm/deals') return send(res, 200, 'text/html', `<!doctype html><meta charset="utf-8"><title>Verkaufschancen</title><ul>${SITE_DEALS.map((d) => `<li><a href="/crm/deals/${d.id}">${esc(d.name)}</a></li>`).join('')}</ul>`);
    if ((m = /^\/crm\/deals\/(\d+)$/.exec(path))) {
      const deal = SITE_DEALS.find((d) => d.id === m![1]);
      return deal ? send(res, 200, 'text/html', dealPage(deal)) : send(res, 404, 'text/plain', 'not found');
    }
    if ((m = /^\/crm\/api\/deals\/(\d+)\/(contacts|activities)$/.exec(path))) {
      const deal = SITE_DEALS.find((d) => d.id === m![1]);
      if (!deal) return send(res, 404, 'text/plain', 'not found');
      // XHR latency, as a real CRM has: the reader must wait for it, not read an empty panel.
      setTimeout(() => send(res, 200, 'text/html', m![2] === 'contacts' ? contactsFragment(deal) : activitiesFragment(deal)), 150);
      return;
    }
    send(res, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dealUrl: (id) => `${url}/crm/deals/${id}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
