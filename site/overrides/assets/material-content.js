/*
 * Material for MkDocs' content script (partials/javascripts/content.html of mkdocs-material 9.8),
 * from a file instead of inline for the Content-Security-Policy: a link to a content tab opens it.
 */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
