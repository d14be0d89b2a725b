/** A fake CRM opportunity page (light or dark) for the sidebar to sit beside. */
export function HostPage({ tone, title }: { tone: 'light' | 'dark'; title: string }) {
  return (
    <div class={`host host--${tone}`}>
      <div class="host__top">
        <span>☁ Sales</span>
        <span style={{ fontWeight: 400, opacity: 0.85 }}>Home · Opportunities · Accounts · Contacts · Reports</span>
      </div>
      <div class="host__tabs">
        <span>Opportunity</span>
        <span style={{ opacity: 0.6 }}>Related</span>
        <span style={{ opacity: 0.6 }}>Activity</span>
      </div>
      <div class="host__main">
        <div class="host__card">
          <div style={{ fontSize: '11px', opacity: 0.7 }}>Opportunity</div>
          <div class="host__title">{title}</div>
          <div class="host__path">
            {['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal', 'Negotiation', 'Closed'].map((s, i) => (
              <span key={s} class={i === 4 ? 'on' : ''}>
                {s}
              </span>
            ))}
          </div>
          <dl class="host__grid">
            {[
              ['Account Name', 'Northwind Traders GmbH'],
              ['Close Date', '2/27/2026'],
              ['Amount', 'EUR 184,500.00'],
              ['Opportunity Owner', 'Dana Ruiz'],
              ['Probability (%)', '70%'],
              ['Forecast Category', 'Commit'],
              ['Type', 'Existing Business'],
              ['Lead Source', 'Partner'],
            ].map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
        {[0, 1, 2].map((i) => (
          <div key={i} class="host__card">
            <div class="host__line" style={{ width: '30%' }} />
            <div class="host__line" style={{ width: '92%' }} />
            <div class="host__line" style={{ width: '85%' }} />
            <div class="host__line" style={{ width: '60%' }} />
          </div>
        ))}
      </div>
    </div>
  );
}
