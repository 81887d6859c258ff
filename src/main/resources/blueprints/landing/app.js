'use strict';
// Mobile menu and a friendly contact form. Nothing leaves the page: this site has no backend.
(() => {
  const toggle = document.querySelector('.menu-toggle');
  const links = document.getElementById('nav-links');
  toggle.addEventListener('click', () => {
    const open = links.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  links.addEventListener('click', (e) => {
    if (e.target.closest('a')) {
      links.classList.remove('open');
      toggle.setAttribute('aria-expanded', 'false');
    }
  });

  const form = document.getElementById('contact-form');
  const status = document.getElementById('contact-status');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const name = form.elements.name.value.trim().split(/\s+/)[0];
    status.textContent = `Thanks, ${name}! We'll be in touch soon.`;
    form.reset();
  });
})();
