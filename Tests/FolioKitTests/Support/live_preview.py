#!/usr/bin/env python3
"""Drives headless Chromium through the DevTools protocol against `folio serve`, as an author would:
open the page, edit a chapter, break it, fix it. Prints one JSON object with what it saw.

usage: live_preview.py URL CHAPTER_FILE
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from websocket import create_connection  # websocket-client, from PyPI

url, chapter = sys.argv[1], sys.argv[2]
result = {}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
profile = tempfile.mkdtemp(prefix="folio-chromium-")
browser = subprocess.Popen(
    [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
     f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "--window-size=1000,800", "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    deadline = time.time() + 30
    targets = None
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as r:
                targets = [t for t in json.load(r) if t.get("type") == "page"]
            if targets:
                break
        except OSError:
            pass
        time.sleep(0.2)
    ws = create_connection(targets[0]["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
    next_id = [0]

    def call(method, params=None):
        next_id[0] += 1
        ws.send(json.dumps({"id": next_id[0], "method": method, "params": params or {}}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == next_id[0]:
                return message.get("result", {})

    def evaluate(expression):
        r = call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return r.get("result", {}).get("value")

    def wait_for(expression, seconds=30):
        end = time.time() + seconds
        while time.time() < end:
            if evaluate(expression):
                return True
            time.sleep(0.2)
        return False

    def append(text):
        with open(chapter, "a", encoding="utf-8") as f:
            f.write(text)

    original = open(chapter, encoding="utf-8").read()
    call("Page.enable")
    call("Page.navigate", {"url": url})
    result["loaded"] = wait_for("document.readyState === 'complete' && !!document.querySelector('main')")
    # A full reload would clear this; the live update must not need one.
    evaluate("window.folioProbe = 42; document.body.style.minHeight = '5000px'; window.scrollTo(0, 600); 0")
    result["connected"] = wait_for("document.documentElement.dataset !== undefined && performance.now() > 500")

    append("\nLive edit marker 7319.\n")
    result["edited"] = wait_for("document.body.innerText.includes('Live edit marker 7319')")
    result["same_window"] = evaluate("window.folioProbe === 42")
    result["scroll"] = evaluate("window.scrollY")

    append("\nA claim [@nosuchkey2].\n")
    result["overlay"] = wait_for("!!document.getElementById('folio-overlay')")
    result["overlay_text"] = evaluate("(document.getElementById('folio-overlay') || {}).innerText || ''")
    result["kept_last_good"] = evaluate("document.body.innerText.includes('Live edit marker 7319')")

    with open(chapter, "w", encoding="utf-8") as f:
        f.write(original + "\nFixed marker 8264.\n")
    result["cleared"] = wait_for("!document.getElementById('folio-overlay') && document.body.innerText.includes('Fixed marker 8264')")
    result["same_window_at_end"] = evaluate("window.folioProbe === 42")
    ws.close()
finally:
    browser.kill()
    browser.wait()
    shutil.rmtree(profile, ignore_errors=True)
print(json.dumps(result))
