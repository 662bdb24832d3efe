// Sign-in for the web pages: the OAuth2 authorization code flow with PKCE (S256) as the public
// client "petstore-web". The access token lives only in this module's variable, in memory: never in
// localStorage or sessionStorage. After a reload the page runs the authorization request again with
// prompt=none, which comes straight back with a new code while the authorization server's session
// cookie still signs the user in (and with login_required when it no longer does).
import { currentTenant } from './tenant.js';

const CLIENT_ID = 'petstore-web';
const SCOPES = 'read:pets write:pets read:orders write:orders read:user write:user chat:write openid';
// sessionStorage keeps only the one-time PKCE verifier and state of a flow under way (removed when
// the browser comes back) and a flag saying that this tab has signed in; never a token.
const FLOW = 'petstore.oauth.flow';
const SIGNED_IN = 'petstore.oauth.signedIn';

let token = null;
let claims = null;

/** The access token, or null when signed out. */
export function accessToken() {
  return token;
}

/** The signed-in user as the token names them ({sub, username, tid, scope}), or null. */
export function currentUser() {
  return claims;
}

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function appPath() {
  return window.location.pathname.startsWith('/admin/') ? '/admin/' : '/store/';
}

/** Goes to the authorization server; comes back to this app's callback.html. */
export async function signIn({ silent = false, returnTo } = {}) {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const app = appPath();
  const back = returnTo || (window.location.pathname.endsWith('/callback.html') ? app : window.location.pathname + window.location.hash);
  sessionStorage.setItem(FLOW, JSON.stringify({ verifier, state, silent, returnTo: back }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: window.location.origin + app + 'callback.html',
    scope: SCOPES,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  if (silent) query.set('prompt', 'none');
  const tenant = currentTenant();
  if (tenant) query.set('tenant', tenant);
  window.location.assign('/oauth2/authorize?' + query);
}

function decode(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

/**
 * At start: finishes a flow when the browser comes back to callback.html, or signs in again
 * silently after a reload. Answers {signedIn}, {redirecting: true} or {error: 'message'}.
 */
export async function startSession() {
  const url = new URL(window.location.href);
  if (url.pathname.endsWith('/callback.html')) {
    const flow = JSON.parse(sessionStorage.getItem(FLOW) || 'null');
    sessionStorage.removeItem(FLOW);
    const returnTo = flow && flow.returnTo && flow.returnTo.startsWith('/') ? flow.returnTo : appPath();
    window.history.replaceState(null, '', returnTo);
    if (!flow || url.searchParams.get('state') !== flow.state) {
      return { error: 'The sign-in answer did not match a sign-in started here. Please sign in again.' };
    }
    if (url.searchParams.get('error')) {
      sessionStorage.removeItem(SIGNED_IN);
      return flow.silent ? { signedIn: false }
        : { error: 'Sign-in failed: ' + (url.searchParams.get('error_description') || url.searchParams.get('error')) };
    }
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: url.searchParams.get('code'),
      redirect_uri: window.location.origin + appPath() + 'callback.html',
      client_id: CLIENT_ID,
      code_verifier: flow.verifier,
    });
    const response = await fetch('/oauth2/token', { method: 'POST', body, headers: { Accept: 'application/json' } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok || !answer.access_token) {
      return { error: 'Sign-in failed: ' + (answer.error_description || answer.error || response.status) };
    }
    token = answer.access_token;
    claims = decode(token);
    const expected = currentTenant() || '00000000-0000-0000-0000-000000000000';
    if (claims.tid !== expected) {
      token = null;
      claims = null;
      return { error: 'You are signed in to another data set. Sign out, then sign in again to this one.', wrongTenant: true };
    }
    sessionStorage.setItem(SIGNED_IN, '1');
    return { signedIn: true };
  }
  if (sessionStorage.getItem(SIGNED_IN) && !token) {
    await signIn({ silent: true });
    return { redirecting: true };
  }
  return { signedIn: false };
}

/** Forgets the token here, then ends the authorization server's session (its CSRF-protected form). */
export function signOut() {
  token = null;
  claims = null;
  sessionStorage.removeItem(SIGNED_IN);
  window.location.assign('/logout?continue=' + encodeURIComponent(appPath()));
}

/** Forgets the token without leaving the page (the server refused it). */
export function forget() {
  token = null;
  claims = null;
  sessionStorage.removeItem(SIGNED_IN);
}
