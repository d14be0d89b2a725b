/**
 * Driving Options → Custom CRMs as an admin does: labelled inputs, "Map", and "Pick on page" in the
 * CRM tab (the banner is pressed through its closed shadow root, pick-probe.ts).
 */
import type { Page } from '@playwright/test';
import type { PickProbe } from './pick-probe';

/** Fill a field of the editor by its (possibly visually hidden) label. */
export async function fill(options: Page, label: string, value: string): Promise<void> {
  const input = options.getByLabel(label, { exact: true });
  await input.fill(value);
}

/** Map a Deal field found next to a label typed by the admin. */
export async function mapByLabel(options: Page, field: string, labelText: string): Promise<void> {
  await options.getByRole('row', { name: new RegExp(`^${field}`) }).getByRole('button', { name: 'Map', exact: true }).click();
  await fill(options, `${field}: label text`, labelText);
}

/** "Pick on page" for a row: the CRM tab comes forward, the admin clicks the value, then "Use this". */
export async function pick(options: Page, crm: Page, probe: PickProbe, row: RegExp, button: string, click: () => Promise<void>, shot?: string): Promise<string> {
  await options.getByRole('row', { name: row }).getByRole('button', { name: button }).click();
  await probe.waitForText((t) => t.includes('Click'));
  await crm.bringToFront();
  await click();
  const banner = await probe.waitForText((t) => t.includes('Use this'));
  if (shot) await crm.screenshot({ path: `artifacts/e2e/${shot}` });
  await probe.click('Use this');
  await options.bringToFront();
  return banner;
}

