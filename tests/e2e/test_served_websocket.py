"""Real-time through the layout scripts/run serves: nginx on the public port,
Odoo with `workers = 2` behind it, /websocket passed to Odoo's real-time
(gevent) process, `proxy_mode = True`.

Odoo's threaded server (--workers=0, the other end-to-end tests) answers
websockets on its HTTP port, so it cannot show the failure this guards against:
in multi-worker mode an HTTP worker cannot hold a websocket, and a browser whose
/websocket lands on one gets "Real-time connection lost" while the server logs
`RuntimeError: Couldn't bind the websocket`. scripts/test therefore also starts
scripts/run on the test database (free ports, own run directory) and names it
with ASHSHASH_SERVED_URL and its output with ASHSHASH_SERVED_LOG.
"""
import http.cookiejar
import json
import os
import random
import re
import time
import urllib.parse
import urllib.request

import pytest
import websocket
from conftest import OdooClient

# bus/websocket.py WebsocketConnectionHandler._VERSION in Odoo 18.0: an older
# version makes the server close the connection (the browser would reload its worker).
WEBSOCKET_VERSION = "18.0-5"
# Lines of the run's output that show a problem: Odoo's log at ERROR or above,
# a traceback, nginx's errors (its error log goes to the same output).
BAD_LINE = re.compile(
    r"^\S+ \S+ \d+ (ERROR|CRITICAL) |^Traceback |\[(error|crit|alert|emerg)\]"
)


@pytest.fixture(scope="module")
def served():
    url, db = os.environ.get("ASHSHASH_SERVED_URL"), os.environ.get("ASHSHASH_DB")
    log = os.environ.get("ASHSHASH_SERVED_LOG")
    if not url or not db or not log:
        # Failing, not skipping: a skipped test would pass unnoticed.
        pytest.fail("ASHSHASH_SERVED_URL, ASHSHASH_SERVED_LOG and ASHSHASH_DB are not set: run the "
                    "tests with scripts/test, which starts scripts/run (nginx + multi-worker Odoo)")
    return {"url": url.rstrip("/"), "db": db, "log": log}


def web_login(served, login, password):
    """Logs in as the web client does (through nginx); returns the session id."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    payload = {"jsonrpc": "2.0", "method": "call", "id": 1,
               "params": {"db": served["db"], "login": login, "password": password}}
    request = urllib.request.Request(
        f"{served['url']}/web/session/authenticate", data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with opener.open(request, timeout=60) as response:
        answer = json.load(response)
    assert "error" not in answer, answer.get("error")
    session_id = next((cookie.value for cookie in jar if cookie.name == "session_id"), None)
    assert session_id, "no session cookie after logging in"
    return session_id


def open_websocket(served, session_id):
    """Opens /websocket on the public port as the browser's worker does."""
    parts = urllib.parse.urlsplit(served["url"])
    scheme = "wss" if parts.scheme == "https" else "ws"
    ws = websocket.create_connection(
        f"{scheme}://{parts.netloc}/websocket?version={WEBSOCKET_VERSION}",
        cookie=f"session_id={session_id}", origin=served["url"], timeout=30,
    )
    ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
    return ws


def wait_for_notification(ws, match, seconds=30):
    """The first bus notification for which match(message) is true, or None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ws.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            frame = ws.recv()
        except websocket.WebSocketTimeoutException:
            break
        for notification in json.loads(frame or "[]"):
            if match(notification.get("message") or {}):
                return notification["message"]
    return None


def test_pages_are_served_by_nginx(served):
    with urllib.request.urlopen(f"{served['url']}/web/login", timeout=60) as response:
        assert response.status == 200
        assert response.headers.get("Server") == "nginx", "the public port is nginx's"
        assert b"<form" in response.read()


def test_websocket_through_the_served_port_delivers_live_notifications(served):
    """A case worker's browser subscribes; a change made by another request
    (another worker) reaches it over the websocket, as live chatter does."""
    session_id = web_login(served, "caseworker", "caseworker")
    ws = open_websocket(served, session_id)
    try:
        assert ws.getstatus() == 101, "the handshake upgraded the connection"
        # Any change that Odoo pushes to the user's own bus channel will do: the
        # user's Discuss settings (res.users.settings sends the changed values).
        user = OdooClient(served["url"], served["db"]).login("caseworker", "caseworker")
        settings = user.execute("res.users.settings", "search", [["user_id", "=", user.uid]])
        if not settings:
            settings = [user.execute("res.users.settings", "create", {"user_id": user.uid})]
        duration = random.randint(1000, 9999)
        user.execute("res.users.settings", "set_res_users_settings", settings,
                     new_settings={"voice_active_duration": duration})

        message = wait_for_notification(
            ws, lambda m: m.get("type") == "res.users.settings"
            and (m.get("payload") or {}).get("voice_active_duration") == duration,
        )
        assert message, "the settings change was not pushed over the websocket within 30 s"
    finally:
        ws.close()


def test_served_log_has_no_websocket_error(served):
    """The run's output (Odoo's log and nginx's errors) after web clients have
    connected: no `Couldn't bind the websocket`, no traceback, no error."""
    ws = open_websocket(served, web_login(served, "casemanager", "casemanager"))
    ws.close()
    time.sleep(1)  # let the server log the closed connection, if it logs anything
    with open(served["log"], encoding="utf-8", errors="replace") as file:
        lines = file.read().splitlines()
    assert lines, "the run's log is empty"
    assert not [line for line in lines if "Couldn't bind the websocket" in line]
    bad = [line for line in lines if BAD_LINE.search(line)]
    assert not bad, "errors in the run's log:\n" + "\n".join(bad[:20])
