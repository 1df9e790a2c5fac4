"""The deployment targets (README, "Deploy"): a Debian-family host, containers with compose, and
Kubernetes, rendered from deploy/settings.yml and deploy/templates/ into build/deploy/.

Every target uses the templates the local stack uses (nginx's site, Rasa's endpoints and
credentials, Redis, security.txt, the replies nginx writes itself) and the same `rasa run`
command and environment (deploy.py); what differs is where things are. No target holds a
password: Rasa reads them from its environment (`${POSTGRES_PASSWORD}`), which each target fills
from its own secrets.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path, PurePosixPath

import yaml

from . import deploy
from .model import ContentTree

POSTGRES_PASSWORD = deploy.FromEnvironment("POSTGRES_PASSWORD")
REDIS_PASSWORD = deploy.FromEnvironment("REDIS_PASSWORD")
RASA_PORT = 5005  # inside a container
CONTAINER_CONFIG = PurePosixPath("/etc/preventiewijzer")  # where containers find their configuration
CONTAINER_SITE = PurePosixPath("/srv/preventiewijzer/site")  # where the web image has the site
MODEL = "models/preventiewijzer.tar.gz"  # relative to the bot directory, where Rasa starts


class SettingsInvalid(Exception):
    """deploy/settings.yml has a missing or wrong value; the message names file, field and reason."""


# The settings file's shape: field -> type (a dict: a section). A test renders the repository's own.
SCHEMA = {
    "server_name": str, "site_url": str, "security_contact": str, "retention_days": int,
    "chat": {"rate": str, "burst": int, "max_body": str},
    "debian": {"instances": int, "first_port": int, "rasa_interface": str, "other_instances": list, "install_dir": str, "config_dir": str, "site_dir": str,
               "user": str, "tls_certificate": str, "tls_certificate_key": str, "acme_root": str,
               "postgres": {"host": str, "port": int, "database": str, "user": str},
               "redis": {"host": str, "port": int}},
    "compose": {"instances": int, "bot_image": str, "web_image": str, "postgres_image": str,
                "redis_image": str, "http_port": int, "https_port": int},
    "kubernetes": {"min_replicas": int, "max_replicas": int, "cpu_target_percent": int,
                   "retention_schedule": str, "trusted_proxies": list, "ingress_class": str, "tls_secret": str},
}


def load_settings(path: Path) -> dict:
    try:
        settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SettingsInvalid(f"{path}: file: cannot be read ({error})") from error
    problems = list(_check(settings, SCHEMA, ""))
    if not problems and settings["kubernetes"]["min_replicas"] > settings["kubernetes"]["max_replicas"]:
        problems.append("kubernetes.min_replicas: is more than kubernetes.max_replicas")
    if not problems and not settings["site_url"].startswith("https://"):
        problems.append("site_url: must start with https:// (browsers honour HSTS only over HTTPS)")
    if problems:
        raise SettingsInvalid("\n".join(f"{path}: {problem}" for problem in problems))
    return settings


def _check(value, schema, where: str):
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            yield f"{where or 'file'}: must be a mapping of settings"
            return
        for field, kind in schema.items():
            name = f"{where}.{field}" if where else field
            if field not in value:
                yield f"{name}: is missing"
            else:
                yield from _check(value[field], kind, name)
        for field in value.keys() - schema.keys():
            yield f"{where + '.' if where else ''}{field}: is not a setting (a typo?)"
    elif not isinstance(value, schema) or isinstance(value, bool):
        yield f"{where}: must be {'a whole number' if schema is int else 'a ' + schema.__name__}, not {value!r}"
    elif schema is int and value < 1:
        yield f"{where}: must be at least 1, not {value}"


def site_origin(settings: dict) -> str:
    return settings["site_url"].rstrip("/")


def render_all(tree: ContentTree, templates_dir: Path, settings_path: Path, output: Path, project: Path) -> list[Path]:
    """Every target into output/<target>/ (replaced as a whole); returns the target directories."""
    settings = load_settings(settings_path)
    templates = deploy.Templates(templates_dir)
    targets = {"debian": render_debian, "compose": render_compose, "kubernetes": render_kubernetes}
    written = []
    for name, render in targets.items():
        target = output / name
        shutil.rmtree(target, ignore_errors=True)
        render(tree, templates, settings, target, project=project)
        written.append(target)
    return written


def _nginx_site(tree: ContentTree, settings: dict, **where) -> dict:
    chat = settings["chat"]
    values = deploy.nginx_site_values(tree, chat_rate=chat["rate"], chat_burst=chat["burst"], max_body=chat["max_body"])
    return {**values, "server_name": settings["server_name"], **where}


def _security_txt(settings: dict) -> dict:
    return deploy.security_txt_values(settings["site_url"], contact=settings["security_contact"])


# --- a Debian-family host ------------------------------------------------------------------------
def render_debian(tree: ContentTree, templates: deploy.Templates, settings: dict, target: Path, **_) -> None:
    """Files at their place on the host, under target/ (target/etc/... is /etc/...)."""
    host = settings["debian"]

    def on_host(path) -> Path:
        return target / PurePosixPath(path).relative_to("/")

    config = PurePosixPath(host["config_dir"])
    ports = list(range(host["first_port"], host["first_port"] + host["instances"]))

    errors = config / "errors"
    deploy.write_error_replies(tree, on_host(errors / "_errors"))
    templates.render("endpoints.yml.j2", on_host(config / "endpoints.yml"), **_endpoints(
        host["postgres"]["host"], host["postgres"]["port"], host["postgres"]["database"], host["postgres"]["user"],
        host["redis"]["host"], host["redis"]["port"]))
    templates.render("credentials.yml.j2", on_host(config / "credentials.yml"),
                     unavailable_replies=json.dumps(str(errors / "_errors" / "unavailable.json")),
                     default_language=tree.settings.default_language)
    templates.render("security.txt.j2", on_host(config / "security.txt"), **_security_txt(settings))
    templates.render("nginx-site.conf.j2", on_host("/etc/nginx/sites-available/preventiewijzer.conf"), **_nginx_site(
        tree, settings, listen=["443 ssl http2", "[::]:443 ssl http2"], redirect_listen=["80", "[::]:80"],
        acme_root=host["acme_root"],
        tls={"certificate": host["tls_certificate"], "certificate_key": host["tls_certificate_key"]},
        rasa_servers=[f"{host['rasa_interface']}:{port}" for port in ports] + host["other_instances"],
        site_dir=host["site_dir"],
        errors_root=errors, security_txt=config / "security.txt",
        access_log="/var/log/nginx/preventiewijzer-access.log"))

    units = PurePosixPath("/etc/systemd/system")
    common = {"install_dir": host["install_dir"], "config_dir": config, "user": host["user"]}
    templates.render("debian/rasa@.service.j2", on_host(units / "rasa@.service"), **common,
                     environment=deploy.RASA_ENVIRONMENT, arguments=deploy.rasa_arguments(
                         model=MODEL, port="%i", interface=host["rasa_interface"], endpoints=str(config / "endpoints.yml"),
                         credentials=str(config / "credentials.yml"), cors=site_origin(settings)))
    templates.render("debian/preventiewijzer.target.j2", on_host(units / "preventiewijzer.target"), **common, ports=ports)
    for unit in ("preventiewijzer-retention.service", "preventiewijzer-retention.timer"):
        templates.render(f"debian/{unit}.j2", on_host(units / unit), **common, retention_days=settings["retention_days"])
    templates.render("debian/preventiewijzer-site.service.j2", on_host(units / "preventiewijzer-site.service"), **common,
                     site_dir=host["site_dir"], site_parent=PurePosixPath(host["site_dir"]).parent,
                     site_url=settings["site_url"])


def _endpoints(postgres_host, postgres_port, postgres_db, postgres_user, redis_host, redis_port) -> dict:
    return {"postgres_host": postgres_host, "postgres_port": postgres_port, "postgres_db": postgres_db,
            "postgres_user": postgres_user, "postgres_password": POSTGRES_PASSWORD,
            "redis_host": redis_host, "redis_port": redis_port, "redis_password": REDIS_PASSWORD}


# --- containers ----------------------------------------------------------------------------------
def _container_config(tree: ContentTree, templates: deploy.Templates, settings: dict, config: Path, *,
                      endpoints: dict, site: dict, nginx_errors: PurePosixPath) -> None:
    """What the bot and web containers mount at /etc/preventiewijzer: config/bot/, config/web/."""
    bot, web = config / "bot", config / "web"
    replies = deploy.write_error_replies(tree, web / "errors" / "_errors")
    bot.mkdir(parents=True, exist_ok=True)
    shutil.move(replies, bot / "unavailable.json")  # the bot's, not nginx's
    templates.render("endpoints.yml.j2", bot / "endpoints.yml", **endpoints)
    templates.render("credentials.yml.j2", bot / "credentials.yml",
                     unavailable_replies=json.dumps(str(CONTAINER_CONFIG / "unavailable.json")),
                     default_language=tree.settings.default_language)
    templates.render("security.txt.j2", web / "security.txt", **_security_txt(settings))
    templates.render("nginx-site.conf.j2", web / "nginx-site.conf", **_nginx_site(
        tree, settings, site_dir=CONTAINER_SITE, errors_root=nginx_errors,
        security_txt=CONTAINER_CONFIG / "security.txt", access_log="/dev/stdout", **site))
    # nginx runs as the image's user (not root), so its own files live in /tmp (a tmpfs).
    templates.render("nginx.conf.j2", web / "nginx.conf", worker_processes=1, user=None, run_dir="/tmp",
                     error_log="/dev/stderr", mime_types="/etc/nginx/mime.types",
                     site_conf=CONTAINER_CONFIG / "nginx-site.conf")


def container_rasa_command(cors: str) -> list[str]:
    return ["rasa", *deploy.rasa_arguments(
        model=MODEL, port=RASA_PORT, interface="0.0.0.0", endpoints=str(CONTAINER_CONFIG / "endpoints.yml"),
        credentials=str(CONTAINER_CONFIG / "credentials.yml"), cors=cors)]


def render_compose(tree: ContentTree, templates: deploy.Templates, settings: dict, target: Path, *, project: Path) -> None:
    compose = settings["compose"]
    instances = compose["instances"]
    postgres = {"database": "preventiewijzer", "user": "preventiewijzer"}
    _container_config(
        tree, templates, settings, target / "config",
        endpoints=_endpoints("postgres", 5432, postgres["database"], postgres["user"], "redis", 6379),
        nginx_errors=CONTAINER_CONFIG / "errors",
        site={"listen": ["8443 ssl http2"], "redirect_listen": ["8080"], "https_port": compose["https_port"],
              "tls": {"certificate": "/run/secrets/tls_certificate", "certificate_key": "/run/secrets/tls_certificate_key"},
              "rasa_servers": [f"rasa-{number}:{RASA_PORT}" for number in range(1, instances + 1)]})
    templates.render("redis.conf.j2", target / "config" / "redis" / "redis.conf", bind="* -::*", port=6379,
                     password=None, data_dir="/data")
    templates.render(
        "compose/compose.yaml.j2", target / "compose.yaml", instances=instances,
        context=os.path.relpath(project, target), site_url=settings["site_url"],
        bot_image=compose["bot_image"], web_image=compose["web_image"], postgres_image=compose["postgres_image"],
        redis_image=compose["redis_image"], http_port=compose["http_port"], https_port=compose["https_port"],
        rasa_command=container_rasa_command(site_origin(settings)), retention_days=settings["retention_days"],
        postgres_database=postgres["database"], postgres_user=postgres["user"])


# --- Kubernetes ----------------------------------------------------------------------------------
KUBERNETES_ERRORS = PurePosixPath("/srv/preventiewijzer/errors")  # a ConfigMap mounted at .../_errors


def render_kubernetes(tree: ContentTree, templates: deploy.Templates, settings: dict, target: Path, **_) -> None:
    """A kustomize base (target/base) and overlays (target/overlays/<name>) to copy and adapt."""
    k8s = settings["kubernetes"]
    base = target / "base"
    environment = deploy.FromEnvironment
    _container_config(
        tree, templates, settings, base / "config",
        endpoints=_endpoints(environment("POSTGRES_HOST"), environment("POSTGRES_PORT"), environment("POSTGRES_DB"),
                             environment("POSTGRES_USER"), environment("REDIS_HOST"), environment("REDIS_PORT")),
        nginx_errors=KUBERNETES_ERRORS,
        site={"listen": ["8080"], "real_ip_from": k8s["trusted_proxies"], "rasa_servers": [f"rasa:{RASA_PORT}"]})
    # The defaults of the settings ConfigMap; an overlay merges its own (where PostgreSQL is, ...).
    defaults = {"SITE_ORIGIN": site_origin(settings), "POSTGRES_HOST": "postgres", "POSTGRES_PORT": 5432,
                "POSTGRES_DB": "preventiewijzer", "POSTGRES_USER": "preventiewijzer", "REDIS_HOST": "redis",
                "REDIS_PORT": 6379, "RETENTION_DAYS": settings["retention_days"]}
    (base / "config" / "settings.env").write_text("".join(f"{name}={value}\n" for name, value in defaults.items()))

    source = templates.directory / "kubernetes"
    values = {**k8s, "server_name": settings["server_name"], "environment": deploy.RASA_ENVIRONMENT,
              "rasa_arguments": container_rasa_command("$(SITE_ORIGIN)"),  # Kubernetes expands $(NAME) in args
              "error_files": sorted(p.name for p in (base / "config" / "web" / "errors" / "_errors").iterdir())}
    for path in sorted(source.rglob("*")):
        if path.is_file():
            relative = path.relative_to(source)
            if path.suffix == ".j2":
                templates.render(str(PurePosixPath("kubernetes") / relative.as_posix()), target / relative.with_suffix(""), **values)
            else:
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target / relative)
