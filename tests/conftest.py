"""Shared fixtures of the repository-level tests.

The static tests need only this checkout. The end-to-end tests (tests/e2e/) talk
to a running Odoo server with the addons and their demo data installed, named
by ASHSHASH_URL (e.g. http://localhost:8069) and ASHSHASH_DB; scripts/test
starts one and sets both.
"""
import json
import os
import urllib.request

import pytest


class RpcError(Exception):
    """An error answered by Odoo's /jsonrpc; `name` is the exception's class,
    e.g. `odoo.exceptions.AccessError`."""

    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        super().__init__(f"{self.name}: {data.get('message') or error.get('message')}")


class OdooClient:
    """A minimal client of Odoo's external JSON-RPC API, as an integration uses it."""

    Error = RpcError

    def __init__(self, url, db):
        self.url = url.rstrip("/")
        self.db = db

    def call(self, service, method, *args):
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1,
                   "params": {"service": service, "method": method, "args": args}}
        request = urllib.request.Request(
            f"{self.url}/jsonrpc", data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        if "error" in answer:
            raise RpcError(answer["error"])
        return answer["result"]

    def login(self, login, password):
        uid = self.call("common", "login", self.db, login, password)
        assert uid, f"{login} could not log in to {self.db}"
        return OdooSession(self, uid, password)


class OdooSession:
    """One user logged in: calls model methods through `object.execute_kw`."""

    def __init__(self, client, uid, password):
        self.client, self.uid, self.password = client, uid, password

    def execute(self, model, method, *args, **kwargs):
        return self.client.call(
            "object", "execute_kw", self.client.db, self.uid, self.password,
            model, method, list(args), kwargs,
        )


@pytest.fixture(scope="session")
def odoo():
    url, db = os.environ.get("ASHSHASH_URL"), os.environ.get("ASHSHASH_DB")
    if not url or not db:
        # Failing, not skipping: a skipped end-to-end test would pass unnoticed.
        pytest.fail("ASHSHASH_URL and ASHSHASH_DB are not set: run the tests with scripts/test, "
                    "or point them at a running server with the demo data")
    return OdooClient(url, db)
