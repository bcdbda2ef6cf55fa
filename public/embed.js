/*! Journey Lens responsive embed: sizes every iframe marked data-journey-lens to the height
 * the embedded app reports, so it never shows an inner scrollbar. Include it once on the
 * host page, after the iframes (or with defer):
 *   <iframe src="https://lens.example/?embed=1&view=nps" data-journey-lens
 *           style="width:100%;border:0" title="Customer journey NPS"></iframe>
 *   <script src="https://lens.example/embed.js" defer></script>
 * Only height messages from the iframe's own window are used; nothing else is read. */
(function () {
  'use strict';
  if (window.__journeyLensEmbed) return;
  window.__journeyLensEmbed = true;
  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || d.journeyLens !== 1 || d.type !== 'height') return;
    var h = Number(d.height);
    if (!isFinite(h) || h <= 0 || h > 100000) return;
    var frames = document.querySelectorAll('iframe[data-journey-lens]');
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(h) + 'px';
      }
    }
  });
})();
