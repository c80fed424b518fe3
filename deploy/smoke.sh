#!/usr/bin/env bash
# The deploy recipe, brought up on loopback and checked: nginx (deploy/nginx/locations.conf, with
# this checkout's paths) in front of gunicorn with the production settings. It must answer pages,
# serve static files and public images itself, refuse the media folder of documents, and hand
# out a private document only after Wagtail's check. Run by .ci/run; needs nginx and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${SMOKE_PORT:-8088}
work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers (not root) read the static files and reach the socket
cleanup() {
    [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    [[ -n ${gunicorn_pid:-} ]] && kill "$gunicorn_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=smoke-test-only-secret-key-0123456789abcdefghijklmnop
export DATABASE_URL="sqlite:///$work/db.sqlite3" MEDIA_ROOT="$work/media" STATIC_ROOT="$work/static"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=False SECURE_HSTS_SECONDS=0 NGINX_SENDFILE=1
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"

echo "--- database, static files and test uploads"
$PY manage.py migrate --no-input -v0
$PY manage.py collectstatic --no-input -v0
$PY manage.py shell -c "
import io
from PIL import Image as Picture
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
root = Collection.get_first_root_node()
private = root.add_child(name='内部资料')
CollectionViewRestriction.objects.create(collection=private, restriction_type='login')
Document = get_document_model()
public = Document.objects.create(title='公开文件', file=ContentFile(b'public document', name='public.txt'), collection=root)
secret = Document.objects.create(title='内部文件', file=ContentFile(b'private document', name='secret.txt'), collection=private)
buffer = io.BytesIO(); Picture.new('RGB', (40, 30), 'teal').save(buffer, 'PNG')
image = get_image_model().objects.create(title='图', file=ContentFile(buffer.getvalue(), name='picture.png'))
rendition = image.get_rendition('width-20')
open('$work/urls', 'w').write('\n'.join([public.url, secret.url, secret.file.name, rendition.url]))
" >/dev/null
mapfile -t urls < "$work/urls"
public_doc=${urls[0]} private_doc=${urls[1]} private_file=${urls[2]} rendition=${urls[3]}

echo "--- gunicorn and nginx on 127.0.0.1:$PORT"
.venv/bin/gunicorn cms.wsgi --workers 2 --bind "unix:$work/gunicorn.sock" --log-level warning &
gunicorn_pid=$!
sed -e "s#/srv/cms/static/#$STATIC_ROOT/#; s#/srv/cms/media/#$MEDIA_ROOT/#g" deploy/nginx/locations.conf > "$work/locations.conf"
cat > "$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
    upstream cms_app { server unix:$work/gunicorn.sock fail_timeout=0; }
    server {
        listen 127.0.0.1:$PORT;
        include $work/locations.conf;
    }
}
CONF
nginx -t -q -c "$work/nginx.conf"
nginx -c "$work/nginx.conf"
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz/" && break; sleep 1; done

failures=0
expect() {  # expect STATUS URL [TEXT]: the status, and TEXT in the body when given
    local body status
    body=$(mktemp -p "$work")
    status=$(curl -s -o "$body" -w '%{http_code}' "http://127.0.0.1:$PORT$2")
    if [[ $status != "$1" ]] || { [[ -n ${3:-} ]] && ! grep -q -- "$3" "$body"; }; then
        echo "FAIL $2: $status (expected $1${3:+ with “$3”})"; failures=$((failures + 1))
    else
        echo "ok   $2: $status"
    fi
}
expect 200 /healthz/ '"status": "ok"'
expect 200 /robots.txt
expect 200 "/static/$(cd "$STATIC_ROOT" && ls css/site.*.css | grep -v '\.gz$' | head -1)"
expect 200 "$rendition"
expect 200 "$public_doc" "public document"
expect 302 "$private_doc"
expect 404 "/media/$private_file"
expect 404 "/protected-media/$private_file"
if curl -s "http://127.0.0.1:$PORT$private_doc" | grep -q "private document"; then
    echo "FAIL the private document reached an anonymous visitor"; failures=$((failures + 1))
fi
served_by=$(curl -sI "http://127.0.0.1:$PORT$rendition" | tr -d '\r' | awk -F': ' 'tolower($1)=="server"{print $2}')
[[ $served_by == nginx* ]] && echo "ok   images served by nginx" || { echo "FAIL images served by $served_by"; failures=$((failures + 1)); }

# The page cache with the default local-memory cache: each worker keeps its own pages, and a
# publish made by another process (here a shell; in production the admin in either worker) must
# reach both, through the generation stamp (cms/core/page_cache.py).
for _ in $(seq 1 8); do curl -s -o /dev/null "http://127.0.0.1:$PORT/"; done
if curl -sI "http://127.0.0.1:$PORT/" | tr -d '\r' | grep -qi '^x-page-cache: hit'; then
    echo "ok   / answered from the page cache"
else
    echo "FAIL / not answered from the page cache"; failures=$((failures + 1))
fi
$PY manage.py shell -c "
from wagtail.models import Page
page = Page.objects.get(depth=2).specific
page.title = 'Published after caching'
page.save_revision().publish()
" >/dev/null
stale=0
for _ in $(seq 1 8); do
    curl -s "http://127.0.0.1:$PORT/" | grep -q "Published after caching" || stale=$((stale + 1))
done
((stale == 0)) && echo "ok   a publish from another process reached every worker's page cache" ||
    { echo "FAIL $stale of 8 answers were stale after a publish"; failures=$((failures + 1)); }

((failures == 0)) && echo "deploy smoke test: all checks passed" || { echo "deploy smoke test: $failures failed"; exit 1; }
