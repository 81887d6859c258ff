'use strict';
// Small touches: the year in the footer and the section in view highlighted in the navigation.
(() => {
  document.getElementById('year').textContent = String(new Date().getFullYear());
  const links = [...document.querySelectorAll('.nav nav a')];
  const sections = links.map((a) => document.querySelector(a.getAttribute('href')));
  if (!('IntersectionObserver' in window)) return;
  const observer = new IntersectionObserver((entries) => {
    entries.forEach((entry) => {
      if (!entry.isIntersecting) return;
      links.forEach((a) => a.classList.toggle('active', a.getAttribute('href') === `#${entry.target.id}`));
    });
  }, { rootMargin: '-40% 0px -55% 0px' });
  sections.forEach((s) => s && observer.observe(s));
})();
