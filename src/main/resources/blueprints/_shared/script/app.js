'use strict';
// Copy button and a local time for "ran at"; the output itself is rendered by the server.
(() => {
  const started = document.getElementById('started');
  const when = new Date(started.dateTime);
  if (!Number.isNaN(when.getTime())) started.textContent = when.toLocaleString();
  let timer;
  document.getElementById('copy').addEventListener('click', async () => {
    const toast = document.getElementById('toast');
    try {
      await navigator.clipboard.writeText(document.getElementById('output').textContent);
      toast.textContent = 'Output copied';
    } catch {
      toast.textContent = 'Select the output and copy it with Ctrl+C';
    }
    toast.classList.add('show');
    clearTimeout(timer);
    timer = setTimeout(() => toast.classList.remove('show'), 2200);
  });
})();
