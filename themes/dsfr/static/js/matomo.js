// The optional Matomo tag (METIERS_MATOMO_URL and METIERS_MATOMO_SITE_ID), loaded from a file
// because the CSP allows no inline script. Without cookies, and nothing at all when the browser
// asks not to be tracked: the same rules as the server's own counting.
(function () {
  var tag = document.currentScript;
  var url = tag && tag.dataset.matomoUrl;
  var site = tag && tag.dataset.matomoSite;
  var refused = navigator.doNotTrack === "1" || navigator.globalPrivacyControl === true;
  if (!url || !site || refused) {
    return;
  }
  var queue = (window._paq = window._paq || []);
  queue.push(["disableCookies"]);
  queue.push(["setDoNotTrack", true]);
  queue.push(["setTrackerUrl", url + "/matomo.php"]);
  queue.push(["setSiteId", site]);
  queue.push(["trackPageView"]);
  queue.push(["enableLinkTracking"]);
  var script = document.createElement("script");
  script.async = true;
  script.src = url + "/matomo.js";
  document.head.appendChild(script);
})();
