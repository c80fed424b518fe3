"""The directory: 40 organisations, 30 experts and volunteers with the 百佳 roll, from
demo/data/network-*.csv through ``network.importer`` (as `import_network <kind> <file> --publish`)."""

from django.core.management.base import CommandError

from network import importer
from network.models import DirectoryIndexPage

from .pages import data_file, read_json, spec_page


def load(home, stdout):
    index, _created = spec_page(home, DirectoryIndexPage, read_json("network.json")["index"])
    for kind in ("organisations", "experts", "volunteers"):
        name = f"network-{kind}.csv"
        report = importer.run_import(kind, data_file(name).read_bytes(), name, index=index, publish=True)
        if not report.ok:
            raise CommandError("\n".join(f"{name}: {problem}" for problem in report.problems))
        stdout.write(f"  {kind}: {report.created} created, {report.updated} updated")
    return {"index": index}
