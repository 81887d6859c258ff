// The progress view of one app: the pipeline steps with the current one highlighted, percent and a live ETA,
// the files the generator writes as they appear, the detailed event log, and the error with its Retry button.

import { $, el, announce, formatAbout, ENDED_STATES } from './ui.js';

const STEPS = [
  ['generate', 'Write code'],
  ['validate', 'Check'],
  ['provision', 'Sandbox'],
  ['install', 'Install'],
  ['start', 'Start'],
  ['health', 'Health check'],
  ['live', 'Live'],
];
const STEP_INDEX = new Map(STEPS.map(([step], i) => [step, i]));
const STEP_LABEL = new Map(STEPS);
const SETTLED = new Set(['LIVE', 'FAILED', 'EXPIRED', 'DESTROYED']);
// updates and restores report every step as "update" with the step's percent
const PERCENT_STEPS = [[100, 6], [80, 5], [65, 4], [50, 3], [40, 2], [30, 1], [5, 0]];
const WROTE = /^wrote (.+)$/;

export function stepLabel(step) {
  return STEP_LABEL.get(step) || (step ? step[0].toUpperCase() + step.slice(1) : 'a step');
}

function stepIndex(ev) {
  const index = STEP_INDEX.get(ev.step);
  if (index !== undefined || ev.status !== 'UPDATING') return index;
  return PERCENT_STEPS.find(([percent]) => ev.percent >= percent)?.[1];
}

export class ProgressView {
  constructor({ onRetry }) {
    this.stepItems = STEPS.map(([step, label], i) => el('li', { 'data-step': step },
      el('span', { class: 'step-dot', 'aria-hidden': 'true', text: String(i + 1) }),
      el('span', { class: 'step-label', text: label })));
    $('steps').replaceChildren(...this.stepItems);
    $('retry-app').addEventListener('click', () => onRetry());
    this.etaTimer = null;
    this.reset();
  }

  /** Forgets everything (another app is shown). */
  reset() {
    this.status = null;
    this.current = -1;
    this.failedStep = null;
    this.etaDeadline = null;
    this.files = new Set();
    $('written-files').replaceChildren();
    $('event-log').replaceChildren();
    $('error-box').hidden = true;
    $('progress-status').textContent = 'Waiting for the first step…';
    this.setPercent(0);
    this.renderSteps();
    this.renderEta();
  }

  /** A new run of the pipeline starts (retry, follow-up, restore): steps and files start over, the log stays. */
  newRun() {
    this.current = -1;
    this.failedStep = null;
    this.files.clear();
    $('written-files').replaceChildren();
    $('error-box').hidden = true;
    this.setPercent(0);
    this.renderSteps();
  }

  /** One progress event from the stream (history or live). */
  onEvent(ev) {
    const previous = this.status;
    const startsRun = ev.step === 'queued' || (SETTLED.has(previous) && !SETTLED.has(ev.status));
    if (startsRun) this.newRun();
    this.status = ev.status;
    this.log(ev);

    const index = stepIndex(ev);
    const stepChanged = index !== undefined && index !== this.current;
    if (index !== undefined) this.current = index;
    if (ev.status === 'LIVE' && ev.step !== 'extend') this.current = STEPS.length - 1;
    if (ev.status === 'FAILED') this.failedStep = ev.step;

    const wrote = (ev.step === 'generate' || ev.step === 'update') && WROTE.exec(ev.message || '');
    if (wrote) this.addFile(wrote[1]);

    if (ev.status !== 'LIVE' || ev.step !== 'extend') this.setPercent(ev.percent ?? 0);
    this.etaDeadline = ev.etaMillis != null && !SETTLED.has(ev.status) ? Date.now() + ev.etaMillis : null;
    $('progress-status').textContent = this.describe(ev);
    this.renderSteps();
    this.renderEta();
    if (stepChanged || SETTLED.has(ev.status)) announce(this.describe(ev));
  }

  describe(ev) {
    if (ev.status === 'LIVE' && ev.step !== 'extend') return 'Live — the app is running.';
    if (ev.status === 'FAILED') return `Failed at “${stepLabel(ev.step)}”.`;
    if (ENDED_STATES.has(ev.status)) return ev.status === 'EXPIRED' ? 'This app has expired.' : 'This app was destroyed.';
    if (ev.step === 'queued') return 'Queued — starting in a moment…';
    const idx = stepIndex(ev);
    const prefix = idx !== undefined ? `${STEPS[idx][1]} (${idx + 1}/${STEPS.length})` : stepLabel(ev.step);
    return ev.message ? `${prefix} — ${ev.message}` : prefix;
  }

  /** Shows why the app (or its last change) failed, in plain words, with Retry when it can be retried. */
  showError(error, canRetry, title) {
    const box = $('error-box');
    if (!error) {
      box.hidden = true;
      return;
    }
    $('error-title').textContent = title || `Making the app failed at step “${stepLabel(error.step)}”`;
    $('error-message').textContent = error.message || 'No reason was given.';
    $('retry-app').hidden = !canRetry;
    box.hidden = false;
    if (error.step) this.failedStep = error.step;
    this.renderSteps();
  }

  addFile(path) {
    if (this.files.has(path)) return;
    this.files.add(path);
    $('written-files').append(el('li', { class: 'appear' }, el('code', { text: path })));
  }

  /** Files known from the app itself (when the events carry no "wrote" lines). */
  knownFiles(paths) {
    (paths || []).forEach((p) => this.addFile(p));
  }

  log(ev) {
    const time = ev.time ? new Date(ev.time).toLocaleTimeString() : '';
    $('event-log').append(el('li', {},
      el('time', { datetime: ev.time, text: time }), ' ',
      el('span', { class: 'log-step', text: ev.step }), ' ',
      el('span', { text: ev.message || ev.status })));
  }

  setPercent(p) {
    const v = Math.max(0, Math.min(100, Math.round(p)));
    $('progress-fill').style.width = `${v}%`;
    const bar = $('progress-bar');
    bar.setAttribute('aria-valuenow', String(v));
    bar.setAttribute('aria-valuetext', `${v} percent`);
  }

  renderSteps() {
    const failedIndex = this.status === 'FAILED' ? STEP_INDEX.get(this.failedStep) ?? this.current : -2;
    const live = this.status === 'LIVE';
    this.stepItems.forEach((li, i) => {
      let state = 'pending';
      if (i === failedIndex) state = 'failed';
      else if (live || i < this.current) state = 'done';
      else if (i === this.current) state = 'current';
      li.dataset.state = state;
      if (state === 'current') li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
  }

  renderEta() {
    const eta = $('progress-eta');
    clearInterval(this.etaTimer);
    const tick = () => {
      const left = this.etaDeadline ? this.etaDeadline - Date.now() : null;
      eta.textContent = left === null ? '' : left > 500 ? `about ${formatAbout(left)} left` : 'almost there…';
    };
    tick();
    if (this.etaDeadline) this.etaTimer = setInterval(tick, 250);
  }
}
