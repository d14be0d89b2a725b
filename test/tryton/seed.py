#!/usr/bin/python3
"""Seed a fresh Tryton 6.0 database (sale_opportunity + party_relationship) with a sales team's pipeline.

Run with Debian's Python (Tryton's modules live there), on a database whose modules are activated
and which no server has open:

    /usr/bin/python3 test/tryton/seed.py --config trytond.conf --database dealcoach \
        --facts seed-facts.json [--today 2026-11-23]

Everything is relative to "today" (UTC by default): eighteen months of won, lost and cancelled deals
ending a few days ago, and the open pipeline as of today. The data is fixed (no randomness), so
the facts written to --facts hold for every run made on the same day.

Time in Tryton's history: the seed performs each change through Tryton itself (proteus), so the
history table `sale_opportunity__history` gets one row per write, exactly as if a rep had made it.
Those rows are stamped with the seed's wall clock; afterwards the seed re-dates each change to the
day it is meant to have happened (same for `ir.note` creation dates), so `history_revisions` and
reads with `_datetime` show a pipeline that grew over eighteen months.

Who is who: each rep is a `company.employee` with a login whose current employee
(`res.user.employee`) is that rep. Opportunities are owned by `sale.opportunity.employee`.
Morgan (manager) supervises Alice and Bob (`company.employee.supervisor`); `intern` can sign in but
has no employee and no sales groups. Every password is `dealcoach` (admin's too).
"""
import argparse
import datetime as dt
import json
import sqlite3
import statistics
import time
from decimal import Decimal

from proteus import Model, Wizard, config as pconfig

PASSWORD = 'dealcoach'

# Reps and their manager: (key, login, full name, supervisor key)
TEAM = [
    ('morgan', 'morgan', 'Morgan Lee', None),
    ('alice', 'alice', 'Alice Martin', 'morgan'),
    ('bob', 'bob', 'Bob Nguyen', 'morgan'),
]

# Relation types between a person and the customer company, with their reverses.
# The adapter maps them to influence: Decision maker -> decision-maker, Champion -> champion,
# Buyer -> economic-buyer; any other relation (Works at) -> other.
RELATION_TYPES = [
    ('dm', 'Decision maker at', 'Has decision maker'),
    ('champion', 'Champion at', 'Has champion'),
    ('buyer', 'Buyer at', 'Has buyer'),
    ('works', 'Works at', 'Employs'),
]

# Customer companies: key -> (name, city, people [(name, relation keys, email)])
CUSTOMERS = {
    'globex': ('Globex Corporation', 'Springfield', [
        ('Hank Scorpio', ['dm'], 'hank.scorpio@globex.example'),
        ('Mindy Simmons', ['champion'], 'mindy.simmons@globex.example'),
        ('Frank Grimes', ['works'], 'frank.grimes@globex.example')]),
    'initech': ('Initech', 'Austin', [
        ('Lena Park', ['dm'], 'lena.park@initech.example'),
        ('Omar Haddad', ['champion'], 'omar.haddad@initech.example'),
        ('Bill Lumbergh', ['buyer'], 'bill.lumbergh@initech.example')]),
    'umbrella': ('Umbrella Health', 'Raccoon City', [
        ('Jill Valentine', ['champion'], 'jill.valentine@umbrella.example')]),
    'soylent': ('Soylent Foods', 'New York', [
        ('Robert Thorn', ['dm', 'buyer'], 'robert.thorn@soylent.example'),
        ('Shirl Chen', ['champion'], 'shirl.chen@soylent.example')]),
    'acme': ('Acme Manufacturing', 'Phoenix', [
        ('Wile Coyote', ['dm'], 'wile.coyote@acme.example'),
        ('Road Runner', ['champion'], 'road.runner@acme.example')]),
    'stark': ('Stark Logistics', 'Los Angeles', [
        ('Pepper Potts', ['dm', 'buyer'], 'pepper.potts@stark.example'),
        ('Happy Hogan', ['champion'], 'happy.hogan@stark.example')]),
    'wayne': ('Wayne Retail', 'Gotham', [
        ('Lucius Fox', ['dm'], 'lucius.fox@wayne.example'),
        ('Barbara Gordon', ['champion'], 'barbara.gordon@wayne.example')]),
    'tyrell': ('Tyrell Biotech', 'Los Angeles', [
        ('Eldon Tyrell', ['dm'], 'eldon.tyrell@tyrell.example'),
        ('Rachael Rosen', ['champion', 'buyer'], 'rachael.rosen@tyrell.example')]),
    'cyberdyne': ('Cyberdyne Systems', 'Sunnyvale', [
        ('Miles Dyson', ['dm'], 'miles.dyson@cyberdyne.example')]),
    'oscorp': ('Oscorp Energy', 'New York', [
        ('Norman Osborn', ['dm'], 'norman.osborn@oscorp.example'),
        ('Otto Octavius', ['champion'], 'otto.octavius@oscorp.example')]),
    'hooli': ('Hooli Media', 'Palo Alto', [
        ('Gavin Belson', ['dm'], 'gavin.belson@hooli.example'),
        ('Jared Dunn', ['champion'], 'jared.dunn@hooli.example')]),
    'vandelay': ('Vandelay Industries', 'Queens', [
        ('Art Vandelay', ['dm', 'buyer'], 'art.vandelay@vandelay.example')]),
    'massive': ('Massive Dynamic', 'Boston', [
        ('Nina Sharp', ['dm'], 'nina.sharp@massive.example'),
        ('Walter Bishop', ['champion'], 'walter.bishop@massive.example')]),
    'wonka': ('Wonka Confectionery', 'Chicago', [
        ('Willy Wonka', ['dm'], 'willy.wonka@wonka.example'),
        ('Charlie Bucket', ['champion'], 'charlie.bucket@wonka.example')]),
}

# Products: key -> (name, list price)
PRODUCTS = {
    'platform': ('Analytics platform, annual subscription', Decimal('12000')),
    'seats': ('Additional user seats, pack of 10', Decimal('2400')),
    'services': ('Implementation services, per day', Decimal('1200')),
}

LOST_REASONS = [
    'Chose a competitor with an existing ERP integration.',
    'Budget frozen for the fiscal year.',
    'No decision maker engaged; project deprioritised.',
    'Price: went with the cheaper in-house option.',
]


def won(key, rep, customer, description, start, cycle, lines, pushes=0):
    return dict(key=key, rep=rep, customer=customer, description=description, start=start,
                cycle=cycle, lines=lines, outcome='won', pushes=pushes)


def lost(key, rep, customer, description, start, cycle, lines, reason, pushes=0):
    return dict(key=key, rep=rep, customer=customer, description=description, start=start,
                cycle=cycle, lines=lines, outcome='lost', pushes=pushes, reason=reason)


def cancelled(key, rep, customer, description, start, cycle, lines):
    return dict(key=key, rep=rep, customer=customer, description=description, start=start,
                cycle=cycle, lines=lines, outcome='cancelled', pushes=0)


# Closed deals over eighteen months. `start` is days before today; `cycle` days from start to close.
# Alice's won cycles: 38 45 52 58 61 66 74 90 (median 59.5); Bob's: 42 55 63 70 81 95 (median 66.5).
CLOSED = [
    won('w-a1', 'alice', 'acme', 'Acme plant dashboards', 540, 58, {'platform': 1, 'services': 5}),
    won('w-a2', 'alice', 'wonka', 'Wonka sales analytics', 500, 45, {'platform': 1, 'seats': 2}),
    won('w-a3', 'alice', 'tyrell', 'Tyrell lab reporting', 430, 90, {'platform': 2, 'services': 10}, pushes=1),
    won('w-a4', 'alice', 'hooli', 'Hooli audience insights', 360, 52, {'platform': 1, 'seats': 3}),
    won('w-a5', 'alice', 'acme', 'Acme seat expansion', 300, 38, {'seats': 4}),
    won('w-a6', 'alice', 'massive', 'Massive Dynamic research BI', 230, 74, {'platform': 2, 'seats': 2, 'services': 6}, pushes=1),
    won('w-a7', 'alice', 'wayne', 'Wayne store performance', 170, 61, {'platform': 1, 'services': 4}),
    won('w-a8', 'alice', 'wonka', 'Wonka supply planning add-on', 110, 66, {'platform': 1, 'seats': 1}),
    lost('l-a1', 'alice', 'cyberdyne', 'Cyberdyne fleet telemetry', 470, 80, {'platform': 2, 'services': 8}, LOST_REASONS[0], pushes=2),
    lost('l-a2', 'alice', 'oscorp', 'Oscorp plant energy BI', 330, 64, {'platform': 1, 'seats': 2}, LOST_REASONS[1]),
    lost('l-a3', 'alice', 'vandelay', 'Vandelay import analytics', 200, 47, {'platform': 1}, LOST_REASONS[3]),
    lost('l-a4', 'alice', 'hooli', 'Hooli ad-ops reporting', 95, 55, {'platform': 1, 'seats': 1}, LOST_REASONS[2], pushes=1),
    cancelled('c-a1', 'alice', 'tyrell', 'Tyrell duplicate enquiry', 260, 12, {'platform': 1}),
    won('w-b1', 'bob', 'stark', 'Stark route analytics', 520, 70, {'platform': 2, 'services': 6}),
    won('w-b2', 'bob', 'massive', 'Massive Dynamic seats', 450, 42, {'seats': 5}),
    won('w-b3', 'bob', 'vandelay', 'Vandelay finance pack', 380, 95, {'platform': 1, 'services': 3}, pushes=2),
    won('w-b4', 'bob', 'oscorp', 'Oscorp grid monitoring', 280, 63, {'platform': 3, 'seats': 2}),
    won('w-b5', 'bob', 'stark', 'Stark warehouse KPIs', 190, 55, {'platform': 1, 'seats': 2, 'services': 2}),
    won('w-b6', 'bob', 'cyberdyne', 'Cyberdyne pilot', 140, 81, {'platform': 1, 'services': 2}, pushes=1),
    lost('l-b1', 'bob', 'wayne', 'Wayne loyalty analytics', 490, 77, {'platform': 2}, LOST_REASONS[1], pushes=1),
    lost('l-b2', 'bob', 'acme', 'Acme quality analytics', 310, 60, {'platform': 1, 'services': 4}, LOST_REASONS[0]),
    lost('l-b3', 'bob', 'globex', 'Globex EMEA reporting', 160, 66, {'platform': 1, 'seats': 1}, LOST_REASONS[2], pushes=2),
    cancelled('c-b1', 'bob', 'wonka', 'Wonka trade show lead', 120, 20, {'seats': 1}),
]

ALICE_WON_CYCLES = [58, 45, 90, 52, 38, 74, 61, 66]
BOB_WON_CYCLES = [70, 42, 95, 63, 55, 81]


def run(args):
    today = dt.date.fromisoformat(args.today) if args.today else dt.datetime.utcnow().date()
    now = dt.datetime.utcnow()
    day = lambda offset: today - dt.timedelta(days=offset)  # noqa: E731 (days before today)

    pconfig.set_trytond(database=args.database, config_file=args.config)
    stamps = Stamps(args.dbfile)

    Party = Model.get('party.party')
    User = Model.get('res.user')
    Group = Model.get('res.group')
    Employee = Model.get('company.employee')
    ConfigItem = Model.get('ir.module.config_wizard.item')

    # No setup wizard at the first login.
    for item in ConfigItem.find([('state', '!=', 'done')]):
        item.state = 'done'
        item.save()

    company = create_company('Northwind Analytics', 'USD')
    revenue = create_chart(company)

    SaleConfig = Model.get('sale.configuration')
    sale_config = SaleConfig(1)
    sale_config.sale_invoice_method = 'manual'
    sale_config.sale_shipment_method = 'manual'
    sale_config.save()

    PaymentTerm = Model.get('account.invoice.payment_term')
    payment_term = PaymentTerm(name='Due on receipt')
    payment_term.lines.new(type='remainder')
    payment_term.save()

    # Team: employees, their logins, the manager's reports.
    groups = Group.find([('name', 'in', ['Sale Opportunity', 'Sales', 'Sales Administrator'])])
    employees, users = {}, {}
    for key, login, name, supervisor in TEAM:
        party = Party(name=name)
        party.contact_mechanisms.new(type='email', value=f'{login}@northwind.example')
        party.save()
        employee = Employee(party=party, company=company)
        if supervisor:
            employee.supervisor = employees[supervisor]
        employee.save()
        employees[key] = employee
        user = User(name=name, login=login, password=PASSWORD)
        user.groups.extend(Group(g.id) for g in groups)
        user.company = company
        # proteus: a record may sit in one x2many list only, hence the fresh instance.
        user.employees.append(Employee(employee.id))
        user.employee = employee
        user.save()
        users[key] = user
    # Someone who can sign in but is no salesperson: no employee, no sales groups (for error paths).
    intern = User(name='Ivy Intern', login='intern', password=PASSWORD)
    intern.save()
    admin, = User.find([('login', '=', 'admin')])
    admin.password = PASSWORD
    admin.save()

    # Relation types, with their reverses.
    RelationType = Model.get('party.relation.type')
    relation_types = {}
    for key, name, reverse_name in RELATION_TYPES:
        forward = RelationType(name=name)
        forward.save()
        reverse = RelationType(name=reverse_name, reverse=forward)
        reverse.save()
        forward.reverse = reverse
        forward.save()
        relation_types[key] = forward

    # Customers, their people and how each person relates to the company.
    customers, people = {}, {}
    for key, (name, city, contacts) in CUSTOMERS.items():
        domain = key + '.example'
        party = Party(name=name)
        address, = party.addresses
        address.street = f'{len(name) * 7} Market Street'
        address.city = city
        party.contact_mechanisms.new(type='website', value=f'https://www.{domain}')
        party.contact_mechanisms.new(type='phone', value=f'+1 555 01{len(name):02d}')
        party.save()
        customers[key] = party
        for person_name, roles, email in contacts:
            person = Party(name=person_name)
            person.contact_mechanisms.new(type='email', value=email)
            person.contact_mechanisms.new(type='phone', value=f'+1 555 02{len(person_name):02d}')
            person.save()
            people[person_name] = person
            # party.relation is written through the party's `relations` (party.relation.all, which
            # also shows each relation's reverse), as the party form does.
            for role in roles:
                person.relations.new(to=party, type=relation_types[role])
            person.save()

    ProductCategory = Model.get('product.category')
    category = ProductCategory(name='Software and services', accounting=True)
    category.account_revenue = revenue
    category.save()
    Uom = Model.get('product.uom')
    unit, = Uom.find([('name', '=', 'Unit')])
    Template = Model.get('product.template')
    products = {}
    for key, (name, price) in PRODUCTS.items():
        template = Template(name=name, default_uom=unit, type='service', salable=True,
                            list_price=price, account_category=category)
        template.save()
        products[key], = template.products

    Opportunity = Model.get('sale.opportunity')
    Sale = Model.get('sale.sale')
    Note = Model.get('ir.note')

    def amount_of(lines):
        return sum(PRODUCTS[k][1] * q for k, q in lines.items())

    clock = iter(range(1, 10_000))

    def at(offset, hour=10):
        """The instant a change is meant to have happened: `offset` days before today, at `hour` UTC
        and some seconds and microseconds, as Tryton's own timestamps have (history reads with
        `_datetime` must then pass the exact instant back, which the adapter has to get right)."""
        tick = next(clock)
        return dt.datetime.combine(day(offset), dt.time(hour, tick % 60, (tick * 7) % 60, (tick * 104_729) % 1_000_000))

    def note(opportunity, offset, message, hour=16):
        n = Note(resource=opportunity, message=message)
        n.save()
        stamps.note(n.id, at(offset, hour))
        return n

    def new_opportunity(spec, party_key, start, end, state_hour=9):
        party = customers.get(party_key)
        opp = Opportunity()
        opp.description = spec['description']
        opp.reference = spec.get('reference')
        opp.employee = employees[spec['rep']]
        opp.start_date = day(start)
        opp.end_date = day(end) if end is not None else None
        opp.conversion_probability = spec.get('probability', 0.2)
        if party:
            opp.party = party
            opp.address, = party.addresses
            opp.payment_term = payment_term
            # Tryton's "contact" is a contact mechanism; we use the email of the first person we talk to.
            first_person = people[CUSTOMERS[party_key][2][0][0]]
            opp.contact = next(c for c in first_person.contact_mechanisms if c.type == 'email')
        if spec.get('lines'):
            for k, q in spec['lines'].items():
                line = opp.lines.new()
                line.product = products[k]
                line.quantity = q
            opp.amount = amount_of(spec['lines'])
        opp.comment = spec.get('comment')
        opp.save()
        stamps.change(opp.id, at(start, state_hour))
        return opp

    def click(opp, button, offset, hour=11, **after):
        opp.click(button)
        for field, value in after.items():
            setattr(opp, field, value)
        if after:
            opp.save()
        stamps.change(opp.id, at(offset, hour))

    def write(opp, offset, hour=14, **values):
        for field, value in values.items():
            setattr(opp, field, value)
        opp.save()
        stamps.change(opp.id, at(offset, hour))

    def win(opp, offset, hour=15):
        """Converted opportunity -> quote and confirm its sale -> Tryton marks it won (and sets
        end_date to the real today, which we put back to the intended close date)."""
        sale, = Sale.find([('origin', '=', f'sale.opportunity,{opp.id}')])
        sale.click('quote')
        sale.click('confirm')
        opp.reload()
        assert opp.state == 'won', opp.state
        opp.end_date = day(offset)
        opp.save()
        stamps.change(opp.id, at(offset, hour))

    def move_close_date(opp, first_end, moves):
        """Write end_date to each `target` on day `when`, in turn. Returns [{at, from, to}] (days before today)."""
        history, current = [], first_end
        for when, target in moves:
            write(opp, when, end_date=day(target))
            history.append({'at': when, 'from': current, 'to': target})
            current = target
        return history

    def close_date_pushes(opp, start, first_end, final_end, pushes):
        """Move end_date from first_end to final_end in `pushes` steps, each about a week before the
        date it moves (and after `start`)."""
        moves, current = [], first_end
        for i in range(pushes):
            target = final_end if i == pushes - 1 else current - (current - final_end) // 2
            moves.append((min(current + 7 + 3 * i, start - 1), target))
            current = target
        return move_close_date(opp, first_end, moves)

    deal_keys, push_counts = {}, {}   # opportunity id -> seed key / number of close-date pushes

    # --- Closed history -------------------------------------------------------------------------
    for spec in CLOSED:
        start, cycle = spec['start'], spec['cycle']
        close = start - cycle
        pushes = spec['pushes']
        first_end = close + 21 * pushes if pushes else close  # expected earlier when pushed later
        opp = new_opportunity(spec, spec['customer'], start, first_end)
        qualify = start - min(7, cycle // 3)
        click(opp, 'opportunity', qualify, conversion_probability=0.5)
        customer_people = [p[0] for p in CUSTOMERS[spec['customer']][2]]
        note(opp, qualify, f'Discovery call with {customer_people[0]}: current reporting is spreadsheets, '
                           f'wants a demo for the wider team.')
        push_counts[opp.id] = len(close_date_pushes(opp, qualify, first_end, close, pushes))
        if spec['outcome'] == 'won':
            click(opp, 'convert', close + min(10, cycle // 4), conversion_probability=0.8)
            note(opp, close + 2, f'{customer_people[0]} signed the order form.')
            win(opp, close)
        elif spec['outcome'] == 'lost':
            note(opp, close + 3, f'{customer_people[0]} says the decision is going the other way.')
            click(opp, 'lost', close, hour=15, end_date=day(close), lost_reason=spec['reason'])
        else:
            click(opp, 'cancel', close, hour=15, end_date=day(close))
        deal_keys[opp.id] = spec['key']

    # --- Open pipeline ----------------------------------------------------------------------------
    showcase = {}

    # Stale: far older than Alice's typical cycle, close date pushed three times, last note 75 days ago.
    stale = new_opportunity(dict(description='Globex group-wide BI rollout', rep='alice', reference='GLX-2291',
                                 lines={'platform': 4, 'seats': 6, 'services': 20}), 'globex', 250, 190)
    click(stale, 'opportunity', 243, conversion_probability=0.5)
    note(stale, 245, 'Intro meeting with Hank Scorpio and Mindy Simmons; they want group-wide reporting by Q2.')
    stale_pushes = move_close_date(stale, 190, [(200, 130), (140, 70), (80, -20)])
    note(stale, 160, 'Mindy Simmons: procurement review moved to next quarter.')
    note(stale, 75, 'Sent revised proposal to Mindy Simmons; no reply yet.')
    showcase['stale'] = dict(opp=stale, customer='globex', start=250, end=-20, pushes=stale_pushes,
                             last_note=75, notes=3)

    # Healthy: young, decision maker + champion + buyer, recent notes, close date ahead, never pushed.
    healthy = new_opportunity(dict(description='Initech forecasting pilot', rep='alice', reference='INI-3107',
                                   probability=0.2, lines={'platform': 1, 'seats': 2, 'services': 3}),
                              'initech', 24, -45)
    click(healthy, 'opportunity', 21, conversion_probability=0.6)
    note(healthy, 20, 'Discovery call with Lena Park (VP Finance) and Omar Haddad: forecast accuracy is the pain.')
    note(healthy, 9, 'Demo to Lena Park, Omar Haddad and Bill Lumbergh; Bill confirmed budget this quarter.')
    note(healthy, 3, 'Omar Haddad shared success criteria for the pilot; proposal due next week.')
    showcase['healthy'] = dict(opp=healthy, customer='initech', start=24, end=-45, pushes=[], last_note=3, notes=3)

    # No decision maker: only a champion is known at Umbrella.
    no_dm = new_opportunity(dict(description='Umbrella claims analytics', rep='alice',
                                 lines={'platform': 1, 'services': 4}), 'umbrella', 40, -50)
    click(no_dm, 'opportunity', 36, conversion_probability=0.4)
    note(no_dm, 35, 'Jill Valentine is keen; she will find out who signs off on analytics spend.')
    note(no_dm, 12, 'Jill Valentine: still no name for the budget owner.')
    showcase['noDecisionMaker'] = dict(opp=no_dm, customer='umbrella', start=40, end=-50, pushes=[],
                                       last_note=12, notes=2)

    # Past close date: Bob's deal, pushed twice, close date now three weeks behind.
    past = new_opportunity(dict(description='Soylent supply chain dashboards', rep='bob',
                                lines={'platform': 2, 'services': 5}), 'soylent', 180, 110)
    click(past, 'opportunity', 175, conversion_probability=0.5)
    note(past, 176, 'Robert Thorn wants dashboards for the three plants.')
    past_pushes = move_close_date(past, 110, [(118, 60), (66, 20)])
    note(past, 30, 'Shirl Chen: legal still reviewing the MSA.')
    showcase['pastClose'] = dict(opp=past, customer='soylent', start=180, end=20, pushes=past_pushes,
                                 last_note=30, notes=2)

    # Converted (quoted, not yet signed) deals.
    conv_a = new_opportunity(dict(description='Stark fleet analytics expansion', rep='alice',
                                  lines={'platform': 2, 'seats': 2}), 'stark', 70, -10)
    click(conv_a, 'opportunity', 65, conversion_probability=0.5)
    note(conv_a, 64, 'Pepper Potts approved the expansion in principle.')
    click(conv_a, 'convert', 14, conversion_probability=0.8)
    conv_b = new_opportunity(dict(description='Massive Dynamic lab rollout', rep='bob',
                                  lines={'platform': 1, 'seats': 4}), 'massive', 55, -15)
    click(conv_b, 'opportunity', 50, conversion_probability=0.5)
    note(conv_b, 48, 'Nina Sharp wants the lab rollout before the audit.')
    click(conv_b, 'convert', 8, conversion_probability=0.8)

    # Other open opportunities and leads.
    opp_b1 = new_opportunity(dict(description='Tyrell clinical trial reporting', rep='bob',
                                  lines={'platform': 2, 'services': 8}), 'tyrell', 60, -40)
    click(opp_b1, 'opportunity', 52, conversion_probability=0.5)
    note(opp_b1, 50, 'Eldon Tyrell asked for references in life sciences.')
    note(opp_b1, 15, 'Rachael Rosen scheduled the security review.')
    opp_b2 = new_opportunity(dict(description='Hooli newsroom dashboards', rep='bob',
                                  lines={'platform': 1, 'seats': 1}), 'hooli', 30, -60)
    click(opp_b2, 'opportunity', 26, conversion_probability=0.3)
    note(opp_b2, 25, 'Jared Dunn wants a trial account.')
    lead_a = new_opportunity(dict(description='Wayne e-commerce analytics', rep='alice',
                                  lines={'platform': 1}), 'wayne', 10, -80)
    note(lead_a, 9, 'Inbound from Barbara Gordon after the webinar.')
    lead_b = new_opportunity(dict(description='Inbound enquiry from the website form', rep='bob'),
                             None, 6, None)
    note(lead_b, 6, 'Web form: "we need dashboards for 40 stores", no company given.')
    lead_c = new_opportunity(dict(description='Oscorp second site', rep='bob',
                                  lines={'platform': 1, 'services': 2}), 'oscorp', 16, -75)
    for key, opp in [('conv-a', conv_a), ('conv-b', conv_b), ('open-b1', opp_b1), ('open-b2', opp_b2),
                     ('lead-a', lead_a), ('lead-b', lead_b), ('lead-c', lead_c)]:
        deal_keys[opp.id] = key
    for key, s in showcase.items():
        deal_keys[s['opp'].id] = key
        push_counts[s['opp'].id] = len(s['pushes'])

    stamps.apply(now)

    # --- Facts the tests may rely on --------------------------------------------------------------
    def stakeholders_of(customer):
        out = []
        for name, roles, _email in CUSTOMERS[customer][2]:
            labels = [dict(RELATION_TYPES_BY_KEY)[r] for r in roles]
            out.append(dict(partyId=people[name].id, name=name, relations=labels))
        return out

    def iso(offset):
        return day(offset).isoformat()

    out_showcase = {}
    for key, s in showcase.items():
        opp = s['opp']
        opp.reload()
        out_showcase[key] = dict(
            id=opp.id, number=opp.number, description=opp.description, state=opp.state,
            owner=dict(employeeId=opp.employee.id, name=opp.employee.party.name),
            account=dict(partyId=opp.party.id, name=opp.party.name),
            amount=float(opp.amount) if opp.amount is not None else None,
            startDate=iso(s['start']), ageDays=s['start'], closeDate=iso(s['end']),
            closeDateChanges=[dict(on=iso(p['at']), **{'from': iso(p['from']), 'to': iso(p['to'])})
                              for p in s['pushes']],
            pushCount=len(s['pushes']),
            stakeholders=stakeholders_of(s['customer']),
            noteCount=s['notes'], lastNoteDaysAgo=s['last_note'], lastNoteOn=iso(s['last_note']),
            url=f'#{args.database}/model/sale.opportunity/{opp.id}',
        )
        assert opp.end_date == day(s['end']), (key, opp.end_date)

    all_opps = Opportunity.find([], order=[('id', 'ASC')])
    employee_keys = {e.id: k for k, e in employees.items()}
    facts_deals = {deal_keys[o.id]: dict(
        id=o.id, number=o.number, description=o.description, state=o.state,
        owner=employee_keys.get(o.employee.id) if o.employee else None,
        account=o.party.name if o.party else None,
        amount=float(o.amount) if o.amount is not None else None,
        startDate=o.start_date.isoformat(), closeDate=o.end_date.isoformat() if o.end_date else None,
        pushCount=push_counts.get(o.id, 0)) for o in all_opps}
    by_state = {}
    for o in all_opps:
        by_state[o.state] = by_state.get(o.state, 0) + 1
    facts = dict(
        source='test/tryton/seed.py on Tryton 6.0 (sale_opportunity, party_relationship)',
        today=today.isoformat(),
        seededAt=now.replace(microsecond=0).isoformat() + 'Z',
        database=args.database,
        company=dict(name='Northwind Analytics', currency='USD'),
        password=PASSWORD,
        users=[dict(login=login, name=name, userId=users[key].id, employeeId=employees[key].id,
                    supervisor=sup, reports=[k for k, _l, _n, s in TEAM if s == key])
               for key, login, name, sup in TEAM]
        + [dict(login='intern', name='Ivy Intern', userId=intern.id, employeeId=None, supervisor=None, reports=[],
                note='no employee and no sales groups: whoAmI says "not linked", reads are refused')],
        relationTypes={name: reverse for _k, name, reverse in RELATION_TYPES},
        opportunities=dict(total=len(all_opps), byState=by_state,
                           byOwner={k: len([o for o in all_opps if o.employee and o.employee.id == employees[k].id])
                                    for k in employees},
                           byOwnerState={k: {state: len([o for o in all_opps if o.state == state and o.employee
                                                         and o.employee.id == employees[k].id])
                                             for state in ('lead', 'opportunity', 'converted', 'won', 'lost', 'cancelled')}
                                         for k in employees}),
        typicalCycleDays=dict(alice=statistics.median(ALICE_WON_CYCLES), bob=statistics.median(BOB_WON_CYCLES),
                              team=statistics.median(ALICE_WON_CYCLES + BOB_WON_CYCLES)),
        wonCycles=dict(alice=sorted(ALICE_WON_CYCLES), bob=sorted(BOB_WON_CYCLES)),
        showcase=out_showcase,
        deals=facts_deals,
    )
    won_specs = [c for c in CLOSED if c['outcome'] == 'won']
    assert sorted(c['cycle'] for c in won_specs if c['rep'] == 'alice') == sorted(ALICE_WON_CYCLES)
    assert sorted(c['cycle'] for c in won_specs if c['rep'] == 'bob') == sorted(BOB_WON_CYCLES)
    with open(args.facts, 'w') as f:
        json.dump(facts, f, indent=2)
        f.write('\n')
    return facts


def create_company(name, currency_code):
    """Our own company, through Tryton's company setup wizard (as an admin would at the first login)."""
    Party = Model.get('party.party')
    Currency = Model.get('currency.currency')
    User = Model.get('res.user')
    currency = Currency(name='U.S. Dollar', symbol='$', code=currency_code, rounding=Decimal('0.01'))
    currency.save()
    party = Party(name=name)
    party.save()
    wizard = Wizard('company.company.config')
    wizard.execute('company')
    wizard.form.party = party
    wizard.form.currency = currency
    wizard.execute('add')
    pconfig.get_config()._context = User.get_preferences(True, {})
    Company = Model.get('company.company')
    company, = Company.find()
    return Company(company.id)  # outside its result list, so it can be added to x2many fields


def create_chart(company):
    """The minimal English chart of accounts that ships with the account module; returns the revenue
    account (products need an account category, or "Convert" fails)."""
    ModelData = Model.get('ir.model.data')
    AccountTemplate = Model.get('account.account.template')
    Account = Model.get('account.account')
    data, = ModelData.find([('module', '=', 'account'), ('fs_id', '=', 'account_template_root_en')], limit=1)
    wizard = Wizard('account.create_chart')
    wizard.execute('account')
    wizard.form.account_template = AccountTemplate(data.db_id)
    wizard.form.company = company
    wizard.execute('create_account')
    kinds = {kind: Account.find([(f'type.{kind}', '=', True), ('company', '=', company.id)], limit=1)[0]
             for kind in ('receivable', 'payable', 'revenue')}
    if kinds['receivable'].party_required:
        wizard.form.account_receivable = kinds['receivable']
    if kinds['payable'].party_required:
        wizard.form.account_payable = kinds['payable']
    wizard.execute('create_properties')
    return kinds['revenue']


RELATION_TYPES_BY_KEY = [(k, name) for k, name, _r in RELATION_TYPES]


class Stamps:
    """Re-date what the seed wrote: each change to an opportunity produces history rows stamped with
    the wall clock; we remember which rows belong to which intended instant and rewrite them at the
    end (the server is not running, so nothing caches the old values)."""

    def __init__(self, dbfile):
        self.dbfile = dbfile
        self.last = {}      # opportunity id -> last history __id already dated
        self.latest = {}    # opportunity id -> instant of its latest change
        self.changes = []   # (opportunity id, first __id, last __id, instant)
        self.notes = []     # (note id, instant)

    def _max_history_id(self, opp_id):
        with sqlite3.connect(self.dbfile) as conn:
            row = conn.execute('SELECT MAX(__id) FROM sale_opportunity__history WHERE id = ?', (opp_id,)).fetchone()
        return row[0] or 0

    def change(self, opp_id, instant):
        last = self._max_history_id(opp_id)
        first = self.last.get(opp_id, 0)
        if last > first:
            previous = self.latest.get(opp_id)
            assert previous is None or instant > previous, f'opportunity {opp_id}: change at {instant} not after {previous}'
            self.changes.append((opp_id, first, last, instant))
            self.last[opp_id] = last
            self.latest[opp_id] = instant

    def note(self, note_id, instant):
        self.notes.append((note_id, instant))

    def apply(self, now):
        fmt = lambda d: d.isoformat(' ')  # noqa: E731 (how trytond's SQLite adapter stores a datetime)
        with sqlite3.connect(self.dbfile) as conn:
            created = {}
            for opp_id, first, last, instant in self.changes:
                assert instant < now, f'change dated in the future: {instant}'
                # The first row of a record is its creation; every later row is a write.
                conn.execute('UPDATE sale_opportunity__history SET create_date = ? '
                             'WHERE id = ? AND __id > ? AND __id <= ? AND write_date IS NULL',
                             (fmt(instant), opp_id, first, last))
                conn.execute('UPDATE sale_opportunity__history SET write_date = ? '
                             'WHERE id = ? AND __id > ? AND __id <= ? AND write_date IS NOT NULL',
                             (fmt(instant), opp_id, first, last))
                created.setdefault(opp_id, instant)
                conn.execute('UPDATE sale_opportunity SET write_date = ? WHERE id = ?', (fmt(instant), opp_id))
            for opp_id, instant in created.items():
                conn.execute('UPDATE sale_opportunity SET create_date = ? WHERE id = ?', (fmt(instant), opp_id))
                conn.execute('UPDATE sale_opportunity__history SET create_date = ? WHERE id = ?', (fmt(instant), opp_id))
            for note_id, instant in self.notes:
                conn.execute('UPDATE ir_note SET create_date = ?, write_date = NULL WHERE id = ?',
                             (fmt(instant), note_id))
            # Opportunities the seed wrote after their last dated change would keep the wall clock.
            stray = conn.execute('SELECT COUNT(*) FROM sale_opportunity__history WHERE '
                                 'COALESCE(write_date, create_date) >= ?', (fmt(now),)).fetchone()[0]
            assert stray == 0, f'{stray} history rows were not re-dated'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--config', required=True)
    parser.add_argument('--database', required=True)
    parser.add_argument('--dbfile', required=True, help='the SQLite file of --database')
    parser.add_argument('--facts', required=True, help='where to write seed-facts.json')
    parser.add_argument('--today', help='YYYY-MM-DD (default: today, UTC)')
    args = parser.parse_args()
    started = time.monotonic()
    facts = run(args)
    print(f"seed: {facts['opportunities']['total']} opportunities {facts['opportunities']['byState']} "
          f"in {time.monotonic() - started:.1f} s; facts in {args.facts}")


if __name__ == '__main__':
    main()
