"""PostgreSQL for Rasa's tracker store: a cluster of our own in <root>/postgres, listening on
127.0.0.1 only, with password authentication. PostgreSQL refuses to run as root, so when we are
root it runs as the Debian `postgres` user, which owns its data directory."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
from pathlib import Path

from .process import Service, StackError, run_as

ADMIN = "postgres"


def postgres_bin() -> Path:
    """Debian installs the server programs outside PATH, one directory per major version."""
    if os.environ.get("PW_PG_BIN"):
        return Path(os.environ["PW_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    if shutil.which("postgres"):
        return Path(shutil.which("postgres")).parent
    raise StackError("PostgreSQL is not installed (Debian: apt-get install postgresql)")


def literal(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


class Postgres:
    def __init__(self, root: Path, port: int, admin_password: str, app_password: str,
                 database: str = "preventiewijzer", user: str = "preventiewijzer"):
        self.bin = postgres_bin()
        self.home = root / "postgres"
        self.data = self.home / "data"
        self.port, self.database, self.user = port, database, user
        self.admin_password, self.app_password = admin_password, app_password
        self.os_user = "postgres" if os.geteuid() == 0 else None
        self.service = Service(
            "postgres",
            [str(self.bin / "postgres"), "-D", str(self.data), "-c", "listen_addresses=127.0.0.1",
             "-c", f"port={port}", "-c", "unix_socket_directories=", "-c", "max_connections=50"],
            root / "logs" / "postgres.log", self.ready, user=self.os_user,
            # SIGINT is the "fast" shutdown; SIGTERM would wait for Rasa's pooled connections.
            stop_signal=signal.SIGINT,
        )

    def init(self) -> None:
        """Create the cluster once; later starts (make prod again) keep the conversations."""
        if (self.data / "PG_VERSION").exists():
            return
        self.home.mkdir(parents=True, exist_ok=True)
        password_file = self.home / "initdb-password"
        password_file.write_text(self.admin_password)
        if self.os_user:
            account = pwd.getpwnam(self.os_user)
            for path in (self.home, password_file):
                os.chown(path, account.pw_uid, account.pw_gid)
        self.home.chmod(0o700)
        try:
            subprocess.run(
                [str(self.bin / "initdb"), "-D", str(self.data), "-U", ADMIN, f"--pwfile={password_file}",
                 "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8", "--locale=C.UTF-8",
                 "--no-instructions"],
                check=True, capture_output=True, text=True, **(run_as(self.os_user) if self.os_user else {}),
            )
        except subprocess.CalledProcessError as failed:
            raise StackError(f"initdb failed:\n{failed.stdout}\n{failed.stderr}") from None
        finally:
            password_file.unlink(missing_ok=True)

    def start(self) -> None:
        self.init()
        self.service.start()

    def stop(self) -> None:
        self.service.stop()

    def ready(self) -> bool:
        try:
            self.psql("select 1", admin=True, timeout=5)
            return True
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            return False

    def create_database(self) -> None:
        """The application's own role and database (not the superuser), once."""
        if not self.psql(f"select 1 from pg_roles where rolname = {literal(self.user)}", admin=True):
            self.psql(f"create role {self.user} login password {literal(self.app_password)}", admin=True)
        if not self.psql(f"select 1 from pg_database where datname = {literal(self.database)}", admin=True):
            self.psql(f"create database {self.database} owner {self.user}", admin=True)

    def psql(self, sql: str, *, admin: bool = False, timeout: float = 30) -> str:
        """Run SQL; rows come back one per line, columns separated by |."""
        user, database, password = ((ADMIN, "postgres", self.admin_password) if admin
                                    else (self.user, self.database, self.app_password))
        result = subprocess.run(
            [str(self.bin / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
             "-p", str(self.port), "-U", user, "-d", database, "-c", sql],
            env=dict(os.environ, PGPASSWORD=password, PGCONNECT_TIMEOUT="3"),
            check=True, capture_output=True, text=True, timeout=timeout,
        )
        return result.stdout.strip()
