// Clause numbers in the standard editor's block headers (5, 5.1, 5.1.2, 3.4, A, A.1), so an
// editor can find clause 7.3 in a 60-clause document with every block collapsed.
// Numbers follow standards/structure.py: chapters, normative references and terms count as
// chapters; annexes are lettered; clauses and terms are numbered within their parent. They are
// recomputed whenever blocks are added, moved or deleted, from the blocks' form-field names
// (body-3-value-content-1-type…), which Wagtail keeps in document order.
(() => {
  const FIELD = "body";
  const CHAPTERS = ["chapter", "references", "terms"];
  const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  // The live children of the stream whose blocks are named `${prefix}-N-…`, in document order.
  const childrenOf = (form, prefix) => {
    const own = new RegExp(`^${escape(prefix)}-\\d+-type$`);
    return [...form.querySelectorAll(`input[name^="${prefix}-"][name$="-type"]`)]
      .filter((input) => own.test(input.name))
      .map((input) => ({
        type: input.value,
        prefix: input.name.slice(0, -"-type".length),
        element: input.closest("[data-streamfield-child]"),
      }))
      .filter((child) => child.element && form.querySelector(`input[name="${child.prefix}-deleted"]`).value !== "1");
  };

  const label = (child, number) => {
    const heading = child.element.querySelector("[data-panel-heading]");
    if (!heading) return;
    let span = heading.querySelector(":scope > .clause-number");
    if (!span) {
      span = document.createElement("span");
      span.className = "clause-number";
      span.style.marginInlineEnd = "0.5em";
      heading.prepend(span);
    }
    if (span.textContent !== number) span.textContent = number; // unchanged: no mutation, no loop
  };

  const numberClauses = (form, parent, number) => {
    let position = 0;
    for (const child of childrenOf(form, `${parent.prefix}-value-content`)) {
      if (child.type !== "clause") continue;
      position += 1;
      label(child, `${number}.${position}`);
      numberClauses(form, child, `${number}.${position}`);
    }
  };

  const renumber = (form) => {
    let chapter = 0;
    let annex = 0;
    for (const child of childrenOf(form, FIELD)) {
      let number = null;
      if (CHAPTERS.includes(child.type)) {
        chapter += 1;
        number = String(chapter);
      } else if (child.type === "annex") {
        number = LETTERS[annex] || "?";
        annex += 1;
      }
      if (number === null) continue;
      label(child, number);
      if (child.type === "terms") {
        childrenOf(form, `${child.prefix}-value-terms`).forEach((term, index) => label(term, `${number}.${index + 1}`));
      } else if (child.type !== "references") {
        numberClauses(form, child, number);
      }
    }
  };

  const start = () => {
    // The StreamField's blocks are drawn by Wagtail's scripts after this one runs: watch the form
    // and number them when they appear (pages without a standard's chapters are left alone).
    const form = document.querySelector("form[data-edit-form]");
    if (!form) return;
    let pending = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        renumber(form);
      });
    };
    // Moving a block rewrites only the -order inputs' values: watch attributes too.
    new MutationObserver(schedule).observe(form, { childList: true, subtree: true, attributes: true, attributeFilter: ["value"] });
    form.addEventListener("click", schedule);
    schedule();
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
