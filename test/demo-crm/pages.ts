/**
 * The server-rendered shell: top bar (user chooser, theme toggle) and an empty <main> that the
 * client (public/app.js) fills from the JSON API, like an SPA CRM. Every value is escaped.
 */
import type { UserJson } from '../../lib/crm/demo/api';
import type { DemoCrmData } from './data';
import { esc } from './http-util';

export type Theme = 'light' | 'dark';

function userOptions(data: DemoCrmData, current: UserJson | null): string {
  const option = (u: UserJson) => `<option value="${esc(u.id)}"${u.id === current?.id ? ' selected' : ''}>${esc(u.name)}</option>`;
  const managers = data.users.filter((u) => u.role === 'manager');
  const groups = managers.map(
    (m) => `<optgroup label="${esc(`${m.regional_office ?? ''} · ${m.name}'s team`)}">${data.users
      .filter((u) => u.manager?.id === m.id)
      .map(option)
      .join('')}</optgroup>`,
  );
  return `<optgroup label="Managers">${managers.map(option).join('')}</optgroup>${groups.join('')}`;
}

export function renderShell(data: DemoCrmData, user: UserJson | null, theme: Theme, heavy = false): string {
  return `<!doctype html>
<html lang="en" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Opportunities · Demo CRM</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body data-user-id="${esc(user?.id ?? '')}" data-user-role="${esc(user?.role ?? '')}" data-today="${esc(data.today)}"${heavy ? ' data-heavy="1"' : ''}>
<header class="topbar">
  <a class="brand" href="/opportunities"><span class="logo" aria-hidden="true">◆</span> Demo CRM</a>
  <nav class="tabs-nav"><a href="/opportunities" class="active">Opportunities</a></nav>
  <span class="spacer"></span>
  <label class="user-chooser">Signed in as
    <select id="user-select" name="demo_user">${userOptions(data, user)}</select>
  </label>
  <button type="button" id="theme-toggle" aria-pressed="${theme === 'dark'}">${theme === 'dark' ? 'Light theme' : 'Dark theme'}</button>
</header>
<main data-view="loading" aria-busy="true"><p class="loading">Loading…</p></main>
<footer class="footer">Demo CRM for Deal Coach · deals, reps, accounts and products from the Maven CRM dataset (dates shifted); people, activities and qualification generated · today is ${esc(data.today)}</footer>
</body>
</html>
`;
}
