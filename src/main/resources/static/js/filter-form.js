// The filter form of a paged list tab (History, Audit): Apply and Reset go back to the first page and load it again;
// the tab's `page` and `load()` are its own. `detach()` removes the listeners and clears the form when the tab goes.

export function filterForm(form, tab) {
  const submit = (event) => { event.preventDefault(); tab.page = 0; tab.load(); };
  // A reset event fires before the fields are cleared: load once they are.
  const reset = () => setTimeout(() => { tab.page = 0; tab.load(); });
  form.addEventListener('submit', submit);
  form.addEventListener('reset', reset);
  return {
    detach() {
      form.removeEventListener('submit', submit);
      form.removeEventListener('reset', reset);
      form.reset();
    },
  };
}

/** The form's trimmed field values by name: `{ from: valueOf('<prefix>-from'), … }`. */
export function filterValues(prefix, names) {
  return Object.fromEntries(names.map((name) => [name, document.getElementById(`${prefix}-${name}`).value.trim()]));
}
