// Added to every document of a first-load context before the page's own scripts run. Records when the first
// gallery example enters the DOM and the animation frame after it (the frame that paints it); window.__firstLoad()
// then sums the transfer of the document and of every resource (Resource Timing) and reads the paint timings.
// All times are milliseconds from navigation start.
(() => {
  addEventListener('DOMContentLoaded', () => {
    const gallery = document.getElementById('gallery');
    if (!gallery) return;
    const mark = () => {
      if (window.__gallery != null || !gallery.querySelector('.example')) return;
      window.__gallery = performance.now();
      requestAnimationFrame(() => { window.__galleryFrame = performance.now(); });
    };
    new MutationObserver(mark).observe(gallery, { childList: true, subtree: true });
    mark();
  });
  window.__firstLoad = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const entries = [nav, ...performance.getEntriesByType('resource')];
    const sum = (key) => entries.reduce((total, e) => total + (e[key] || 0), 0);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      requests: entries.length,
      transferSize: sum('transferSize'),
      encodedBodySize: sum('encodedBodySize'),
      decodedBodySize: sum('decodedBodySize'),
      fcp: fcp ? fcp.startTime : null,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      gallery: window.__gallery ?? null,
      galleryFrame: window.__galleryFrame ?? null,
    };
  };
})();
