'use strict';
// Plays the quiz from questions.js: questions and choices are shuffled each round; the best score is kept in
// this browser. Text is set with textContent only.
(() => {
  const $ = (id) => document.getElementById(id);
  const { QUESTIONS, score } = window.Quiz;
  const STORE = `quiz-best-v1-${document.title}`;
  let round = [];
  let picks = [];
  let at = 0;

  const shuffle = (list) => {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };

  function best() {
    try {
      return Number(localStorage.getItem(STORE)) || 0;
    } catch {
      return 0;
    }
  }

  function show(screen) {
    ['start', 'play', 'done'].forEach((id) => { $(id).hidden = id !== screen; });
  }

  function start() {
    round = shuffle(QUESTIONS).map((q) => {
      const order = shuffle(q.choices.map((_, i) => i));
      return { q: q.q, explain: q.explain, choices: order.map((i) => q.choices[i]), answer: order.indexOf(q.answer) };
    });
    picks = [];
    at = 0;
    show('play');
    ask();
  }

  function ask() {
    const q = round[at];
    $('position').textContent = `Question ${at + 1} of ${round.length}`;
    $('running-score').textContent = `Score ${score(round.slice(0, at), picks)}`;
    $('bar').style.width = `${(at / round.length) * 100}%`;
    $('question').textContent = q.q;
    $('feedback').textContent = '';
    $('next').hidden = true;
    $('choices').replaceChildren(...q.choices.map((text, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'choice';
      const key = document.createElement('span');
      key.className = 'key';
      key.textContent = String(i + 1);
      const label = document.createElement('span');
      label.textContent = text;
      b.append(key, label);
      b.addEventListener('click', () => pick(i));
      return b;
    }));
    $('question').focus();
  }

  function pick(i) {
    if (picks.length > at) return;
    const q = round[at];
    picks.push(i);
    const buttons = [...$('choices').children];
    buttons.forEach((b, k) => {
      b.disabled = true;
      if (k === q.answer) b.classList.add('correct');
      else if (k === i) b.classList.add('wrong');
    });
    $('feedback').textContent = (i === q.answer ? '✅ Correct! ' : `❌ Not quite — it's ${q.choices[q.answer]}. `)
      + (q.explain || '');
    $('next').textContent = at + 1 === round.length ? 'See my score' : 'Next';
    $('next').hidden = false;
    $('next').focus();
  }

  function finish() {
    const s = score(round, picks);
    const pct = s / round.length;
    if (s > best()) {
      try {
        localStorage.setItem(STORE, String(s));
      } catch {
        // best score not kept
      }
    }
    $('medal').textContent = pct === 1 ? '🏆' : pct >= 0.75 ? '🥇' : pct >= 0.5 ? '🥈' : '📚';
    $('result').textContent = `You scored ${s} out of ${round.length}`;
    $('verdict').textContent = pct === 1 ? 'Perfect! Nothing gets past you.' : pct >= 0.75 ? 'Great job!'
      : pct >= 0.5 ? 'Not bad — one more round?' : 'Keep going, you will get there.';
    $('review').replaceChildren(...round.map((q, k) => {
      const li = document.createElement('li');
      li.className = picks[k] === q.answer ? 'right' : 'missed';
      li.textContent = q.q;
      const answer = document.createElement('span');
      answer.className = 'answer';
      answer.textContent = picks[k] === q.answer ? `✓ ${q.choices[q.answer]}`
        : `You said ${q.choices[picks[k]]}; the answer is ${q.choices[q.answer]}`;
      li.append(answer);
      return li;
    }));
    show('done');
  }

  $('count').textContent = String(QUESTIONS.length);
  $('best').textContent = best() ? `Your best: ${best()} / ${QUESTIONS.length}` : '';
  $('go').addEventListener('click', start);
  $('again').addEventListener('click', start);
  $('next').addEventListener('click', () => {
    at += 1;
    if (at < round.length) ask();
    else finish();
  });
  document.addEventListener('keydown', (e) => {
    if ($('play').hidden || e.ctrlKey || e.metaKey || e.altKey) return;
    const n = Number.parseInt(e.key, 10);
    if (n >= 1 && n <= round[at].choices.length) pick(n - 1);
  });
})();
