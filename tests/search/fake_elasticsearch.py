"""A small in-memory stand-in for an Elasticsearch 8 server over real HTTP, for the index and
alias calls a rebuild makes (no cluster can be installed where the tests run). The real client
talks to it, so request shapes and the order of calls are what a cluster would see.

It records every call, and after each one checks that the alias still leads to an index with
documents: `alias_went_empty` says whether a search could have found nothing once it had found
something."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class FakeCluster:
    def __init__(self, alias):
        self.alias = alias
        self.indexes = {}  # name: {id: source}
        self.aliases = {}  # alias: set of index names
        self.calls = []
        self.fail_bulk = False
        self.alias_served = False  # once the alias found documents, it must keep finding them
        self.alias_went_empty = False
        self.lock = threading.Lock()

    def documents_behind(self, name):
        return len(self.resolve(name) or {})

    def check_alias(self):
        if self.documents_behind(self.alias):
            self.alias_served = True
        elif self.alias_served:
            self.alias_went_empty = True

    def handle(self, method, path, body):
        parts = [part for part in urlsplit(path).path.split("/") if part]
        self.calls.append((method, "/".join(parts)))
        if parts[:1] == ["_alias"]:
            found = self.aliases.get(parts[1])
            if not found:
                return 404, {"error": "alias missing", "status": 404}
            return 200, {index: {"aliases": {parts[1]: {}}} for index in found}
        if parts == ["_aliases"]:
            return self.update_aliases(json.loads(body)["actions"])
        if parts[-1:] == ["_bulk"]:
            return self.bulk(body)
        if parts[-1:] == ["_refresh"]:
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        index = parts[0]
        if method == "HEAD":
            return (200 if index in self.indexes else 404), {}
        if method == "PUT":
            self.indexes[index] = {}
            return 200, {"acknowledged": True, "shards_acknowledged": True, "index": index}
        if method == "DELETE":
            if index not in self.indexes:
                return 404, {"error": "index missing", "status": 404}
            del self.indexes[index]
            for names in self.aliases.values():
                names.discard(index)
            return 200, {"acknowledged": True}
        return 400, {"error": f"not emulated: {method} {path}", "status": 400}

    def update_aliases(self, actions):
        aliases = {name: set(indexes) for name, indexes in self.aliases.items()}
        indexes = dict(self.indexes)
        for action in actions:
            ((kind, target),) = action.items()
            if kind == "remove_index":
                del indexes[target["index"]]
            elif kind == "remove":
                aliases[target["alias"]].discard(target["index"])
            elif kind == "add":
                aliases.setdefault(target["alias"], set()).add(target["index"])
        self.aliases, self.indexes = aliases, indexes  # all at once, as the cluster does
        return 200, {"acknowledged": True}

    def resolve(self, name):
        """The documents of an index, or of the one index an alias points at."""
        if name in self.indexes:
            return self.indexes[name]
        return next((self.indexes[index] for index in self.aliases.get(name, ()) if index in self.indexes), None)

    def bulk(self, body):
        if self.fail_bulk:
            return 500, {"error": "disk full", "status": 500}
        lines = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
        items, position = [], 0
        while position < len(lines):
            ((operation, meta),) = lines[position].items()
            name = meta["_index"]
            index = self.resolve(name)
            if operation == "delete":
                if index is not None:
                    index.pop(str(meta["_id"]), None)
                position += 1
            else:
                index[str(meta["_id"])] = lines[position + 1]
                position += 2
            items.append({operation: {"_index": name, "_id": str(meta["_id"]), "status": 200}})
        return 200, {"took": 1, "errors": False, "items": items}


def serve(cluster):
    """Start an HTTP server for `cluster` on a free loopback port; returns (server, url)."""

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            with cluster.lock:
                status, payload = cluster.handle(self.command, self.path, body)
                cluster.check_alias()
            data = b"" if self.command == "HEAD" else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
