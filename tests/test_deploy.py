"""The deployment targets (`make deploy`, README "Deploy"), rendered from deploy/settings.yml and
the templates the local stack uses, and checked with the tools operators use:

- a Debian host: `systemd-analyze verify` of the units (in a throw-away root, with stand-ins for
  the programs the host will have), `nginx -t` of the site inside Debian's own nginx.conf with a
  throw-away certificate;
- containers: the compose file against the Compose Specification's schema, the Containerfiles
  with hadolint, the containers' nginx configuration with `nginx -t`;
- Kubernetes: every overlay rendered by `kubectl kustomize` and validated against the Kubernetes
  schemas (kubernetes-validate), under the restricted Pod Security Standard;
- Rasa itself reads each target's endpoints.yml, with the passwords from the environment.

No container engine, cluster or systemd as PID 1 is here: these checks are static, and say so.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from preventiewijzer import deploy_targets
from preventiewijzer.validate import load_valid_tree

REPO = Path(__file__).resolve().parents[1]
SETTINGS = REPO / "deploy" / "settings.yml"
TOOLS = Path(sys.executable).parent  # hadolint, kubectl and kubernetes-validate come with the test extras
KUBERNETES_VERSIONS = ["1.30.0", "1.37.0"]  # the oldest and newest a Haven cluster may run today


@pytest.fixture(scope="module")
def settings() -> dict:
    return deploy_targets.load_settings(SETTINGS)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("deploy")
    result = subprocess.run([sys.executable, "-m", "preventiewijzer", "deploy", "--output", str(output)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=120, **options)


def throwaway_certificate(directory: Path) -> tuple[Path, Path]:
    certificate, key = directory / "cert.pem", directory / "key.pem"
    result = run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                  "-keyout", key, "-out", certificate])
    assert result.returncode == 0, result.stderr
    return certificate, key


# --- settings --------------------------------------------------------------------------------------
@pytest.mark.parametrize("change, message", [
    (lambda s: s["debian"].pop("instances"), "debian.instances: is missing"),
    (lambda s: s["compose"].update(instances="two"), "compose.instances: must be a whole number"),
    (lambda s: s.update(site_url="http://preventiewijzer.example/"), "site_url: must start with https://"),
    (lambda s: s["debian"].update(tls_certifcate="x"), "debian.tls_certifcate: is not a setting"),
])
def test_a_wrong_setting_is_named_and_nothing_is_rendered(tmp_path, change, message):
    broken = yaml.safe_load(SETTINGS.read_text())
    change(broken)
    path = tmp_path / "settings.yml"
    path.write_text(yaml.safe_dump(broken))
    output = tmp_path / "out"
    result = run([sys.executable, "-m", "preventiewijzer", "deploy", "--settings", path, "--output", output], cwd=REPO)
    assert result.returncode == 1
    assert f"{path}: {message}" in result.stderr
    assert not output.exists()


# --- a Debian host ---------------------------------------------------------------------------------
def unit_paths(rendered: Path) -> list[Path]:
    return sorted((rendered / "debian/etc/systemd/system").iterdir())


def exec_paths(units: list[Path]) -> set[str]:
    """The programs the units start (ExecStart= ...), which systemd-analyze wants to exist."""
    return {match for unit in units for match in re.findall(r"^Exec\w+=[-@:+!]*(\S+)", unit.read_text(), re.M)}


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed (.ci/run installs systemd)")
def test_systemd_units_pass_systemd_analyze_verify(rendered, settings, tmp_path):
    root = tmp_path / "root"
    (root / "usr/lib/systemd").mkdir(parents=True)
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    units = unit_paths(rendered)
    shutil.copytree(rendered / "debian/etc/systemd/system", root / "etc/systemd/system")
    # The host has these (the checkout's environments); here, stand-ins that can be executed.
    for program in exec_paths(units):
        stand_in = root / program.lstrip("/")
        stand_in.parent.mkdir(parents=True, exist_ok=True)
        stand_in.write_text("#!/bin/sh\n")
        stand_in.chmod(0o755)
    first_port = settings["debian"]["first_port"]
    names = [f"rasa@{first_port}.service"] + [unit.name for unit in units if "@" not in unit.name]
    result = run(["systemd-analyze", "verify", f"--root={root}", "--man=no", "--generators=no", *names])
    # systemd only warns about an unknown key or a bad value (and exits 0): no output at all.
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_every_rasa_instance_is_started_and_routed(rendered, settings):
    host = settings["debian"]
    ports = [host["first_port"] + i for i in range(host["instances"])]
    target = (rendered / "debian/etc/systemd/system/preventiewijzer.target").read_text()
    assert all(f"rasa@{port}.service" in target for port in ports)
    site = (rendered / "debian/etc/nginx/sites-available/preventiewijzer.conf").read_text()
    assert re.findall(r"server 127\.0\.0\.1:(\d+) ", site) == [str(port) for port in ports]
    timer = (rendered / "debian/etc/systemd/system/preventiewijzer-retention.service").read_text()
    assert f"--days {settings['retention_days']}" in timer


def debian_nginx_conf(prefix: Path, site: Path) -> Path:
    """Debian's own /etc/nginx/nginx.conf, with its paths moved into `prefix` and only our site
    enabled: the site must load next to what the distribution's http {} already sets. (Dynamic
    modules are left out: their paths are relative to nginx's compiled-in prefix.)"""
    text = Path("/etc/nginx/nginx.conf").read_text()
    text = re.sub(r"^include /etc/nginx/modules-enabled/.*$", "", text, flags=re.M)
    text = text.replace("/etc/nginx/sites-enabled/*", str(site)).replace("/etc/nginx/conf.d/*.conf", str(prefix / "conf.d/*.conf"))
    text = text.replace("/run/nginx.pid", str(prefix / "nginx.pid")).replace("/var/log/nginx/", f"{prefix}/")
    conf = prefix / "nginx.conf"
    conf.write_text(text)
    return conf


def nginx_test(conf: Path, prefix: Path) -> subprocess.CompletedProcess:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return run([nginx, "-t", "-p", prefix, "-c", conf, "-e", prefix / "error.log"])


@pytest.mark.skipif(not Path("/etc/nginx/nginx.conf").exists(), reason="Debian's nginx is not installed")
def test_debian_nginx_site_with_tls_passes_nginx_t(rendered, settings, tmp_path):
    host = settings["debian"]
    certificate, key = throwaway_certificate(tmp_path)
    site = (rendered / "debian/etc/nginx/sites-available/preventiewijzer.conf").read_text()
    assert "listen 443 ssl http2;" in site and "return 301 https://$host$request_uri;" in site
    assert f"ssl_certificate {host['tls_certificate']};" in site
    site = site.replace(host["tls_certificate_key"], str(key)).replace(host["tls_certificate"], str(certificate))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(site)
    result = nginx_test(debian_nginx_conf(tmp_path, tmp_path / "site.conf"), tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not Path("/etc/nginx/mime.types").exists(), reason="Debian's nginx is not installed")
@pytest.mark.parametrize("target", ["compose", "kubernetes/base"])
def test_container_nginx_configuration_passes_nginx_t(rendered, target, tmp_path):
    """The web container's nginx.conf and site. Rasa's host names (rasa-1, rasa) only resolve in
    the container network, and the TLS files are the container's secrets: stand-ins here."""
    web = rendered / target / "config/web"
    certificate, key = throwaway_certificate(tmp_path)
    moved = {" /tmp/": f" {tmp_path}/", "/etc/preventiewijzer/nginx-site.conf": str(tmp_path / "nginx-site.conf"),
             "/run/secrets/tls_certificate_key": str(key), "/run/secrets/tls_certificate": str(certificate)}
    for name in ("nginx.conf", "nginx-site.conf"):
        text = (web / name).read_text()
        for old, new in moved.items():
            text = text.replace(old, new)
        text = re.sub(r"server rasa(-\d+)?:5005 ", lambda m: f"server 127.0.0.{len(m.group(1) or '') + 1}:5005 ", text)
        (tmp_path / name).write_text(text)
    result = nginx_test(tmp_path / "nginx.conf", tmp_path)
    assert result.returncode == 0, result.stderr


# --- containers ------------------------------------------------------------------------------------
def compose_file(rendered: Path) -> dict:
    return yaml.safe_load((rendered / "compose/compose.yaml").read_text())


def test_compose_file_follows_the_compose_specification(rendered):
    from jsonschema import Draft202012Validator

    schema_file = resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    validator = Draft202012Validator(json.loads(schema_file.read_text()))
    errors = [f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
              for error in validator.iter_errors(compose_file(rendered))]
    assert not errors, "\n".join(errors)


def test_compose_runs_every_instance_healthy_behind_nginx(rendered, settings):
    services = compose_file(rendered)["services"]
    instances = [f"rasa-{n}" for n in range(1, settings["compose"]["instances"] + 1)]
    assert set(instances) <= services.keys() and {"web", "postgres", "redis", "retention"} <= services.keys()
    for name, service in services.items():
        assert service["restart"] == "unless-stopped", name
        assert name == "retention" or "healthcheck" in service, name
    # nginx starts when every instance answers, and routes to all of them.
    assert set(services["web"]["depends_on"]) == set(instances)
    site = (rendered / "compose/config/web/nginx-site.conf").read_text()
    assert re.findall(r"server (rasa-\d+):5005 ", site) == instances
    # Passwords only as secrets: none in the compose file or in the configuration it mounts.
    for name in ("postgres_password", "redis_password", "tls_certificate_key"):
        assert name in compose_file(rendered)["secrets"]
    endpoints = (rendered / "compose/config/bot/endpoints.yml").read_text()
    assert "password: ${POSTGRES_PASSWORD}" in endpoints and "password: ${REDIS_PASSWORD}" in endpoints


def test_containerfiles_pass_hadolint():
    containers = REPO / "deploy/containers"
    result = run([TOOLS / "hadolint", "--config", containers / ".hadolint.yaml",
                  containers / "Containerfile.bot", containers / "Containerfile.web"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_bot_image_runs_python_3_10_from_ubuntu_22_04():
    """Rasa 3.6 needs Python 3.10 at most; Ubuntu 22.04 LTS ships its security fixes (README)."""
    text = (REPO / "deploy/containers/Containerfile.bot").read_text()
    assert "FROM ubuntu:22.04 AS python" in text and "python3.10 -m venv" in text


# --- Kubernetes ------------------------------------------------------------------------------------
def kustomize(rendered: Path, overlay: str) -> list[dict]:
    result = run([TOOLS / "kubectl", "kustomize", rendered / "kubernetes/overlays" / overlay])
    assert result.returncode == 0, result.stderr
    return [document for document in yaml.safe_load_all(result.stdout) if document]


@pytest.mark.parametrize("overlay", ["test", "production"])
def test_kubernetes_overlay_is_valid_for_the_kubernetes_schemas(rendered, overlay):
    import kubernetes_validate

    documents = kustomize(rendered, overlay)
    for version in KUBERNETES_VERSIONS:
        for document in documents:
            # An unknown kind or apiVersion raises too (the command line only warns about it).
            kubernetes_validate.validate(document, version, strict=True)


def pod_specs(documents: list[dict]):
    for document in documents:
        spec = document.get("spec", {})
        if document["kind"] == "Deployment":
            yield document["metadata"]["name"], spec["template"]["spec"]
        elif document["kind"] == "CronJob":
            yield document["metadata"]["name"], spec["jobTemplate"]["spec"]["template"]["spec"]


@pytest.mark.parametrize("overlay", ["test", "production"])
def test_kubernetes_pods_meet_the_restricted_pod_security_standard(rendered, overlay):
    """What a Haven cluster's admission enforces for ordinary workloads, and resource limits."""
    documents = kustomize(rendered, overlay)
    assert {d["metadata"].get("namespace") for d in documents} == {f"preventiewijzer{'-test' if overlay == 'test' else ''}"}
    cluster_scoped = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"}
    assert not [d["kind"] for d in documents if d["kind"] in cluster_scoped]
    for name, spec in pod_specs(documents):
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        assert spec["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault", name
        assert spec["automountServiceAccountToken"] is False, name
        for container in spec["containers"]:
            context = container["securityContext"]
            assert context["allowPrivilegeEscalation"] is False and context["capabilities"]["drop"] == ["ALL"], name
            assert context["readOnlyRootFilesystem"] is True, name
            assert {"cpu", "memory"} <= container["resources"]["limits"].keys(), name


def by_kind(documents: list[dict], kind: str, name: str) -> dict:
    return next(d for d in documents if d["kind"] == kind and d["metadata"]["name"].startswith(name))


def test_kubernetes_scales_rasa_and_runs_the_retention_nightly(rendered, settings):
    documents = kustomize(rendered, "production")
    k8s = settings["kubernetes"]
    autoscaler = by_kind(documents, "HorizontalPodAutoscaler", "rasa")
    assert autoscaler["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "rasa"}
    assert (autoscaler["spec"]["minReplicas"], autoscaler["spec"]["maxReplicas"]) == (k8s["min_replicas"], k8s["max_replicas"])
    cron = by_kind(documents, "CronJob", "retention")
    assert cron["spec"]["schedule"] == k8s["retention_schedule"]
    assert "serving.retention" in cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["args"]
    # External PostgreSQL and Redis are the overlay's settings, which Rasa reads from its environment.
    settings_map = by_kind(documents, "ConfigMap", "preventiewijzer-settings")["data"]
    assert settings_map["POSTGRES_HOST"] == "postgres.example.internal"
    bot_config = by_kind(documents, "ConfigMap", "preventiewijzer-bot-config")["data"]
    assert "url: ${POSTGRES_HOST}" in bot_config["endpoints.yml"]
    rasa = by_kind(documents, "Deployment", "rasa")["spec"]["template"]["spec"]["containers"][0]
    assert rasa["image"] == "registry.example/preventiewijzer/bot:1.0.0"
    assert {"name": "config", "configMap": {"name": by_kind(documents, "ConfigMap", "preventiewijzer-bot-config")["metadata"]["name"]}} \
        in by_kind(documents, "Deployment", "rasa")["spec"]["template"]["spec"]["volumes"]


# --- Rasa reads what the targets give it -----------------------------------------------------------
READ_ENDPOINTS = """
import json, sys
from rasa.utils.endpoints import read_endpoint_config
stores = {}
for name in ("tracker_store", "lock_store"):
    config = read_endpoint_config(sys.argv[1], name)
    stores[name] = {"url": config.url, **{k: config.kwargs.get(k) for k in ("port", "db", "username", "password")}}
print(json.dumps(stores))
"""


@pytest.mark.parametrize("target", ["debian/etc/preventiewijzer", "compose/config/bot", "kubernetes/base/config/bot"])
def test_rasa_reads_each_targets_endpoints_with_passwords_from_the_environment(rendered, target):
    rasa_python = Path(os.environ.get("PW_RASA", REPO / ".venv/bot/bin/rasa")).parent / "python"
    environment = dict(os.environ, POSTGRES_PASSWORD="0123", REDIS_PASSWORD="s3cret", POSTGRES_HOST="db.internal",
                       POSTGRES_PORT="5433", POSTGRES_DB="pw", POSTGRES_USER="pw", REDIS_HOST="redis.internal", REDIS_PORT="6380")
    result = run([rasa_python, "-c", READ_ENDPOINTS, rendered / target / "endpoints.yml"], env=environment)
    assert result.returncode == 0, result.stderr
    stores = json.loads(result.stdout.strip().splitlines()[-1])
    assert stores["tracker_store"]["password"] == "0123" and stores["lock_store"]["password"] == "s3cret"
    if target.startswith("kubernetes"):
        assert stores["tracker_store"]["url"] == "db.internal" and str(stores["lock_store"]["port"]) == "6380"


def test_the_local_stack_and_every_target_share_the_site_template(rendered):
    """One nginx site for all: the headers and the chat's one path are the same everywhere."""
    sites = [rendered / "debian/etc/nginx/sites-available/preventiewijzer.conf",
             rendered / "compose/config/web/nginx-site.conf", rendered / "kubernetes/base/config/web/nginx-site.conf"]
    for site in sites:
        text = site.read_text()
        assert "location = /webhooks/rest/webhook" in text and "Content-Security-Policy" in text, site
    tree = load_valid_tree(REPO / "content")
    for language in tree.settings.language_codes:
        assert (rendered / "compose/config/web/errors/_errors" / f"unavailable-{language}.json").exists()
