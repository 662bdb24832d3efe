// The data set the pages work in: the shared pool, or a private tenant (X-Tenant-ID). Its id is kept
// in localStorage (it is not a credential: whoever knows it may use and reset that data set).
const KEY = 'petstore.tenant';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The private tenant's id, or null for the shared pool. */
export function currentTenant() {
  const value = localStorage.getItem(KEY);
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

/** Sets the tenant (null: the shared pool); answers an error message for an id that is not a UUID. */
export function useTenant(id) {
  if (id == null || id === '') {
    localStorage.removeItem(KEY);
    return null;
  }
  if (!UUID.test(id.trim())) return 'A data set id is a UUID, such as ' + crypto.randomUUID() + '.';
  localStorage.setItem(KEY, id.trim().toLowerCase());
  return null;
}
