"""Make sure an administrator exists: `python manage.py ensure_admin` (idempotent).

The user name comes from ADMIN_USERNAME (default "admin"). The password comes from
ADMIN_PASSWORD when set; otherwise a random one is generated once and kept in the file
`.admin-password` in the project folder (readable only by you), so it is never printed
into logs nor committed.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = "Create the administrator account if it does not exist, and say where its password is."

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD")
        user = User.objects.filter(username=username).first()
        if password:
            source = "the ADMIN_PASSWORD environment variable"
        else:
            source = f"the file {PASSWORD_FILE}"
            if PASSWORD_FILE.exists():
                password = PASSWORD_FILE.read_text().strip()
            elif user is None:
                password = secrets.token_urlsafe(12)
                PASSWORD_FILE.write_text(password + "\n")
                PASSWORD_FILE.chmod(0o600)
            else:
                source = "the password already set (this command does not change it)"
        if user is None:
            User.objects.create_superuser(username=username, email="", password=password)
            action = "Created"
        else:
            if password and os.environ.get("ADMIN_PASSWORD"):
                user.set_password(password)
                user.save(update_fields=["password"])
            action = "Found"
        self.stdout.write(self.style.SUCCESS(f"{action} administrator '{username}'; password: {source}."))
