// "Ask the advisor": the pet-care advisor of POST /v1/chat/completions (docs/advisor.md), streamed
// as it arrives. The conversation (the previous questions and answers) is kept in this module's
// memory for the page's life and sent as `messages` with each question; nothing is stored.
import { signIn, accessToken, forget } from '/app/auth.js';
import { streamChat, ApiError } from '/app/api.js';
import { el, show, field, select, announce, alarm, clearMessages, focusHeading } from '/app/ui.js';

const MODELS = [['PET_ADVISOR_1', 'Full answer (PET_ADVISOR_1)'], ['PET_ADVISOR_TURBO', 'Short answer (PET_ADVISOR_TURBO)']];

// [{role: 'USER' | 'ASSISTANT', content}], oldest first
let conversation = [];
let model = MODELS[0][0];
let running = null; // the AbortController of the answer being streamed

/** Stops an answer under way (the view is left). */
export function stopAdvisor() {
  if (running) running.abort();
  running = null;
}

function messageItem(message) {
  const mine = message.role === 'USER';
  return el('li', { class: 'msg ' + (mine ? 'mine' : 'theirs'), dataset: { role: message.role } },
    el('span', { class: 'sender', text: mine ? 'You' : 'Advisor' }),
    el('p', { class: 'text', text: message.content }));
}

export function advisorPage(view, { onSignedOut }) {
  const heading = el('h1', { text: 'Ask the advisor' });
  const intro = el('p', {}, 'Questions about caring for a pet (feeding, vaccinations, training, grooming, signs of illness) ',
    'or about the pets we have ("Which available cats are good with kids under 150 USD?"). ',
    'The answers are general advice, not veterinary advice.');
  if (!accessToken()) {
    show(view, heading, intro, el('p', { id: 'advisor-sign-in-note' }, 'Sign in to ask the advisor. '),
      el('button', { type: 'button', id: 'advisor-sign-in', onclick: () => signIn() }, 'Sign in'));
    focusHeading(view);
    return;
  }
  const log = el('ol', { class: 'messages', id: 'advisor-log', 'aria-label': 'Conversation with the advisor' });
  const answer = el('div', { class: 'answer', id: 'advisor-answer', 'aria-live': 'polite', 'aria-busy': 'false' });
  const state = el('p', { class: 'meta', id: 'advisor-state' });
  const question = el('textarea', { name: 'question', id: 'advisor-question', rows: 4, required: true,
    'aria-describedby': 'advisor-help' });
  const models = select({ name: 'model', id: 'advisor-model' }, MODELS, model);
  const send = el('button', { type: 'submit', id: 'advisor-send' }, 'Send');
  const restart = el('button', { type: 'button', class: 'secondary', id: 'advisor-new', onclick: newConversation }, 'New conversation');
  const form = el('form', { class: 'stack wide', id: 'advisor-form', 'aria-label': 'Ask the advisor' },
    field('Your question', question),
    el('p', { class: 'meta', id: 'advisor-help' }, 'The advisor remembers this conversation until you reload the page or start a new one.'),
    field('Answer length', models),
    el('div', {}, send, ' ', restart));
  const latest = el('section', { class: 'panel', id: 'advisor-latest', 'aria-labelledby': 'advisor-latest-title' },
    el('h2', { id: 'advisor-latest-title', text: 'The advisor’s answer' }), answer, state);

  function render() {
    // everything but the last answer goes in the log; the last answer stays in its live region
    const last = conversation[conversation.length - 1];
    const earlier = last && last.role === 'ASSISTANT' ? conversation.slice(0, -1) : conversation;
    show(log, earlier.map(messageItem));
    log.hidden = earlier.length === 0;
    if (!running) show(answer, last && last.role === 'ASSISTANT' ? last.content : '');
    if (!conversation.length) show(state, 'No question asked yet.');
  }

  function newConversation() {
    stopAdvisor();
    conversation = [];
    clearMessages();
    render();
    send.disabled = false;
    announce('A new conversation with the advisor was started.');
    question.focus();
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (running) return;
    const text = question.value.trim();
    if (!text) {
      alarm('Type a question first.');
      question.focus();
      return;
    }
    clearMessages();
    model = models.value;
    const asked = { role: 'USER', content: text };
    conversation.push(asked);
    question.value = '';
    const controller = new AbortController();
    running = controller;
    render();
    show(answer);
    answer.setAttribute('aria-busy', 'true');
    answer.dataset.state = 'streaming';
    show(state, 'The advisor is answering…');
    send.disabled = true;
    let received = '';
    try {
      const { finishReason } = await streamChat({ messages: conversation.map(m => ({ role: m.role, content: m.content })), model },
        piece => { received += piece; answer.append(piece); }, controller.signal);
      conversation.push({ role: 'ASSISTANT', content: received });
      answer.dataset.state = 'done';
      show(state, finishReason === 'LENGTH' ? 'The answer was cut at its length limit.' : 'The advisor has answered.');
    } catch (e) {
      // the question was not answered: take it out of the conversation (and give it back to edit)
      const at = conversation.indexOf(asked);
      if (at >= 0) conversation.splice(at, 1);
      if (controller.signal.aborted) return;
      question.value = text;
      answer.dataset.state = 'failed';
      show(answer);
      show(state, 'No answer.');
      alarm(errorText(e));
      if (e instanceof ApiError && e.status === 401) { forget(); onSignedOut(); }
    } finally {
      if (running === controller) running = null;
      if (!controller.signal.aborted) { // else the view was left or restarted
        answer.setAttribute('aria-busy', 'false');
        send.disabled = false;
        render();
      }
    }
  });

  show(view, heading, intro, log, latest, form);
  render();
  focusHeading(view);
}

function errorText(e) {
  if (!(e instanceof ApiError)) return 'The advisor could not be reached: ' + e.message;
  if (e.status === 401) return 'Your sign-in has ended (' + e.message + '). Sign in again to ask the advisor.';
  if (e.status === 403) return 'The advisor refused: ' + e.message + ' Sign out and in again to grant the chat scope.';
  const later = e.retryAfter ? ' Try again in ' + e.retryAfter + ' s.' : '';
  if (e.status === 429) return 'Too many requests: ' + e.fullMessage + later;
  if (e.status >= 500) return 'The advisor is not available now: ' + e.fullMessage + later;
  return 'The question was not accepted: ' + e.fullMessage;
}
