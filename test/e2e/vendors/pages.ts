/**
 * Record pages that imitate each CRM's single-page app just enough for the content script: the real
 * URL shape, links that navigate with pushState (no reload), and the CRM's record container appearing
 * a moment after each navigation (the selector lib/crm/registry.ts waits for). Names come from the
 * recordings, so the page and the sidebar agree.
 */
export type VendorPage = 'salesforce' | 'hubspot' | 'pipedrive' | 'dynamics';

interface Shape {
  title: string;
  /** Is this path+query one of the CRM's app pages (rather than its API)? */
  isPage(url: string): boolean;
  records: Record<string, string>;
  recordUrl(host: string, id: string): string;
  listUrl(host: string): string;
  /** JS expression: the record id of `location`, or null. */
  idOfLocation: string;
  /** JS function body building the record container for `id` (`name` is the record's name). */
  container: string;
  headers?: Record<string, string>;
}

const APP_ID = '3c3f1f0a-1a6b-ef11-a670-000d3a2b1234';

export const SHAPES: Record<VendorPage, Shape> = {
  salesforce: {
    title: 'Opportunity | Salesforce',
    isPage: (url) => url.startsWith('/lightning/'),
    records: { '0065g00000Q7kLmAAJ': 'Globex – Platform renewal', '0065g00000Q7kWnAAJ': 'Initech – Rollout DACH' },
    recordUrl: (host, id) => `https://${host}/lightning/r/Opportunity/${id}/view`,
    listUrl: (host) => `https://${host}/lightning/o/Opportunity/list`,
    idOfLocation: `(/^\\/lightning\\/r\\/Opportunity\\/(\\w+)\\/view/.exec(location.pathname) || [])[1] || null`,
    container: `const el = document.createElement('one-record-home-flexipage2'); el.dataset.recordId = id; const h = document.createElement('h1'); h.textContent = name; el.append(h); return el;`,
  },
  hubspot: {
    title: 'Deal | HubSpot',
    isPage: (url) => url.startsWith('/contacts/'),
    records: { '14583920011': 'Northwind – Analytics suite', '14583920099': 'Fabrikam – Jahreslizenz' },
    recordUrl: (host, id) => `https://${host}/contacts/20417345/record/0-3/${id}`,
    listUrl: (host) => `https://${host}/contacts/20417345/objects/0-3/views/all/list`,
    idOfLocation: `(/^\\/contacts\\/\\d+\\/record\\/0-3\\/(\\d+)/.exec(location.pathname) || [])[1] || null`,
    container: `const el = document.createElement('div'); const h = document.createElement('h1'); h.dataset.seleniumTest = 'highlightTitle'; h.textContent = name; el.append(h); return el;`,
  },
  pipedrive: {
    title: 'Deal | Pipedrive',
    isPage: (url) => url.startsWith('/deal/') || url.startsWith('/pipeline'),
    records: { '1234': 'Initrode – Fleet tracking', '1240': 'Soylent – Jahresvertrag' },
    recordUrl: (host, id) => `https://${host}/deal/${id}`,
    listUrl: (host) => `https://${host}/pipeline`,
    idOfLocation: `(/^\\/deal\\/(\\d+)/.exec(location.pathname) || [])[1] || null`,
    container: `const el = document.createElement('div'); el.dataset.testid = 'deal-details'; const h = document.createElement('h1'); h.textContent = name; el.append(h); return el;`,
  },
  dynamics: {
    title: 'Opportunity: Information - Dynamics 365',
    isPage: (url) => url.startsWith('/main.aspx'),
    records: { '5b7f3c1e-9a2d-ef11-8409-000d3a4bd123': 'Contoso Pharma – CRM rollout', '8c1d2e3f-4a5b-ef11-8409-000d3a4bd456': 'Fabrikam – Field service' },
    recordUrl: (host, id) => `https://${host}/main.aspx?appid=${APP_ID}&pagetype=entityrecord&etn=opportunity&id=${id}`,
    listUrl: (host) => `https://${host}/main.aspx?appid=${APP_ID}&pagetype=entitylist&etn=opportunity`,
    idOfLocation: `new URLSearchParams(location.search).get('pagetype') === 'entityrecord' ? new URLSearchParams(location.search).get('id') : null`,
    container: `const el = document.createElement('div'); el.dataset.id = 'editFormRoot'; const h = document.createElement('h1'); h.textContent = name; el.append(h); return el;`,
    // The Dynamics session cookie: the page's same-origin Web API calls carry it.
    headers: { 'set-cookie': 'CrmOwinAuth=e2e-dynamics-session; Path=/; Secure; HttpOnly; SameSite=Lax' },
  },
};

/** The HTML of a CRM app page, or null when `url` is not one (an API path). */
export function recordPage(vendor: VendorPage, host: string, url: string): { html: string; headers: Record<string, string> } | null {
  const shape = SHAPES[vendor];
  if (!shape.isPage(url)) return null;
  const links = Object.entries(shape.records)
    .map(([id, name]) => `<a data-spa href="${shape.recordUrl(host, id)}">${escape(name)}</a>`)
    .join(' · ');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(shape.title)}</title>
<style>body{font:14px system-ui;margin:0}header{background:#032d60;color:#fff;padding:10px 16px}nav{padding:8px 16px;border-bottom:1px solid #ddd}nav a{margin-right:8px}#app{padding:16px 24px}</style>
</head><body>
<header>${escape(shape.title.split('|').pop()!.trim())} (e2e imitation)</header>
<nav>${links} · <a data-spa href="${shape.listUrl(host)}">All opportunities</a></nav>
<div id="app"></div>
<script>
const NAMES = ${JSON.stringify(shape.records)};
function idOf() { return ${shape.idOfLocation}; }
function container(id, name) { ${shape.container} }
let timer;
function render() {
  clearTimeout(timer);
  const app = document.getElementById('app');
  app.replaceChildren();
  const id = idOf();
  if (!id) { const p = document.createElement('p'); p.dataset.view = 'list'; p.textContent = 'All opportunities'; app.append(p); return; }
  const loading = document.createElement('p'); loading.textContent = 'Loading…'; app.append(loading);
  // Like the real apps: the record renders a little after the URL changes.
  timer = setTimeout(() => { if (idOf() === id) app.replaceChildren(container(id, NAMES[id] || id)); }, 250);
}
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[data-spa]');
  if (!a) return;
  e.preventDefault();
  history.pushState({}, '', a.href);
  render();
});
addEventListener('popstate', render);
render();
</script>
</body></html>`;
  return { html, headers: shape.headers ?? {} };
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
