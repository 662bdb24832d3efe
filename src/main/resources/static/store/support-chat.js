// "Support chat": the support conversation over the plain WebSocket /v1/ws/chat (docs/support-chat.md).
// The pet-care advisor answers while no agent has taken the conversation. The socket is opened
// with ?token= (a browser cannot set headers on a WebSocket) and ?tenant=, reopened after a drop
// (the conversation is joined again and its history shown), and closed when the view is left.
// The conversation's id is kept in memory for the page's life.
import { signIn, accessToken, currentUser, forget } from '/app/auth.js';
import { headers } from '/app/api.js';
import { currentTenant } from '/app/tenant.js';
import { el, show, field, alarm, clearMessages, when, focusHeading } from '/app/ui.js';

let conversationId = null;
let current = null; // the open chat: {stop()}

/** Closes the socket and stops reconnecting (the view is left). */
export function stopSupportChat() {
  if (current) current.stop();
  current = null;
}

function socketUrl() {
  const query = new URLSearchParams({ token: accessToken() });
  const tenant = currentTenant();
  if (tenant) query.set('tenant', tenant);
  return (window.location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + window.location.host + '/v1/ws/chat?' + query;
}

/**
 * Why the upgrade was refused: the WebSocket API hides the HTTP answer (the close is 1006), so the
 * same address is asked once over fetch, which runs the same checks and answers their problem
 * (401, 403, 429; 400 "not an upgrade" when the checks pass). Answers {status, detail, retryAfter}.
 */
async function refusal() {
  const query = new URLSearchParams();
  const tenant = currentTenant();
  if (tenant) query.set('tenant', tenant);
  try {
    const response = await fetch('/v1/ws/chat?' + query, { headers: headers() });
    const problem = await response.json().catch(() => null);
    return { status: response.status, detail: problem && problem.detail, retryAfter: Number(response.headers.get('Retry-After')) || null };
  } catch {
    return { status: 0, detail: null, retryAfter: null };
  }
}

const ROLE_NAMES = { CUSTOMER: 'Customer', AGENT: 'Support', ADVISOR: 'Pet-care advisor' };

export function supportChatPage(view, { onSignedOut }) {
  stopSupportChat();
  const heading = el('h1', { text: 'Support chat' });
  const intro = el('p', {}, 'Chat with our support team. Until an agent joins, the pet-care advisor answers (general advice, not veterinary advice).');
  if (!accessToken()) {
    show(view, heading, intro, el('p', { id: 'chat-sign-in-note' }, 'Sign in to chat with support. '),
      el('button', { type: 'button', id: 'chat-sign-in', onclick: () => signIn() }, 'Sign in'));
    focusHeading(view);
    return;
  }
  const me = currentUser();
  const state = el('p', { class: 'meta', id: 'chat-state' }, 'Connecting…');
  const list = el('ol', { class: 'messages', id: 'chat-messages' });
  // role=log: new messages are read out politely; the scrolling box is focusable for the keyboard
  const log = el('div', { class: 'chat-log', id: 'chat-log', role: 'log', 'aria-label': 'Messages', tabindex: 0 }, list);
  const typing = el('p', { class: 'meta', id: 'chat-typing', 'aria-live': 'polite' });
  const input = el('input', { name: 'message', id: 'chat-input', autocomplete: 'off', required: true, maxlength: 4000, disabled: true });
  const send = el('button', { type: 'submit', id: 'chat-send', disabled: true }, 'Send');
  const form = el('form', { class: 'chat-form', id: 'chat-form', 'aria-label': 'Send a message' }, field('Message', input), send);
  const signInAgain = el('div', { id: 'chat-sign-in-again', hidden: true });
  show(view, heading, intro, state, signInAgain, log, typing, form);
  focusHeading(view);

  let socket = null;
  let stopped = false;
  let retries = 0;
  let timer = null;
  let counter = 0;
  const shown = new Set(); // ids of the messages in the list
  const pending = new Map(); // clientMessageId -> content, until the server acknowledges it

  function setState(text, connected) {
    show(state, text);
    state.dataset.state = connected ? 'connected' : 'disconnected';
    input.disabled = !connected;
    send.disabled = !connected;
  }

  function addMessage(message) {
    if (message.id && shown.has(message.id)) return;
    if (message.id) shown.add(message.id);
    const sender = message.sender || {};
    const mine = !!me && sender.role !== 'ADVISOR' && (sender.id === me.sub || sender.username === me.username);
    const who = mine ? 'You' : (sender.role === 'ADVISOR' ? ROLE_NAMES.ADVISOR : (sender.username || 'Support') + ' (' + (ROLE_NAMES[sender.role] || sender.role) + ')');
    list.append(el('li', { class: 'msg ' + (mine ? 'mine' : 'theirs'), dataset: { role: sender.role || '', id: message.id || '' } },
      el('span', { class: 'sender', text: who }), ' ', el('span', { class: 'meta', text: when(message.sentAt) }),
      el('p', { class: 'text', text: message.content })));
    log.scrollTop = log.scrollHeight;
  }

  function note(text) {
    list.append(el('li', { class: 'msg note', text }));
  }

  function askToSignIn(text) {
    forget();
    onSignedOut();
    setState('Disconnected.', false);
    show(signInAgain, el('p', { text }), el('button', { type: 'button', id: 'chat-sign-in', onclick: () => signIn() }, 'Sign in again'));
    signInAgain.hidden = false;
    alarm(text);
  }

  function connect() {
    if (stopped) return;
    let welcomed = false;
    setState(retries ? 'Reconnecting…' : 'Connecting…', false);
    const ws = new WebSocket(socketUrl());
    socket = ws;
    ws.addEventListener('message', event => {
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      switch (message.type) {
        case 'connected':
          welcomed = true;
          retries = 0;
          ws.send(JSON.stringify(conversationId ? { type: 'joinChat', conversationId } : { type: 'joinChat', subject: 'Help from the storefront' }));
          break;
        case 'joined': {
          conversationId = message.conversation.id;
          shown.clear();
          show(list);
          message.history.forEach(addMessage);
          const agent = message.conversation.agent;
          setState('Connected as ' + me.username + '. ' + (agent ? 'Agent: ' + agent.username + '.' : 'The pet-care advisor answers until an agent joins.'), true);
          break;
        }
        case 'chatMessage':
          if (message.conversationId === conversationId) addMessage(message);
          break;
        case 'ack':
          pending.delete(message.clientMessageId);
          break;
        case 'agentAssigned':
          note((message.agent ? message.agent.username : 'An agent') + ' from support has joined the conversation.');
          setState('Connected as ' + me.username + '. Agent: ' + (message.agent ? message.agent.username : '') + '.', true);
          break;
        case 'typingStarted':
          show(typing, (message.user ? message.user.username : 'Someone') + ' is typing…');
          break;
        case 'typingStopped':
          show(typing);
          break;
        case 'orderStatusChanged':
          note('Your order ' + message.orderId + ' is now ' + message.status + '.');
          break;
        case 'error':
          if (message.code === 'UNAUTHORIZED') {
            stopped = true;
            ws.close(1000);
            askToSignIn('Your sign-in has ended: ' + message.message + ' Sign in again to go on chatting.');
            return;
          }
          if (message.clientMessageId && pending.has(message.clientMessageId)) {
            input.value = pending.get(message.clientMessageId);
            pending.delete(message.clientMessageId);
          }
          alarm('The chat refused that: ' + message.message);
          break;
        default:
          break;
      }
    });
    ws.addEventListener('close', async event => {
      if (socket !== ws || stopped) return;
      socket = null;
      let wait = Math.min(30, 2 ** retries);
      if (!welcomed) {
        const refused = await refusal();
        if (stopped) return;
        if (refused.status === 401) {
          askToSignIn('Your sign-in has ended' + (refused.detail ? ' (' + refused.detail + ')' : '') + '. Sign in again to chat with support.');
          return;
        }
        if (refused.status === 403) {
          askToSignIn('The chat refused this sign-in: ' + (refused.detail || 'forbidden') + ' Sign in again.');
          return;
        }
        if (refused.status === 429 && refused.retryAfter) wait = refused.retryAfter;
        if (refused.detail) alarm('The chat could not be opened: ' + refused.detail);
      }
      retries++;
      setState('Disconnected' + (event.code && event.code !== 1006 ? ' (' + event.code + (event.reason ? ' ' + event.reason : '') + ')' : '')
        + '. Reconnecting in ' + wait + ' s…', false);
      timer = setTimeout(connect, wait * 1000);
    });
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const content = input.value.trim();
    if (!content || !socket || socket.readyState !== WebSocket.OPEN || !conversationId) return;
    clearMessages();
    const clientMessageId = 'web-' + Date.now() + '-' + (++counter);
    pending.set(clientMessageId, content);
    socket.send(JSON.stringify({ type: 'chatMessage', conversationId, content, clientMessageId }));
    input.value = '';
    input.focus();
  });

  current = {
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (socket) socket.close(1000, 'left the page');
      socket = null;
    },
  };
  connect();
}
