// The storefront: browse and filter pets, a pet's page, sign up / in / out, adopt and pay, my orders
// (live through GET /v1/events), the pet-care advisor (advisor.js), the support chat
// (support-chat.js), and the data set (tenant) switch.
import { signIn, signOut, startSession, currentUser, accessToken, forget } from '/app/auth.js';
import { api, graphql, followEvents, ApiError } from '/app/api.js';
import { el, show, field, select, announce, alarm, clearMessages, money, months, when, focusHeading } from '/app/ui.js';
import { tenantPanel } from '/app/tenant-panel.js';
import { advisorPage, stopAdvisor } from '/store/advisor.js';
import { supportChatPage, stopSupportChat } from '/store/support-chat.js';

const view = document.getElementById('view');
const SPECIES = ['DOG', 'CAT', 'BIRD', 'RABBIT', 'FISH', 'REPTILE', 'OTHER'];
const SIZES = ['SMALL', 'MEDIUM', 'LARGE'];
const STATUSES = ['AVAILABLE', 'PENDING', 'ADOPTED', 'NOT_AVAILABLE'];
let stopEvents = null;

function label(value) {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
}

function renderWho() {
  const who = document.getElementById('who');
  const user = currentUser();
  if (user) {
    show(who, el('span', { id: 'signed-in-as' }, 'Signed in as ', el('strong', { text: user.username })),
      el('button', { type: 'button', id: 'sign-out', onclick: () => signOut() }, 'Sign out'));
  } else {
    show(who, el('a', { href: '#/signup', id: 'sign-up-link' }, 'Sign up'),
      el('button', { type: 'button', id: 'sign-in', onclick: () => signIn() }, 'Sign in'));
  }
}

function hashRoute() {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  return { path, params: new URLSearchParams(query || '') };
}

async function route() {
  if (stopEvents && hashRoute().path !== '/orders') { stopEvents(); stopEvents = null; }
  const { path, params } = hashRoute();
  if (path !== '/advisor') stopAdvisor();
  if (path !== '/support') stopSupportChat();
  try {
    if (path === '/' || path === '') await petList(params);
    else if (path.startsWith('/pets/')) await petPage(decodeURIComponent(path.slice(6)));
    else if (path === '/orders') await myOrders();
    else if (path === '/signup') signUpPage();
    else if (path === '/advisor') advisorPage(view, { onSignedOut: renderWho });
    else if (path === '/support') supportChatPage(view, { onSignedOut: renderWho });
    else show(view, el('h1', { text: 'Not found' }), el('p', {}, el('a', { href: '#/' }, 'Back to the pets')));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) forget();
    alarm(e.message);
  }
}

// ---------- pets ----------

function criteria(params) {
  const c = {};
  const list = name => (params.get(name) ? params.get(name).split(',') : null);
  if (list('species')) c.species = list('species');
  if (list('status')) c.status = list('status');
  if (list('size')) c.size = list('size');
  const min = params.get('ageMin');
  const max = params.get('ageMax');
  if (min || max) c.ageRange = { ...(min ? { min: Number(min) } : {}), ...(max ? { max: Number(max) } : {}) };
  if (params.get('goodWithKids')) c.compatibility = { goodWithKids: params.get('goodWithKids') === 'true' };
  return c;
}

async function petList(params) {
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sort = params.get('sort') || '';
  const search = { criteria: criteria(params), pagination: { page, limit: 12 } };
  if (sort) {
    const [fieldName, order] = sort.split(':');
    search.sort = { field: fieldName, order };
  }
  const form = el('form', { class: 'filters', id: 'filters', 'aria-label': 'Filter pets' },
    field('Species', select({ name: 'species', id: 'f-species' }, [['', 'Any'], ...SPECIES.map(s => [s, label(s)])], params.get('species'))),
    field('Status', select({ name: 'status', id: 'f-status' }, [['', 'Available (default)'], ...STATUSES.map(s => [s, label(s)])], params.get('status'))),
    field('Size', select({ name: 'size', id: 'f-size' }, [['', 'Any'], ...SIZES.map(s => [s, label(s)])], params.get('size'))),
    field('Age from (months)', el('input', { name: 'ageMin', id: 'f-age-min', type: 'number', min: 0, value: params.get('ageMin') || '' })),
    field('Age to (months)', el('input', { name: 'ageMax', id: 'f-age-max', type: 'number', min: 0, value: params.get('ageMax') || '' })),
    field('Good with kids', select({ name: 'goodWithKids', id: 'f-kids' }, [['', 'Any'], ['true', 'Yes'], ['false', 'No']], params.get('goodWithKids'))),
    field('Sort by', select({ name: 'sort', id: 'f-sort' }, [['', 'Newest'], ['price:ASC', 'Price, lowest first'], ['price:DESC', 'Price, highest first'],
      ['ageMonths:ASC', 'Age, youngest first'], ['ageMonths:DESC', 'Age, oldest first']], sort)),
    el('button', { type: 'submit', id: 'apply-filters' }, 'Show pets'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, v);
    window.location.hash = '#/?' + next;
  });
  const result = await api('/v1/pets/search', { method: 'POST', body: search });
  const list = el('ul', { class: 'pets', id: 'pet-list', 'aria-label': 'Pets' }, result.data.map(petCard));
  const { totalPages, totalItems } = result.pagination;
  const go = p => { const next = new URLSearchParams(params); next.set('page', p); return '#/?' + next; };
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? el('a', { href: go(page - 1), id: 'prev-page', rel: 'prev' }, 'Previous page') : null,
    el('span', { id: 'page-info' }, `Page ${page} of ${Math.max(totalPages, 1)} (${totalItems} pets)`),
    page < totalPages ? el('a', { href: go(page + 1), id: 'next-page', rel: 'next' }, 'Next page') : null);
  show(view, el('h1', { text: 'Pets looking for a home' }), form,
    result.data.length ? list : el('p', { id: 'no-pets' }, 'No pet matches these filters.'), pager);
}

function photo(pet, big) {
  const src = pet.photos && pet.photos[0];
  if (!src) return el('div', { class: 'photo none', role: 'img', 'aria-label': 'No photo of ' + pet.name }, 'No photo');
  return el('img', { src, alt: (big ? 'Photo of ' : '') + pet.name, loading: 'lazy', class: 'photo' });
}

function petCard(pet) {
  return el('li', { class: 'pet', dataset: { species: pet.species, id: pet.id } },
    photo(pet, false),
    el('div', { class: 'body' },
      el('h3', {}, el('a', { href: '#/pets/' + pet.id, class: 'pet-link' }, pet.name)),
      el('span', { class: 'meta species' }, [label(pet.species), pet.breed].filter(Boolean).join(' · ')),
      el('span', { class: 'meta' }, [months(pet.ageMonths), pet.size && label(pet.size)].filter(Boolean).join(' · ')),
      el('span', {}, el('strong', { text: money(pet.price, pet.currency) }), ' ', el('span', { class: 'badge ' + pet.status, text: label(pet.status) }))));
}

async function petPage(id) {
  const pet = await api('/v1/pets/' + encodeURIComponent(id));
  const facts = el('dl', { class: 'facts' },
    ...[['Species', label(pet.species)], ['Breed', pet.breed], ['Age', months(pet.ageMonths)], ['Size', pet.size && label(pet.size)],
      ['Gender', pet.gender && label(pet.gender)], ['Colour', pet.color], ['Good with kids', pet.goodWithKids == null ? null : pet.goodWithKids ? 'Yes' : 'No'],
      ['Price', money(pet.price, pet.currency)], ['Status', label(pet.status)]]
      .filter(([, v]) => v).flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const actions = el('div', { class: 'panel', id: 'adopt-panel' });
  if (pet.status === 'AVAILABLE') {
    if (accessToken()) {
      show(actions, el('h2', { text: 'Adopt ' + pet.name }), el('p', {}, 'Place an order, then pay ' + money(pet.price, pet.currency) + '.'),
        el('button', { type: 'button', id: 'adopt', onclick: () => adopt(pet, actions) }, 'Adopt ' + pet.name));
    } else {
      show(actions, el('h2', { text: 'Adopt ' + pet.name }), el('p', {}, 'Sign in to adopt this pet. '),
        el('button', { type: 'button', id: 'sign-in-to-adopt', onclick: () => signIn() }, 'Sign in to adopt'));
    }
  } else {
    show(actions, el('p', { text: pet.name + ' is not available for adoption right now.' }));
  }
  show(view, el('p', {}, el('a', { href: '#/' }, '← All pets')),
    el('article', { class: 'detail', id: 'pet-detail' },
      el('div', {}, photo(pet, true), ...(pet.photos || []).slice(1).map(src => el('img', { src, alt: 'Another photo of ' + pet.name, class: 'photo' }))),
      el('div', {}, el('h1', { id: 'pet-name', text: pet.name }), facts, pet.description ? el('p', { id: 'pet-description', text: pet.description }) : null, actions)));
  focusHeading(view);
}

async function adopt(pet, panel) {
  clearMessages();
  const order = await api('/v1/orders', { method: 'POST', body: { petId: pet.id } }).catch(e => { alarm(e.message); return null; });
  if (!order) return;
  announce('Order placed for ' + pet.name + '. Pay to complete the adoption.');
  paymentForm(order, pet.name, panel);
}

function paymentForm(order, petName, panel) {
  const year = new Date().getUTCFullYear();
  const form = el('form', { class: 'stack', id: 'payment-form', 'aria-label': 'Payment' },
    el('p', {}, 'Amount: ', el('strong', { text: money(order.totalAmount, order.currency) }),
      '. Test cards: 4242 4242 4242 4242 is accepted; 4000 0000 0000 0002 is declined.'),
    field('Name on the card', el('input', { name: 'name', id: 'card-name', required: true, autocomplete: 'cc-name' })),
    field('Card number', el('input', { name: 'number', id: 'card-number', required: true, inputmode: 'numeric', autocomplete: 'cc-number' })),
    field('Expiry month', el('input', { name: 'expMonth', id: 'card-exp-month', type: 'number', min: 1, max: 12, required: true, value: 12 })),
    field('Expiry year', el('input', { name: 'expYear', id: 'card-exp-year', type: 'number', min: year, required: true, value: year + 3 })),
    field('CVC', el('input', { name: 'cvc', id: 'card-cvc', required: true, inputmode: 'numeric', autocomplete: 'cc-csc' })),
    el('div', {}, el('button', { type: 'submit', id: 'pay' }, 'Pay ' + money(order.totalAmount, order.currency)), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'cancel-order', onclick: () => cancelOrder(order.id, () => { window.location.hash = '#/orders'; }) }, 'Cancel the order')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearMessages();
    const data = new FormData(form);
    const source = { object: 'card', name: data.get('name'), number: String(data.get('number')).replace(/\s+/g, ''),
      expMonth: Number(data.get('expMonth')), expYear: Number(data.get('expYear')), cvc: String(data.get('cvc')) };
    try {
      const payment = await api('/v1/orders/' + order.id + '/payment', { method: 'POST', body: { amount: order.totalAmount, currency: order.currency, source } });
      if (payment.status === 'SUCCEEDED') {
        show(panel, el('h2', { text: 'Welcome home, ' + petName + '!' }),
          el('p', { id: 'payment-result' }, 'Payment succeeded (' + payment.source.brand + ' ending ' + payment.source.last4 + '). Your order is approved.'),
          el('a', { href: '#/orders', id: 'to-orders' }, 'See my orders'));
        announce('Payment succeeded. ' + petName + ' is yours.');
      } else {
        alarm('Your card was declined (' + declineText(payment.failureReason) + '). Nothing was charged: try another card.');
      }
    } catch (e) {
      alarm('The payment was not accepted: ' + e.message);
    }
  });
  show(panel, el('h2', { text: 'Pay for ' + petName }), form);
  form.querySelector('input').focus();
}

function declineText(reason) {
  return { card_declined: 'the bank declined the card', insufficient_funds: 'insufficient funds', expired_card: 'the card has expired' }[reason] || reason || 'declined';
}

async function cancelOrder(id, after) {
  clearMessages();
  try {
    await api('/v1/orders/' + id, { method: 'DELETE' });
    announce('The order was cancelled.');
    if (after) after();
  } catch (e) {
    alarm('The order could not be cancelled: ' + e.message);
  }
}

// ---------- my orders ----------

const ORDERS = `query($page: Int) { myOrders(page: $page, limit: 50) { data { id status totalAmount currency createdAt updatedAt pet { id name } } pagination { totalItems } } }`;

async function myOrders() {
  if (!accessToken()) {
    show(view, el('h1', { text: 'My orders' }), el('p', {}, 'Sign in to see your orders. '),
      el('button', { type: 'button', onclick: () => signIn() }, 'Sign in'));
    return;
  }
  const live = el('p', { id: 'live-state', class: 'meta' }, 'Connecting to live updates…');
  const tbody = el('tbody', { id: 'order-rows' });
  const table = el('table', { id: 'orders' }, el('caption', { class: 'visually-hidden' }, 'My orders'),
    el('thead', {}, el('tr', {}, ['Pet', 'Ordered', 'Amount', 'Status', 'Actions'].map(h => el('th', { scope: 'col', text: h })))), tbody);
  const refresh = el('button', { type: 'button', class: 'secondary', id: 'refresh-orders', onclick: () => load() }, 'Refresh');
  show(view, el('h1', { text: 'My orders' }), live, refresh, table);
  async function load() {
    const data = await graphql(ORDERS, { page: 1 });
    show(tbody, data.myOrders.data.length ? data.myOrders.data.map(row)
      : el('tr', {}, el('td', { colspan: 5, text: 'No orders yet.' })));
  }
  function row(order) {
    const cancellable = order.status === 'PLACED' || order.status === 'APPROVED';
    return el('tr', { dataset: { order: order.id } },
      el('td', {}, order.pet ? el('a', { href: '#/pets/' + order.pet.id, text: order.pet.name }) : order.petId),
      el('td', { text: when(order.createdAt) }),
      el('td', { text: money(order.totalAmount, order.currency) }),
      el('td', {}, el('span', { class: 'badge order-status ' + order.status, text: order.status })),
      el('td', {}, cancellable ? el('button', { type: 'button', class: 'secondary', onclick: () => cancelOrder(order.id, load),
        'aria-label': 'Cancel the order for ' + (order.pet ? order.pet.name : 'this pet') }, 'Cancel') : null));
  }
  await load();
  focusHeading(view);
  if (stopEvents) stopEvents();
  stopEvents = followEvents('order.statusChanged', (type, event) => {
    const cell = tbody.querySelector(`tr[data-order="${CSS.escape(event.orderId)}"]`);
    if (cell) {
      load().then(() => announce('Order status changed to ' + event.status + (event.reason ? ': ' + event.reason : '') + '.'));
    } else {
      load();
    }
  }, state => show(live, state === 'live' ? 'Live: status changes show here as they happen.' : 'Reconnecting to live updates…'));
}

// ---------- sign up ----------

function signUpPage() {
  const form = el('form', { class: 'stack', id: 'sign-up-form', 'aria-label': 'Sign up' },
    field('Username', el('input', { name: 'username', id: 'su-username', required: true, autocomplete: 'username', pattern: '[A-Za-z0-9._\\-]{3,50}' })),
    field('Email', el('input', { name: 'email', id: 'su-email', type: 'email', required: true, autocomplete: 'email' })),
    field('First name', el('input', { name: 'firstName', id: 'su-first', required: true, autocomplete: 'given-name' })),
    field('Last name', el('input', { name: 'lastName', id: 'su-last', required: true, autocomplete: 'family-name' })),
    field('Password (at least 8 characters)', el('input', { name: 'password', id: 'su-password', type: 'password', required: true, minlength: 8, autocomplete: 'new-password' })),
    el('button', { type: 'submit', id: 'sign-up' }, 'Create my account'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearMessages();
    const body = Object.fromEntries(new FormData(form));
    try {
      await api('/v1/users', { method: 'POST', body });
      announce('Account created. Sign in with it on the next page.');
      await signIn({ returnTo: '/store/#/' });
    } catch (e) {
      alarm('The account was not created: ' + e.message);
    }
  });
  show(view, el('h1', { text: 'Sign up' }),
    el('p', {}, 'Create an account, then sign in with it on the Petstore sign-in page (the OAuth2 authorization server).'), form);
  focusHeading(view);
}

// ---------- start ----------

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
