'use strict';
// Generates on every change; settings are kept in this browser, secrets never are.
(() => {
  const $ = (id) => document.getElementById(id);
  const G = window.Generator;
  const STORE = 'password-generator-v1';
  const CHAR_KEYS = ['lower', 'upper', 'digits', 'symbols', 'avoidAmbiguous'];
  let mode = {{mode}};
  let toastTimer;

  $('length').value = {{length}};
  try {
    const saved = JSON.parse(localStorage.getItem(STORE)) || {};
    if (saved.mode === 'chars' || saved.mode === 'words') mode = saved.mode;
    if (saved.length) $('length').value = saved.length;
    if (saved.words) $('words').value = saved.words;
    CHAR_KEYS.concat(['capitalize', 'number']).forEach((k) => {
      if (typeof saved[k] === 'boolean') $(k).checked = saved[k];
    });
    if (typeof saved.separator === 'string') $('separator').value = saved.separator;
  } catch {
    // defaults
  }

  function options() {
    const o = { length: Number($('length').value), words: Number($('words').value), separator: $('separator').value,
      capitalize: $('capitalize').checked, number: $('number').checked };
    CHAR_KEYS.forEach((k) => { o[k] = $(k).checked; });
    return o;
  }

  function save(o) {
    try {
      localStorage.setItem(STORE, JSON.stringify({ mode, ...o }));
    } catch {
      // settings last for this visit
    }
  }

  function generate() {
    const o = options();
    $('length-value').textContent = String(o.length);
    $('words-value').textContent = String(o.words);
    $('char-options').hidden = mode !== 'chars';
    $('word-options').hidden = mode !== 'words';
    document.querySelectorAll('[data-mode]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === mode)));
    try {
      $('secret').textContent = mode === 'words' ? G.passphrase(o) : G.password(o);
      const bits = G.entropy(mode, o);
      const s = G.strength(bits);
      document.querySelector('.meter').dataset.level = String(s.level);
      $('strength').textContent = `${s.label} · about ${Math.round(bits)} bits of entropy`;
    } catch (e) {
      $('secret').textContent = '';
      $('strength').textContent = e.message;
      document.querySelector('.meter').dataset.level = '0';
    }
    save(o);
  }

  $('options').addEventListener('input', generate);
  $('options').addEventListener('submit', (e) => e.preventDefault());
  $('again').addEventListener('click', generate);
  document.querySelectorAll('[data-mode]').forEach((b) => b.addEventListener('click', () => {
    mode = b.dataset.mode;
    generate();
  }));
  $('copy').addEventListener('click', async () => {
    const toast = $('toast');
    try {
      await navigator.clipboard.writeText($('secret').textContent);
      toast.textContent = 'Copied to the clipboard';
    } catch {
      toast.textContent = 'Select the text and copy it with Ctrl+C';
    }
    toast.classList.add('show');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toast.classList.remove('show'), 2000);
  });

  generate();
})();
