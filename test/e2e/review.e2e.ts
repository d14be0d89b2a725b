/**
 * The manager's review page: a Maven CSV imported through the page's file input (win rates checked
 * against plain counting over the raw CSV lines), the team filter, and "changed since last review"
 * against the demo CRM (snapshot, /__test/mutate, reload, refresh).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, recordUrl, test } from './fixtures';

const DATASET = path.resolve('../shared/datasets/maven-crm');
const PIPELINE = path.join(DATASET, 'sales_pipeline.csv');
const TEAMS = path.join(DATASET, 'sales_teams.csv');
const percent = (rate: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(rate * 100)}%`;

/** won / lost per sales_agent, by splitting the raw lines (the file has no quoted commas). */
function rawWinRates(): Map<string, { won: number; lost: number }> {
  const [header, ...lines] = readFileSync(PIPELINE, 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  const agent = cols.indexOf('sales_agent');
  const stage = cols.indexOf('deal_stage');
  const out = new Map<string, { won: number; lost: number }>();
  for (const line of lines) {
    const cells = line.split(',');
    const entry = out.get(cells[agent]!) ?? { won: 0, lost: 0 };
    if (cells[stage] === 'Won') entry.won++;
    if (cells[stage] === 'Lost') entry.lost++;
    out.set(cells[agent]!, entry);
  }
  return out;
}

function teamOf(manager: string): string[] {
  return readFileSync(TEAMS, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[1] === manager)
    .map((c) => c[0]!);
}

test('review: Maven CSV import, per-rep win rates equal plain counting, team filter', async ({ context, extensionId }) => {
  const review = await context.newPage();
  await review.setViewportSize({ width: 1440, height: 1000 });
  await review.goto(`chrome-extension://${extensionId}/review.html`);
  // No CRM connection yet: the page offers the import.
  await expect(review.getByRole('heading', { name: 'Import a CSV report export' })).toBeVisible({ timeout: 20_000 });
  await review.locator('input[data-testid="csv-input"]').setInputFiles([PIPELINE, TEAMS]);
  await expect(review.getByText('detected: Maven CRM sales_pipeline.csv')).toBeVisible();
  await expect(review.locator('table.rv-preview tbody tr')).toHaveCount(8);
  await review.getByRole('button', { name: 'Import deals' }).click();
  await expect(review.locator('[data-source="csv"]')).toBeVisible({ timeout: 60_000 });
  await expect(review.getByRole('status').first()).toContainText('Imported 8,800 deals');

  const raw = rawWinRates();
  let checked = 0;
  for (const [agent, { won, lost }] of raw) {
    const cell = review.locator(`tr[data-rep="${agent}"] [data-metric="unit-win-rate"]`);
    await expect(cell).toContainText(`${percent(won / (won + lost))} (${won.toLocaleString('en-US')} of ${(won + lost).toLocaleString('en-US')})`);
    checked++;
  }
  expect(checked).toBe(30);
  // Maven's lost deals carry 0: value win rate is shown as unavailable, with the reason.
  await expect(review.locator('tr[data-rep="Darcel Schlecht"] [data-metric="value-win-rate"]')).toContainText('unavailable');

  // The virtualised table renders only what is in view.
  const rendered = await review.locator('table.review__table tbody tr').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  // One manager's team.
  await review.getByRole('combobox', { name: 'Team', exact: true }).selectOption('Melvin Marxen');
  const reps = teamOf('Melvin Marxen').filter((r) => raw.has(r));
  await expect(review.locator('table.rv-metrics tbody tr')).toHaveCount(reps.length);
  for (const rep of reps) await expect(review.locator(`table.rv-metrics tbody tr[data-rep="${rep}"]`)).toBeVisible();
  const owners = await review.locator('table.review__table tbody tr td:nth-child(2) .rv-sub').allTextContents();
  expect(new Set(owners)).toEqual(new Set(['Melvin Marxen']));
  await review.getByLabel('Revenue target still to win').fill('250000');
  await review.getByLabel('Revenue target still to win').press('Tab');
  await review.locator('table.review__table tbody tr').first().click();
  await expect(review.getByRole('dialog')).toContainText('Findings');
  await review.screenshot({ path: 'artifacts/e2e/review-csv.png' });
  await review.keyboard.press('Escape');
  await review.close();
});

test('review: team from the demo CRM; a saved snapshot lists what changed since', async ({ page, context, crm, sidebar, extensionId }) => {
  // Melvin Marxen manages Darcel Schlecht's team; Deal Coach learns the connection from a deal page.
  await context.addCookies([{ name: 'demo_user', value: encodeURIComponent('Melvin Marxen'), url: crm.url }]);
  await page.goto(recordUrl(crm, 'DEMO-STALE'));
  await sidebar.waitForText((t) => t.includes('Rangreen') && !t.includes('Reading this deal'), 30_000);

  const review = await context.newPage();
  await review.setViewportSize({ width: 1440, height: 1000 });
  await review.goto(`chrome-extension://${extensionId}/review.html`);
  await expect(review.locator('[data-source="crm"]')).toContainText("Melvin Marxen's team", { timeout: 60_000 });
  await expect(review.locator('table.rv-metrics tbody tr[data-rep="Darcel Schlecht"]')).toBeVisible();
  await review.getByRole('button', { name: 'Save review snapshot' }).click();
  await expect(review.getByRole('status').first()).toContainText('Review snapshot saved');

  const mutate = async (id: string, changes: Record<string, unknown>) => {
    const response = await fetch(`${crm.url}/__test/mutate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, changes }) });
    expect(response.ok, `mutate ${id}`).toBe(true);
  };
  const healthy = (await (await fetch(`${crm.url}/api/opportunities/DEMO-HEALTHY`, { headers: { 'X-Demo-User': 'Melvin Marxen' } })).json()) as { close_date: string };
  const pushedTo = new Date(Date.parse(`${healthy.close_date}T00:00:00Z`) + 45 * 86_400_000).toISOString().slice(0, 10);
  await mutate('DEMO-HEALTHY', { close_date: pushedTo });
  await mutate('DEMO-NODM', { amount: 2500 });
  await mutate('DEMO-UNQUALIFIED', { stage: 'Won' });

  await review.reload();
  await expect(review.locator('[data-source="crm"]')).toBeVisible({ timeout: 60_000 });
  // The team history is cached for an hour (DESIGN §8): the manager asks for fresh data.
  await review.getByRole('button', { name: 'Refresh from CRM' }).click();
  const changes = review.locator('section.rv-changes');
  await expect(changes).toContainText('Changed since last review', { timeout: 60_000 });
  await expect(changes.locator('[data-deal="DEMO-HEALTHY"]')).toContainText('Close date pushed 45 d');
  await expect(changes.locator('[data-deal="DEMO-NODM"]')).toContainText('Amount $1,100 → $2,500');
  await expect(changes.locator('[data-deal="DEMO-UNQUALIFIED"]')).toContainText('Closed won');
  await changes.getByLabel('Only changed deals in the table').check();
  await expect(review.locator('table.review__table tbody tr[data-id="DEMO-HEALTHY"]')).toBeVisible();
  await review.screenshot({ path: 'artifacts/e2e/review-changes.png' });
  await review.emulateMedia({ media: 'print' });
  await review.screenshot({ path: 'artifacts/e2e/review-print.png', fullPage: true });
  await review.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await review.locator('table.review__table tbody tr[data-id="DEMO-HEALTHY"]').click();
  await expect(review.getByRole('dialog')).toContainText('Stakeholders');
  await review.screenshot({ path: 'artifacts/e2e/review-dark.png' });
  await review.close();
});
