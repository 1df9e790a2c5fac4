"""The production layout on one machine: PostgreSQL (tracker store) and Redis (lock store),
several `rasa run` instances that share them, and nginx in front, serving the site and passing
the chat path on. Every server listens on 127.0.0.1, on a free port. Used by `make prod`, the
tests (tests/test_prod_*.py) and `make bench-load`. The configuration comes from the compiler
(preventiewijzer.deploy, templates in deploy/templates/); this file adds only the machine's part:
ports, passwords and directories."""
from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import Iterable

from preventiewijzer import deploy
from preventiewijzer.urls import site_url
from preventiewijzer.validate import load_valid_tree

from .postgres import Postgres
from .process import Service, StackError, free_port, http_ok, wait_ready
from .rasa import BOT, REPO, model_path, rasa_executable, rasa_run
from .redis import Redis

CONTENT = REPO / "content"
DEPLOY_TEMPLATES = REPO / "deploy" / "templates"
CHAT_PATH = "/webhooks/rest/webhook"
RASA_START_TIMEOUT = 300  # loading the model takes 30-60 s per instance; two share the CPU
LOCK_LIFETIME = int(deploy.RASA_ENVIRONMENT["TICKET_LOCK_LIFETIME"])  # s; then a dead instance's conversation is free


class Stack:
    def __init__(self, root: Path, site: Path, *, instances: int = 2, port: int = 0,
                 model: Path | None = None, rasa: Path | None = None, code: Path = REPO,
                 chat_rate: str = "10r/s", chat_burst: int = 20, max_body: str = "16k"):
        self.root, self.site = root.resolve(), site.resolve()
        self.model = Path(model or model_path())
        self.rasa = Path(rasa or rasa_executable())
        self.tree = load_valid_tree(CONTENT)
        # `code`: the checkout whose bot code and deploy templates run (another one: bench/load.py's
        # baseline); the content, the site and the model are given apart.
        self.bot = code / "bot"
        self.templates = deploy.Templates(code / DEPLOY_TEMPLATES.relative_to(REPO))
        # nginx's part is always this checkout's: it is the same front for both (and its templates
        # were split for the deployment targets after the benchmark's baseline).
        self.nginx_templates = deploy.Templates(DEPLOY_TEMPLATES)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Behind a real name, PW_SITE_URL says where readers find the site (CORS, security.txt).
        published = site_url() if os.environ.get("PW_SITE_URL") else self.url + "/"
        self.origin = published.rstrip("/")
        self.limits = {"chat_rate": chat_rate, "chat_burst": chat_burst, "max_body": max_body}
        self.secrets = load_secrets(self.root / "secrets.json")
        self.logs = self.root / "logs"

        self.postgres = Postgres(self.root, free_port(), self.secrets["postgres_admin"], self.secrets["postgres_app"])
        self.redis = Redis(self.root, free_port(), self.secrets["redis"], self.root / "redis.conf")
        self.instance_ports = [free_port() for _ in range(instances)]
        self.instances = [self._rasa_instance(number, port) for number, port in enumerate(self.instance_ports, 1)]
        self.nginx = self._nginx()
        self.routed = list(range(instances))

    # --- the servers ---------------------------------------------------------------------------
    def _rasa_instance(self, number: int, port: int) -> Service:
        command = rasa_run(
            port, endpoints=self.root / "endpoints.yml", credentials=self.root / "credentials.yml",
            model=self.model, rasa=self.rasa, cors=self.origin, bot=self.bot,
            env=deploy.RASA_ENVIRONMENT)  # the same environment as every deployment target
        return Service(f"rasa-{number}", command.args, self.logs / f"rasa-{number}.log",
                       lambda: http_ok(f"http://127.0.0.1:{port}/"), cwd=command.cwd, env=command.env)

    def _nginx(self) -> Service:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise StackError("nginx is not installed (Debian: apt-get install nginx-light)")
        run = self.root / "nginx"
        # In the foreground, so the stack supervises it (the template is the production file).
        return Service("nginx", [nginx, "-p", str(run), "-c", str(self.root / "nginx.conf"),
                                 "-e", str(self.logs / "nginx-error.log"), "-g", "daemon off;"],
                       self.logs / "nginx-error.log", lambda: http_ok(self.url + "/.well-known/security.txt"))

    @property
    def instance_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.instance_ports]

    def services(self) -> list[Service]:
        return [self.postgres.service, self.redis.service, *self.instances, self.nginx]

    # --- configuration -------------------------------------------------------------------------
    def write_config(self) -> None:
        root = self.root
        replies = deploy.write_error_replies(self.tree, root / "errors" / "_errors")
        self.templates.render("redis.conf.j2", root / "redis.conf", private=True, bind="127.0.0.1", port=self.redis.port,
                      password=self.secrets["redis"], data_dir=root / "redis")
        (root / "redis").mkdir(exist_ok=True)
        self.templates.render("endpoints.yml.j2", root / "endpoints.yml", private=True, postgres_host="127.0.0.1",
                      postgres_port=self.postgres.port, postgres_db=self.postgres.database,
                      postgres_user=self.postgres.user, postgres_password=self.secrets["postgres_app"],
                      redis_host="127.0.0.1", redis_port=self.redis.port, redis_password=self.secrets["redis"])
        self.templates.render("credentials.yml.j2", root / "credentials.yml", unavailable_replies=json.dumps(str(replies)),
                              default_language=self.tree.settings.default_language)
        self.templates.render("security.txt.j2", root / "security.txt", **deploy.security_txt_values(self.origin + "/"))
        self.write_nginx_config()

    def write_nginx_config(self) -> None:
        """nginx's main file (ours: nginx runs as our process) around the site every target shares."""
        run = self.root / "nginx"
        run.mkdir(parents=True, exist_ok=True)
        site_conf = self.nginx_templates.render(
            "nginx-site.conf.j2", self.root / "nginx-site.conf",
            listen=[f"127.0.0.1:{self.port}"], server_name="_", site_dir=self.site,
            rasa_servers=[f"127.0.0.1:{self.instance_ports[i]}" for i in self.routed],
            errors_root=self.root / "errors", security_txt=self.root / "security.txt",
            access_log=self.logs / "nginx-access.log", **deploy.nginx_site_values(self.tree, **self.limits))
        self.nginx_templates.render(
            "nginx.conf.j2", self.root / "nginx.conf",
            worker_processes=1,  # the CPU is for Rasa; one worker handles thousands of connections
            user=self._nginx_user(), run_dir=run, error_log=self.logs / "nginx-error.log",
            mime_types=self._mime_types(), site_conf=site_conf)

    def _nginx_user(self) -> str | None:
        """As root, nginx's workers run as whoever owns the built site (only needs to read it)."""
        if os.geteuid() != 0:
            return None  # the directive only applies to root
        return pwd.getpwuid(self.site.stat().st_uid).pw_name

    @staticmethod
    def _mime_types() -> Path:
        path = Path("/etc/nginx/mime.types")
        if not path.exists():
            raise StackError(f"{path} is missing (Debian: apt-get install nginx-light)")
        return path

    # --- start and stop ------------------------------------------------------------------------
    def start(self) -> None:
        if not self.model.exists():
            raise StackError(f"No trained model at {self.model}: run `make train`.")
        if not (self.site / "nl" / "index.html").exists():
            raise StackError(f"No built site in {self.site}: run `make site`.")
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)  # the postgres user must reach its directory inside
        self.write_config()
        self.postgres.start()
        self.redis.start()
        wait_ready([self.postgres.service, self.redis.service], timeout=60)
        self.postgres.create_database()
        self.start_instances()
        self.nginx.start()
        wait_ready([self.nginx], timeout=30)
        (self.root / "stack.json").write_text(json.dumps(self.describe(), indent=2))

    def stop(self) -> None:
        """Everything, the front first; safe to call twice and after a failed start."""
        for service in reversed(self.services()):
            try:
                service.stop()
            except Exception as error:  # keep stopping the others
                print(f"Could not stop {service.name}: {error}")

    def __enter__(self) -> "Stack":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_) -> None:
        self.stop()

    def describe(self) -> dict:
        return {"site": self.url + "/", "chat": self.url + CHAT_PATH, "instances": self.instance_urls,
                "postgres": f"127.0.0.1:{self.postgres.port}", "redis": f"127.0.0.1:{self.redis.port}",
                "logs": str(self.logs)}

    # --- operations ---------------------------------------------------------------------------
    def start_instances(self, numbers: Iterable[int] | None = None) -> None:
        """Start the given instances (0-based; default all that are down), in parallel."""
        chosen = [self.instances[i] for i in numbers] if numbers is not None else self.instances
        for instance in chosen:
            instance.start()
        wait_ready(chosen, timeout=RASA_START_TIMEOUT)

    def restart_instances(self) -> None:
        for instance in self.instances:
            instance.stop()
        self.start_instances()

    def revive(self) -> list[str]:
        """Start whatever is not running (in dependency order); returns what was started."""
        down = [service.name for service in self.services() if not service.running]
        for store in (self.postgres, self.redis):
            if not store.service.running:
                store.start()
        wait_ready([self.postgres.service, self.redis.service], timeout=60)
        if any(not instance.running for instance in self.instances):
            self.start_instances([i for i, instance in enumerate(self.instances) if not instance.running])
        if not self.nginx.running:
            self.nginx.start()
            wait_ready([self.nginx], timeout=30)
        return down

    def log_tails(self, lines: int = 15) -> str:
        """The end of every server's log, for a failure message."""
        return "\n".join(f"--- {service.name} ({service.log}):\n{service.tail(lines)}" for service in self.services())

    def retention(self, days: float, dry_run: bool = False) -> str:
        """Run the operator's retention command (bot/serving/retention.py) against this stack."""
        python = self.rasa.parent / "python"
        result = subprocess.run(
            [str(python), "-m", "serving.retention", "--endpoints", str(self.root / "endpoints.yml"),
             "--days", str(days), *(["--dry-run"] if dry_run else [])],
            cwd=BOT, env=dict(os.environ, PYTHONPATH=str(BOT), SQLALCHEMY_SILENCE_UBER_WARNING="1"),
            capture_output=True, text=True, timeout=120,
        )
        if result.returncode != 0:
            raise StackError(f"retention failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout.strip()



def load_secrets(path: Path) -> dict[str, str]:
    """The passwords of PostgreSQL and Redis: made on the first start, then kept (mode 0600)."""
    if path.exists():
        return json.loads(path.read_text())
    values = {name: secrets.token_hex(24) for name in ("postgres_admin", "postgres_app", "redis")}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(json.dumps(values))
    return values
