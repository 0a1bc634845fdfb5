#!/usr/bin/env python3
"""Runs every request of the .http files in this folder, top to bottom, against a running API, the way the REST Client
(VS Code) and JetBrains' HTTP client do: file variables (@name = value), named requests (# @name x) and references to
earlier responses ({{x.response.body.field}}, {{x.response.body.$.items[0].id}}, {{x.response.headers.ETag}}), and
file contents in a body (a line "< path", relative to the .http file) for multipart uploads, whose lines end in CRLF.

Usage: python3 http/check.py <baseUrl> <adminPassword> [files...]    Exits non-zero if any request fails (status >= 400).
CI starts a fresh API and runs this, so the files keep working as the API changes. A sign-in (POST …/auth/token) with
the same body as an earlier one reuses that token, as a person keeps one editor session signed in: every file signs in
first, and the sign-in endpoint's tighter rate limit would otherwise refuse the later files.
"""
import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

VAR = re.compile(r"\{\{\s*([^}]+?)\s*\}\}")


def resolve(text, variables, responses):
    def one(match):
        name = match.group(1)
        if ".response." in name:
            request, _, rest = name.partition(".response.")
            kind, _, path = rest.partition(".")
            response = responses[request]
            if kind == "headers":
                return response["headers"].get(path.lower(), "")
            value = response["body"]
            path = path[2:] if path.startswith("$.") else path
            for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
                value = value[int(part[1:-1])] if part.startswith("[") else value[part]
            return str(value).lower() if isinstance(value, bool) else str(value)
        if name in variables:
            return resolve(variables[name], variables, responses)
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name):
            return match.group(0)  # not a variable of the file: a Liquid merge field such as {{ client.firstName }}, sent as written
        raise KeyError(f"unknown variable {name}")

    return VAR.sub(one, text)


SIGN_INS = {}


def run_file(path, base_url, password):
    variables, responses, failures = {}, {}, 0
    for block in re.split(r"^###.*$", path.read_text(), flags=re.M):
        name, request_line, headers, body, in_body = None, None, [], [], False
        for line in block.splitlines():
            if request_line is None:
                stripped = line.strip()
                if m := re.match(r"^#\s*@name\s+(\S+)", stripped):
                    name = m.group(1)
                elif m := re.match(r"^@([\w-]+)\s*=\s*(.*)$", stripped):
                    variables[m.group(1)] = m.group(2)
                elif stripped and not stripped.startswith("#") and not stripped.startswith("//"):
                    request_line = stripped
            elif not in_body:
                if line.strip() == "":
                    in_body = True
                else:
                    headers.append(line)
            else:
                body.append(line)
        if request_line is None:
            continue
        variables["baseUrl"], variables["password"] = base_url, password
        method, url = resolve(request_line, variables, responses).split(" ", 1)
        request = urllib.request.Request(url.strip(), method=method)
        for header in headers:
            key, _, value = header.partition(":")
            request.add_header(key.strip(), resolve(value.strip(), variables, responses))
        payload = resolve("\n".join(body).strip(), variables, responses)
        if any(line.startswith("< ") for line in payload.splitlines()):
            # Multipart: CRLF line ends, and each "< path" line replaced by that file's bytes.
            parts = [(path.parent / line[2:].strip()).read_bytes() if line.startswith("< ") else line.encode()
                     for line in payload.splitlines()]
            request.data = b"\r\n".join(parts) + b"\r\n"
        elif payload:
            request.data = payload.encode()
        sign_in = (url.strip(), payload) if method == "POST" and url.strip().endswith("/auth/token") else None
        if sign_in in SIGN_INS:
            status, raw, response_headers = SIGN_INS[sign_in]
        else:
            try:
                with urllib.request.urlopen(request) as response:
                    status, raw, response_headers = response.status, response.read(), response.headers
            except urllib.error.HTTPError as error:
                status, raw, response_headers = error.code, error.read(), error.headers
            if sign_in and status < 400:
                SIGN_INS[sign_in] = (status, raw, response_headers)
        text = raw.decode(errors="replace") if raw else ""  # a download (an image) is not text
        ok = status < 400
        failures += 0 if ok else 1
        print(f"{'ok  ' if ok else 'FAIL'} {status} {method} {url.strip()}" + ("" if ok else f"\n     {text[:400]}"))
        if name:
            responses[name] = {
                "body": json.loads(text) if text.startswith(("{", "[")) else text,
                "headers": {k.lower(): v for k, v in response_headers.items()},
            }
    return failures


def main():
    base_url, password = sys.argv[1].rstrip("/"), sys.argv[2]
    files = [Path(f) for f in sys.argv[3:]] or sorted(Path(__file__).parent.glob("*.http"))
    failures = 0
    for path in files:
        print(f"== {path.name}")
        failures += run_file(path, base_url, password)
    print(f"{'all requests succeeded' if failures == 0 else f'{failures} request(s) failed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
