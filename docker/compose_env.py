"""Prints one compose service's environment after compose-style interpolation, as KEY=VALUE lines.

Used by check-compose-settings. Reads the file with PyYAML when it is installed, otherwise with a
minimal parser that understands the block mappings, block lists and scalars compose.yaml uses.
Exits with 3 when a ${VAR:?message} variable is missing, as `docker compose` refuses to start then.
"""
import os
import re
import sys

INTERPOLATION = re.compile(r"\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))")


class MissingVariable(Exception):
    pass


def interpolate(value, env):
    def replace(match):
        escaped, name, operator, argument, bare = match.groups()
        if escaped:
            return "$"
        if bare:
            return env.get(bare, "")
        present = name in env
        filled = present and env[name] != ""
        given = filled if operator and operator.startswith(":") else present
        kind = (operator or "")[-1:]
        if kind == "-":
            return env[name] if given else interpolate(argument, env)
        if kind == "?":
            if not given:
                raise MissingVariable(f"required variable {name} is missing a value: {argument}")
            return env[name]
        if kind == "+":
            return interpolate(argument, env) if given else ""
        return env.get(name, "")
    return INTERPOLATION.sub(replace, value)


def scalar(text):
    text = text.strip()
    # an anchor (&name) only labels the value after it: a block when nothing follows
    text = re.sub(r"^&[^\s]+\s*", "", text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return re.sub(r"\s+#.*$", "", text)


def minimal_yaml(text):
    """Block mappings and lists of scalars or mappings; enough for compose.yaml, not for YAML at large.

    Anchors are dropped and merge keys (<<: *name) kept as plain keys, not merged: compose.yaml declares
    each service's environment in the service itself, which is all this script reads.
    """
    lines = []
    for raw in text.splitlines():
        if raw.strip() and not raw.lstrip().startswith("#"):
            lines.append((len(raw) - len(raw.lstrip(" ")), raw.strip()))

    def block(i, indent):
        if lines[i][1].startswith("- "):
            items = []
            while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("- "):
                items.append(scalar(lines[i][1][2:]))
                i += 1
            return items, i
        mapping = {}
        while i < len(lines) and lines[i][0] == indent:
            key, _, rest = lines[i][1].partition(":")
            i += 1
            if scalar(rest):
                mapping[scalar(key)] = scalar(rest)
            elif i < len(lines) and lines[i][0] > indent:
                mapping[scalar(key)], i = block(i, lines[i][0])
            elif i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("- "):
                mapping[scalar(key)], i = block(i, indent)
            else:
                mapping[scalar(key)] = None
        return mapping, i

    return block(0, lines[0][0])[0] if lines else {}


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        import yaml
        return yaml.safe_load(text)
    except ImportError:
        return minimal_yaml(text)


def environment(service, env):
    declared = service.get("environment") or {}
    if isinstance(declared, list):
        declared = dict(item.split("=", 1) if "=" in item else (item, None) for item in declared)
    result = {}
    for key, value in declared.items():
        if value is None:  # `- NAME` passes the caller's value through, or nothing
            if key in env:
                result[key] = env[key]
            continue
        if isinstance(value, bool):  # YAML's true, which compose passes on as "true"
            value = str(value).lower()
        result[key] = interpolate(str(value), env)
    return result


def main():
    compose_file, service_name = sys.argv[1], sys.argv[2]
    services = load(compose_file).get("services") or {}
    if service_name not in services:
        sys.exit(f"{compose_file}: no service {service_name}")
    try:
        values = environment(services[service_name], dict(os.environ))
    except MissingVariable as e:
        print(f"{compose_file}: {e}", file=sys.stderr)
        sys.exit(3)
    for key, value in values.items():
        if "\n" in value:
            sys.exit(f"{compose_file}: {service_name}.{key} spans lines")
        print(f"{key}={value}")


if __name__ == "__main__":
    main()
