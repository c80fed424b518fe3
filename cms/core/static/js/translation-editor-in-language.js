// wagtail-localize's translation editor in the admin's language
// (templates/wagtail_localize/admin/edit_translation.html). wagtail-localize.js writes its heading
// as the English `${source} to ${target} translation`, and the server dates each translation's
// note ("Translated manually on 4 December 2026") with English month names. Both are put in the
// page's language here, as the editor draws them and after every save. The admin loads scripts
// before its content: this starts, as wagtail-localize's editor does, once the page is read.
document.addEventListener("DOMContentLoaded", () => {
  const editor = document.querySelector(".js-translation-editor");
  const heading = document.getElementById("translation-editor-heading");
  if (!editor || !heading) return;
  const props = JSON.parse(editor.dataset.props);
  const englishHeading = `${props.sourceLocale.displayName} to ${props.locale.displayName} translation`;
  const translatedHeading = JSON.parse(heading.textContent);
  const months = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ];
  // The date strftime("%-d %B %Y") ends a note with.
  const englishDate = new RegExp(`(\\d{1,2}) (${months.join("|")}) (\\d{4})$`);
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    year: "numeric",
    month: "long",
    day: "numeric",
  });

  // A note is the text just before its check or warning icon; segment text never is.
  const isNote = (node) => node.nextSibling instanceof SVGElement && node.nextSibling.classList.contains("icon");

  const translate = () => {
    for (const title of editor.querySelectorAll("section h3")) {
      // The text node itself, which React keeps, rather than a new one.
      if (title.textContent === englishHeading) title.firstChild.nodeValue = translatedHeading;
    }
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = node.textContent.match(englishDate);
      if (!match || !isNote(node)) continue;
      const date = new Date(Number(match[3]), months.indexOf(match[2]), Number(match[1]));
      node.nodeValue = node.nodeValue.replace(englishDate, dateFormat.format(date));
    }
  };

  new MutationObserver(translate).observe(editor, { childList: true, subtree: true, characterData: true });
  translate();
});
