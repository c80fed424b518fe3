// Progressive enhancement: the § link copies the clause's stable link; without JavaScript it is a plain link.
document.addEventListener("click", function (event) {
    var link = event.target.closest("a.clause__permalink[data-copy]");
    if (!link || !navigator.clipboard || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    navigator.clipboard.writeText(link.dataset.copy).then(function () {
        link.classList.add("is-copied");
        link.setAttribute("aria-label", link.title + " ✓");
        history.replaceState(null, "", "#" + link.closest("section, .term-entry").id);
    }, function () { window.location = link.href; });
});
