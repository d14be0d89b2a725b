/** The custom-CRM components, rendered with Preact into a linkedom document. */
import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LivePreview } from '../../../../components/custom-crm/LivePreview';
import { PickOverlayHint } from '../../../../components/custom-crm/PickOverlayHint';
import { ProfileEditor, type ProfileEditorProps } from '../../../../components/custom-crm/ProfileEditor';
import { emptyProfile, parseMapLines, parseQualificationLines, withSource } from '../../../../components/custom-crm/editor-model';
import { readDealFromPage } from '../../../../lib/crm/custom/read-dom';
import { CustomCrmProfile, validateProfile } from '../../../../lib/crm/custom/profile';
import { unavailableCoaching } from '../../../../lib/crm/custom/unavailable';
import { loadPage, NOW, SERVER_URL, serverProfile } from './fixtures';

function mount(node: ComponentChild): { root: HTMLElement; window: Window & typeof globalThis } {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(node, root);
  return { root, window: window as unknown as Window & typeof globalThis };
}

afterEach(() => vi.unstubAllGlobals());

function editorProps(overrides: Partial<ProfileEditorProps> = {}): ProfileEditorProps {
  return {
    profile: serverProfile,
    issues: [],
    locked: false,
    permission: 'granted',
    unavailable: unavailableCoaching(serverProfile),
    onChange: vi.fn(),
    onSave: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    ...overrides,
  };
}

const click = (w: Window, el: Element) => el.dispatchEvent(new (w as unknown as { Event: typeof Event }).Event('click', { bubbles: true }));
const button = (root: HTMLElement, text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)!;

describe('ProfileEditor', () => {
  it('shows one row per Deal field with its locator and parser', () => {
    const { root } = mount(<ProfileEditor {...editorProps()} />);
    const rows = Array.from(root.querySelectorAll('.dc-cc-fields tbody tr'));
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(
      expect.arrayContaining(['Deal name*', 'Account', 'Owner', 'Amount', 'Currency', 'Stage*', 'Close date', 'Created date', 'Probability', 'Next step']),
    );
    const closeDate = rows.find((r) => r.querySelector('th')!.textContent === 'Close date')!;
    expect(Array.from(closeDate.querySelectorAll('input')).map((i) => i.getAttribute('value') ?? (i as HTMLInputElement).value)).toContain('close date');
    expect(root.textContent).toContain('What coaching will not check');
  });

  it('sends edits up: unmapping a field and exporting', () => {
    const props = editorProps();
    const { root, window } = mount(<ProfileEditor {...props} />);
    const unmap = root.querySelector('button[aria-label="Unmap Close date"]')!;
    click(window, unmap);
    expect(props.onChange).toHaveBeenCalledTimes(1);
    const next = (props.onChange as ReturnType<typeof vi.fn>).mock.calls[0]![0] as CustomCrmProfile;
    expect(next.fields.closeDate).toBeUndefined();
    expect(next.fields.amount).toEqual(serverProfile.fields.amount);
    click(window, button(root, 'Export JSON'));
    expect(props.onExport).toHaveBeenCalled();
  });

  it('is read-only when pushed by admin policy, but can still be exported', () => {
    const props = editorProps({ locked: true, onDelete: vi.fn() });
    const { root, window } = mount(<ProfileEditor {...props} />);
    expect(root.textContent).toContain('Set by your administrator');
    const inputs = Array.from(root.querySelectorAll('input, select, textarea'));
    expect(inputs.length).toBeGreaterThan(20);
    for (const input of inputs) expect(input.hasAttribute('disabled'), `${input.tagName} ${input.getAttribute('id')}`).toBe(true);
    expect(button(root, 'Save')).toBeUndefined();
    expect(button(root, 'Delete')).toBeUndefined();
    click(window, button(root, 'Export JSON'));
    expect(props.onExport).toHaveBeenCalled();
  });

  it('shows validation issues next to their control and blocks saving', () => {
    const draft = { ...emptyProfile(), name: 'Acme' };
    const check = validateProfile(draft);
    expect(check.ok).toBe(false);
    const issues = check.ok ? [] : check.issues;
    const { root } = mount(<ProfileEditor {...editorProps({ profile: draft, issues, permission: 'missing', onRequestPermission: vi.fn() })} />);
    expect(root.textContent).toContain('Deal name must be mapped');
    expect(root.textContent).toContain('expected a match pattern like https://crm.example.com/*');
    expect(button(root, 'Save').hasAttribute('disabled')).toBe(true);
    expect(button(root, 'Allow access')).toBeDefined();
  });

  it('renders CRM text as text', () => {
    const hostile = CustomCrmProfile.parse({ ...serverProfile, name: '<img src=x onerror=alert(1)>' });
    const { root } = mount(<ProfileEditor {...editorProps({ profile: hostile })} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('h2')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('LivePreview', () => {
  it('lists each field with what was read and why the others were not', () => {
    const page = loadPage('server-rendered');
    page.querySelector('a[href="/accounts/77"]')!.textContent = '<script>alert(1)</script>';
    const { report } = readDealFromPage(page, serverProfile, SERVER_URL, NOW);
    const onSelectField = vi.fn();
    const { root, window } = mount(<LivePreview state={{ kind: 'ready', url: SERVER_URL, report }} onSelectField={onSelectField} />);
    const rows = Array.from(root.querySelectorAll('tbody tr'));
    const row = (label: string) => rows.find((r) => r.querySelector('th')!.textContent === label)!;
    expect(row('Close date').textContent).toContain('2026-03-31');
    expect(row('Stage').textContent).toContain('Negotiation / Review (open)');
    expect(row('Next step').textContent).toContain('Missing');
    expect(row('Next step').textContent).toContain('collapsed panel');
    expect(row('Stakeholders').textContent).toContain('3 people');
    // The page's text shows as text, never as markup.
    expect(root.querySelector('script')).toBeNull();
    expect(row('Account').textContent).toContain('<script>alert(1)</script>');
    expect(root.textContent).toMatch(/\d+ read, \d+ missing, \d+ unreadable, \d+ not mapped/);
    click(window, row('Close date').querySelector('button')!);
    expect(onSelectField).toHaveBeenCalledWith('closeDate');
  });

  it('says what to do when no record page is open', () => {
    const { root } = mount(<LivePreview state={{ kind: 'not-record', url: 'https://crm.example.com/home' }} />);
    expect(root.textContent).toContain('not a record page of this CRM');
  });
});

describe('PickOverlayHint', () => {
  it('asks for the value and offers Esc to cancel', () => {
    const onCancel = vi.fn();
    const { root, window } = mount(<PickOverlayHint target="Close date" onCancel={onCancel} />);
    expect(root.querySelector('.dc-cc-pick__ask')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('Click the value of Close date on the page · Esc to cancel');
    click(window, button(root, 'Cancel'));
    expect(onCancel).toHaveBeenCalled();
  });

  it('shows what was picked, how it will be found and how sure that is', () => {
    const onAccept = vi.fn();
    const suggestion = { locator: { by: 'label' as const, text: 'Close date' }, confidence: 0.9, why: 'the label' };
    const alternative = { locator: { by: 'css' as const, selector: 'main > table > tbody > tr:nth-of-type(3) > td' }, confidence: 0.15, why: 'position' };
    const { root, window } = mount(<PickOverlayHint target="Close date" picked={{ text: '3/31/2026', suggestion, alternatives: [alternative] }} onCancel={vi.fn()} onAccept={onAccept} />);
    expect(root.textContent).toContain('Close date = 3/31/2026');
    expect(root.textContent).toContain('Found next to the label “Close date”');
    expect(root.textContent).toContain('high confidence');
    click(window, button(root, 'Use this'));
    expect(onAccept).toHaveBeenCalledWith(suggestion);
  });
});

describe('editor model', () => {
  it('reads map lines and says which lines are wrong', () => {
    expect(parseMapLines('Closed Won = won\nClosed Lost=lost\n\nOops\nX = maybe', ['open', 'won', 'lost'] as const)).toEqual({
      pairs: [
        { text: 'Closed Won', value: 'won' },
        { text: 'Closed Lost', value: 'lost' },
      ],
      problems: ['line 4: write "text = open | won | lost"', 'line 5: "maybe" is not one of open, won, lost'],
    });
    expect(parseQualificationLines('bant/budget = budget_confirmed?, $stakeholders:key')).toEqual({ mapping: [{ playbook: 'bant', question: 'budget', fields: ['budget_confirmed?', '$stakeholders:key'] }], problems: [] });
  });

  it('switches a profile between page and JSON endpoint without leaving mixed locators', () => {
    const json = withSource(serverProfile, true);
    expect(json.endpoint).toEqual({ url: '/api/deals/:id' });
    expect(Object.values(json.fields).every((f) => f!.locator.by === 'json')).toBe(true);
    expect(json.stakeholders!.name).toEqual({ key: '' });
    const back = withSource(json, false);
    expect(back.endpoint).toBeUndefined();
    expect(back.fields.name!.locator).toEqual({ by: 'label', text: '' });
  });
});
