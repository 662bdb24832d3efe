// The admin pages: dashboard figures and charts, users (search, suspend, role), orders (filter,
// force-cancel), the audit log (filters, before/after) and the OAuth clients. For the configured
// administrator and users with the ADMIN role; anyone else sees a refusal (the API answers 403).
import { signIn, signOut, startSession, currentUser, accessToken, forget } from '/app/auth.js';
import { api, ApiError } from '/app/api.js';
import { el, show, field, select, announce, alarm, clearMessages, money, when, focusHeading } from '/app/ui.js';
import { tenantPanel } from '/app/tenant-panel.js';

const view = document.getElementById('view');
const charts = [];
const PALETTE = ['#0b5cad', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207'];

function renderWho() {
  const who = document.getElementById('who');
  const user = currentUser();
  show(who, user
    ? [el('span', { id: 'signed-in-as' }, 'Signed in as ', el('strong', { text: user.username })),
      el('button', { type: 'button', id: 'sign-out', onclick: () => signOut() }, 'Sign out')]
    : el('button', { type: 'button', id: 'sign-in', onclick: () => signIn() }, 'Sign in'));
}

function table(id, caption, headings, rows) {
  return el('table', { id }, el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: headings.length, text: 'Nothing found.' }))));
}

function filterForm(id, label, fields, params, onSubmit) {
  const form = el('form', { class: 'filters', id, 'aria-label': label }, fields, el('button', { type: 'submit', id: id + '-apply' }, 'Apply'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, v);
    onSubmit(next);
  });
  return form;
}

function hashRoute() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  return { path, params: new URLSearchParams(query || '') };
}

async function route() {
  while (charts.length) charts.pop().destroy();
  delete view.dataset.ready;
  const { path, params } = hashRoute();
  if (!accessToken()) {
    show(view, el('h1', { text: 'Petstore admin' }), el('p', {}, 'Sign in with an administrator account to manage the store.'),
      el('button', { type: 'button', id: 'sign-in-admin', onclick: () => signIn() }, 'Sign in'));
    return;
  }
  try {
    if (path === '/' || path === '') await dashboard();
    else if (path === '/users') await users(params);
    else if (path === '/orders') await orders(params);
    else if (path === '/audit') await audit(params);
    else if (path === '/clients') await clients();
    else show(view, el('h1', { text: 'Not found' }));
    // what tests wait for: this route is shown
    view.dataset.ready = window.location.hash || '#/';
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) refuse();
    else {
      if (e instanceof ApiError && e.status === 401) forget();
      alarm(e.message);
    }
  }
}

function refuse() {
  show(view, el('h1', { text: 'Administrators only' }),
    el('p', { id: 'refusal' }, 'These pages are for administrators only. You are signed in as ',
      el('strong', { text: currentUser().username }), ', who is not an administrator of this data set.'),
    el('p', {}, el('a', { href: '/store/' }, 'Back to the storefront')));
  focusHeading(view);
}

// ---------- dashboard ----------

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function chart(id, label, config) {
  const canvas = el('canvas', { id, role: 'img', 'aria-label': label });
  const figure = el('figure', {}, el('figcaption', { text: label }), canvas);
  requestAnimationFrame(() => {
    charts.push(new window.Chart(canvas, { ...config, options: { animation: false, responsive: true, maintainAspectRatio: true, ...config.options } }));
  });
  return figure;
}

async function dashboard() {
  const today = new Date();
  const days = [...Array(14).keys()].map(i => isoDay(new Date(today.getTime() - (13 - i) * 86400000)));
  const stats = await api('/v1/admin/dashboard/stats', { query: { from: days[0], to: days[13] } });
  // the figures give revenue per range: one call per day gives it per day
  const perDay = await Promise.all(days.map(day => api('/v1/admin/dashboard/stats', { query: { from: day, to: day } })));
  const currencies = [...new Set(perDay.flatMap(s => s.revenue.map(r => r.currency)))];
  if (!currencies.length) currencies.push('USD');
  const revenue = (s, c) => Number((s.revenue.find(r => r.currency === c) || { amount: 0 }).amount);
  const figures = el('ul', { class: 'figures', id: 'figures' },
    [['Pets', stats.pets.total], ['Available pets', stats.pets.byStatus.AVAILABLE || 0], ['Orders', stats.orders.total],
      ['New orders (14 days)', stats.orders.newInRange], ['Users', stats.users.total], ['New users (14 days)', stats.users.newInRange],
      ...stats.revenue.map(r => ['Revenue (14 days, ' + r.currency + ')', money(r.amount, r.currency)])]
      .map(([name, n]) => el('li', {}, el('span', { class: 'n', text: n }), el('span', { text: name }))));
  const statusNames = Object.keys(stats.pets.byStatus);
  const speciesNames = Object.keys(stats.pets.bySpecies);
  show(view, el('h1', { text: 'Dashboard' }),
    el('p', { class: 'meta' }, 'From ' + stats.from + ' to ' + stats.to + ' (UTC), generated ' + when(stats.generatedAt) + '.'),
    figures,
    el('div', { class: 'charts', id: 'charts' },
      chart('chart-orders', 'Orders per day', { type: 'bar', data: { labels: days.map(d => d.slice(5)),
        datasets: [{ label: 'New orders', data: stats.daily.map(d => d.newOrders), backgroundColor: PALETTE[0] }] },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } }),
      chart('chart-revenue', 'Revenue per day', { type: 'line', data: { labels: days.map(d => d.slice(5)),
        datasets: currencies.map((c, i) => ({ label: c, data: perDay.map(s => revenue(s, c)), borderColor: PALETTE[i], backgroundColor: PALETTE[i] })) },
        options: { scales: { y: { beginAtZero: true } } } }),
      chart('chart-pet-status', 'Pets by status', { type: 'doughnut', data: { labels: statusNames,
        datasets: [{ data: statusNames.map(s => stats.pets.byStatus[s]), backgroundColor: PALETTE }] } }),
      chart('chart-pet-species', 'Pets by species', { type: 'bar', data: { labels: speciesNames,
        datasets: [{ label: 'Pets', data: speciesNames.map(s => stats.pets.bySpecies[s]), backgroundColor: PALETTE[2] }] },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } })),
    el('details', { class: 'panel' }, el('summary', { text: 'The same figures as tables' }),
      table('daily-table', 'Orders and revenue per day', ['Day', 'New orders', 'New users', ...currencies.map(c => 'Revenue ' + c)],
        days.map((d, i) => el('tr', {}, el('td', { text: d }), el('td', { text: stats.daily[i] ? stats.daily[i].newOrders : 0 }),
          el('td', { text: stats.daily[i] ? stats.daily[i].newUsers : 0 }), currencies.map(c => el('td', { text: money(revenue(perDay[i], c), c) }))))),
      table('pets-table', 'Pets by status and species', ['Status', ...speciesNames],
        Object.entries(stats.pets.byStatusAndSpecies).map(([s, counts]) => el('tr', {}, el('th', { scope: 'row', text: s }),
          speciesNames.map(sp => el('td', { text: counts[sp] || 0 })))))));
}

// ---------- users ----------

async function users(params) {
  const page = await api('/v1/admin/users', { query: { q: params.get('q'), status: params.get('status'), role: params.get('role'), limit: 50 } });
  const form = filterForm('user-filters', 'Search users', [
    field('Username or email contains', el('input', { name: 'q', id: 'u-q', value: params.get('q') || '' })),
    field('Status', select({ name: 'status', id: 'u-status' }, [['', 'Any'], ['ACTIVE', 'Active'], ['SUSPENDED', 'Suspended'], ['DEACTIVATED', 'Deactivated']], params.get('status'))),
    field('Role', select({ name: 'role', id: 'u-role' }, [['', 'Any'], ['USER', 'User'], ['STAFF', 'Staff'], ['ADMIN', 'Admin']], params.get('role')))],
  params, next => { window.location.hash = '#/users?' + next; });
  const rows = page.data.map(user => {
    const status = select({ name: 'status', 'aria-label': 'Status of ' + user.username, class: 'user-status' },
      [['ACTIVE', 'Active'], ['SUSPENDED', 'Suspended'], ['DEACTIVATED', 'Deactivated']], user.status);
    const role = select({ name: 'role', 'aria-label': 'Role of ' + user.username, class: 'user-role' },
      [['USER', 'User'], ['STAFF', 'Staff'], ['ADMIN', 'Admin']], user.role);
    const save = async (what, value) => {
      clearMessages();
      try {
        const changed = await api('/v1/admin/users/' + user.id + '/' + what, { method: 'PATCH', body: what === 'status' ? { status: value } : { role: value } });
        announce(user.username + ': ' + what + ' is now ' + changed[what] + '.');
        row.querySelector('.shown-' + what).textContent = changed[what];
      } catch (e) {
        alarm(user.username + ': ' + e.message);
      }
    };
    const row = el('tr', { dataset: { user: user.id, username: user.username } },
      el('td', { text: user.username }), el('td', { text: user.email }),
      el('td', {}, el('span', { class: 'badge shown-role', text: user.role })),
      el('td', {}, el('span', { class: 'badge shown-status ' + user.status, text: user.status })),
      el('td', { text: user.lastLoginAt ? when(user.lastLoginAt) : 'never' }),
      el('td', {}, status, ' ', el('button', { type: 'button', class: 'secondary save-status', onclick: () => save('status', status.value) }, 'Set status'),
        ' ', role, ' ', el('button', { type: 'button', class: 'secondary save-role', onclick: () => save('role', role.value) }, 'Set role')));
    return row;
  });
  show(view, el('h1', { text: 'Users' }), form, el('p', { class: 'meta', text: page.pagination.totalItems + ' users' }),
    table('admin-users', 'Users', ['Username', 'Email', 'Role', 'Status', 'Last sign-in', 'Change'], rows));
}

// ---------- orders ----------

async function orders(params) {
  const page = await api('/v1/admin/orders', { query: { status: params.get('status'), userId: params.get('userId'), petId: params.get('petId'), limit: 50 } });
  const form = filterForm('order-filters', 'Filter orders', [
    field('Status', select({ name: 'status', id: 'o-status' }, [['', 'Any'], ...['PLACED', 'APPROVED', 'SHIPPED', 'DELIVERED', 'CANCELLED'].map(s => [s, s])], params.get('status'))),
    field('User id', el('input', { name: 'userId', id: 'o-user', value: params.get('userId') || '' })),
    field('Pet id', el('input', { name: 'petId', id: 'o-pet', value: params.get('petId') || '' }))],
  params, next => { window.location.hash = '#/orders?' + next; });
  const rows = page.data.map(order => {
    const statusCell = el('td', {}, el('span', { class: 'badge order-status ' + order.status, text: order.status }));
    const actions = el('td', {});
    if (order.status !== 'CANCELLED' && order.status !== 'DELIVERED') {
      show(actions, el('button', { type: 'button', class: 'danger force-cancel', onclick: () => confirmCancel(order, actions, statusCell) }, 'Force-cancel'));
    }
    return el('tr', { dataset: { order: order.id } }, el('td', {}, el('code', { text: order.id })), el('td', {}, el('code', { text: order.userId })),
      el('td', {}, el('code', { text: order.petId })), el('td', { text: money(order.totalAmount, order.currency) }), el('td', { text: when(order.createdAt) }),
      statusCell, actions);
  });
  show(view, el('h1', { text: 'Orders' }), form, el('p', { class: 'meta', text: page.pagination.totalItems + ' orders' }),
    table('admin-orders', 'Orders', ['Order', 'User', 'Pet', 'Amount', 'Placed', 'Status', 'Actions'], rows));
}

function confirmCancel(order, actions, statusCell) {
  const reason = el('input', { name: 'reason', class: 'force-cancel-reason', required: true, maxlength: 500 });
  const form = el('form', { class: 'force-cancel-form', 'aria-label': 'Force-cancel order ' + order.id },
    field('Reason (the customer sees it)', reason),
    el('button', { type: 'submit', class: 'danger confirm-force-cancel' }, 'Cancel the order'), ' ',
    el('button', { type: 'button', class: 'secondary', onclick: () => route() }, 'Keep it'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearMessages();
    try {
      const cancelled = await api('/v1/admin/orders/' + order.id + '/force-cancel', { method: 'POST', body: { reason: reason.value } });
      show(statusCell, el('span', { class: 'badge order-status ' + cancelled.status, text: cancelled.status }));
      show(actions);
      announce('Order ' + order.id + ' was cancelled.');
    } catch (e) {
      alarm('The order was not cancelled: ' + e.message);
    }
  });
  show(actions, form);
  reason.focus();
}

// ---------- audit log ----------

async function audit(params) {
  const page = await api('/v1/admin/audit-logs', { query: { action: params.get('action'), entityType: params.get('entityType'),
    entityId: params.get('entityId'), userId: params.get('userId'), createdFrom: params.get('createdFrom'),
    createdTo: params.get('createdTo'), limit: 50 } });
  const form = filterForm('audit-filters', 'Filter the audit log', [
    field('Action', el('input', { name: 'action', id: 'a-action', value: params.get('action') || '', placeholder: 'ORDER_CANCELLED' })),
    field('Entity type', el('input', { name: 'entityType', id: 'a-type', value: params.get('entityType') || '', placeholder: 'ORDERS' })),
    field('Entity id', el('input', { name: 'entityId', id: 'a-entity', value: params.get('entityId') || '' })),
    field('Acting user id', el('input', { name: 'userId', id: 'a-user', value: params.get('userId') || '' })),
    field('From (UTC day)', el('input', { type: 'date', name: 'createdFrom', id: 'a-from', value: params.get('createdFrom') || '' })),
    field('Before (UTC day)', el('input', { type: 'date', name: 'createdTo', id: 'a-to', value: params.get('createdTo') || '' }))],
  params, next => { window.location.hash = '#/audit?' + next; });
  const detail = el('section', { id: 'audit-detail', 'aria-live': 'polite' });
  const rows = page.data.map(entry => el('tr', { dataset: { audit: entry.id } },
    el('td', { text: when(entry.createdAt) }), el('td', { text: entry.action }), el('td', { text: entry.actor }),
    el('td', { text: entry.entityType + ' ' + entry.entityId }), el('td', { text: entry.request || entry.protocol }),
    el('td', {}, el('button', { type: 'button', class: 'secondary audit-details', onclick: () => showChanges(entry, detail),
      'aria-label': 'Before / after: ' + entry.action + ', ' + when(entry.createdAt) }, 'Before / after'))));
  show(view, el('h1', { text: 'Audit log' }), form, el('p', { class: 'meta', text: page.pagination.totalItems + ' records' }), detail,
    table('admin-audit', 'Audit log', ['When', 'Action', 'Actor', 'Entity', 'Request', 'Changes'], rows));
}

function showChanges(entry, detail) {
  const value = v => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v, null, 1) : String(v));
  show(detail, el('div', { class: 'panel' }, el('h2', { text: entry.action + ' · ' + entry.entityType + ' ' + entry.entityId }),
    el('p', { class: 'meta', text: [entry.actor, entry.ipAddress, entry.userAgent, when(entry.createdAt)].filter(Boolean).join(' · ') }),
    table('audit-changes', 'Changed fields', ['Field', 'Before', 'After'], Object.entries(entry.changes || {}).map(([name, change]) =>
      el('tr', {}, el('th', { scope: 'row', text: name }), el('td', {}, el('pre', { class: 'changes', text: value(change.before) })),
        el('td', {}, el('pre', { class: 'changes', text: value(change.after) })))))));
  detail.querySelector('h2').setAttribute('tabindex', '-1');
  detail.querySelector('h2').focus();
}

// ---------- OAuth clients ----------

async function clients() {
  const list = await api('/v1/admin/oauth-clients');
  show(view, el('h1', { text: 'OAuth clients' }),
    table('admin-clients', 'OAuth clients', ['Client id', 'Name', 'Kind', 'Grant types', 'Redirect URIs', 'Scopes', 'Registered'],
      list.data.map(c => el('tr', { dataset: { client: c.clientId } }, el('td', {}, el('code', { text: c.clientId })), el('td', { text: c.clientName }),
        el('td', { text: (c.confidential ? 'confidential' : 'public') + (c.configured ? ', from configuration' : '') }),
        el('td', { text: c.grantTypes.join(', ') }), el('td', { text: c.redirectUris.join(' ') }), el('td', { text: c.scopes.join(' ') }),
        el('td', { text: when(c.createdAt) })))));
}

async function start() {
  const session = await startSession();
  if (session.redirecting) return;
  if (session.error) alarm(session.error);
  renderWho();
  tenantPanel(document.getElementById('tenant'), { signedIn: !!accessToken() });
  window.addEventListener('hashchange', () => { clearMessages(); route(); });
  window.addEventListener('petstore:reload', () => route());
  await route();
}

start();
