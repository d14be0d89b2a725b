/**
 * The Vertriebsportal profile as an admin ends up with it (for checks, and for the test that starts
 * from a stored profile); the options-UI test builds the same profile by typing and picking.
 */
export function vertriebsportalProfile() {
  return {
    version: 1,
    id: 'vertriebsportal',
    name: 'Vertriebsportal',
    urlPattern: 'http://127.0.0.1/*',
    recordUrl: { kind: 'path-segment', pattern: '/crm/deals/:id' },
    fields: {
      name: { locator: { by: 'css', selector: 'h1.title' }, parser: { kind: 'text' } },
      accountName: { locator: { by: 'label', text: 'Kunde' }, parser: { kind: 'text' } },
      owner: { locator: { by: 'label', text: 'Verantwortlich' }, parser: { kind: 'text' } },
      amount: { locator: { by: 'label', text: 'Betrag' }, parser: { kind: 'money', decimal: ',' } },
      stage: {
        locator: { by: 'label', text: 'Phase' },
        parser: { kind: 'enum', map: [{ text: 'Gewonnen', category: 'won' }, { text: 'Verloren', category: 'lost' }], otherwise: 'open' },
      },
      closeDate: { locator: { by: 'label', text: 'Abschlussdatum' }, parser: { kind: 'date', format: 'D/M/YYYY' } },
      createdAt: { locator: { by: 'label', text: 'Erstellt am' }, parser: { kind: 'date', format: 'D/M/YYYY' } },
      nextStep: { locator: { by: 'label', text: 'Nächster Schritt' }, parser: { kind: 'text' } },
    },
    extraFields: [],
    stakeholders: { region: { by: 'label', text: 'Ansprechpartner' }, name: { header: 'Name' }, role: { header: 'Rolle' }, title: { header: 'Position' }, roleMap: [], defaultRoleNames: true },
    activities: {
      region: { by: 'label', text: 'Aktivitäten' },
      date: { column: { header: 'Datum' }, format: 'D/M/YYYY' },
      kind: { column: { header: 'Art' }, map: [{ text: 'Telefonat', kind: 'call' }, { text: 'Besprechung', kind: 'meeting' }] },
      done: { by: 'date' },
    },
    qualification: [],
  };
}
