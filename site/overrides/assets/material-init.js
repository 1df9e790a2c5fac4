/*
 * Material for MkDocs' start-up helpers (partials/javascripts/base.html of mkdocs-material 9.8),
 * loaded from a file instead of inline so the Content-Security-Policy needs no 'unsafe-inline'.
 * Same behaviour; the scope is read from the script tag's data-scope attribute.
 */
var __md_scope = new URL(document.currentScript.getAttribute("data-scope"), location);
var __md_hash = function (value) {
  return [].slice.call(value).reduce(function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
};
var __md_get = function (key, storage, scope) {
  storage = storage || localStorage; scope = scope || __md_scope;
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
};
var __md_set = function (key, value, storage, scope) {
  storage = storage || localStorage; scope = scope || __md_scope;
  try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (error) { /* storage full or off */ }
};
