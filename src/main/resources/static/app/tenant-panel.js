// The data set panel both apps show: which data set the pages work in (the shared pool or a
// private X-Tenant-ID tenant), switching to another, and resetting a private one to the seed data.
import { currentTenant, useTenant } from './tenant.js';
import { signOut } from './auth.js';
import { el, show, field, announce, alarm } from './ui.js';

export function tenantPanel(root, { signedIn }) {
  const tenant = currentTenant();
  const input = el('input', { name: 'tenant', id: 'tenant-id', size: 38, value: tenant || '', placeholder: 'shared pool',
    'aria-describedby': 'tenant-help' });
  const form = el('form', { id: 'tenant-form', 'aria-label': 'Switch data set' },
    field('Data set id (X-Tenant-ID)', input),
    el('button', { type: 'submit', id: 'use-tenant' }, 'Use this data set'),
    el('button', { type: 'button', class: 'secondary', id: 'new-tenant', onclick: () => switchTo(crypto.randomUUID()) }, 'New private data set'),
    tenant ? el('button', { type: 'button', class: 'secondary', id: 'shared-tenant', onclick: () => switchTo('') }, 'Shared pool') : null,
    tenant ? el('button', { type: 'button', class: 'danger', id: 'reset-tenant', onclick: reset }, 'Reset this data set') : null);
  form.addEventListener('submit', event => {
    event.preventDefault();
    switchTo(input.value.trim());
  });
  function switchTo(id) {
    const error = useTenant(id);
    if (error) {
      alarm(error);
      input.focus();
      return;
    }
    if (signedIn) signOut(); // the sign-in belongs to the data set it was made in
    else window.location.reload();
  }
  async function reset() {
    if (!window.confirm('Reset data set ' + tenant + ' to the seed data? Everything made in it is deleted.')) return;
    const response = await fetch('/admin/reset', { method: 'POST', headers: { 'X-Tenant-ID': tenant, Accept: 'application/json' } });
    if (response.ok) {
      announce('Data set ' + tenant + ' was reset to the seed data.');
      window.dispatchEvent(new Event('petstore:reload'));
    } else {
      alarm('The reset failed (' + response.status + ').');
    }
  }
  show(root,
    el('p', { id: 'tenant-current' }, 'Working in: ', el('strong', { text: tenant ? 'private data set ' + tenant : 'the shared pool' })),
    form,
    el('p', { id: 'tenant-help', class: 'meta' }, 'A private data set is your own copy of the store, seeded on first use; switching signs you out.'));
}
